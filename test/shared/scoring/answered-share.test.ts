import { describe, expect, it } from 'vitest';
import { AnsweredShareSchema, answeredShare, responseProgress } from '../../../shared/scoring/index';
import { makeSurvey, page, yesNo } from '../../helpers/make-survey';

describe('answeredShare', () => {
  const survey = makeSurvey({
    pages: [
      page('p', [
        { type: 'text', name: 'organisation', readOnly: true },
        { type: 'html', name: 'info', html: '<p>Info</p>' },
        yesNo('a', 1, { isRequired: true }),
        yesNo('b', 1, { visibleIf: '{a} = true', isRequired: true }),
        { type: 'comment', name: 'kommentar' },
        { type: 'text', name: 'lank', requiredIf: '{a} = true' },
        { type: 'expression', name: 'summa', expression: '1 + 1' },
      ]),
    ],
  });

  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, { answered: number; total: number }]> =
    [
      ['nothing answered counts every visible answerable question', {}, {}, { answered: 0, total: 3 }],
      ['a follow-up shown by a yes joins the total', { a: true }, {}, { answered: 1, total: 4 }],
      ['a hidden follow-up is not counted even when answered', { a: false, b: true }, {}, { answered: 1, total: 3 }],
      [
        'blank text and empty lists are unanswered',
        { a: true, kommentar: '  ', b: false },
        {},
        { answered: 2, total: 4 },
      ],
      [
        'read-only and computed questions are not counted',
        { organisation: 'Umeå', summa: 2 },
        {},
        { answered: 0, total: 3 },
      ],
      [
        'the required scope counts only required questions',
        { a: true },
        { scope: 'required' },
        { answered: 1, total: 3 },
      ],
      [
        'requiredIf is evaluated for the required scope',
        { a: false },
        { scope: 'required' },
        { answered: 1, total: 1 },
      ],
    ];
  it.each(cases)('%s', (_name, answers, options, expected) => {
    // Act
    const result = answeredShare(survey, answers, options);
    // Assert
    expect(result).toMatchObject(expected);
    expect(result.share).toBeCloseTo(expected.answered / expected.total);
    expect(AnsweredShareSchema.parse(result)).toEqual(result);
  });

  it('responseProgress, which responses store, counts a draft with every required answer as done', () => {
    // Arrange: the comment and the link beside the questions left empty, as members often do
    const answers = { a: false };
    // Act
    const stored = responseProgress(survey, answers);
    // Assert
    expect(stored).toEqual({ answered: 1, total: 1, share: 1 });
    expect(stored).toEqual(answeredShare(survey, answers, { scope: 'required' }));
    expect(answeredShare(survey, answers).share).toBeLessThan(1);
  });

  it('a survey with nothing to answer has share 0', () => {
    // Arrange
    const empty = makeSurvey({ pages: [page('p', [{ type: 'html', name: 'info' }])] });
    // Act
    const result = answeredShare(empty, {});
    // Assert
    expect(result).toEqual({ answered: 0, total: 0, share: 0 });
  });
});
