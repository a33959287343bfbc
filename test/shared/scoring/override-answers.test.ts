import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../../functions/features/campaigns/default-surveys';
import {
  answerForOverride,
  countStaleOverrides,
  overrideAnswerStates,
  staleOverrides,
} from '../../../shared/scoring/override-answers';
import { listScoredQuestions } from '../../../shared/scoring/scored-questions';

const override = (question: string, answer?: unknown) => ({
  question,
  points: 0.5,
  ...(answer === undefined ? {} : { answer }),
});

describe('the answer an override is made on', () => {
  it("records the question's value, and null when it is unanswered or blank", () => {
    const data = { M1: 'skarpare_an_2045', T2: false, E1: 0, blank: '  ', none: [] };
    expect(answerForOverride(data, 'M1')).toBe('skarpare_an_2045');
    // A no and a zero are answers, not blanks.
    expect(answerForOverride(data, 'T2')).toBe(false);
    expect(answerForOverride(data, 'E1')).toBe(0);
    expect(answerForOverride(data, 'blank')).toBeNull();
    expect(answerForOverride(data, 'none')).toBeNull();
    expect(answerForOverride(data, 'S6')).toBeNull();
  });
});

describe('overrides whose answer changed since (stale)', () => {
  it('flags an override made on another answer, with both answers', () => {
    const response = { data: { M1: 'klimatneutral_2030' }, overrides: [override('M1', 'skarpare_an_2045')] };
    expect(overrideAnswerStates(response)).toEqual(['changed']);
    expect(staleOverrides(response)).toEqual([
      { question: 'M1', answer: 'skarpare_an_2045', current: 'klimatneutral_2030' },
    ]);
  });

  it('does not flag an override made on the answer the response holds now', () => {
    const response = { data: { M1: 'skarpare_an_2045', T2: false }, overrides: [override('M1', 'skarpare_an_2045')] };
    expect(overrideAnswerStates(response)).toEqual(['current']);
    expect(staleOverrides(response)).toEqual([]);
  });

  it('calls an override stored before answers were recorded unknown, never stale', () => {
    const response = { data: { M1: 'klimatneutral_2030' }, overrides: [override('M1')] };
    expect(overrideAnswerStates(response)).toEqual(['unknown']);
    expect(staleOverrides(response)).toEqual([]);
  });

  it('flags an answer given or cleared since: unanswered is an answer of its own', () => {
    const given = { data: { S6: 'Cykelstråk till skolorna' }, overrides: [override('S6', null)] };
    const cleared = { data: {}, overrides: [override('M1', 'inget')] };
    expect(staleOverrides(given)).toEqual([{ question: 'S6', answer: null, current: 'Cykelstråk till skolorna' }]);
    expect(staleOverrides(cleared)).toEqual([{ question: 'M1', answer: 'inget', current: null }]);
    // Still unanswered (stored as null, now absent or blank): unchanged.
    expect(overrideAnswerStates({ data: { S6: '' }, overrides: [override('S6', null)] })).toEqual(['current']);
  });

  it('judges only the latest override of a question, the one that counts', () => {
    // Adjusted on the old answer, then kept on the new one: no longer stale.
    const kept = {
      data: { M1: 'klimatneutral_2030' },
      overrides: [override('M1', 'skarpare_an_2045'), override('M1', 'klimatneutral_2030')],
    };
    expect(overrideAnswerStates(kept)).toEqual(['changed', 'current']);
    expect(staleOverrides(kept)).toEqual([]);
  });

  it('reads text without the spaces around it, and keeps types apart (0 is not "0")', () => {
    expect(
      overrideAnswerStates({ data: { S6: 'Gott exempel ' }, overrides: [override('S6', 'Gott exempel')] }),
    ).toEqual(['current']);
    expect(overrideAnswerStates({ data: { E1: '0' }, overrides: [override('E1', 0)] })).toEqual(['changed']);
  });

  it('compares a checkbox answer as a set with the survey, and as stored without it', () => {
    const checkbox = listScoredQuestions(DEFAULT_SURVEYS.kommun).find((q) => q.type === 'checkbox');
    if (!checkbox?.choices || checkbox.choices.length < 2) throw new Error('the kommun survey has no checkbox');
    const [a, b] = checkbox.choices.map((choice) => choice.value);
    const response = { data: { [checkbox.name]: [b, a] }, overrides: [override(checkbox.name, [a, b])] };
    expect(overrideAnswerStates(response, DEFAULT_SURVEYS.kommun)).toEqual(['current']);
    expect(overrideAnswerStates(response)).toEqual(['changed']);
    // A choice more is a change with the survey too.
    const more = { ...response, data: { [checkbox.name]: [a] } };
    expect(overrideAnswerStates(more, DEFAULT_SURVEYS.kommun)).toEqual(['changed']);
  });

  it('compares as stored when the survey no longer compiles', () => {
    const broken = { pages: [{ name: 'p', elements: [{ type: 'boolean', name: 'X', scoreTrue: 'many' }] }] };
    const response = { data: { X: true }, overrides: [override('X', true)] };
    expect(overrideAnswerStates(response, broken)).toEqual(['current']);
  });
});

describe("the review list's count of overrides to check (stored on the response)", () => {
  it('counts the stale overrides that count, by the same rule as the review page', () => {
    const checkbox = listScoredQuestions(DEFAULT_SURVEYS.kommun).find((q) => q.type === 'checkbox');
    if (!checkbox?.choices || checkbox.choices.length < 2) throw new Error('the kommun survey has no checkbox');
    const [a, b] = checkbox.choices.map((choice) => choice.value);
    const response = {
      data: { M1: 'klimatneutral_2030', S6: 'Cykelstråk', [checkbox.name]: [b, a] },
      overrides: [
        override('M1', 'skarpare_an_2045'), // stale
        override('S6', null), // stale: answered since
        override(checkbox.name, [a, b]), // the same choices in another order: not stale
        override('T2'), // unknown: never counted
      ],
    };
    expect(countStaleOverrides(response, DEFAULT_SURVEYS.kommun)).toBe(2);
    expect(countStaleOverrides(response, DEFAULT_SURVEYS.kommun)).toBe(
      staleOverrides(response, DEFAULT_SURVEYS.kommun).length,
    );
    // Kept on the new answer: no longer counted.
    const kept = { ...response, overrides: [...response.overrides, override('M1', 'klimatneutral_2030')] };
    expect(countStaleOverrides(kept, DEFAULT_SURVEYS.kommun)).toBe(1);
    expect(countStaleOverrides({ data: {}, overrides: [] })).toBe(0);
  });
});
