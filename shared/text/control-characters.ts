/**
 * The control characters that text people type or paste may not hold, in one place: no keyboard
 * types them, but a paste can carry them, and they would reach exports and mail raw. Regexes, not a
 * charCodeAt loop: they scan a long text 3–4 × as fast (value-checks runs on every autosave) and
 * weigh less in the console's forms. `\p{Cc}` is C0, DEL and C1; `[^\P{Cc}…]` is those but the ones listed.
 * Not global: `test` keeps no state between texts.
 */

/**
 * In a survey answer: C0 but tab, LF and CR; DEL and C1 pass, as since the check came in. Refusing
 * them too would refuse drafts that save today (each autosave sends all answers): a decision of its own.
 */
export const ANSWER_CONTROL = /[^\P{Cc}\t\n\r\x7f-\x9f]/u;

/** In a name or title (the visibleText refinement): C0, DEL and C1, so line breaks and tabs too. */
export const NAME_CONTROL = /\p{Cc}/u;

/** In a reason or note (visibleText with `multiline`) and in a CSV export's cell: as in a name, but tab, LF and CR pass. */
export const NOTE_CONTROL = /[^\P{Cc}\t\n\r]/u;
