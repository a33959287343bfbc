/**
 * Number fields. Text is recorded as it is typed (`textUpdateMode: 'onTyping'`), but a number
 * typed key by key passes through values the person never meant: "150" in a 0–100 field is 1,
 * then 15 (in range, so recorded and saved), then 150 (out of range, which survey-core refuses to
 * record, leaving 15). So number fields record their value when the field is left or Enter is
 * pressed, a value survey-core refuses is shown as not saved, and a decimal comma is read as such
 * (in English, a comma between groups of three digits separates thousands: 1,500 is 1500).
 */
import { Helpers, type Question, type QuestionTextModel, type SurveyModel } from 'survey-core';

function isNumberQuestion(question: Question): question is QuestionTextModel {
  return question.getType() === 'text' && (question as QuestionTextModel).inputType === 'number';
}

/** The survey's number questions (text questions with `inputType: 'number'`). */
export function numberQuestions(model: SurveyModel): QuestionTextModel[] {
  return model.getAllQuestions().filter(isNumberQuestion);
}

/** Number fields record their value when left (or on Enter), not on each keystroke. */
export function recordNumbersWhenLeft(model: SurveyModel): void {
  for (const question of numberQuestions(model)) question.textUpdateMode = 'onBlur';
}

/** survey-core's own step check (private in its typings): the value is not a multiple of the step. */
function isOffStep(question: QuestionTextModel): boolean {
  return Reflect.get(question, 'isStepNumberIncorrect') === true;
}

/** A field that takes whole numbers only (`step: 1`). */
function isWholeNumber(question: QuestionTextModel): boolean {
  return Number(question.step) === 1;
}

/**
 * A number off its field's step (12,5 in a whole-number field) is kept in its field and not
 * recorded, as survey-core does with one out of range: recorded, autosave would store it with
 * "Sparat" and only submit would refuse it. Its error shows at once.
 */
export function refuseOffStepNumbers(model: SurveyModel): void {
  for (const question of numberQuestions(model)) {
    // survey-core asks this before it records a field's value (protected in its typings).
    const own = question as unknown as { canSetValueToSurvey(): boolean };
    const records = own.canSetValueToSurvey.bind(question);
    own.canSetValueToSurvey = () => {
      if (!records()) return false;
      if (!isOffStep(question)) return true;
      question.validate(true);
      return false;
    };
  }
}

/**
 * "Ange ett heltal" in a whole-number field, in place of survey-core's "matchar stegstorleken för
 * 1"; an error already shown is worded again (survey-core keeps a step error's text as made).
 */
export function wordWholeNumbers(model: SurveyModel, text: string): void {
  for (const question of numberQuestions(model).filter(isWholeNumber)) {
    question.stepErrorText = text;
    if (question.errors.length > 0 && isOffStep(question)) question.validate(true);
  }
}

/**
 * The shown number questions whose field holds a value survey-core has not recorded in the answers
 * (outside the question's min–max): what the person sees there is not what is saved.
 */
export function unrecordedAnswers(model: SurveyModel): string[] {
  return numberQuestions(model)
    .filter((question) => question.isVisible)
    .filter((question) => !Helpers.isTwoValueEquals(question.value, model.getValue(question.getValueName())))
    .map((question) => question.name);
}

/**
 * Sets the answers (an automatic merge, last year's answers) without losing a number the person
 * sees but survey-core has not recorded (out of range): it is shown again, still not recorded.
 */
export function keepingUnrecorded(model: SurveyModel, apply: () => void): void {
  const shown = unrecordedAnswers(model).flatMap((name) => {
    const question = model.getQuestionByName(name);
    return question ? [{ question, value: question.value as unknown }] : [];
  });
  apply();
  for (const { question, value } of shown) question.value = value;
}

/**
 * The number question whose field `field` is, when the person has typed over what it records (a
 * number being typed is recorded only when the field is left): its text differs from the recorded
 * value, or the browser cannot read it as a number yet ("-"). Null for any other field.
 */
export function questionTypedIn(
  model: SurveyModel,
  field: { id: string; value: string; validity: { badInput: boolean } },
): QuestionTextModel | null {
  const question = numberQuestions(model).find((q) => q.inputId === field.id);
  if (!question) return null;
  // The comparison survey-react-ui makes before it writes the recorded value into a redrawn field.
  const typed =
    field.validity.badInput || !Helpers.isTwoValueEquals(question.inputValue, field.value, false, true, false);
  return typed ? question : null;
}

