import { describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../../shared/scoring/sample-answers';
import { carryOverAnswers } from '../../../shared/survey-content/carry-over';
import { validateDraft } from '../../../shared/survey-validation/validate-draft';
import kommun from '../../../shared/surveys/kommun.json';
import { checkbox, choice, page, yesNo } from '../../helpers/make-survey';

/** This year's survey: q1 keeps its choices but drops "delvis", q3 is new, q4 became read-only, q5 computed. */
const thisYear = {
  pages: [
    page('a', [
      choice('q1', { ja: 2, nej: 0 }),
      yesNo('q2', 1, { showCommentArea: true }),
      yesNo('q3'),
      { type: 'text', name: 'q4', readOnly: true },
      { type: 'expression', name: 'q5', expression: '{q1}' },
      checkbox('c1', { x: 1, y: 1 }, undefined, { showOtherItem: true }),
      { type: 'text', name: 'who', carryOver: false },
    ]),
  ],
};

describe('carryOverAnswers', () => {
  it('carries the earlier answers this survey still accepts, and says which it left behind', () => {
    const earlier = { q1: 'ja', q2: true, 'q2-Comment': 'Beslut 2024', q4: 'prefilled', q5: 'ja', gone: 7 };
    const { values, left } = carryOverAnswers(thisYear, earlier, {});
    expect(values).toEqual({ q1: 'ja', q2: true, 'q2-Comment': 'Beslut 2024' });
    expect(left.sort()).toEqual(['gone', 'q4', 'q5']);
  });

  it('leaves a question marked carryOver: false, such as who fills in', () => {
    const { values, left } = carryOverAnswers(thisYear, { who: 'Anna Andersson', q3: true }, {});
    expect(values).toEqual({ q3: true });
    expect(left).toEqual(['who']);
  });

  it('leaves a value the question no longer accepts', () => {
    const { values, left } = carryOverAnswers(thisYear, { q1: 'delvis', c1: ['x', 'z'] }, {});
    expect(values).toEqual({});
    expect(left.sort()).toEqual(['c1', 'q1']);
  });

  it('never touches what the draft already answers, and skips what was empty before', () => {
    const draft = { q1: 'nej', q3: false };
    const earlier = { q1: 'ja', q2: true, q3: true, c1: [] };
    const { values, left } = carryOverAnswers(thisYear, earlier, draft);
    expect(values).toEqual({ q2: true });
    expect(left).toEqual([]);
  });

  it('fills a blank text or an emptied list in the draft, which SurveyJS counts as unanswered', () => {
    const { values } = carryOverAnswers(thisYear, { q1: 'ja', c1: ['y'] }, { q1: '  ', c1: [] });
    expect(values).toEqual({ q1: 'ja', c1: ['y'] });
  });

  it('brings a comment only with an answer to its question, carried or already in the draft', () => {
    const alone = carryOverAnswers(thisYear, { q2: 'not a boolean', 'q2-Comment': 'Beslut 2024' }, {});
    expect(alone).toEqual({ values: {}, left: ['q2', 'q2-Comment'] });
    const withDraft = carryOverAnswers(thisYear, { 'q2-Comment': 'Beslut 2024' }, { q2: false });
    expect(withDraft.values).toEqual({ 'q2-Comment': 'Beslut 2024' });
    const other = carryOverAnswers(thisYear, { c1: ['x', 'other'], 'c1-Comment': 'Egen' }, {});
    expect(other.values).toEqual({ c1: ['x', 'other'], 'c1-Comment': 'Egen' });
  });

  it('gives the medlemstest a draft that autosave accepts, from a whole earlier submission', () => {
    const [earlier] = sampleAnswers(kommun, 1, 7);
    const { values, left } = carryOverAnswers(kommun, earlier!, {});
    expect(Object.keys(values).length).toBeGreaterThan(10);
    expect(validateDraft(kommun, values)).toEqual({ ok: true, data: values });
    // Everything left behind is read-only or computed in the medlemstest, or who filled it in.
    for (const key of left) expect(key, key).toMatch(/^(organisation|M0_|respondent_(name|role)$)/);
    expect(values).not.toHaveProperty('respondent_name');
  });
});
