/**
 * Plain-code reading of SurveyJS JSON. No survey-core import: the scoring, progress and draft
 * validation paths use this so they stay light enough for the autosave Lambda and non-survey pages.
 */

export type JsonObject = Record<string, unknown>;

/** A choice normalised from SurveyJS's `"value"`, `"value|text"` or `{value, text, score}` forms. */
export interface ChoiceItem {
  value: string | number;
  text: unknown;
  score: unknown;
}

/** A page (section) of the survey, in display order. */
export interface PageNode {
  json: JsonObject;
  index: number;
  name: string;
}

/** A question with the visibility conditions of its own and of every container above it. */
export interface QuestionNode {
  json: JsonObject;
  name: string;
  type: string;
  page: PageNode;
  /** visibleIf expressions of the page, panels and the question itself; all must hold. */
  conditions: string[];
}

/** Element types that show content but hold no answer. */
const DISPLAY_ONLY = new Set(['html', 'image']);

/** The suffix SurveyJS uses for a question's comment / "other" text key. */
export const COMMENT_SUFFIX = '-Comment';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementsOf(container: JsonObject): JsonObject[] {
  const list = container.elements ?? container.questions;
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
}

function conditionOf(element: JsonObject): string[] {
  return typeof element.visibleIf === 'string' && element.visibleIf.trim() !== '' ? [element.visibleIf] : [];
}

/**
 * Hidden for good: `visible: false` without a visibleIf. With a visibleIf, survey-core decides at
 * run time (and its toJSON() writes `visible: false` for elements hidden at that moment).
 */
function isStaticallyHidden(element: JsonObject): boolean {
  return element.visible === false && conditionOf(element).length === 0;
}

function pagesOf(survey: JsonObject): JsonObject[] {
  if (Array.isArray(survey.pages)) return survey.pages.filter(isJsonObject);
  // A survey may put elements at the root; SurveyJS then makes one page of them.
  return elementsOf(survey).length > 0 ? [{ name: 'page1', elements: elementsOf(survey) }] : [];
}

/**
 * Walks pages, panels and questions in display order.
 * Statically hidden elements (`visible: false` without a visibleIf) are left out: they are not part
 * of the survey a member sees. Dynamic panels and matrices are treated as single questions.
 * @throws TypeError when the survey JSON is not an object.
 */
export function walkSurvey(survey: unknown): { pages: PageNode[]; questions: QuestionNode[] } {
  if (!isJsonObject(survey)) throw new TypeError('Survey JSON must be an object.');
  const pages: PageNode[] = [];
  const questions: QuestionNode[] = [];

  const visit = (elements: JsonObject[], page: PageNode, conditions: string[]): void => {
    for (const element of elements) {
      if (isStaticallyHidden(element)) continue;
      const own = conditionOf(element);
      const type = typeof element.type === 'string' ? element.type : '';
      if (type === 'panel') {
        visit(elementsOf(element), page, [...conditions, ...own]);
      } else if (!DISPLAY_ONLY.has(type) && typeof element.name === 'string' && element.name !== '') {
        questions.push({ json: element, name: element.name, type, page, conditions: [...conditions, ...own] });
      }
    }
  };

  pagesOf(survey).forEach((pageJson, index) => {
    if (isStaticallyHidden(pageJson)) return;
    const name = typeof pageJson.name === 'string' && pageJson.name !== '' ? pageJson.name : `page${index + 1}`;
    const page: PageNode = { json: pageJson, index: pages.length, name };
    pages.push(page);
    visit(elementsOf(pageJson), page, conditionOf(pageJson));
  });
  return { pages, questions };
}

/**
 * Text of a SurveyJS localizable string: the given locale, else `default`, else `sv`, else any.
 * Returns undefined when the value holds no text.
 */
export function localText(value: unknown, locale = 'default'): string | undefined {
  if (typeof value === 'string') return value;
  if (!isJsonObject(value)) return undefined;
  for (const key of [locale, 'default', 'sv']) {
    const text = value[key];
    if (typeof text === 'string') return text;
  }
  return Object.values(value).find((text): text is string => typeof text === 'string');
}

/** The English text of a localizable string, or undefined when it has none (a plain string is Swedish). */
export function englishText(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const text = value.en;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/** The static choices of a question; empty when it has none (or they come from a URL). */
export function choiceItems(question: JsonObject): ChoiceItem[] {
  const raw = question.choices;
  if (!Array.isArray(raw)) return [];
  const items: ChoiceItem[] = [];
  for (const choice of raw) {
    if (typeof choice === 'number') items.push({ value: choice, text: undefined, score: undefined });
    else if (typeof choice === 'string') {
      // SurveyJS reads "value|text" as a value with a display text.
      const bar = choice.indexOf('|');
      items.push(
        bar < 0
          ? { value: choice, text: undefined, score: undefined }
          : { value: choice.slice(0, bar), text: choice.slice(bar + 1), score: undefined },
      );
    } else if (isJsonObject(choice) && (typeof choice.value === 'string' || typeof choice.value === 'number')) {
      items.push({ value: choice.value, text: choice.text, score: choice.score });
    }
  }
  return items;
}

/** True when the question lets the member pick "other" and type a text. */
export function hasOtherItem(question: JsonObject): boolean {
  return question.showOtherItem === true || question.hasOther === true;
}

/** True when the question accepts a `<name>-Comment` value. */
export function acceptsComment(question: JsonObject): boolean {
  return hasOtherItem(question) || question.showCommentArea === true || question.hasComment === true;
}

/** SurveyJS's notion of an empty answer: undefined, null, blank text, [] or an object of empties. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isJsonObject(value)) return Object.values(value).every(isEmptyValue);
  return false;
}

/** JSON with object keys sorted at every level, so equal surveys hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
