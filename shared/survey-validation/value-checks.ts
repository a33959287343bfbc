/** Per-question-type checks of one answer value for drafts: type, choices and length. */
import { isJsonObject } from '../scoring/survey-json';
import { ANSWER_CONTROL } from '../text/control-characters';
import { type Expected, messages, type Problem } from './messages';
import type { IndexedQuestion } from './question-index';

/** Upper bound for free text when a question sets no maxLength; guards storage, not members. */
export const DEFAULT_MAX_TEXT_LENGTH = 20_000;

type Check = (question: IndexedQuestion, value: unknown) => Problem[];

const isPrimitiveChoice = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/**
 * Whether a survey answer's text has a control character: C0 but tab, LF and CR (a paste can carry
 * them, and they would go raw into the CSV export). DEL and C1 pass, unlike in names and notes.
 */
export function hasAnswerControlCharacter(text: string): boolean {
  return ANSWER_CONTROL.test(text);
}

function checkTextOfLength(value: unknown, max: number): Problem[] {
  if (typeof value !== 'string') return [messages.expected('text')];
  return [
    ...(value.length > max ? [messages.tooLong(max)] : []),
    ...(hasAnswerControlCharacter(value) ? [messages.controlCharacter] : []),
  ];
}

function checkText(question: IndexedQuestion, value: unknown): Problem[] {
  const max =
    typeof question.json.maxLength === 'number' && question.json.maxLength > 0
      ? question.json.maxLength
      : DEFAULT_MAX_TEXT_LENGTH;
  return checkTextOfLength(value, max);
}

function checkChoice(question: IndexedQuestion, value: unknown): Problem[] {
  if (!isPrimitiveChoice(value)) return [messages.expected('choice')];
  return question.choices === null || question.choices.has(String(value)) ? [] : [messages.notAChoice(value)];
}

function checkChoices(question: IndexedQuestion, value: unknown): Problem[] {
  if (!Array.isArray(value)) return [messages.expected('choices')];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const item of value) {
    if (!isPrimitiveChoice(item)) {
      problems.push(messages.expected('choices'));
      continue;
    }
    const key = String(item);
    if (seen.has(key)) problems.push(messages.duplicateChoice(item));
    seen.add(key);
    if (question.choices !== null && !question.choices.has(key)) problems.push(messages.notAChoice(item));
  }
  return problems;
}

function checkBoolean(question: IndexedQuestion, value: unknown): Problem[] {
  const { valueTrue, valueFalse } = question.json;
  if (valueTrue !== undefined || valueFalse !== undefined) {
    return value === (valueTrue ?? true) || value === (valueFalse ?? false) ? [] : [messages.expected('yesNo')];
  }
  return typeof value === 'boolean' ? [] : [messages.expected('trueFalse')];
}

function checkNumber(question: IndexedQuestion, value: unknown): Problem[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [messages.notANumber];
  const step = question.json.step;
  // survey-core refuses such a number only at submit; a draft holding it would say "Sparat".
  if (question.json.inputType === 'number' && typeof step === 'number' && step > 0 && !isOnStep(value, step)) {
    return [messages.notOnStep(step)];
  }
  return [];
}

/** survey-core's own test (isStepNumberIncorrect): both scaled to whole numbers, then a remainder. */
function isOnStep(value: number, step: number): boolean {
  let scale = 1;
  while (
    (Math.round(step * scale) / scale !== step || Math.round(value * scale) / scale !== value) &&
    scale < 1_000_000
  ) {
    scale *= 10;
  }
  return Math.round(value * scale) % Math.round(step * scale) === 0;
}

/**
 * DynamoDB stores magnitudes from 1e-130 and our drivers marshal integers only up to 2^53 - 1; beyond
 * those the write fails, and as every autosave sends all answers, every later save would fail with it.
 */
function isUnstorableNumber(n: number): boolean {
  const magnitude = Math.abs(n);
  return Number.isFinite(n) && (magnitude > Number.MAX_SAFE_INTEGER || (magnitude > 0 && magnitude < 1e-130));
}

/**
 * What the leaves of an answer hold at any depth (parts, rows, cells), where its question's check
 * does not look: a number that cannot be stored, else text with a control character. One walk for
 * both: an unstorable number ends it, a control character does not (an unstorable number after it
 * still comes first).
 */
