/**
 * The survey page's two error lists: the summary of what to correct before submitting (the page's
 * own check, or the server's 422 on submit), grouped by page in the survey's order, and the list of
 * answers a save was refused for. Pure: the page reads from survey-core where each question stands,
 * its title and the errors it shows now, and hands them in.
 */
import type { Lang, Translate } from '../../i18n';

/** A problem as listed: a data key (empty for the answers as a whole) and what is wrong with it. */
export interface QuestionProblem {
  question: string;
  /** Swedish, as the API sends it; from the page's own check, survey-core's text as it was then. */
  message: string;
  /** English, as the API sends it beside the Swedish. */
  messageEn?: string;
}

/** A problem as shown now: its text in the page's language, or Swedish marked `lang: 'sv'` when that has none. */
export interface ShownProblem {
  question: string;
  message: string;
  lang?: 'sv';
}

/** Where a data key's question stands: its page (name, title, place in the survey) and own place. */
export interface ProblemPlace {
  page: string;
  pageTitle: string;
  pageIndex: number;
  questionIndex: number;
}

export interface ErrorGroup<P extends { question: string; message: string } = QuestionProblem> {
  /** The page's name; null for problems with no question of the survey (e.g. the whole answer). */
  page: string | null;
  pageTitle: string;
  problems: P[];
}

/**
 * A problem's text in `lang`: the English when asked for and sent, else the Swedish, marked as such
 * on an English page (a client or server that sends no English).
 */
export function problemText(problem: QuestionProblem, lang: Lang): ShownProblem {
  const { question, message, messageEn } = problem;
  if (lang === 'sv') return { question, message };
  return typeof messageEn === 'string' && messageEn.trim() !== ''
    ? { question, message: messageEn }
    : { question, message, lang: 'sv' };
}

/**
 * The errors a data key's question shows now (in the page's language), or null when the key is no
 * question of the survey.
 */
export type ErrorTexts = (question: string) => readonly string[] | null;

/**
 * What the summary shows now. A problem on a question of the survey shows the errors that question
 * shows now, once per question: they follow the page's language and go as answers are corrected.
 * A problem the survey cannot place keeps its own text, in `lang`.
 */
export function currentProblems(
  problems: readonly QuestionProblem[],
  errorsOf: ErrorTexts,
  lang: Lang,
): ShownProblem[] {
  const shown: ShownProblem[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const texts = errorsOf(problem.question);
    if (texts === null) {
      shown.push(problemText(problem, lang));
      continue;
    }
    if (seen.has(problem.question)) continue;
    seen.add(problem.question);
    for (const message of texts) shown.push({ question: problem.question, message });
  }
  return shown;
}

/**
 * The problems left once corrected questions (those of the survey that show no error any more) are
 * taken off; the same array when none was.
 */
export function withoutCorrected<P extends QuestionProblem>(problems: P[], errorsOf: ErrorTexts): P[] {
  const left = problems.filter((problem) => (errorsOf(problem.question)?.length ?? 1) > 0);
  return left.length === problems.length ? problems : left;
}

/**
 * Groups problems by page, pages and questions in survey order; problems the survey cannot place
 * come last, in one group, as given. One entry per question and message.
 */
export function groupProblems<P extends { question: string; message: string }>(
  problems: readonly P[],
  locate: (question: string) => ProblemPlace | null,
): ErrorGroup<P>[] {
  const seen = new Set<string>();
  const placed: Array<{ problem: P; place: ProblemPlace }> = [];
  const unplaced: P[] = [];
  for (const problem of problems) {
    const key = `${problem.question}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const place = locate(problem.question);
    if (place) placed.push({ problem, place });
    else unplaced.push(problem);
  }
  placed.sort((a, b) => a.place.pageIndex - b.place.pageIndex || a.place.questionIndex - b.place.questionIndex);
  const groups: ErrorGroup<P>[] = [];
  for (const { problem, place } of placed) {
    const last = groups.at(-1);
    if (last && last.page === place.page) last.problems.push(problem);
    else groups.push({ page: place.page, pageTitle: place.pageTitle, problems: [problem] });
  }
  if (unplaced.length > 0) groups.push({ page: null, pageTitle: '', problems: unplaced });
  return groups;
}

/** What the error lists read about a data key (see question-lookup.ts). */
export interface KeyLookup {
  isQuestion(key: string): boolean;
  /** The question's title and where it stands; a key that is no question is its own title. */
  label(key: string): { title: string; context?: string };
  /** The title of the main question a link or comment field belongs to. */
  mainTitle(key: string): string | undefined;
}

/** One line of an error list: "<title> (<note>): <message>", the title a way to its question when `opens`. */
export interface ProblemEntry extends ShownProblem {
  opens: boolean;
  title: string;
  note?: string;
}

/**
 * A line of the summary before submitting: the question's title, and the question a link or
 * comment field is part of; a problem with no question of the survey is about "the answers".
 */
export function summaryEntry(problem: ShownProblem, lookup: KeyLookup, t: Translate): ProblemEntry {
  const opens = lookup.isQuestion(problem.question);
  const main = lookup.mainTitle(problem.question);
  return {
    ...problem,
    opens,
    title: opens ? lookup.label(problem.question).title : t('survey.saveErrors.whole'),
    note: main ? t('survey.submitErrors.partOf', { question: main }) : undefined,
  };
}

/**
 * A line of the list of answers a save was refused for: the question's title and where it stands
 * (page, and the question a link or comment field belongs to); a key that is no question of the
 * survey by its name, or "the answers" for the whole.
 */
export function saveEntry(problem: ShownProblem, lookup: KeyLookup, t: Translate): ProblemEntry {
  const label = lookup.label(problem.question);
  return {
    ...problem,
    opens: lookup.isQuestion(problem.question),
    title: label.title || t('survey.saveErrors.whole'),
    note: label.context,
  };
}
