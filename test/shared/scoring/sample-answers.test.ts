import { describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../../shared/scoring/sample-answers';
import { compileScoring } from '../../../shared/scoring/scoring-plan';
import kommun from '../../../shared/surveys/kommun.json';
import region from '../../../shared/surveys/region.json';

describe('sampleAnswers', () => {
  it.each([
    ['kommun', kommun],
    ['region', region],
  ])("keeps every number inside its question's min and max (%s)", (_type, survey) => {
    // Arrange
    const numbers = compileScoring(survey).questions.filter((q) => q.json.inputType === 'number');
    expect(numbers.some((q) => typeof q.json.min === 'number')).toBe(true);
    // Act
    const samples = sampleAnswers(survey, 200, 7);
    // Assert
    for (const answers of samples) {
      for (const q of numbers) {
        const value = answers[q.name];
        if (value === undefined) continue;
        if (typeof q.json.min === 'number') expect(value).toBeGreaterThanOrEqual(q.json.min);
        if (typeof q.json.max === 'number') expect(value).toBeLessThanOrEqual(q.json.max);
      }
    }
  });

  it('gives the same answers for the same seed', () => {
    expect(sampleAnswers(kommun, 3, 42)).toEqual(sampleAnswers(kommun, 3, 42));
  });
});
