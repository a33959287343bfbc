/** Readable answers from SurveyJS JSON and data, for receipts and review. Plain code, no survey-core. */
import { formatAnswerNumber } from './format-answer-number';

type Localisable = string | Record<string, string> | undefined;

interface Element {
  type?: string;
  name?: string;
  title?: Localisable;
  choices?: Array<string | number | { value: unknown; text?: Localisable }>;
  labelTrue?: Localisable;
  labelFalse?: Localisable;
  elements?: Element[];
}

export interface AnswerLine {
  question: string;
  /** The page's title. */
  page: string;
  /** The page's place in the survey. */
  pageIndex: number;
  title: string;
  answer: string;
}

/** Picks a localised string: the locale's text, else the default. */
export function localise(text: Localisable, locale = 'sv'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.default ?? Object.values(text)[0] ?? '';
}

/** One line per answered question, in survey order, with choice values turned into their texts. */
export function answerSummary(survey: object, data: Record<string, unknown>, locale = 'sv'): AnswerLine[] {
  const lines: AnswerLine[] = [];
  const pages = (survey as { pages?: Array<{ name: string; title?: Localisable; elements?: Element[] }> }).pages ?? [];
  const yes = locale === 'en' ? 'Yes' : 'Ja';
  const no = locale === 'en' ? 'No' : 'Nej';
  const visit = (elements: Element[] | undefined, page: string, pageIndex: number) => {
    for (const element of elements ?? []) {
      if (element.elements) visit(element.elements, page, pageIndex);
      if (!element.name || element.type === 'html' || element.type === 'panel') continue;
      for (const [key, suffix] of [
        [element.name, ''],
        [`${element.name}-Comment`, locale === 'en' ? ' (comment)' : ' (kommentar)'],
      ] as const) {
        const value = data[key];
        if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
          continue;
        lines.push({
          question: key,
          page,
          pageIndex,
          title: (localise(element.title, locale) || element.name) + suffix,
          answer: suffix ? valueText(value, locale) : formatValue(element, value, locale, yes, no),
        });
      }
    }
  };
  for (const [index, page] of pages.entries()) visit(page.elements, localise(page.title, locale) || page.name, index);
  return lines;
}

/** The answered pages in survey order, each with its lines: a page with no answers is left out. */
export function answerSummaryByPage(
  survey: object,
  data: Record<string, unknown>,
  locale = 'sv',
): Array<{ title: string; lines: AnswerLine[] }> {
  const pages: Array<{ title: string; lines: AnswerLine[] }> = [];
  // Lines come page by page, so a page is one run of lines (two pages with one title stay two).
  let current: { index: number; lines: AnswerLine[] } | undefined;
  for (const line of answerSummary(survey, data, locale)) {
    if (current?.index !== line.pageIndex) {
      current = { index: line.pageIndex, lines: [] };
      pages.push({ title: line.page, lines: current.lines });
    }
    current.lines.push(line);
  }
  return pages;
}

/** A value as text: numbers in the reader's format, as on the receipt page ("1500,75" / "1500.75"). */
function valueText(value: unknown, locale: string): string {
  return typeof value === 'number' ? formatAnswerNumber(value, locale === 'en' ? 'en' : 'sv') : String(value);
}

function formatValue(element: Element, value: unknown, locale: string, yes: string, no: string): string {
  if (typeof value === 'boolean') {
    return value ? localise(element.labelTrue, locale) || yes : localise(element.labelFalse, locale) || no;
  }
  const textOf = (v: unknown) => {
    const choice = element.choices?.find((c) => (typeof c === 'object' ? c.value === v : c === v));
    if (choice === undefined) return valueText(v, locale);
    return typeof choice === 'object'
      ? localise(choice.text, locale) || valueText(choice.value, locale)
      : valueText(choice, locale);
  };
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return textOf(value);
}
