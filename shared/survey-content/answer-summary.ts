/**
 * Readable answers from SurveyJS JSON and data, for the receipt email. Plain code, no survey-core.
 * Each answer is worded by `summarizeSurvey`, as the receipt page words it ("Annat: egen text",
 * "Inget av dessa", Ja/Nej, numbers in the reader's format), so the email says what the page says.
 */
import { type SummaryLang, summarizeSurvey } from './summarize-survey';

export interface AnswerLine {
  question: string;
  /** The page's title. */
  page: string;
  /** The page's place in the survey. */
  pageIndex: number;
  title: string;
  answer: string;
}

/** One line per answered question, in survey order, worded as the receipt page words it. */
export function answerSummary(survey: object, data: Record<string, unknown>, locale = 'sv'): AnswerLine[] {
  const lang: SummaryLang = locale === 'en' ? 'en' : 'sv';
  const labels = lang === 'en' ? { yes: 'Yes', no: 'No' } : { yes: 'Ja', no: 'Nej' };
  return summarizeSurvey(survey as Record<string, unknown>, data, lang, labels).flatMap((page, pageIndex) =>
    page.items.flatMap((item) =>
      item.answer === undefined
        ? []
        : [{ question: item.name, page: page.title, pageIndex, title: item.title, answer: item.answer }],
    ),
  );
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
