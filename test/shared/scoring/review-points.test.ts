import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../../functions/features/campaigns/default-surveys';
import { score } from '../../../shared/scoring/score';
import { adjustableMaxima, compileScoring } from '../../../shared/scoring/scoring-plan';

type Json = Record<string, unknown>;

const page = (elements: Json[], maxScore?: number) => ({
  pages: [{ name: 'p', ...(maxScore === undefined ? {} : { maxScore }), elements }],
});
const yes = { type: 'boolean', name: 'q1', scoreTrue: 2 };

describe('points only the kansli awards in review', () => {
  it('makes S6 adjustable up to the 1 point Samhällsplanering keeps for the review, and nothing else beyond its maximum', () => {
    const maxima = adjustableMaxima(DEFAULT_SURVEYS.kommun);
    const plan = compileScoring(DEFAULT_SURVEYS.kommun);
    expect(maxima.S6).toBe(1);
    // Every other adjustable question is adjustable exactly up to what the rules give it.
    for (const [name, max] of Object.entries(maxima)) {
      if (name !== 'S6') expect(max).toBe(plan.byName.get(name)!.max);
    }
    expect(Object.keys(maxima).filter((name) => plan.byName.get(name)!.max === 0)).toEqual(['S6']);
    expect(adjustableMaxima(DEFAULT_SURVEYS.region)).not.toHaveProperty('S6');
  });

  it('keeps the maxima, the question list and the review row of the scorecard as they were', () => {
    const result = score(DEFAULT_SURVEYS.kommun, {});
    expect(result.max).toBe(66);
    expect(result.sections.find((s) => s.name === 'samhallsplanering')?.max).toBe(10);
    expect(result.questions.map((q) => q.name)).not.toContain('S6');
    expect(compileScoring(DEFAULT_SURVEYS.kommun).byName.get('S6')?.max).toBe(0);
  });

  it("finds the review question of a survey copied before reviewScore: the page's only free-text question", () => {
    const legacy = page(
      [
        yes,
        { type: 'comment', name: 'q1_comment' },
        { type: 'text', name: 'q1_url', inputType: 'url' },
        { type: 'comment', name: 'example' },
      ],
      3,
    );
    expect(adjustableMaxima(legacy)).toEqual({ q1: 2, example: 1 });
    // Two candidates: nothing becomes adjustable by guess.
    const ambiguous = page([yes, { type: 'comment', name: 'a' }, { type: 'comment', name: 'b' }], 3);
    expect(adjustableMaxima(ambiguous)).toEqual({ q1: 2 });
  });

  it('adds reviewScore to the page maximum when the page sets none, and validates it', () => {
    const survey = page([yes, { type: 'comment', name: 'example', reviewScore: 1.5 }]);
    expect(score(survey, { q1: true }).max).toBe(3.5);
    expect(score(survey, { q1: true }, { overrides: [{ question: 'example', points: 1.5 }] }).total).toBe(3.5);
    expect(adjustableMaxima(survey)).toEqual({ q1: 2, example: 1.5 });
    expect(() => compileScoring(page([{ type: 'comment', name: 'x', reviewScore: -1 }]))).toThrow(/reviewScore/);
  });
});
