import { describe, expect, it } from 'vitest';
import { withPrefilledAnswers } from '../../../shared/survey-validation/register-answers';
import kommun from '../../../shared/surveys/kommun.json';
import region from '../../../shared/surveys/region.json';
import { makeSurvey, page } from '../../helpers/make-survey';

const M0 = 'M0_emissions_per_inhabitant';

describe('withPrefilledAnswers', () => {
  it('shows the prefill’s value in M0 of both surveys, whatever the draft stored there', () => {
    for (const survey of [kommun, region]) {
      expect(withPrefilledAnswers(survey, { [M0]: 999, M1: 'x' }, { [M0]: 2.4 })).toEqual({ [M0]: 2.4, M1: 'x' });
      expect(withPrefilledAnswers(survey, { M1: 'x' }, { [M0]: 2.4 })).toEqual({ [M0]: 2.4, M1: 'x' });
    }
  });

  it('shows no value where the prefill has none (no imported figure)', () => {
    expect(withPrefilledAnswers(kommun, { [M0]: 999, M1: 'x' }, {})).toEqual({ M1: 'x' });
    expect(withPrefilledAnswers(kommun, { [M0]: 999 }, { [M0]: null })).toEqual({});
  });

  it('takes every question with a prefill and leaves the others and the stored data alone', () => {
    const survey = makeSurvey({
      pages: [
        page('p', [
          { type: 'text', name: 'total', readOnly: true, prefill: 'emissions.total' },
          { type: 'text', name: 'year', readOnly: true, prefill: 'emissions.year' },
          { type: 'text', name: 'own' },
        ]),
      ],
    });
    const stored = { total: 1, year: 1990, own: 5 };
    // Values the prefill gives for questions the survey does not prefill are not answers.
    expect(withPrefilledAnswers(survey, stored, { total: 300_000, own: 7, other: 3 })).toEqual({
      total: 300_000,
      own: 5,
    });
    expect(stored).toEqual({ total: 1, year: 1990, own: 5 });
  });

  it('returns the answers as they are for a survey without prefilled questions', () => {
    const survey = makeSurvey({ pages: [page('p', [{ type: 'text', name: M0 }])] });
    const data = { [M0]: 999 };
    expect(withPrefilledAnswers(survey, data, { [M0]: 2.4 })).toBe(data);
  });
});
