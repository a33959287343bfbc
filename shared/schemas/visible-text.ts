import type { z } from 'zod';
// Not the whole input messages' table: the console's forms import this module (see the messages' file).
import { VISIBLE_TEXT_MESSAGES } from '../i18n/visible-text-messages';

// Characters that show nothing: whitespace, zero-width and joiner characters, BOM, soft hyphen,
// variation selectors, Hangul fillers, the Braille blank.
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\u2800]*$/u;

/**
 * Whether `code` is a control character free text may not hold: C0, DEL and C1. Tab, LF and CR are
 * allowed where text may have several lines (`multiline`).
 */
export function isForbiddenControl(code: number, multiline = false): boolean {
  if (multiline && (code === 0x09 || code === 0x0a || code === 0x0d)) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Whether the text has a control character it may not have (`multiline` allows tab, LF and CR). */
export function hasControlCharacter(text: string, multiline = false): boolean {
  for (let i = 0; i < text.length; i++) if (isForbiddenControl(text.charCodeAt(i), multiline)) return true;
  return false;
}

/** Whether the text shows nothing: empty, or only whitespace and invisible characters. */
export function isInvisibleOnly(text: string): boolean {
  return INVISIBLE.test(text);
}

export type VisibleTextProblem = keyof typeof VISIBLE_TEXT_MESSAGES;

/** What is wrong with a text the refinement checks (the key of its message), or undefined; for forms. */
export function visibleTextProblem(text: string, multiline = false): VisibleTextProblem | undefined {
  if (hasControlCharacter(text, multiline)) {
    return !multiline && !hasControlCharacter(text, true) ? 'textLineBreak' : 'textControlCharacter';
  }
  return text.length > 0 && isInvisibleOnly(text) ? 'textInvisibleOnly' : undefined;
}

/**
 * A person's free text must be visible and free of control characters: a name or note of NULs or
 * zero-width spaces reached mail subjects and exports. Single-line fields (names, titles) refuse
 * line breaks and tabs too; `multiline` ones (reasons, notes) keep them.
 */
export function visibleText<T extends z.ZodString>(schema: T, options: { multiline?: boolean } = {}): T {
  const multiline = options.multiline ?? false;
  return schema.superRefine((value, ctx) => {
    const problem = visibleTextProblem(value, multiline);
    // The Swedish words, as inputMessage gives them: the API finds the English by them.
    if (problem) ctx.addIssue({ code: 'custom', message: VISIBLE_TEXT_MESSAGES[problem].sv });
  }) as T;
}
