/** The review picker's list: filtering and sorting the campaign's rows with their scores. Pure, so unit-tested. */
import type { ProgressRow, ProgressStatus } from '../api';
import { byCode, fold, matchesQuery, type SortDirection } from './progress';

export type ReviewSortKey = 'code' | 'name' | 'status' | 'score' | 'band';
export const REVIEW_SORT_KEYS: readonly ReviewSortKey[] = ['code', 'name', 'status', 'score', 'band'];

export type ReviewRow = Pick<ProgressRow, 'organisationId' | 'name' | 'status' | 'score'>;

/** The list opens as it always has: submitted first (those are the ones to review), then by name. */
export const DEFAULT_REVIEW_SORT: { key: ReviewSortKey; direction: SortDirection } = {
  key: 'status',
  direction: 'ascending',
};

// Ascending status puts what can be reviewed first.
const STATUS_ORDER: Record<ProgressStatus, number> = { submitted: 0, draft: 1, not_started: 2, excused: 3 };
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Matches the code's start or the name, ignoring case and diacritics (as the progress page). */
export function filterReviewRows<R extends ReviewRow>(rows: readonly R[], query: string): R[] {
  const q = fold(query.trim());
  return rows.filter((row) => matchesQuery(row, q));
}

/**
 * Where a row goes whichever the direction: 0 for a row with the value the column sorts by, 1 for
 * one without (no score: not submitted; no band: basic requirements not met), 2 for one without a
 * score at all. Rows without a value stay below the others, so the scored ones are what a reviewer
 * sees first in either direction.
 */
function tier(row: ReviewRow, key: ReviewSortKey): number {
  if (key === 'score') return row.score ? 0 : 2;
  if (key === 'band') return !row.score ? 2 : row.score.band === null ? 1 : 0;
  return 0;
}

function compare(a: ReviewRow, b: ReviewRow, key: ReviewSortKey): number {
  switch (key) {
    case 'code':
      return byCode(a.organisationId, b.organisationId);
    case 'name':
      return collator.compare(a.name, b.name);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'score':
      // The share, not the points: kommuner and regioner have different maxima (66 and 42).
      return (a.score?.share ?? 0) - (b.score?.share ?? 0) || (a.score?.total ?? 0) - (b.score?.total ?? 0);
    case 'band':
      // Bands are letters from the best down (A before D); ascending shows the best first.
      return collator.compare(a.score?.band ?? '', b.score?.band ?? '');
  }
}

/** A stable sort by `key`; rows without the value last; ties by name, then code. */
export function sortReviewRows<R extends ReviewRow>(
  rows: readonly R[],
  key: ReviewSortKey,
  direction: SortDirection,
): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      tier(a, key) - tier(b, key) ||
      sign * compare(a, b, key) ||
      collator.compare(a.name, b.name) ||
      byCode(a.organisationId, b.organisationId),
  );
}

/** Clicking a column: the same column flips its direction; a new one starts ascending, the score highest first. */
export function nextReviewSort(
  current: { key: ReviewSortKey; direction: SortDirection },
  key: ReviewSortKey,
): { key: ReviewSortKey; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'score' ? 'descending' : 'ascending' };
}

/**
 * The rows with an adjustment to check: a submitted response whose answer the member changed since
 * the kansli adjusted it (the API's `overridesToCheck`, the review page's rule, stored at write time).
 */
export function rowsToCheck<R extends Pick<ProgressRow, 'overridesToCheck'>>(rows: readonly R[]): R[] {
  return rows.filter((row) => row.overridesToCheck > 0);
}