/**
 * Runs `redraw` (answers set from outside, drawn at once: an automatic merge) without it replacing
 * what `field` shows. survey-react-ui writes each redrawn field's recorded value into it, which
 * would wipe a number being typed; its text cannot be read back whole to restore it ("1." reads as
 * "1"), so writes to this one field are ignored while `redraw` runs. With no field, just `redraw`.
 */
export function keepingTypedText(field: { value: string } | null, redraw: () => void): void {
  let proto: object | null = field && Object.getPrototypeOf(field);
  let native: PropertyDescriptor | undefined;
  while (proto && !native) {
    native = Object.getOwnPropertyDescriptor(proto, 'value');
    proto = Object.getPrototypeOf(proto);
  }
  const read = native?.get;
  if (!field || !read) {
    redraw();
    return;
  }
  Object.defineProperty(field, 'value', { configurable: true, get: () => read.call(field), set: () => {} });
  try {
    redraw();
  } finally {
    Reflect.deleteProperty(field, 'value');
  }
}

function isNumberField(target: EventTarget | null): target is HTMLInputElement {
  return target instanceof HTMLInputElement && target.type === 'number';
}

/** The focused number field inside `root`, if any. */
export function focusedNumberField(root: HTMLElement | null): HTMLInputElement | null {
  const active = document.activeElement;
  return root && isNumberField(active) && root.contains(active) ? active : null;
}

/**
 * What a field's text is, as far as the typed-comma handling knows: its text, and what the commas
 * typed in it since it was focused were read as (kept on the element, `data-typed-commas`, so that
 * every way of leaving the field reads it alike).
 */
export interface TypedText {
  value: string;
  dataset: { typedCommas?: string };
}

function commasOf(field: TypedText): 'point' | 'thousands' | undefined {
  const commas = field.dataset.typedCommas;
  return commas === 'point' || commas === 'thousands' ? commas : undefined;
}

/**
 * The text a number field is recorded as when it is left, however it is left: blur, Enter, or the
 * page going (the browser's Back unmounts it without a blur). In English, "1,500" typed is 1500.
 */
export function textWhenLeft(field: TypedText, lang: 'sv' | 'en'): string {
  return settleTypedComma(field.value, commasOf(field), lang);
}

/** English thousands: 1,500 and 12,345,678.9 (a leading 0, as in 0,500, is a decimal). */
const ENGLISH_THOUSANDS = /^-?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/;
/** A point typed as a comma, in English still possibly a thousands separator: 1.500 as shown. */
const ONE_GROUP = /^-?[1-9]\d{0,2}\.\d{3}$/;

/**
 * "1 234,5" → "1234.5"; null when the text is not a plain decimal number. In English a comma
 * between groups of three digits separates thousands ("1,500" → "1500"); any other comma is a
 * decimal comma, as in Swedish.
 */
export function normaliseDecimal(text: string, lang: 'sv' | 'en' = 'sv'): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (lang === 'en' && ENGLISH_THOUSANDS.test(compact)) return compact.replaceAll(',', '');
  return /^-?\d*[.,]?\d*$/.test(compact) && /\d/.test(compact) ? compact.replace(',', '.') : null;
}

/**
 * The text a typed "," leaves in a field holding `value` (the point every browser reads), or null
 * for none. `commas` is what earlier commas in the field were read as. In Swedish a comma is the
 * decimal sign. In English a first comma is entered as a point, but a second one after exactly
 * three digits shows both separate thousands ("1,234," is 1234 so far), and so does a first one
 * followed by exactly three digits when the field is left (see `settleTypedComma`).
 */
export function typedComma(
  value: string,
  commas: 'point' | 'thousands' | undefined,
  lang: 'sv' | 'en',
): { insert: string } | { replace: string; commas: 'thousands' } | null {
  if (lang === 'sv' || commas === undefined) return { insert: '.' };
  if (commas === 'point' && ONE_GROUP.test(value)) return { replace: value.replace('.', ''), commas: 'thousands' };
  return commas === 'thousands' ? null : { insert: '.' };
}

