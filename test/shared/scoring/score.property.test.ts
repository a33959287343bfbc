import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScoring, type QuestionPlan, score } from '../../../shared/scoring/index';
import { choiceItems } from '../../../shared/scoring/survey-json';
import kommun from '../../../shared/surveys/kommun.json';
import region from '../../../shared/surveys/region.json';
import { answersArbitrary, makeSurvey } from '../../helpers/make-survey';

const surveys: Array<[string, object]> = [
  ['the test fixture', makeSurvey()],
  ['the kommun survey', kommun],
  ['the region survey', region],
];

/** Every answer to `q` that should never score below `current`: a yes, a better choice, one more box. */
function improvements(q: QuestionPlan, current: unknown): unknown[] {
  const items = choiceItems(q.json).map((item) => item.value);
  const scoreOf = (value: unknown) => q.choiceScores.get(String(value)) ?? 0;
  switch (q.kind) {
    case 'boolean':
      return q.scoreTrue >= q.scoreFalse ? [true] : [false];
    case 'choice':
      return items.filter((value) => current === undefined || scoreOf(value) >= scoreOf(current));
    case 'checkbox': {
      const chosen = Array.isArray(current) ? current : [];
      return items.filter((value) => !chosen.includes(value)).map((value) => [...chosen, value]);
    }
    case 'number': {
      const n = typeof current === 'number' ? current : Number.NEGATIVE_INFINITY;
      const bandScore = (x: number) =>
        q.numberBands.find((b) => (b.min === undefined || x >= b.min) && (b.max === undefined || x < b.max))?.score ??
        0;
      const candidates = q.numberBands.flatMap((b) => (b.min === undefined ? [] : [b.min]));
      return candidates.filter((x) => bandScore(x) >= bandScore(n));
    }
    case 'none':
      return [];
  }
}

describe.each(surveys)('scoring properties of %s', (_name, survey) => {
  const plan = compileScoring(survey);
  const scorable = plan.questions.filter((q) => q.kind !== 'none');

  it('the total stays between 0 and the maximum, and the share between 0 and 1', () => {
    fc.assert(
      fc.property(answersArbitrary(survey), (answers) => {
        // Act
        const result = score(survey, answers);
        // Assert
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.total).toBeLessThanOrEqual(result.max);
        expect(result.share).toBeGreaterThanOrEqual(0);
        expect(result.share).toBeLessThanOrEqual(1);
        for (const section of result.sections) expect(section.total).toBeLessThanOrEqual(section.max);
      }),
      { numRuns: 300 },
    );
  });

  it('the maximum does not depend on the answers', () => {
    fc.assert(
      fc.property(answersArbitrary(survey), (answers) => {
        // Act
        const result = score(survey, answers);
        // Assert
        expect(result.max).toBe(score(survey, {}).max);
      }),
      { numRuns: 100 },
    );
  });

  it('answering yes, choosing a higher-scored choice or ticking one more box never lowers the total', () => {
    fc.assert(
      fc.property(answersArbitrary(survey), fc.nat(), fc.nat(), (answers, questionPick, valuePick) => {
        // Arrange
        const q = scorable[questionPick % scorable.length]!;
        const options = improvements(q, answers[q.name]);
        fc.pre(options.length > 0);
        const improved = { ...answers, [q.name]: options[valuePick % options.length] };
        // Act
        const before = score(survey, answers).total;
        const after = score(survey, improved).total;
        // Assert
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('changing a gate from no to yes never lowers the total and never fails the gate', () => {
    const gates = plan.questions.filter((q) => q.gate);
    expect(gates.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(answersArbitrary(survey), fc.nat(), (answers, pick) => {
        // Arrange
        const q = gates[pick % gates.length]!;
        const no = { ...answers, [q.name]: false };
        const yes = { ...answers, [q.name]: true };
        // Act
        const before = score(survey, no);
        const after = score(survey, yes);
        // Assert
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(before.gatePassed).toBe(false);
        if (after.gatePassed) expect(after.band).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
