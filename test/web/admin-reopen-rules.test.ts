import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ProgressRow } from '../../web/src/pages/admin/api';
import { reopenDeadlineProblem, reopenRules } from '../../web/src/pages/admin/lib/campaign-lifecycle';

// Opens 1 March, closes 30 April 23:59 Swedish time.
const OPEN: Pick<CampaignSummary, 'status' | 'opensAt' | 'closesAt' | 'closedAt'> = {
  status: 'open',
  opensAt: '2026-03-01T07:00:00.000Z',
  closesAt: '2026-04-30T21:59:00.000Z',
};
const CLOSED = { ...OPEN, status: 'closed' as const };
const DURING = Date.parse('2026-04-20T08:00:00Z');
const AFTER = Date.parse('2026-05-05T08:00:00Z');

const row = (over: Partial<Pick<ProgressRow, 'status' | 'closesAtOverride'>> = {}) => ({
  name: 'Järfälla',
  status: 'submitted' as ProgressRow['status'],
  closesAtOverride: null,
  ...over,
});

describe('which reopen the progress page offers', () => {
  it('offers it from the campaign’s opening until it is published, never for an excused organisation', () => {
    expect(reopenRules(OPEN, row(), DURING).offered).toBe(true);
    expect(reopenRules(CLOSED, row(), AFTER).offered).toBe(true);
    expect(reopenRules({ ...OPEN, status: 'published' }, row(), AFTER).offered).toBe(false);
    expect(reopenRules({ ...OPEN, status: 'draft' }, row(), DURING).offered).toBe(false);
    expect(reopenRules(OPEN, row(), Date.parse('2026-02-20T08:00:00Z')).offered).toBe(false);
    expect(reopenRules(OPEN, row({ status: 'excused' }), DURING).offered).toBe(false);
  });

  it('lets a reopen keep the campaign’s deadline only while the campaign takes answers', () => {
    expect(reopenRules(OPEN, row(), DURING)).toMatchObject({
      intent: 'reopen',
      deadlineRequired: false,
      currentDeadline: OPEN.closesAt,
    });
    expect(reopenRules(OPEN, row(), AFTER)).toMatchObject({ deadlineRequired: true, currentDeadline: null });
    expect(reopenRules(CLOSED, row(), AFTER)).toMatchObject({ deadlineRequired: true, currentDeadline: null });
  });

  it('lets a reopen keep an own deadline that is still to come, but not one that has passed', () => {
    const own = '2026-05-10T21:59:00.000Z';
    expect(reopenRules(CLOSED, row({ closesAtOverride: own }), AFTER)).toMatchObject({
      deadlineRequired: false,
      currentDeadline: own,
    });
    expect(reopenRules(CLOSED, row({ closesAtOverride: own }), Date.parse('2026-05-11T08:00:00Z'))).toMatchObject({
      deadlineRequired: true,
    });
  });

  it('always needs a date to extend an organisation that has not submitted', () => {
    expect(reopenRules(OPEN, row({ status: 'draft' }), DURING)).toMatchObject({
      intent: 'extend',
      deadlineRequired: true,
    });
  });
});

describe('the dialog’s check of a new deadline', () => {
  const check = (typed: string, closesAt: string | null, over: Parameters<typeof row>[0] = {}, at = DURING) =>
    reopenDeadlineProblem({ typed, closesAt, campaign: OPEN, row: row(over), now: at })?.key;

  it('accepts no date for a reopen while the campaign takes answers, and asks for one after', () => {
    expect(check('', null)).toBeUndefined();
    expect(check('', null, {}, AFTER)).toBe('reopen.error.deadlineNeeded');
    expect(check('', null, { status: 'not_started' })).toBe('extend.error.deadlineNeeded');
  });

  it('refuses a date that is not a date, is past, or is not after the campaign’s deadline', () => {
    expect(check('2026-13-40T25:00', null)).toBe('error.dateTime');
    expect(check('2026-04-19T10:00', '2026-04-19T08:00:00.000Z')).toBe('error.deadlinePast');
    const before = reopenDeadlineProblem({
      typed: '2026-04-25T23:59',
      closesAt: '2026-04-25T21:59:00.000Z',
      campaign: OPEN,
      row: row(),
      now: DURING,
    });
    expect(before).toEqual({ key: 'reopen.error.notAfterCampaign', params: { date: OPEN.closesAt } });
    expect(check('2026-05-10T23:59', '2026-05-10T21:59:00.000Z')).toBeUndefined();
  });

  it('refuses extending to the deadline the organisation already has', () => {
    const own = { status: 'draft' as const, closesAtOverride: '2026-05-10T21:59:00.000Z' };
    expect(check('2026-05-10T23:59', '2026-05-10T21:59:00.000Z', own)).toBe('extend.error.same');
    expect(check('2026-05-12T23:59', '2026-05-12T21:59:00.000Z', own)).toBeUndefined();
  });
});

describe('the dialog’s check after an early close, and its upper bound', () => {
  // Closed by the kansli on 10 April, three weeks before its deadline; the dialog used on 12 April.
  const CLOSED_EARLY = { ...OPEN, status: 'closed' as const, closedAt: '2026-04-10T08:00:00.000Z' };
  const NOW = Date.parse('2026-04-12T08:00:00Z');
  const problem = (closesAt: string, campaign = CLOSED_EARLY) =>
    reopenDeadlineProblem({ typed: closesAt.slice(0, 16), closesAt, campaign, row: row(), now: NOW });

  it('takes a day after the close and before the planned deadline', () => {
    expect(problem('2026-04-20T21:59:00.000Z')).toBeUndefined();
  });

  it('still holds a campaign closed at its deadline, or later, to its deadline', () => {
    const closedLate = { ...CLOSED_EARLY, closedAt: '2026-05-02T08:00:00.000Z' };
    expect(
      reopenDeadlineProblem({
        typed: '2026-04-29T23:59',
        closesAt: '2026-04-29T21:59:00.000Z',
        campaign: closedLate,
        row: row(),
        now: NOW,
      }),
    ).toEqual({ key: 'reopen.error.notAfterCampaign', params: { date: OPEN.closesAt } });
  });

  it('refuses a date more than a year ahead, naming the latest', () => {
    expect(problem('2027-04-20T21:59:00.000Z')).toEqual({
      key: 'reopen.error.tooFar',
      params: { date: '2027-04-13T08:00:00.000Z' },
    });
    expect(problem('2027-04-12T21:59:00.000Z')).toBeUndefined();
  });
});
