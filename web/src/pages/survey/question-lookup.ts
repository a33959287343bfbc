/**
 * What the survey page reads from survey-core about a data key (`<question>` or
 * `<question>-Comment`): its question, title, where it stands, and the errors it shows. Shared by
 * the error lists, the table of contents and the conflict dialog; runs headless in the unit tests.
 */
import { CustomError, type PageModel, type Question, type SurveyModel } from 'survey-core';
import type { Lang, Translate } from '../../i18n';
import { mainQuestionOf } from './conflict-merge';
import { type KeyLookup, type ProblemPlace, problemText, type QuestionProblem } from './error-summary';

export const COMMENT_SUFFIX = '-Comment';

/** The question a data key belongs to: `<name>` or its `<name>-Comment`. */
export function questionOfKey(model: SurveyModel, key: string): Question | null {
  return model.getQuestionByName(key.endsWith(COMMENT_SUFFIX) ? key.slice(0, -COMMENT_SUFFIX.length) : key);
}

/** A question's or page's title as shown in the page's language, else its name. */
export function titleOf(element: { locTitle: { renderedHtml: string }; title: string; name: string }): string {
  return element.locTitle.renderedHtml || element.title || element.name;
}

/**
 * A data key's question, the main question a link or comment field belongs to (e.g. "B1" for
 * "B1_url"), and its page; null when the key is no question of the survey.
 */
function standingOf(
  model: SurveyModel,
  key: string,
): { question: Question; main: Question | null; page: PageModel | null } | null {
  const question = questionOfKey(model, key);
  if (!question) return null;
  const mainName = mainQuestionOf(question.name, (name) => model.getQuestionByName(name) !== null);
  return {
    question,
    main: mainName ? model.getQuestionByName(mainName) : null,
    page: (question.page as PageModel | null | undefined) ?? null,
  };
}

/**
 * A data key's question title, and where it stands: its page and, for a link or comment field
 * (many share the title "Länk till underlag…" or "Kommentar (valfri)"), the question it belongs to.
 * A key that is no question of the survey is its own title.
 */
export function labelOf(model: SurveyModel, key: string, t: Translate): { title: string; context?: string } {
  const standing = standingOf(model, key);
  if (!standing) return { title: key };
  const { question, main, page } = standing;
  const title = key.endsWith(COMMENT_SUFFIX) ? `${titleOf(question)} (${t('conflict.comment')})` : titleOf(question);
  const pageTitle = page ? titleOf(page) : '';
  const context = main
    ? t('survey.context.pageQuestion', { page: pageTitle, question: titleOf(main) })
    : pageTitle
      ? t('survey.context.page', { page: pageTitle })
      : undefined;
  return { title, context };
}

/** The title of the main question a link or comment field belongs to, if any. */
export function mainTitleOf(model: SurveyModel, key: string): string | undefined {
  const main = standingOf(model, key)?.main;
  return main ? titleOf(main) : undefined;
}

/** The error lists' view of the survey's keys. */
export function keyLookup(model: SurveyModel, t: Translate): KeyLookup {
  return {
    isQuestion: (key) => questionOfKey(model, key) !== null,
    label: (key) => labelOf(model, key, t),
    mainTitle: (key) => mainTitleOf(model, key),
  };
}

/** Where a data key's question stands in the survey, for the error summary's grouping. */
export function placeOf(model: SurveyModel, key: string): ProblemPlace | null {
  const standing = standingOf(model, key);
  if (!standing?.page) return null;
  const { question, page } = standing;
  return {
    page: page.name,
    pageTitle: titleOf(page),
    pageIndex: model.pages.indexOf(page),
    questionIndex: page.questions.indexOf(question),
  };
}

/** Every error survey-core now shows on a visible question, on any page, in survey order. */
export function problemsOf(model: SurveyModel): QuestionProblem[] {
  return model
    .getAllQuestions(true)
    .flatMap((question) => question.errors.map((error) => ({ question: question.name, message: error.getText() })));
}

/**
 * The errors a data key's question shows now, worded in the page's language (survey-core words
 * them again when the locale changes); null when the key is no question of the survey.
 */
export function errorTextsOf(model: SurveyModel, key: string): string[] | null {
  const question = questionOfKey(model, key);
  return question ? question.errors.map((error) => error.getText()) : null;
}

/** How many visible questions on each visible page (by page name) show an error now; pages without none. */
export function pageErrorCounts(model: SurveyModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of model.visiblePages) {
    const count = page.questions.filter((question) => question.isVisible && question.errors.length > 0).length;
    if (count > 0) counts.set(page.name, count);
  }
  return counts;
}

const langOf = (model: SurveyModel): Lang => (model.locale === 'en' ? 'en' : 'sv');

/**
 * Shows a problem the server found as an error on its question, in the page's language, worded
 * again (as survey-core's own errors are) when the language changes. Returns the mark, to remove.
 */
export function markProblem(model: SurveyModel, question: Question, problem: QuestionProblem): CustomError {
  const mark = new CustomError(problemText(problem, langOf(model)).message);
  mark.onUpdateErrorTextCallback = (error) => {
    error.text = problemText(problem, langOf(model)).message;
  };
  question.addError(mark);
  return mark;
}
