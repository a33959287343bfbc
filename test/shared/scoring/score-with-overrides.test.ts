import { describe, expect, it } from 'vitest';
import { sameStoredScore, score, scoreWithOverrides } from '../../../shared/scoring/index';
import { makeSurvey, yesNo } from '../../helpers/make-survey';

const survey = makeSurvey();
const answers = { G1: true, G2: true, q1: 'nej', q2: false, q3: true };
const stored = (question: string, points: number, at: string) => ({
  question,
  points,
  reason: 'Skäl',
  by: 'kansli@example.se',
  at,
});

describe('scoreWithOverrides: the effective score every stored score holds', () => {
  it('applies the latest override of each question, keeping the computed points beside it', () => {
    // Act
    const result = scoreWithOverrides(survey, answers, [
      stored('q1', 1, '2026-03-10T09:00:00Z'),
      stored('q1', 2, '2026-03-10T10:00:00Z'),
    ]);
    // Assert
    expect(result.questions.find((q) => q.name === 'q1')).toEqual({ name: 'q1', points: 2, max: 2, computedPoints: 0 });
    expect(result.total).toBe(score(survey, answers).total + 2);
    expect(result).toEqual(score(survey, answers, { overrides: [{ question: 'q1', points: 2 }] }));
  });

  it('ignores overrides of questions a survey edit removed, where score() refuses them', () => {
    // Arrange
    const overrides = [stored('removed', 1, '2026-03-10T09:00:00Z'), stored('q2', 1, '2026-03-10T09:00:00Z')];
    // Act
    const result = scoreWithOverrides(survey, answers, overrides);
    // Assert
    expect(result).toEqual(score(survey, answers, { overrides: [{ question: 'q2', points: 1 }] }));
    expect(() => score(survey, answers, { overrides })).toThrow(RangeError);
  });

  it('is score() without overrides when there are none', () => {
    expect(scoreWithOverrides(survey, answers, [])).toEqual(score(survey, answers));
  });
});

describe('sameStoredScore: whether a stored score is what scoring gives now', () => {
  const english = makeSurvey({
    pages: [{ name: 'p', title: { default: 'Energi', en: 'Energy' }, elements: [yesNo('a')] }],
  });

  it('holds a score stored before sections kept their English title to be the same, not stale', () => {
    // Arrange: what submit stored before, without the English title
    const fresh = score(english, { a: true });
    const storedBefore = { ...fresh, sections: fresh.sections.map(({ titleEn: _, ...section }) => section) };
    // Act + Assert
    expect(fresh.sections[0]?.titleEn).toBe('Energy');
    expect(sameStoredScore(storedBefore, fresh)).toBe(true);
    expect(sameStoredScore(fresh, fresh)).toBe(true);
  });

  it('tells a changed English title, changed points and a missing score apart from the same', () => {
    const fresh = score(english, { a: true });
    const retitled = { ...fresh, sections: fresh.sections.map((s) => ({ ...s, titleEn: 'Power' })) };
    expect(sameStoredScore(retitled, fresh)).toBe(false);
    expect(sameStoredScore(score(english, { a: false }), fresh)).toBe(false);
    expect(sameStoredScore(undefined, fresh)).toBe(false);
  });
});
