import type { AddressYear } from '../lib/address-year';

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

/**
 * The years the scorecard's "Andra år" offers: the published years the organisation has a result
 * for, newest first. A year it did not submit would open a page that only says there is no result
 * (the public report for that year is linked from the report itself).
 */
export function scorecardYears(publishedYears: readonly number[], submittedYears: readonly number[]): number[] {
  const submitted = new Set(submittedYears);
  return publishedYears.filter((year) => submitted.has(year)).sort((a, b) => b - a);
}

/**
 * What `/resultat/{segment}` shows: the scorecard of a year to ask the API for, or, without asking,
 * why there is none: the address is no year (`not_a_year`), a year no survey can have had
 * (`not_found`, as the API answers a year without a campaign), or nothing published yet.
 */
export type ScorecardTarget =
  | { year: number }
  | { year: number | null; missing: 'not_a_year' | 'not_found' | 'none_published' };

export function scorecardTarget(
  address: AddressYear,
  publishedYears: readonly number[],
  submittedYears: readonly number[],
): ScorecardTarget {
  switch (address.kind) {
    case 'invalid':
      return { year: null, missing: 'not_a_year' };
    case 'noSurvey':
      return { year: address.year, missing: 'not_found' };
    case 'year':
      return { year: address.year };
    case 'none': {
      const year = defaultScorecardYear(publishedYears, submittedYears);
      return year === null ? { year, missing: 'none_published' } : { year };
    }
  }
}
