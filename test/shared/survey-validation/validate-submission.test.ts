import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../../../shared/survey-validation/validate-submission';
import { ValidationResultSchema } from '../../../shared/survey-validation/validation.schema';
import kommun from '../../../shared/surveys/kommun.json';
import region from '../../../shared/surveys/region.json';
import { bestAnswers, makeSurvey, page, yesNo } from '../../helpers/make-survey';

/** A complete, valid kommun response: best answers plus the respondent and the M8 link. */
function completeResponse(survey: object = kommun): Record<string, unknown> {
  return {
    organisation: 'Umeå kommun',
    respondent_name: 'Eva Ek',
    respondent_role: 'tjansteperson',
    M8: 'https://www.umea.se/klimatplan',
    ...bestAnswers(survey),
  };
}

const without = (data: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(data).filter(([k]) => k !== key));

describe('validateSubmission', () => {
  it.each([
    ['kommun', kommun],
    ['region', region],
  ])('accepts a complete %s response unchanged', (name, survey) => {
    // Arrange
    const data = name === 'kommun' ? completeResponse() : without(completeResponse(survey), 'M8');
    // Act
    const result = validateSubmission(survey, data);
    // Assert
    expect(result).toEqual({ ok: true, data });
  });

  const tampered: Array<[string, Record<string, unknown>, string[]]> = [
    ['a follow-up answered while its parent says no', { M4: 'nej', M4b: true }, ['M4b']],
    ['a kW figure while own production is no', { E4: false, E4_kw: 500 }, ['E4_kw']],
    ['a follow-up on a partial answer', { M4: 'paborjat', M4b: true }, ['M4b']],
  ];
  it.each(tampered)('drops %s', (_name, change, dropped) => {
    // Arrange
    const data = { ...completeResponse(), ...change };
    // Act
    const result = validateSubmission(kommun, data);
    // Assert
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(dropped.filter((key) => key in result.data)).toEqual([]);
    expect(result.data).toEqual(Object.fromEntries(Object.entries(data).filter(([key]) => !dropped.includes(key))));
  });

  it('drops a chain of follow-ups when the first one is hidden', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        page('p', [yesNo('a'), yesNo('b', 1, { visibleIf: '{a} = true' }), yesNo('c', 1, { visibleIf: '{b} = true' })]),
      ],
    });
    // Act
    const result = validateSubmission(survey, { a: false, b: true, c: true });
    // Assert
    expect(result).toEqual({ ok: true, data: { a: false } });
  });

  type Change = (data: Record<string, unknown>) => Record<string, unknown>;
  const invalid: Array<[string, Change, string, string, RegExp, RegExp]> = [
    ['a missing required answer', (d) => without(d, 'M1'), 'M1', 'survey_required', /obligatorisk/, /required/],
    ['a missing gate answer', (d) => without(d, 'B2'), 'B2', 'survey_required', /obligatorisk/, /required/],
    [
      'a missing respondent name',
      (d) => without(d, 'respondent_name'),
      'respondent_name',
      'survey_required',
      /obligatorisk/,
      /^Response required\.$/,
    ],
    [
      'an invalid evidence URL',
      (d) => ({ ...d, M1_url: 'www.umea.se' }),
      'M1_url',
      'survey_custom',
      /giltig webbadress/,
      // The survey's own English text for its validator.
      /^Enter a valid web address starting with http:\/\/ or https:\/\/\.$/,
    ],
    ['a missing M8 link when M5 is yes', (d) => without(d, 'M8'), 'M8', 'survey_required', /obligatorisk/, /required/],
    ['a share above 100 %', (d) => ({ ...d, T1: 150 }), 'T1', 'survey_custom', /större än 100/, /100/],
    ['a negative share', (d) => ({ ...d, E1: -1 }), 'E1', 'survey_custom', /mindre än 0/, /0/],
    [
      'an "other" role without text',
      (d) => ({ ...d, respondent_role: 'other' }),
      'respondent_role',
      'survey_otherempty',
      /ange/i,
      /enter another value/,
    ],
  ];
  it.each(invalid)('rejects %s, in Swedish and English', (_name, change, question, code, message, messageEn) => {
    // Arrange
    const data = change(completeResponse());
    // Act
    const result = validateSubmission(kommun, data);
    // Assert
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details).toEqual([
      { question, code, message: expect.stringMatching(message), messageEn: expect.stringMatching(messageEn) },
    ]);
    expect(result.details[0]!.messageEn).not.toMatch(/[åäöÅÄÖ]/);
    expect(ValidationResultSchema.parse(result)).toEqual(result);
  });

  it('does not require M8 when M5 is not yes', () => {
    // Arrange
    const data = { ...without(completeResponse(), 'M8'), M5: 'delvis' };
    // Act
    const result = validateSubmission(kommun, data);
    // Assert
    expect(result.ok).toBe(true);
  });

  it('does not require a hidden follow-up', () => {
    // Arrange
    const data = { ...without(completeResponse(), 'M4b'), M4: 'nej' };
    // Act
    const result = validateSubmission(kommun, data);
    // Assert
    expect(result.ok).toBe(true);
  });

  it('requires a follow-up once it is shown', () => {
    // Arrange
    const data = without(completeResponse(), 'M4b');
    // Act
    const result = validateSubmission(kommun, data);
    // Assert
    expect(result.ok ? [] : result.details.map((d) => d.question)).toEqual(['M4b']);
  });

  it('drops a key that is no longer a question, as autosave does, instead of blocking the submission', () => {
    // Arrange
    const data = { ...completeResponse(), borttagen: true, 'M1-Comment': 'x' };
    // Act
    const result = validateSubmission(kommun, data);
    // Assert
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).not.toHaveProperty('borttagen');
    expect(result.data).not.toHaveProperty('M1-Comment');
    expect(result.data).toMatchObject({ M1: completeResponse().M1 });
  });

  it('applies the draft rules first: a wrongly typed answer is refused before survey-core runs', () => {
    // Arrange
    const data = { ...completeResponse(), M3: 'ja', borttagen: true };
    // Act
    const result = validateSubmission(kommun, data);
    // Assert
    expect(result).toEqual({
      ok: false,
      details: [
        {
          question: 'M3',
          code: 'wrong_type',
          message: expect.stringMatching(/ja eller nej/),
          messageEn: expect.stringMatching(/yes or no/),
        },
      ],
    });
  });

  it('words every problem in Swedish and in English, survey-core’s own texts and the survey’s', () => {
    // Act
    const result = validateSubmission(kommun, { T1: 150, respondent_role: 'other', M1_url: 'x' });
    // Assert
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.length).toBeGreaterThan(40);
    for (const detail of result.details) {
      expect(detail.messageEn, detail.question).not.toBe(detail.message);
      expect(detail.messageEn, detail.question).not.toMatch(/[åäöÅÄÖ]/);
      expect(detail.code, detail.question).toMatch(/^survey_[a-z]+$/);
    }
    expect(result.details.filter((d) => d.question === 'T1')).toEqual([
      {
        question: 'T1',
        code: 'survey_custom',
        message: 'Värdet får inte vara större än 100',
        messageEn: 'The value should not be greater than 100',
      },
    ]);
  });

  it("refuses a fraction in a whole-number field with the draft check's words, in both languages", () => {
    // Act: T1 takes whole per cent only (step 1); the draft check finds it before survey-core does
    const result = validateSubmission(kommun, { ...bestAnswers(kommun), T1: 87.5 });
    // Assert
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.filter((d) => d.question === 'T1')).toEqual([
      { question: 'T1', code: 'not_on_step', message: 'Ange ett heltal.', messageEn: 'Enter a whole number.' },
    ]);
  });

  it('lists every missing required question of an empty response', () => {
    // Act
    const result = validateSubmission(kommun, {});
    // Assert
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.length).toBeGreaterThan(40);
    expect(result.details.map((d) => d.question)).not.toContain('M1_url');
    expect(result.details.map((d) => d.question)).not.toContain('M4b');
  });
});
