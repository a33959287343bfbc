import { Model, Serializer } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { registerScoringProperties } from '../../../shared/scoring/scoring-properties';
import { makeSurvey, page } from '../../helpers/make-survey';

describe('registerScoringProperties', () => {
  it('registers every scoring property on its class', () => {
    // Act
    registerScoringProperties();
    // Assert
    const found = [
      ['itemvalue', 'score'],
      ['boolean', 'scoreTrue'],
      ['boolean', 'scoreFalse'],
      ['text', 'scoreBands'],
      ['radiogroup', 'maxScore'],
      ['checkbox', 'gate'],
      ['page', 'maxScore'],
      ['survey', 'scoreBands'],
    ].map(([className, name]) => Boolean(Serializer.findProperty(className!, name!)));
    expect(found.every(Boolean)).toBe(true);
  });

  it('can be called again without adding duplicates', () => {
    // Arrange
    const before = Serializer.getProperties('boolean').length;
    // Act
    registerScoringProperties();
    registerScoringProperties();
    // Assert
    expect(Serializer.getProperties('boolean').length).toBe(before);
  });

  it('survey-level and number-question scoreBands both round-trip through a Model', () => {
    // Arrange
    const json = makeSurvey({
      scoreBands: [
        { minShare: 0.8, label: 'A' },
        { minShare: 0, label: 'D' },
      ],
      pages: [
        page(
          'p',
          [
            {
              type: 'text',
              name: 'n',
              inputType: 'number',
              scoreBands: [
                { max: 50, score: 0 },
                { min: 50, score: 2.5 },
              ],
            },
            { type: 'boolean', name: 'b', scoreTrue: 1, scoreFalse: 0.5, gate: true },
            { type: 'checkbox', name: 'c', maxScore: 2, choices: [{ value: 'x', score: 1 }] },
          ],
          { maxScore: 10 },
        ),
      ],
    });
    // Act
    const model = new Model(json);
    const out = model.toJSON();
    // Assert
    expect(model.jsonErrors ?? []).toEqual([]);
    expect(out.scoreBands).toEqual(json.scoreBands);
    expect(out.pages[0].maxScore).toBe(10);
    expect(out.pages[0].elements).toEqual([
      expect.objectContaining({
        scoreBands: [
          { max: 50, score: 0 },
          { min: 50, score: 2.5 },
        ],
      }),
      expect.objectContaining({ scoreTrue: 1, scoreFalse: 0.5, gate: true }),
      expect.objectContaining({ maxScore: 2, choices: [{ value: 'x', score: 1 }] }),
    ]);
  });
});