export function leafProblem(value: unknown): Problem | undefined {
  if (typeof value === 'string') return hasAnswerControlCharacter(value) ? messages.controlCharacter : undefined;
  if (typeof value === 'number') return isUnstorableNumber(value) ? messages.numberNotStorable : undefined;
  const items = Array.isArray(value) ? value : isJsonObject(value) ? Object.values(value) : [];
  let found: Problem | undefined;
  for (const item of items) {
    const problem = leafProblem(item);
    if (problem === messages.numberNotStorable) return problem;
    found ??= problem;
  }
  return found;
}

function checkTextInput(question: IndexedQuestion, value: unknown): Problem[] {
  const inputType = question.json.inputType;
  return inputType === 'number' || inputType === 'range' ? checkNumber(question, value) : checkText(question, value);
}

function checkMultipleText(question: IndexedQuestion, value: unknown): Problem[] {
  if (!isJsonObject(value)) return [messages.expected('parts')];
  const items = Array.isArray(question.json.items) ? question.json.items.filter(isJsonObject) : [];
  const names = new Set(items.map((item) => String(item.name)));
  return Object.entries(value).flatMap(([key, item]) => {
    if (!names.has(key)) return [messages.unknownField(key)];
    if (typeof item === 'string') return hasAnswerControlCharacter(item) ? [messages.controlCharacter] : [];
    return typeof item === 'number' ? [] : [messages.expected('textOrNumber')];
  });
}

function checkMatrix(question: IndexedQuestion, value: unknown): Problem[] {
  if (!isJsonObject(value)) return [messages.expected('rowAnswers')];
  const values = (list: unknown): Set<string> | null =>
    Array.isArray(list)
      ? new Set(list.map((item) => String(isJsonObject(item) ? item.value : item).split('|')[0] ?? ''))
      : null;
  const rows = values(question.json.rows);
  const columns = values(question.json.columns);
  return Object.entries(value).flatMap(([row, column]) => {
    if (rows !== null && !rows.has(row)) return [messages.unknownField(row)];
    if (!isPrimitiveChoice(column)) return [messages.expected('choice')];
    return columns !== null && !columns.has(String(column)) ? [messages.notAChoice(column)] : [];
  });
}

const expect =
  (what: Expected, test: (value: unknown) => boolean): Check =>
  (_question, value) =>
    test(value) ? [] : [messages.expected(what)];

const isArrayOfObjects = (value: unknown): boolean => Array.isArray(value) && value.every(isJsonObject);

const CHECKS: Record<string, Check> = {
  text: checkTextInput,
  comment: checkText,
  radiogroup: checkChoice,
  dropdown: checkChoice,
  buttongroup: checkChoice,
  imagepicker: (question, value) =>
    question.json.multiSelect === true ? checkChoices(question, value) : checkChoice(question, value),
  checkbox: checkChoices,
  tagbox: checkChoices,
  ranking: checkChoices,
  boolean: checkBoolean,
  rating: (question, value) => (Array.isArray(question.json.rateValues) ? checkChoice : checkNumber)(question, value),
  multipletext: checkMultipleText,
  matrix: checkMatrix,
  matrixdropdown: expect('rowAnswers', isJsonObject),
  matrixdynamic: expect('rows', isArrayOfObjects),
  paneldynamic: expect('panels', isArrayOfObjects),
  file: expect('files', isArrayOfObjects),
  signaturepad: expect('image', (value) => typeof value === 'string'),
  expression: expect('computed', (value) => ['string', 'number', 'boolean'].includes(typeof value)),
};

/**
 * Problems (code, Swedish and English message) with one non-null answer to one question; empty when it is fine.
 * Unknown question types (custom components) accept any value.
 */
export function checkValue(question: IndexedQuestion, value: unknown): Problem[] {
  const check = CHECKS[question.type];
  return check ? check(question, value) : [];
}

/** Problems with a `<name>-Comment` value. */
export function checkComment(value: unknown): Problem[] {
  return checkTextOfLength(value, DEFAULT_MAX_TEXT_LENGTH);
}
