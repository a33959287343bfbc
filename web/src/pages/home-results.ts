/**
 * What the home page's results card offers, from the published Klimatläget years and the years the
 * organisation submitted answers (a scorecard exists for a year that is both):
 * - `result`: the newest published year the organisation has a result for (`year`), and the newest
 *   published year (`newest`), which is a later one when the organisation did not take part in it;
 * - `report-only`: reports are published, but none with a result of the organisation's own;
 * - null: nothing is published yet, so no card.
 */
export type ResultsCard = { kind: 'result'; year: number; newest: number } | { kind: 'report-only'; newest: number };

export function resultsCard(publishedYears: readonly number[], submittedYears: readonly number[]): ResultsCard | null {
  if (publishedYears.length === 0) return null;
  const newest = Math.max(...publishedYears);
  const submitted = new Set(submittedYears);
  const withResult = publishedYears.filter((year) => submitted.has(year));
  return withResult.length > 0
    ? { kind: 'result', year: Math.max(...withResult), newest }
    : { kind: 'report-only', newest };
}

/**
 * The year `/resultat` opens when the address names none: the newest published year the organisation
 * has a result for (as the home card links to), else the newest published year, whose page then says
 * why there is no result; null when nothing is published.
 */
export function defaultScorecardYear(
  publishedYears: readonly number[],
  submittedYears: readonly number[],
): number | null {
  const card = resultsCard(publishedYears, submittedYears);
  if (!card) return null;
  return card.kind === 'result' ? card.year : card.newest;
}
