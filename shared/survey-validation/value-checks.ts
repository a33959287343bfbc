/** Per-question-type checks of one answer value for drafts: type, choices and length. */
import { isJsonObject } from '../scoring/survey-json';
import { messages } from './messages';
import type { IndexedQuestion } from './question-index';

/** Upper bound for free text when a question sets no maxLength; guards storage, not members. */
export const DEFAULT_MAX_TEXT_LENGTH = 20_000;

type Check = (question: IndexedQuestion, value: unknown) => string[];

const isPrimitiveChoice = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

function checkText(question: IndexedQuestion, value: unknown): string[] {
  if (typeof value !== 'string') return [messages.expected('en text')];
  const max =
    typeof question.json.maxLength === 'number' && question.json.maxLength > 0
      ? question.json.maxLength
      : DEFAULT_MAX_TEXT_LENGTH;
  return value.length > max ? [messages.tooLong(max)] : [];
}

function checkChoice(question: IndexedQuestion, value: unknown): string[] {
  if (!isPrimitiveChoice(value)) return [messages.expected('ett av svarsalternativen')];
  return question.choices === null || question.choices.has(String(value)) ? [] : [messages.notAChoice(value)];
}

function checkChoices(question: IndexedQuestion, value: unknown): string[] {
  if (!Array.isArray(value)) return [messages.expected('en lista med svarsalternativ')];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const item of value) {
    if (!isPrimitiveChoice(item)) {
      problems.push(messages.expected('en lista med svarsalternativ'));
      continue;
    }
    const key = String(item);
    if (seen.has(key)) problems.push(messages.duplicateChoice(item));
    seen.add(key);
    if (question.choices !== null && !question.choices.has(key)) problems.push(messages.notAChoice(item));
  }
  return problems;
}

function checkBoolean(question: IndexedQuestion, value: unknown): string[] {
  const { valueTrue, valueFalse } = question.json;
  if (valueTrue !== undefined || valueFalse !== undefined) {
    return value === (valueTrue ?? true) || value === (valueFalse ?? false) ? [] : [messages.expected('ja eller nej')];
  }
  return typeof value === 'boolean' ? [] : [messages.expected('ja eller nej (true eller false)')];
}

function checkNumber(_question: IndexedQuestion, value: unknown): string[] {
  return typeof value === 'number' && Number.isFinite(value) ? [] : [messages.notANumber];
}

function checkTextInput(question: IndexedQuestion, value: unknown): string[] {
  const inputType = question.json.inputType;
  return inputType === 'number' || inputType === 'range' ? checkNumber(question, value) : checkText(question, value);
}

function checkMultipleText(question: IndexedQuestion, value: unknown): string[] {
  if (!isJsonObject(value)) return [messages.expected('ett objekt med delsvar')];
  const items = Array.isArray(question.json.items) ? question.json.items.filter(isJsonObject) : [];
  const names = new Set(items.map((item) => String(item.name)));
  return Object.entries(value).flatMap(([key, item]) => {
    if (!names.has(key)) return [messages.unknownField(key)];
    return typeof item === 'string' || typeof item === 'number' ? [] : [messages.expected('text eller tal')];
  });
}

function checkMatrix(question: IndexedQuestion, value: unknown): string[] {
  if (!isJsonObject(value)) return [messages.expected('ett svar per rad')];
  const values = (list: unknown): Set<string> | null =>
    Array.isArray(list)
      ? new Set(list.map((item) => String(isJsonObject(item) ? item.value : item).split('|')[0] ?? ''))
      : null;
  const rows = values(question.json.rows);
  const columns = values(question.json.columns);
  return Object.entries(value).flatMap(([row, column]) => {
    if (rows !== null && !rows.has(row)) return [messages.unknownField(row)];
    if (!isPrimitiveChoice(column)) return [messages.expected('ett av svarsalternativen')];
    return columns !== null && !columns.has(String(column)) ? [messages.notAChoice(column)] : [];
  });
}

const expect =
  (what: string, test: (value: unknown) => boolean): Check =>
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
  matrixdropdown: expect('ett svar per rad', isJsonObject),
  matrixdynamic: expect('en lista med rader', isArrayOfObjects),
  paneldynamic: expect('en lista med paneler', isArrayOfObjects),
  file: expect('en lista med filer', isArrayOfObjects),
  signaturepad: expect('en bild', (value) => typeof value === 'string'),
  expression: expect('ett beräknat värde', (value) => ['string', 'number', 'boolean'].includes(typeof value)),
};

/**
 * Problems (Swedish messages) with one non-null answer to one question; empty when it is fine.
 * Unknown question types (custom components) accept any value.
 */
export function checkValue(question: IndexedQuestion, value: unknown): string[] {
  const check = CHECKS[question.type];
  return check ? check(question, value) : [];
}

/** Problems with a `<name>-Comment` value. */
export function checkComment(value: unknown): string[] {
  if (typeof value !== 'string') return [messages.expected('en text')];
  return value.length > DEFAULT_MAX_TEXT_LENGTH ? [messages.tooLong(DEFAULT_MAX_TEXT_LENGTH)] : [];
}
