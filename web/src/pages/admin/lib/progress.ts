/** Filtering, sorting and counting the progress rows: pure, so unit-tested and shared by the page and its chart. */
import type { ProgressRow, ProgressStatus } from '../api';

export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['submitted', 'draft', 'not_started', 'excused'];

export type ProgressSortKey = 'code' | 'name' | 'status' | 'answeredShare' | 'updatedAt' | 'remindersSent' | 'problems';
export type SortDirection = 'ascending' | 'descending';

export interface ProgressFilter {
  status?: ProgressStatus | '';
  type?: 'kommun' | 'region' | '';
  /** Matches the code or the name, ignoring case and diacritics. */
  query?: string;
  /** Only organisations with an email problem. */
  problemsOnly?: boolean;
}

/** Lower case without diacritics, so "malmo" finds Malmö and "gavle" Gävle. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('sv');
}

export function filterProgress(rows: readonly ProgressRow[], filter: ProgressFilter): ProgressRow[] {
  const query = fold(filter.query?.trim() ?? '');
  return rows.filter(
    (row) =>
      (!filter.status || row.status === filter.status) &&
      (!filter.type || row.type === filter.type) &&
      (!filter.problemsOnly || row.emailProblems.length > 0) &&
      matchesQuery(row, query),
  );
}

/** Whether a row matches an already folded query: the code's start, or anywhere in the name. */
export function matchesQuery(row: Pick<ProgressRow, 'organisationId' | 'name'>, folded: string): boolean {
  return !folded || row.organisationId.startsWith(folded) || fold(row.name).includes(folded);
}

const STATUS_ORDER: Record<ProgressStatus, number> = { not_started: 0, draft: 1, submitted: 2, excused: 3 };
const collator = new Intl.Collator('sv', { sensitivity: 'base' });
/** Codes sort as text, as the register does: 0180 < 12 < 1280. */
export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compare(a: ProgressRow, b: ProgressRow, key: ProgressSortKey): number {
  switch (key) {
    case 'code':
      return byCode(a.organisationId, b.organisationId);
    case 'name':
      return collator.compare(a.name, b.name);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'answeredShare':
      return a.answeredShare - b.answeredShare;
    case 'updatedAt':
      // Never edited sorts as the oldest.
      return (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '');
    case 'remindersSent':
      return a.remindersSent - b.remindersSent;
    case 'problems':
      return a.emailProblems.length - b.emailProblems.length;
  }
}

/** A stable sort by `key`; ties keep code order, whichever the direction. */
export function sortProgress(
  rows: readonly ProgressRow[],
  key: ProgressSortKey,
  direction: SortDirection,
): ProgressRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, key) || byCode(a.organisationId, b.organisationId));
}

/** Clicking a column: the same column flips its direction, a new one starts ascending (dates and counts descending). */
export function nextSort(
  current: { key: ProgressSortKey; direction: SortDirection },
  key: ProgressSortKey,
): { key: ProgressSortKey; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const descendingFirst: ProgressSortKey[] = ['updatedAt', 'remindersSent', 'problems', 'answeredShare'];
  return { key, direction: descendingFirst.includes(key) ? 'descending' : 'ascending' };
}

export function countByStatus(rows: readonly ProgressRow[]): Record<ProgressStatus, number> {
  const counts: Record<ProgressStatus, number> = { submitted: 0, draft: 0, not_started: 0, excused: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
