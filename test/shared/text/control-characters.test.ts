import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputMessage } from '../../../shared/i18n/input-messages';
import { AddAdminInputSchema } from '../../../shared/schemas/admin.schema';
import { hasNameOrNoteControlCharacter, VisibleNameInput, visibleText } from '../../../shared/schemas/visible-text';
import { validateDraft } from '../../../shared/survey-validation/index';
import { hasAnswerControlCharacter } from '../../../shared/survey-validation/value-checks';
import { ANSWER_CONTROL, NAME_CONTROL, NOTE_CONTROL } from '../../../shared/text/control-characters';
import { makeSurvey, page } from '../../helpers/make-survey';

const isC0 = (code: number) => code < 0x20;
const isDelOrC1 = (code: number) => code >= 0x7f && code <= 0x9f;
const isLineSpace = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;

describe('the control character rules', () => {
  // The rules as the two hasControlCharacter functions wrote them before they shared this module.
  it.each([
    ['a survey answer', ANSWER_CONTROL, (code: number) => isC0(code) && !isLineSpace(code)],
    ['a name', NAME_CONTROL, (code: number) => isC0(code) || isDelOrC1(code)],
    ['a note', NOTE_CONTROL, (code: number) => (isC0(code) && !isLineSpace(code)) || isDelOrC1(code)],
  ])('refuse in %s exactly the UTF-16 code units they refused before', (_name, pattern, refused) => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (pattern.test(`a${String.fromCharCode(code)}b`) !== refused(code)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(pattern.test('Åtgärd – 20 %, "citat" \u00a0 😀 \u200b')).toBe(false);
  });

  it('keep no state between texts (not global)', () => {
    expect([NAME_CONTROL.test('a\u0000'), NAME_CONTROL.test('a\u0000')]).toEqual([true, true]);
  });
});

describe('DEL and C1: allowed in a survey answer, refused in a name or note', () => {
  const survey = makeSurvey({ pages: [page('p', [{ type: 'comment', name: 'fritext' }])] });

  it.each([
    ['DEL', '\u007f'],
    ['NEL (U+0085, C1)', '\u0085'],
    ['CSI (U+009B, C1)', '\u009b'],
  ])('%s', (_name, char) => {
    const text = `Lund${char}s kommun`;
    expect(hasAnswerControlCharacter(text)).toBe(false);
    expect(validateDraft(survey, { fritext: text })).toEqual({ ok: true, data: { fritext: text } });

    expect(hasNameOrNoteControlCharacter(text)).toBe(true);
    expect(hasNameOrNoteControlCharacter(text, true)).toBe(true);
    expect(VisibleNameInput.safeParse(text).error?.issues.map((issue) => issue.message)).toEqual([
      inputMessage('textControlCharacter'),
    ]);
    expect(AddAdminInputSchema.safeParse({ email: 'a@b.se', name: text }).success).toBe(false);
    expect(visibleText(z.string(), { multiline: true }).safeParse(text).success).toBe(false);
  });

  it('while NUL is refused in both', () => {
    expect(hasAnswerControlCharacter('Lund\u0000')).toBe(true);
    expect(hasNameOrNoteControlCharacter('Lund\u0000', true)).toBe(true);
  });
});
