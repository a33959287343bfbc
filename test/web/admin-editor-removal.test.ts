import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removedQuestions as removedByApi } from '../../functions/features/campaigns/survey-changes';
import { ApiError } from '../../web/src/api/client';
import { questionsRemovedIn, removedQuestions } from '../../web/src/pages/admin/editor/survey-tools';
import { edited, type SurveyElement, withChanges } from '../helpers/survey-edits';

type Json = Record<string, unknown>;

const kommun = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../shared/surveys/kommun.json'), 'utf8'),
) as Json;

const small = (elements: SurveyElement[]): Json => ({ pages: [{ name: 'p1', elements }] });

describe('the survey editor’s check for removed questions (admin console)', () => {
  it('names removed, renamed and hidden questions in survey order with their titles in the console’s language', () => {
    // Arrange: M3 renamed, M4 hidden for good, the M1 block cut, M2 retitled (not removed)
    let next = withChanges(kommun, 'M3', { name: 'M3_ny' });
    next = withChanges(next, 'M4', { visible: false });
    next = withChanges(next, 'M2', { title: 'Ny rubrik' });
    next = edited(next, (elements) => elements.filter((e) => !['M1', 'M1_url', 'M1_comment'].includes(String(e.name))));
    // Act
    const sv = removedQuestions(kommun, next, 'sv');
    const en = removedQuestions(kommun, next, 'en');
    // Assert
    expect(sv.map((q) => q.name)).toEqual(['M1', 'M1_url', 'M1_comment', 'M3', 'M4']);
    expect(sv.find((q) => q.name === 'M3')?.title).toBe('Har kommunen ett beslutat konsumtionsbaserat utsläppsmål?');
    expect(en.find((q) => q.name === 'M3')?.title).toBe(
      'Does the municipality have a decided consumption-based emission target?',
    );
  });

  it('finds nothing removed when questions are only added, changed, moved into a panel or shown on a condition', () => {
    const before = small([
      { type: 'boolean', name: 'a', title: 'A' },
      { type: 'boolean', name: 'b' },
    ]);
    const after = small([
      { type: 'panel', name: 'panel', elements: [{ type: 'boolean', name: 'a', title: 'Ändrad' }] },
      { type: 'boolean', name: 'b', visible: false, visibleIf: '{a} = true' },
      { type: 'text', name: 'c' },
    ]);
    expect(removedQuestions(before, after, 'sv')).toEqual([]);
  });

  it('uses the name as title for an untitled question, and finds nothing while the text is not a survey', () => {
    const before = small([{ type: 'boolean', name: 'utan_rubrik' }]);
    expect(removedQuestions(before, small([]), 'sv')).toEqual([{ name: 'utan_rubrik', title: 'utan_rubrik' }]);
    expect(removedQuestions(before, null, 'sv')).toEqual([]);
    expect(removedQuestions(before, [1, 2], 'sv')).toEqual([]);
  });

  it('judges as the API does, so the confirmation it sends is the set the API checks', () => {
    // Each edit below must give the same names in the console and in the API.
    const edits = [
      withChanges(kommun, 'M3', { name: 'M3_ny' }),
      withChanges(kommun, 'M4', { visible: false }),
      withChanges(kommun, 'M4', { visible: false, visibleIf: '{M3} = true' }),
      withChanges(kommun, 'M1_comment', { type: 'html', html: '<p>Text</p>' }),
      edited(kommun, (elements) => elements.filter((e) => !String(e.name).startsWith('B'))),
      { ...kommun, pages: (kommun.pages as Json[]).slice(0, 2) },
    ];
    for (const next of edits) {
      const api = removedByApi(kommun, next).map((q) => q.name);
      expect(removedQuestions(kommun, next, 'sv').map((q) => q.name)).toEqual(api);
    }
    // The cases are not all empty, so an agreement on nothing cannot pass.
    expect(edits.filter((next) => removedByApi(kommun, next).length > 0)).toHaveLength(edits.length - 1);
  });

  it('reads the questions a 409 questions_removed lists for this survey, titled from the saved survey', () => {
    // Arrange
    const details = [
      { survey: 'region', questions: [{ name: 'R1', title: 'Regionfråga' }] },
      {
        survey: 'kommun',
        questions: [
          { name: 'M3', title: 'Har kommunen ett beslutat konsumtionsbaserat utsläppsmål?' },
          { name: 'okänd', title: 'Från API:t' },
        ],
      },
    ];
    const refused = new ApiError(409, 'questions_removed', 'Ändringen tar bort frågor', details);
    // Act
    const en = questionsRemovedIn(refused, 'kommun', kommun, 'en');
    // Assert: English where the survey has it, else the API's title
    expect(en).toEqual([
      { name: 'M3', title: 'Does the municipality have a decided consumption-based emission target?' },
      { name: 'okänd', title: 'Från API:t' },
    ]);
    expect(questionsRemovedIn(refused, 'region', null, 'sv')).toEqual([{ name: 'R1', title: 'Regionfråga' }]);
  });

  it('tells other errors apart: null for them, an empty list for a refusal without this survey', () => {
    expect(questionsRemovedIn(new ApiError(409, 'version_conflict', 'x'), 'kommun', kommun, 'sv')).toBeNull();
    expect(questionsRemovedIn(new ApiError(422, 'questions_removed', 'x'), 'kommun', kommun, 'sv')).toBeNull();
    expect(questionsRemovedIn(new Error('x'), 'kommun', kommun, 'sv')).toBeNull();
    expect(questionsRemovedIn(new ApiError(409, 'questions_removed', 'x', 'garbage'), 'kommun', kommun, 'sv')).toEqual(
      [],
    );
  });
});
