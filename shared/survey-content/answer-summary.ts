/** Readable answers from SurveyJS JSON and data, for receipts and review. Plain code, no survey-core. */

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
  page: string;
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
  const visit = (elements: Element[] | undefined, page: string) => {
    for (const element of elements ?? []) {
      if (element.elements) visit(element.elements, page);
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
          title: (localise(element.title, locale) || element.name) + suffix,
          answer: suffix ? String(value) : formatValue(element, value, locale, yes, no),
        });
      }
    }
  };
  for (const page of pages) visit(page.elements, localise(page.title, locale) || page.name);
  return lines;
}

function formatValue(element: Element, value: unknown, locale: string, yes: string, no: string): string {
  if (typeof value === 'boolean') {
    return value ? localise(element.labelTrue, locale) || yes : localise(element.labelFalse, locale) || no;
  }
  const textOf = (v: unknown) => {
    const choice = element.choices?.find((c) => (typeof c === 'object' ? c.value === v : c === v));
    if (choice === undefined) return String(v);
    return typeof choice === 'object' ? localise(choice.text, locale) || String(choice.value) : String(choice);
  };
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return textOf(value);
}
