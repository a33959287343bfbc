/**
 * A light reading of SurveyJS JSON, without survey-core: page and question titles, and answers
 * turned into readable text (choice labels, "Annat: …" with its text, "Inget", Ja/Nej, lists,
 * numbers in the reader's format). The receipt page, the review page and the receipt email all
 * word answers through it, so an answer reads the same on the page and in the email.
 */
import { formatAnswerNumber } from './format-answer-number';

export type SummaryLang = 'sv' | 'en';

type Localizable = string | Record<string, string> | undefined;

export interface ElementJson {
  type?: string;
  name?: string;
  title?: Localizable;
  elements?: ElementJson[];
  templateElements?: ElementJson[];
  choices?: Array<string | number | { value: unknown; text?: Localizable }>;
  labelTrue?: Localizable;
  labelFalse?: Localizable;
  otherText?: Localizable;
  noneText?: Localizable;
  showOtherItem?: boolean;
  showNoneItem?: boolean;
  showCommentArea?: boolean;
  hasComment?: boolean;
  visibleIf?: string;
  isRequired?: boolean;
  inputType?: string;
}

export interface SummaryItem {
  name: string;
  title: string;
  /** Readable answer, or undefined when unanswered. */
  answer?: string;
  /** Answer is a web address worth linking. */
  url?: boolean;
  conditional: boolean;
  required: boolean;
}

export interface SummaryPage {
  name: string;
  title: string;
  items: SummaryItem[];
}

export interface SummaryLabels {
  yes: string;
  no: string;
}

export function localized(value: Localizable, lang: SummaryLang): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (lang === 'en' && value.en) return value.en;
  return value.sv ?? value.default ?? value.en ?? Object.values(value)[0] ?? '';
}

const NON_QUESTIONS = new Set(['html', 'image', 'expression']);

/** A choice's or answer's value as text: numbers in the reader's format, anything else as it is. */
function valueText(value: unknown, lang: SummaryLang): string {
  return typeof value === 'number' ? formatAnswerNumber(value, lang) : String(value);
}

function collect(elements: ElementJson[] | undefined, out: ElementJson[]): void {
  for (const element of elements ?? []) {
    if (element.type === 'panel') collect(element.elements, out);
    else if (element.name && !NON_QUESTIONS.has(element.type ?? '')) out.push(element);
  }
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)
  );
}

function choiceText(question: ElementJson, value: unknown, lang: SummaryLang): string {
  if (value === 'other') return localized(question.otherText, lang) || (lang === 'en' ? 'Other' : 'Annat');
  if (value === 'none') return localized(question.noneText, lang) || (lang === 'en' ? 'None' : 'Inget');
  for (const choice of question.choices ?? []) {
    if (typeof choice === 'object' && choice !== null) {
      if (choice.value === value) return localized(choice.text, lang) || valueText(choice.value, lang);
    } else if (choice === value) return valueText(choice, lang);
  }
  // A rating without choices, or a value no longer among them.
  return valueText(value, lang);
}

function plainAnswer(
  question: ElementJson,
  value: unknown,
  lang: SummaryLang,
  labels: SummaryLabels,
  other: string | undefined,
): string {
  const withOther = (text: string, raw: unknown) => (raw === 'other' && other ? `${text}: ${other}` : text);
  switch (question.type) {
    case 'boolean':
      return value === true
        ? localized(question.labelTrue, lang) || labels.yes
        : value === false
          ? localized(question.labelFalse, lang) || labels.no
          : String(value);
    case 'radiogroup':
    case 'dropdown':
    case 'rating':
      return withOther(choiceText(question, value, lang), value);
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
      return Array.isArray(value)
        ? value.map((v) => withOther(choiceText(question, v, lang), v)).join(', ')
        : String(value);
    default:
      if (typeof value === 'number') return formatAnswerNumber(value, lang);
      if (typeof value === 'string') return value;
      if (typeof value === 'boolean') return value ? labels.yes : labels.no;
      return JSON.stringify(value);
  }
}

/**
 * The readable text of one answer to `question`; `comment` is its `<name>-Comment` value: the text
 * of an "other" choice ("Annat: egen text"), or what was written in the question's comment area
 * ("Ja (kommentar: …)"), so the comment is never lost from a receipt.
 */
export function describeAnswer(
  question: ElementJson,
  value: unknown,
  lang: SummaryLang,
  labels: SummaryLabels,
  comment?: unknown,
): string | undefined {
  const text = typeof comment === 'string' && comment.trim() ? comment : undefined;
  const picksOther = value === 'other' || (Array.isArray(value) && value.includes('other'));
  // Without "other" picked, a comment belongs to the comment area, if the question has one (an
  // "other" text left from an earlier choice is not an answer).
  const areaComment = !picksOther && (question.showCommentArea || question.hasComment) ? text : undefined;
  if (isBlank(value)) return areaComment && `${lang === 'en' ? 'Comment' : 'Kommentar'}: ${areaComment}`;
  const answer = plainAnswer(question, value, lang, labels, picksOther ? text : undefined);
  return areaComment ? `${answer} (${lang === 'en' ? 'comment' : 'kommentar'}: ${areaComment})` : answer;
}

/** Every page with its questions and answers, in survey order. */
export function summarizeSurvey(
  survey: { pages?: ElementJson[] } | Record<string, unknown>,
  data: Record<string, unknown>,
  lang: SummaryLang,
  labels: SummaryLabels,
): SummaryPage[] {
  const pages = ((survey as { pages?: ElementJson[] }).pages ?? []) as ElementJson[];
  return pages.map((page) => {
    const questions: ElementJson[] = [];
    collect(page.elements, questions);
    return {
      name: page.name ?? '',
      title: localized(page.title, lang) || page.name || '',
      items: questions.map((question) => {
        const name = question.name!;
        return {
          name,
          title: localized(question.title, lang) || name,
          answer: describeAnswer(question, data[name], lang, labels, data[`${name}-Comment`]),
          url: question.inputType === 'url',
          conditional: Boolean(question.visibleIf),
          required: Boolean(question.isRequired),
        };
      }),
    };
  });
}

/** The question named `name`, anywhere in the survey. */
export function findQuestion(survey: Record<string, unknown>, name: string): ElementJson | undefined {
  const all: ElementJson[] = [];
  for (const page of ((survey as { pages?: ElementJson[] }).pages ?? []) as ElementJson[]) collect(page.elements, all);
  return all.find((q) => q.name === name);
}
