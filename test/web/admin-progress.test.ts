import { describe, expect, it } from 'vitest';
import type { ProgressRow } from '../../web/src/pages/admin/api';
import { countByStatus, filterProgress, fold, nextSort, sortProgress } from '../../web/src/pages/admin/lib/progress';

const row = (over: Partial<ProgressRow> & Pick<ProgressRow, 'organisationId' | 'name'>): ProgressRow => ({
  type: 'kommun',
  status: 'not_started',
  answeredShare: 0,
  updatedAt: null,
  updatedBy: null,
  remindersSent: 0,
  emailProblems: [],
  closesAtOverride: null,
  score: null,
  overridesToCheck: 0,
  inCampaign: true,
  ...over,
});

const rows: ProgressRow[] = [
  row({
    organisationId: '1280',
    name: 'Malmö',
    status: 'draft',
    answeredShare: 0.4,
    updatedAt: '2026-11-20T10:00:00Z',
    remindersSent: 2,
  }),
  row({
    organisationId: '12',
    name: 'Region Skåne',
    type: 'region',
    status: 'submitted',
    answeredShare: 1,
    updatedAt: '2026-11-25T10:00:00Z',
  }),
  row({
    organisationId: '0180',
    name: 'Stockholm',
    status: 'not_started',
    remindersSent: 3,
    emailProblems: [{ code: 'bounced', message: 'x' }],
  }),
  row({ organisationId: '2180', name: 'Gävle', status: 'excused', answeredShare: 0.1 }),
  row({ organisationId: '1281', name: 'Lund', status: 'draft', answeredShare: 0.4, updatedAt: '2026-11-22T10:00:00Z' }),
];

describe('progress table logic (admin console)', () => {
  it('folds case and diacritics for search', () => {
    expect(fold('Gävle Malmö ÅSELE')).toBe('gavle malmo asele');
  });

  it('filters by status, type, search (name or code prefix) and email problems', () => {
    const names = (list: ProgressRow[]) => list.map((r) => r.name);
    expect(names(filterProgress(rows, { status: 'draft' }))).toEqual(['Malmö', 'Lund']);
    expect(names(filterProgress(rows, { type: 'region' }))).toEqual(['Region Skåne']);
    expect(names(filterProgress(rows, { query: 'gavle' }))).toEqual(['Gävle']);
    expect(names(filterProgress(rows, { query: 'MALMÖ' }))).toEqual(['Malmö']);
    expect(names(filterProgress(rows, { query: '128' }))).toEqual(['Malmö', 'Lund']);
    expect(names(filterProgress(rows, { problemsOnly: true }))).toEqual(['Stockholm']);
    expect(names(filterProgress(rows, { status: 'draft', query: 'lund' }))).toEqual(['Lund']);
    expect(filterProgress(rows, { status: '', type: '', query: '  ' })).toHaveLength(5);
  });

  it('sorts by each column, ties by code, never mutating the input', () => {
    const codes = (list: ProgressRow[]) => list.map((r) => r.organisationId);
    const before = codes(rows);
    expect(codes(sortProgress(rows, 'code', 'ascending'))).toEqual(['0180', '12', '1280', '1281', '2180']);
    expect(codes(sortProgress(rows, 'name', 'ascending'))).toEqual(['2180', '1281', '1280', '12', '0180']);
    expect(codes(sortProgress(rows, 'status', 'ascending'))).toEqual(['0180', '1280', '1281', '12', '2180']);
    // Equal shares (0.4) keep code order in both directions.
    expect(codes(sortProgress(rows, 'answeredShare', 'descending'))).toEqual(['12', '1280', '1281', '2180', '0180']);
    expect(codes(sortProgress(rows, 'answeredShare', 'ascending'))).toEqual(['0180', '2180', '1280', '1281', '12']);
    // Never edited sorts as oldest.
    expect(codes(sortProgress(rows, 'updatedAt', 'descending')).slice(0, 3)).toEqual(['12', '1281', '1280']);
    expect(codes(sortProgress(rows, 'remindersSent', 'descending')).slice(0, 2)).toEqual(['0180', '1280']);
    expect(codes(sortProgress(rows, 'problems', 'descending'))[0]).toBe('0180');
    expect(codes(rows)).toEqual(before);
  });

  it('flips the direction on the same column and picks a sensible first direction on a new one', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'updatedAt')).toEqual({
      key: 'updatedAt',
      direction: 'descending',
    });
    expect(nextSort({ key: 'updatedAt', direction: 'descending' }, 'code')).toEqual({
      key: 'code',
      direction: 'ascending',
    });
  });

  it('counts each status', () => {
    expect(countByStatus(rows)).toEqual({ submitted: 1, draft: 2, not_started: 1, excused: 1 });
    expect(countByStatus([])).toEqual({ submitted: 0, draft: 0, not_started: 0, excused: 0 });
  });
});
