import { describe, expect, it } from 'vitest';
import type { ProgressRow } from '../../web/src/pages/admin/api';
import {
  DEFAULT_REVIEW_SORT,
  filterReviewRows,
  nextReviewSort,
  type ReviewRow,
  rowsToCheck,
  sortReviewRows,
} from '../../web/src/pages/admin/lib/review-list';

const scored = (total: number, max: number, band: string | null): NonNullable<ProgressRow['score']> => ({
  total,
  max,
  share: total / max,
  band,
  gatePassed: band !== null,
});

const rows: ReviewRow[] = [
  { organisationId: '1280', name: 'Malmö', status: 'draft', score: null },
  { organisationId: '12', name: 'Region Skåne', status: 'submitted', score: scored(40, 42, 'A') },
  { organisationId: '1281', name: 'Lund', status: 'submitted', score: scored(41, 66, 'B') },
  { organisationId: '0180', name: 'Stockholm', status: 'submitted', score: scored(60, 66, null) },
  { organisationId: '1480', name: 'Göteborg', status: 'not_started', score: null },
  { organisationId: '0580', name: 'Linköping', status: 'excused', score: null },
  { organisationId: '1880', name: 'Örebro', status: 'submitted', score: scored(20, 66, 'D') },
];
const codes = (list: ReviewRow[]) => list.map((row) => row.organisationId);

describe('the review list', () => {
  it('opens with the submitted first, then by name', () => {
    expect(codes(sortReviewRows(rows, DEFAULT_REVIEW_SORT.key, DEFAULT_REVIEW_SORT.direction))).toEqual([
      '1281', // Lund
      '12', // Region Skåne
      '0180', // Stockholm
      '1880', // Örebro
      '1280', // Malmö, draft
      '1480', // Göteborg, not started
      '0580', // Linköping, excused
    ]);
  });

  it('sorts by score share (maxima differ by type), the unscored last in either direction', () => {
    expect(codes(sortReviewRows(rows, 'score', 'descending'))).toEqual([
      '12',
      '0180',
      '1281',
      '1880',
      '1480',
      '0580',
      '1280',
    ]);
    expect(codes(sortReviewRows(rows, 'score', 'ascending'))).toEqual([
      '1880',
      '1281',
      '0180',
      '12',
      '1480',
      '0580',
      '1280',
    ]);
  });

  it('sorts by band, the best first ascending; no band (basic requirements) after the banded, the unscored last', () => {
    expect(codes(sortReviewRows(rows, 'band', 'ascending'))).toEqual([
      '12',
      '1281',
      '1880',
      '0180',
      '1480',
      '0580',
      '1280',
    ]);
    expect(codes(sortReviewRows(rows, 'band', 'descending'))).toEqual([
      '1880',
      '1281',
      '12',
      '0180',
      '1480',
      '0580',
      '1280',
    ]);
  });

  it('sorts by code as text and by name in Swedish order', () => {
    expect(codes(sortReviewRows(rows, 'code', 'ascending'))).toEqual([
      '0180',
      '0580',
      '12',
      '1280',
      '1281',
      '1480',
      '1880',
    ]);
    expect(sortReviewRows(rows, 'name', 'descending').map((row) => row.name)).toEqual([
      'Örebro',
      'Stockholm',
      'Region Skåne',
      'Malmö',
      'Lund',
      'Linköping',
      'Göteborg',
    ]);
  });

  it('flips the direction of the same column; a new column starts ascending, the score highest first', () => {
    expect(nextReviewSort({ key: 'status', direction: 'ascending' }, 'status')).toEqual({
      key: 'status',
      direction: 'descending',
    });
    expect(nextReviewSort({ key: 'status', direction: 'ascending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
    expect(nextReviewSort({ key: 'name', direction: 'ascending' }, 'score')).toEqual({
      key: 'score',
      direction: 'descending',
    });
  });

  it('filters by the start of the code or the name without diacritics', () => {
    expect(codes(filterReviewRows(rows, 'malmo'))).toEqual(['1280']);
    expect(codes(filterReviewRows(rows, '128'))).toEqual(['1280', '1281']);
    expect(codes(filterReviewRows(rows, ''))).toHaveLength(rows.length);
  });
});

describe('the review list: overrides to check', () => {
  it("keeps only the rows whose override was made on an answer changed since (the API's count)", () => {
    const flagged = rows.map((row) => ({ ...row, overridesToCheck: row.organisationId === '1281' ? 2 : 0 }));
    expect(codes(rowsToCheck(flagged))).toEqual(['1281']);
    expect(rowsToCheck(flagged.map((row) => ({ ...row, overridesToCheck: 0 })))).toEqual([]);
  });
});