/**
 * A "." typed in a field, before the browser enters it. In English a point typed after "1,500"
 * (shown as 1.500) shows the comma separated thousands: the field then holds 1500, so that
 * "1,500.75" is 1500.75. Left as it was, the field would hold two points, the browser would drop
 * the second, and the digits after it would become decimals (1.50075). The point is the person's
 * own: no comma before it is left to settle when the field is left.
 */
export function pointTyped(field: TypedText, lang: 'sv' | 'en'): void {
  const before = settleTypedComma(field.value, commasOf(field), lang);
  // Valid as set (no point left in it), so the field keeps it; the typed point goes after it.
  if (before !== field.value) field.value = before;
  delete field.dataset.typedCommas;
}

/** In English, "1,500" typed is 1500 once the field is left, not 1.5: the text it is recorded as. */
export function settleTypedComma(value: string, commas: 'point' | 'thousands' | undefined, lang: 'sv' | 'en'): string {
  return lang === 'en' && commas === 'point' && ONE_GROUP.test(value) ? value.replace('.', '') : value;
}

/**
 * Browsers read a "," in a number field as they see fit: Chromium outside a comma locale drops it
 * (12,5 becomes 125), others refuse the text. A decimal comma, as written in Swedish, becomes the
 * point every browser reads, when typed and when pasted; in English a comma separating thousands
 * is taken out (`typedComma`, `normaliseDecimal`), so the field shows the number it records.
 * Returns the function that stops it.
 */
export function acceptDecimalComma(root: HTMLElement, lang: () => 'sv' | 'en'): () => void {
  // What the commas typed in each field were read as (see TypedText), until it is left.
  const onKeyDown = (event: KeyboardEvent) => {
    const field = event.target;
    if (!isNumberField(field) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '.') pointTyped(field, lang());
    if (event.key !== ',') return;
    const outcome = typedComma(field.value, commasOf(field), lang());
    if (outcome === null) {
      event.preventDefault();
    } else if ('replace' in outcome) {
      event.preventDefault();
      field.value = outcome.replace;
      field.dataset.typedCommas = outcome.commas;
    } else if (document.execCommand('insertText', false, outcome.insert)) {
      // The field's text cannot be set from script without losing it (an invalid number reads as
      // ''): insert as if typed. execCommand is deprecated but the only way that keeps undo; where
      // a browser refuses it, the comma is left to the browser rather than dropped.
      event.preventDefault();
      field.dataset.typedCommas = commasOf(field) ?? 'point';
    }
  };
  // Before survey-core records the field (React's handlers run after this capturing listener).
  const settle = (event: Event) => {
    const field = event.target;
    if (!isNumberField(field)) return;
    const settled = textWhenLeft(field, lang());
    if (settled !== field.value) field.value = settled;
    delete field.dataset.typedCommas;
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === 'Enter') settle(event);
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!isNumberField(event.target)) return;
    const text = event.clipboardData?.getData('text') ?? '';
    const number = normaliseDecimal(text, lang());
    if (number === null || number === text) return;
    if (document.execCommand('insertText', false, number)) event.preventDefault();
  };
  root.addEventListener('keydown', onKeyDown, true);
  root.addEventListener('keyup', onKeyUp, true);
  root.addEventListener('focusout', settle, true);
  root.addEventListener('paste', onPaste, true);
  return () => {
    root.removeEventListener('keydown', onKeyDown, true);
    root.removeEventListener('keyup', onKeyUp, true);
    root.removeEventListener('focusout', settle, true);
    root.removeEventListener('paste', onPaste, true);
  };
}

/**
 * Whether the person is typing a number not yet recorded (it is when the field is left or on
 * Enter): `onChange(true)` on typing in a number field, `onChange(false)` when it is left or Enter
 * is pressed. Returns the function that stops watching.
 */
export function watchNumberTyping(root: HTMLElement, onChange: (typing: boolean) => void): () => void {
  const onInput = (event: Event) => {
    if (isNumberField(event.target)) onChange(true);
  };
  const onLeave = (event: Event) => {
    if (isNumberField(event.target)) onChange(false);
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === 'Enter') onLeave(event);
  };
  root.addEventListener('input', onInput, true);
  root.addEventListener('focusout', onLeave, true);
  root.addEventListener('keyup', onKeyUp, true);
  return () => {
    root.removeEventListener('input', onInput, true);
    root.removeEventListener('focusout', onLeave, true);
    root.removeEventListener('keyup', onKeyUp, true);
  };
}
