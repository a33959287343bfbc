/**
 * Number fields. Text is recorded as it is typed (`textUpdateMode: 'onTyping'`), but a number
 * typed key by key passes through values the person never meant: "150" in a 0–100 field is 1,
 * then 15 (in range, so recorded and saved), then 150 (out of range, which survey-core refuses to
 * record, leaving 15). So number fields record their value when the field is left or Enter is
 * pressed, a value survey-core refuses is shown as not saved, and a decimal comma is read as such.
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

function isNumberField(target: EventTarget | null): target is HTMLInputElement {
  return target instanceof HTMLInputElement && target.type === 'number';
}

/** "1 234,5" → "1234.5"; null when the text is not a plain decimal number. */
export function normaliseDecimal(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^-?\d*[.,]?\d*$/.test(compact) && /\d/.test(compact) ? compact.replace(',', '.') : null;
}

/**
 * Browsers read a "," in a number field as they see fit: Chromium outside a comma locale drops it
 * (12,5 becomes 125), others refuse the text. A decimal comma, as written in Swedish, becomes the
 * point every browser reads, when typed and when pasted. Returns the function that stops it.
 */
export function acceptDecimalComma(root: HTMLElement): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isNumberField(event.target) || event.key !== ',' || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    // The field's text cannot be set from script without losing it (an invalid number reads as
    // ''): insert as if typed. execCommand is deprecated but the only way that keeps undo.
    document.execCommand('insertText', false, '.');
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!isNumberField(event.target)) return;
    const text = event.clipboardData?.getData('text') ?? '';
    const number = normaliseDecimal(text);
    if (number === null || number === text) return;
    event.preventDefault();
    document.execCommand('insertText', false, number);
  };
  root.addEventListener('keydown', onKeyDown, true);
  root.addEventListener('paste', onPaste, true);
  return () => {
    root.removeEventListener('keydown', onKeyDown, true);
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
