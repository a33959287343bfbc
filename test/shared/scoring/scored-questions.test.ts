import { describe, expect, it } from 'vitest';
import { listScoredQuestions, ScoredQuestionSchema, yesValueOf } from '../../../shared/scoring/index';
import { checkbox, choice, gate, makeSurvey, page, yesNo } from '../../helpers/make-survey';

describe('yesValueOf', () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['a boolean counts true as yes', yesNo('a'), true],
    ['a boolean with valueTrue counts that value', { ...yesNo('a'), valueTrue: 'ja' }, 'ja'],
    [
      'a radiogroup counts its highest-scored choice',
      choice('m', { inget: 0, delvis: 1, klimatneutral_2030: 3 }),
      'klimatneutral_2030',
    ],
    ['a tie goes to the first choice', choice('m', { ja: 2, ocksa: 2 }), 'ja'],
    ['a dropdown works like a radiogroup', { ...choice('m', { nej: 0, ja: 1 }), type: 'dropdown' }, 'ja'],
    ['a choice question without points has no yes', choice('m', { ja: 0, nej: 0 }), null],
    ['a checkbox has no single yes', checkbox('c', { a: 1 }), null],
    ['a text question has no yes', { type: 'text', name: 't' }, null],
  ];
  it.each(cases)('%s', (_name, question, expected) => {
    // Act
    const result = yesValueOf(question);
    // Assert
    expect(result).toEqual(expected);
  });
});

describe('listScoredQuestions', () => {
  it('lists gates and questions with points in survey order with page, max and choices', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        page('baskrav', [gate('G1')]),
        page('mal', [
          {
            ...choice('M1', { inget: 0, klimatneutral_2030: 3 }),
            title: { default: 'Klimatmål', en: 'Climate target' },
          },
          { type: 'comment', name: 'M1_comment' },
          yesNo('M3', 2),
        ]),
      ],
    });
    // Act
    const result = listScoredQuestions(survey);
    // Assert
    expect(result).toEqual([
      { name: 'G1', title: 'G1', page: 'baskrav', type: 'boolean', max: 0, gate: true },
      {
        name: 'M1',
        title: 'Klimatmål',
        page: 'mal',
        type: 'radiogroup',
        max: 3,
        gate: false,
        choices: [
          { value: 'inget', text: 'inget', score: 0 },
          { value: 'klimatneutral_2030', text: 'klimatneutral_2030', score: 3 },
        ],
      },
      { name: 'M3', title: 'M3', page: 'mal', type: 'boolean', max: 2, gate: false },
    ]);
    for (const entry of result) expect(ScoredQuestionSchema.parse(entry)).toEqual(entry);
  });
});
