import type { Values } from '../../../shared/scoring/expression';
import { compileScoring, type QuestionPlan } from '../../../shared/scoring/scoring-plan';
import {
  COMMENT_SUFFIX,
  choiceItems,
  hasOtherItem,
  isEmptyValue,
  isJsonObject,
  type JsonObject,
} from '../../../shared/scoring/survey-json';
import { resolveVisibility } from '../../../shared/scoring/visibility';

const EXAMPLE_URL = 'https://www.example.se/dokument';

/** How a demo respondent answers: its random stream and how far it has come (0–1). */
export interface DemoRespondent {
  random: () => number;
  /** 0 answers like an organisation that has hardly started, 1 like one that does everything. */
  ambition: number;
  /** Share of optional questions (evidence links, comments, follow-ups) answered. */
  answerOptional: number;
}

const SINGLE_CHOICE = new Set(['radiogroup', 'dropdown', 'buttongroup', 'imagepicker']);
const MULTIPLE_CHOICE = new Set(['checkbox', 'tagbox']);

// Built once per question and pattern: each answer is checked again in every round.
const choiceSets = new WeakMap<JsonObject, Set<string>>();
const patterns = new Map<string, RegExp>();

const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const isNumberInput = (json: JsonObject): boolean => json.inputType === 'number' || json.inputType === 'range';

function isChoice(json: JsonObject, value: unknown): boolean {
  let allowed = choiceSets.get(json);
  if (!allowed) {
    allowed = new Set(choiceItems(json).map((item) => String(item.value)));
    if (hasOtherItem(json)) allowed.add(String(json.otherItemValue ?? 'other'));
    if (json.showNoneItem === true || json.hasNone === true) allowed.add(String(json.noneItemValue ?? 'none'));
    choiceSets.set(json, allowed);
  }
  return allowed.has(String(value));
}

function matches(pattern: string, value: unknown): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern);
    patterns.set(pattern, regex);
  }
  return regex.test(String(value));
}

/** Whether the survey's own checks accept a non-empty value: choices, range, length, validators, "other" text. */
function acceptable(question: QuestionPlan, value: unknown, comment: unknown): boolean {
  const { json, type } = question;
  if (SINGLE_CHOICE.has(type) && !isChoice(json, value)) return false;
  if (MULTIPLE_CHOICE.has(type) && !(Array.isArray(value) && value.every((item) => isChoice(json, item)))) return false;
  if (isNumberInput(json)) {
    const number = asNumber(value);
    const min = asNumber(json.min);
    const max = asNumber(json.max);
    if (number === undefined || (min !== undefined && number < min) || (max !== undefined && number > max))
      return false;
  }
  const maxLength = asNumber(json.maxLength);
  if (typeof value === 'string' && maxLength !== undefined && value.length > maxLength) return false;
  if (hasOtherItem(json) && value === (json.otherItemValue ?? 'other') && isEmptyValue(comment)) return false;
  const validators = Array.isArray(json.validators) ? json.validators.filter(isJsonObject) : [];
  return validators.every((validator) => {
    if (validator.type === 'regex' && typeof validator.regex === 'string') return matches(validator.regex, value);
    if (validator.type === 'numeric') {
      const number = asNumber(value);
      const min = asNumber(validator.minValue);
      const max = asNumber(validator.maxValue);
      return number !== undefined && (min === undefined || number >= min) && (max === undefined || number <= max);
    }
    return true;
  });
}

/**
 * A value the question accepts, leaning towards its higher-scoring answers as far as the respondent's
 * ambition goes; choices exclude "other" and "none".
 */
function valueFor(question: QuestionPlan, respondent: DemoRespondent): unknown {
  const { json } = question;
  const { random, ambition } = respondent;
  // This answer's reach: the respondent's ambition give or take a little.
  const aim = Math.min(1, Math.max(0, ambition + (random() - 0.5) * 0.5));
  const ranked = choiceItems(json)
    .map((item) => item.value)
    .sort((a, b) => (question.choiceScores.get(String(a)) ?? 0) - (question.choiceScores.get(String(b)) ?? 0));
  switch (question.type) {
    case 'boolean': {
      const yes = json.valueTrue ?? true;
      const no = json.valueFalse ?? false;
      const better = question.scoreFalse > question.scoreTrue ? no : yes;
      return random() < ambition ? better : better === yes ? no : yes;
    }
    case 'checkbox':
    case 'tagbox': {
      const some = ranked.filter(() => random() < 0.15 + 0.7 * ambition);
      return some.length > 0 ? some : [ranked[Math.min(ranked.length - 1, Math.floor(aim * ranked.length))]];
    }
    case 'comment':
      return 'Exempeltext.';
    case 'text': {
      if (isNumberInput(json)) {
        const low = asNumber(json.min) ?? 0;
        const high = asNumber(json.max) ?? low + 100;
        return Math.round(low + aim * (high - low));
      }
      return json.inputType === 'url' ? EXAMPLE_URL : 'Exempel';
    }
    default:
      return ranked.length > 0 ? ranked[Math.min(ranked.length - 1, Math.floor(aim * ranked.length))] : 'Exempel';
  }
}

/**
 * Answers a member could submit, for the demo: `given` (e.g. the respondent's name), then every
 * shown question answered that is required (also by `requiredIf`), about `answerOptional` of the
 * optional ones, and any given value the survey's checks refuse (a year out of range, a malformed
 * address) replaced; values of hidden questions (and their comments) dropped; repeated while a new
 * answer shows further questions. Keys that are no question are left out.
 *
 * The same rules as submit's survey-core validation (`validateSubmission`), read from the survey JSON
 * so that the seed, which runs on every fresh `npm start`, does not load survey-core; a test holds
 * every seeded submission to `validateSubmission` itself. Deterministic for a deterministic `random`.
 */
export function demoAnswers(survey: object, given: Values, respondent: DemoRespondent): Values {
  const plan = compileScoring(survey);
  const decided = new Set(Object.keys(given));
  let data: Values = { ...given };
  for (let round = 0; round <= plan.questions.length; round++) {
    const { visible, read } = resolveVisibility(plan, data);
    const next: Values = {};
    let added = false;
    plan.questions.forEach((question, index) => {
      if (!visible[index]) return;
      const value = data[question.name];
      const comment = data[question.name + COMMENT_SUFFIX];
      const empty = isEmptyValue(value);
      let answer = !empty && question.answerable && !acceptable(question, value, comment);
      if (empty && question.answerable) {
        // An optional question is decided once, so a later round does not roll the dice again.
        const optionalYes = !decided.has(question.name) && respondent.random() < respondent.answerOptional;
        decided.add(question.name);
        answer = question.isRequired(read) || optionalYes;
      }
      if (answer) {
        next[question.name] = valueFor(question, respondent);
        added = true;
      } else if (!empty) {
        next[question.name] = value;
        if (comment !== undefined) next[question.name + COMMENT_SUFFIX] = comment;
      }
    });
    data = next;
    if (!added) break;
  }
  return data;
}
