import { describe, expect, it } from 'vitest';
import { withRegisterAnswers } from '../../../shared/survey-validation/register-answers';
import kommun from '../../../shared/surveys/kommun.json';
import { makeSurvey, page } from '../../helpers/make-survey';

describe('withRegisterAnswers', () => {
  it('puts the register’s name in the survey’s read-only organisation question', () => {
    expect(withRegisterAnswers(kommun, { organisation: 'Något annat', M1: 'x' }, { name: 'Lund' })).toEqual({
      organisation: 'Lund',
      M1: 'x',
    });
    expect(withRegisterAnswers(kommun, {}, { name: 'Lund' })).toEqual({ organisation: 'Lund' });
  });

  it('leaves an answerable question of that name, a survey without it, and an unknown organisation alone', () => {
    const answerable = makeSurvey({ pages: [page('p', [{ type: 'text', name: 'organisation' }])] });
    expect(withRegisterAnswers(answerable, { organisation: 'Eget svar' }, { name: 'Lund' })).toEqual({
      organisation: 'Eget svar',
    });
    const without = makeSurvey({ pages: [page('p', [{ type: 'text', name: 'namn' }])] });
    expect(withRegisterAnswers(without, { namn: 'Eva' }, { name: 'Lund' })).toEqual({ namn: 'Eva' });
    expect(withRegisterAnswers(kommun, { organisation: 'X' }, undefined)).toEqual({ organisation: 'X' });
  });
});
