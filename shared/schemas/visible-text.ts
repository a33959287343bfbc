import { z } from 'zod';
// Not the whole input messages' table: the console's forms import this module (see the messages' file).
import { VISIBLE_TEXT_MESSAGES } from '../i18n/visible-text-messages';
import { NAME_CONTROL, NOTE_CONTROL } from '../text/control-characters';

// Characters that show nothing: whitespace, zero-width and joiner characters, BOM, soft hyphen,
// variation selectors, Hangul fillers, the Braille blank.
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\u2800]*$/u;

/**
 * Whether a name or title (or, `multiline`, a reason or note) has a control character it may not
 * have: C0, DEL and C1; `multiline` allows tab, LF and CR. Stricter than a survey answer's check.
 */
export function hasNameOrNoteControlCharacter(text: string, multiline = false): boolean {
  return (multiline ? NOTE_CONTROL : NAME_CONTROL).test(text);
}

/** Whether the text shows nothing: empty, or only whitespace and invisible characters. */
export function isInvisibleOnly(text: string): boolean {
  return INVISIBLE.test(text);
}

export type VisibleTextProblem = keyof typeof VISIBLE_TEXT_MESSAGES;

/** What is wrong with a text the refinement checks (the key of its message), or undefined; for forms. */
export function visibleTextProblem(text: string, multiline = false): VisibleTextProblem | undefined {
  if (hasNameOrNoteControlCharacter(text, multiline)) {
    return !multiline && !hasNameOrNoteControlCharacter(text, true) ? 'textLineBreak' : 'textControlCharacter';
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

/**
 * A name or title as the kansli enters it (organisation, contact, admin, campaign): trimmed, 1–200
 * characters, visible and on one line. For input schemas only, so a name stored before still reads.
 * Built in a function marked pure, so a bundle that does not use it drops it and zod with it: the
 * console's forms import this module for visibleTextProblem.
 */
export const VisibleNameInput = /* @__PURE__ */ (() => visibleText(z.string().trim().min(1).max(200)))();
