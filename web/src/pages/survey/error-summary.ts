/**
 * The "what is missing before you can submit" list, grouped by page in the survey's order. Pure:
 * the page reads where each question stands from survey-core and hands it in as `locate`.
 */

export interface QuestionProblem {
  question: string;
  message: string;
}

/** Where a data key's question stands: its page (name, title, place in the survey) and own place. */
export interface ProblemPlace {
  page: string;
  pageTitle: string;
  pageIndex: number;
  questionIndex: number;
}

export interface ErrorGroup {
  /** The page's name; null for problems with no question of the survey (e.g. the whole answer). */
  page: string | null;
  pageTitle: string;
  problems: QuestionProblem[];
}

/**
 * Groups problems by page, pages and questions in survey order; problems the survey cannot place
 * come last, in one group, as given. One entry per question and message.
 */
export function groupProblems(
  problems: readonly QuestionProblem[],
  locate: (question: string) => ProblemPlace | null,
): ErrorGroup[] {
  const seen = new Set<string>();
  const placed: Array<{ problem: QuestionProblem; place: ProblemPlace }> = [];
  const unplaced: QuestionProblem[] = [];
  for (const problem of problems) {
    const key = `${problem.question}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const place = locate(problem.question);
    if (place) placed.push({ problem, place });
    else unplaced.push(problem);
  }
  placed.sort((a, b) => a.place.pageIndex - b.place.pageIndex || a.place.questionIndex - b.place.questionIndex);
  const groups: ErrorGroup[] = [];
  for (const { problem, place } of placed) {
    const last = groups.at(-1);
    if (last && last.page === place.page) last.problems.push(problem);
    else groups.push({ page: place.page, pageTitle: place.pageTitle, problems: [problem] });
  }
  if (unplaced.length > 0) groups.push({ page: null, pageTitle: '', problems: unplaced });
  return groups;
}
