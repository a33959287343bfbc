import { describe, expect, it } from 'vitest';
import { ValidationResultSchema, validateDraft } from '../../../shared/survey-validation/index';
import kommun from '../../../shared/surveys/kommun.json';
import { makeSurvey, page } from '../../helpers/make-survey';

describe('validateDraft on the kommun survey', () => {
  const accepted: Array<[string, Record<string, unknown>]> = [
    ['an empty draft', {}],
    ['a partial draft', { respondent_name: 'Eva Ek', M1: 'klimatneutral_2030', M3: true, T1: 87 }],
    ['a checkbox with choices', { M7: ['cdp_iclei', 'viable_cities'] }],
    ['the none item of a checkbox', { M7: ['none'] }],
    ['the other item with its comment', { respondent_role: 'other', 'respondent_role-Comment': 'Klimatstrateg' }],
    ['an answer to a follow-up that is hidden for now', { M4: 'nej', M4b: true }],
    ['an invalid URL, which only submission checks', { M1_url: 'inte en adress' }],
    ['text with tabs and line breaks', { respondent_name: 'Eva\tEk', 'respondent_role-Comment': 'Rad 1\r\nRad 2\n' }],
  ];
  it.each(accepted)('accepts %s', (_name, data) => {
    // Act
    const result = validateDraft(kommun, data);
    // Assert
    expect(result).toEqual({ ok: true, data });
  });

  it('leaves out null values, which mean "not answered"', () => {
    // Act
    const result = validateDraft(kommun, { M1: null, M3: true });
    // Assert
    expect(result).toEqual({ ok: true, data: { M3: true } });
  });

  // The kansli may edit an open survey: a stored answer to a question it removed must not block saving.
  const dropped: Array<[string, Record<string, unknown>, string]> = [
    ['a key that is not (or no longer) a question', { hackad: 1 }, 'hackad'],
    ['a comment key on a question without comment', { 'M1-Comment': 'x' }, 'M1-Comment'],
    ['a comment key of an unknown question', { 'Z9-Comment': 'x' }, 'Z9-Comment'],
    ['a wrongly typed value of a key that is no question', { borttagen: { x: [1] } }, 'borttagen'],
  ];
  it.each(dropped)('drops %s and keeps the rest', (_name, extra, key) => {
    // Act
    const result = validateDraft(kommun, { M3: true, ...extra, respondent_name: 'Eva' });
    // Assert
    expect(result).toEqual({ ok: true, data: { M3: true, respondent_name: 'Eva' }, dropped: [key] });
    expect(ValidationResultSchema.parse(result)).toEqual(result);
  });

  it('still refuses wrong values of existing questions when it drops keys', () => {
    // Act
    const result = validateDraft(kommun, { hackad: 1, M3: 'ja' });
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

  const rejected: Array<[string, Record<string, unknown>, string, string, RegExp, RegExp]> = [
    ['text for a yes/no question', { M3: 'ja' }, 'M3', 'wrong_type', /ja eller nej/, /should be yes or no/],
    ['text for a number question', { T1: '50' }, 'T1', 'not_a_number', /ska vara ett tal/, /should be a number/],
    ['a non-finite number', { T1: Number.POSITIVE_INFINITY }, 'T1', 'not_a_number', /ska vara ett tal/, /a number/],
    // Beyond what DynamoDB and our drivers store: the write would fail (a 500 on every later save).
    ['a number above 2^53 - 1', { T1: 2 ** 53 }, 'T1', 'number_not_storable', /för stort/, /too large/],
    ['a large negative number', { T1: -1e21 }, 'T1', 'number_not_storable', /för stort/, /too large/],
    ['a number below 1e-130', { T1: 1e-200 }, 'T1', 'number_not_storable', /för litet/, /too small/],
    // M2 is a year (step 1): survey-core refuses 2045.5 only at submit, so the draft said "Sparat".
    ['a fraction in a whole-number field', { M2: 2045.5 }, 'M2', 'not_on_step', /Ange ett heltal/, /whole number/],
    [
      'a number for a text question',
      { respondent_name: 42 },
      'respondent_name',
      'wrong_type',
      /ska vara en text/,
      /should be a text/,
    ],
    [
      'a choice that does not exist',
      { M1: 'klimatneutral_2020' },
      'M1',
      'not_a_choice',
      /inte ett av frågans svarsalternativ/,
      /^"klimatneutral_2020" is not one of the question's choices\.$/,
    ],
    [
      'an object for a choice question',
      { M1: { value: 'x' } },
      'M1',
      'wrong_type',
      /ett av svarsalternativen/,
      /one of/,
    ],
    ['a single value for a checkbox', { M7: 'cdp_iclei' }, 'M7', 'wrong_type', /en lista med svarsalternativ/, /list/],
    ['an unknown choice in a checkbox', { M7: ['cdp_iclei', 'c40'] }, 'M7', 'not_a_choice', /"c40" är inte/, /"c40"/],
    [
      'a choice ticked twice',
      { M7: ['cdp_iclei', 'cdp_iclei'] },
      'M7',
      'duplicate_choice',
      /mer än en gång/,
      /more than once/,
    ],
    ['"other" on a question without an other item', { M1: 'other' }, 'M1', 'not_a_choice', /inte ett av/, /not one/],
    [
      'text longer than maxLength',
      { respondent_name: 'x'.repeat(201) },
      'respondent_name',
      'too_long',
      /högst 200 tecken/,
      /at most 200 characters/,
    ],
    [
      'a very long comment',
      { M1_comment: 'x'.repeat(20_001) },
      'M1_comment',
      'too_long',
      /högst 20000 tecken/,
      /at most 20000 characters/,
    ],
    // A paste can carry control characters; they would go raw into the CSV export.
    [
      'a NUL in a text',
      { respondent_name: 'Eva\u0000' },
      'respondent_name',
      'control_character',
      /styrtecken/,
      /control character/,
    ],
    [
      'an escape character in a comment',
      { 'respondent_role-Comment': 'Klimat\u001bstrateg' },
      'respondent_role-Comment',
      'control_character',
      /inklistrad/,
      /pasted/,
    ],
    [
      'a non-text comment',
      { 'respondent_role-Comment': 5 },
      'respondent_role-Comment',
      'wrong_type',
      /en text/,
      /a text/,
    ],
  ];
  it.each(rejected)('rejects %s, in Swedish and English', (_name, data, question, code, message, messageEn) => {
    // Act
    const result = validateDraft(kommun, data);
    // Assert
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details).toEqual([
      { question, code, message: expect.stringMatching(message), messageEn: expect.stringMatching(messageEn) },
    ]);
    expect(result.details[0]!.messageEn).not.toMatch(/[åäöÅÄÖ]/);
    expect(ValidationResultSchema.parse(result)).toEqual(result);
  });

  it('reports every problem at once', () => {
    // Act
    const result = validateDraft(kommun, { M3: 'ja', M1: 'x', respondent_name: 'Eva', T1: '5' });
    // Assert
    expect(result.ok ? [] : result.details.map((d) => d.question)).toEqual(['M3', 'M1', 'T1']);
  });

  it.each([
    ['a list', []],
    ['a string', 'M1=ja'],
    ['null', null],
  ])('rejects %s instead of an object', (_name, data) => {
    // Act
    const result = validateDraft(kommun, data);
    // Assert
    expect(result).toEqual({
      ok: false,
      details: [
        {
          question: '',
          code: 'not_an_object',
          message: expect.stringMatching(/objekt/),
          messageEn: expect.stringMatching(/object/),
        },
      ],
    });
  });
});

describe('validateDraft on other question types', () => {
  const survey = makeSurvey({
    pages: [
      page('p', [
        { type: 'boolean', name: 'b', valueTrue: 'ja', valueFalse: 'nej' },
        { type: 'dropdown', name: 'kommun', choicesByUrl: { url: 'https://example.se/kommuner' } },
        { type: 'rating', name: 'betyg' },
        { type: 'matrix', name: 'mx', rows: ['r1', 'r2'], columns: [{ value: 1 }, { value: 2 }] },
        { type: 'multipletext', name: 'mt', items: [{ name: 'kw' }, { name: 'ar' }] },
        { type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 'x' }] },
        { type: 'text', name: 'kommentar', showCommentArea: true },
        { type: 'panel', name: 'grupp', elements: [{ type: 'text', name: 'inne' }] },
        { type: 'html', name: 'info' },
        { type: 'text', name: 'gammal', visible: false },
      ]),
    ],
  });

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['a boolean with custom values', { b: 'nej' }],
    ['any value for choices loaded from a URL', { kommun: 'Umeå' }],
    ['a number rating', { betyg: 4 }],
    ['a matrix row answer', { mx: { r1: 2 } }],
    ['multiple text items', { mt: { kw: 120, ar: '2024' } }],
    ['a dynamic panel', { pd: [{ x: 'a' }] }],
    ['a comment area', { 'kommentar-Comment': 'Mer info' }],
    ['a question inside a panel', { inne: 'svar' }],
  ];
  it.each(accepted)('accepts %s', (_name, data) => {
    // Act
    const result = validateDraft(survey, data);
    // Assert
    expect(result.ok).toBe(true);
  });

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    ['true for a boolean with custom values', { b: true }, 'b'],
    ['text for a rating', { betyg: 'bra' }, 'betyg'],
    ['an unknown matrix row', { mx: { r9: 1 } }, 'mx'],
    ['an unknown matrix column', { mx: { r1: 3 } }, 'mx'],
    ['an unknown multiple text item', { mt: { x: 1 } }, 'mt'],
    ['a dynamic panel that is not a list', { pd: { x: 'a' } }, 'pd'],
    ['a multiple text item too large to store', { mt: { kw: 1e21 } }, 'mt'],
    ['a dynamic panel number too large to store', { pd: [{ x: 2 ** 60 }] }, 'pd'],
    ['a control character in a multiple text item', { mt: { ar: '2024\u0007' } }, 'mt'],
    ['a control character in a dynamic panel', { pd: [{ x: 'a\u0001' }] }, 'pd'],
    ['a control character in a comment area', { 'kommentar-Comment': '\u000bMer' }, 'kommentar-Comment'],
  ];
  it.each(rejected)('rejects %s', (_name, data, question) => {
    // Act
    const result = validateDraft(survey, data);
    // Assert
    expect(result.ok ? [] : result.details.map((d) => d.question)).toEqual([question]);
  });

  it.each([
    ['a panel name as a key', 'grupp'],
    ['an html element as a key', 'info'],
    ['a statically hidden question', 'gammal'],
  ])('drops %s, which is no answerable question', (_name, key) => {
    // Act
    const result = validateDraft(survey, { [key]: 'x', betyg: 3 });
    // Assert
    expect(result).toEqual({ ok: true, data: { betyg: 3 }, dropped: [key] });
  });
});
