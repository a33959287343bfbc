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

  it('brings a comment only with its question’s answer in the same carry-over', () => {
    const alone = carryOverAnswers(thisYear, { q2: 'not a boolean', 'q2-Comment': 'Beslut 2024' }, {});
    expect(alone).toEqual({ values: {}, answers: 0, left: ['q2', 'q2-Comment'] });
    // Written for last year's answer, not for the one given this year.
    const answeredNow = carryOverAnswers(thisYear, { q2: true, 'q2-Comment': 'Beslut 2024' }, { q2: false });
    expect(answeredNow).toEqual({ values: {}, answers: 0, left: ['q2-Comment'] });
    const other = carryOverAnswers(thisYear, { c1: ['x', 'other'], 'c1-Comment': 'Egen' }, {});
    expect(other).toEqual({ values: { c1: ['x', 'other'], 'c1-Comment': 'Egen' }, answers: 1, left: [] });
  });

  it('counts the questions it answers, not their comments', () => {
    const { answers } = carryOverAnswers(thisYear, { q1: 'ja', q2: true, 'q2-Comment': 'Beslut 2024' }, {});
    expect(answers).toBe(2);
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

  it('leaves last year’s respondent in the medlemstest, the text of an “other” role included', () => {
    const earlier = { respondent_name: 'Anna', respondent_role: 'other', 'respondent_role-Comment': 'Miljöstrateg' };
    for (const draft of [{}, { respondent_role: 'tjansteperson' }, { respondent_role: 'other' }]) {
      expect(carryOverAnswers(kommun, earlier, draft).values, JSON.stringify(draft)).toEqual({});
    }
  });
});
