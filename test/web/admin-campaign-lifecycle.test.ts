import { describe, expect, it } from 'vitest';
import type { ProgressRow } from '../../web/src/pages/admin/api';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import {
  canReopen,
  isFrozen,
  isOpenPastDeadline,
  planReopen,
  publicReportPath,
  publishSummary,
} from '../../web/src/pages/admin/lib/campaign-lifecycle';

const NOW = Date.parse('2026-11-02T10:00:00Z');
const campaign = { opensAt: '2026-09-01T06:00:00Z', closesAt: '2026-10-30T16:00:00Z' };

type Row = Pick<ProgressRow, 'organisationId' | 'name' | 'status' | 'closesAtOverride'>;
const row = (organisationId: string, status: Row['status'], closesAtOverride: string | null = null): Row => ({
  organisationId,
  name: `Org ${organisationId}`,
  status,
  closesAtOverride,
});

describe('the campaign page: an open campaign past its deadline', () => {
  it('is past its deadline from the deadline itself on, and only while open', () => {
    const closesAt = '2026-10-30T16:00:00.000Z';
    expect(isOpenPastDeadline({ status: 'open', closesAt }, Date.parse(closesAt) - 1)).toBe(false);
    expect(isOpenPastDeadline({ status: 'open', closesAt }, Date.parse(closesAt))).toBe(true);
    for (const status of ['draft', 'closed', 'published'] as const) {
      expect(isOpenPastDeadline({ status, closesAt }, NOW)).toBe(false);
    }
  });

  it('offers reopening for a closed campaign only: a published one is frozen, a draft is opened', () => {
    expect(canReopen({ status: 'closed' })).toBe(true);
    for (const status of ['draft', 'open', 'published'] as const) expect(canReopen({ status })).toBe(false);
  });
});

describe('a published campaign is frozen: the console offers nothing that would change it', () => {
  it('is frozen once published, and only then', () => {
    expect(isFrozen({ status: 'published' })).toBe(true);
    for (const status of ['draft', 'open', 'closed'] as const) expect(isFrozen({ status })).toBe(false);
  });

  it('says so in both languages where the reminders, the row actions and the adjustments would be', () => {
    expect(sv['reminders.publishedLocked']).toMatch(/publicerad.*inga fler påminnelser/);
    expect(en['reminders.publishedLocked']).toMatch(/published.*no more reminders/);
    // A note stays possible after publishing (a correction may be owed), with a hint that answers no longer change.
    expect(sv['review.notePublishedHint']).toMatch(/publicerad.*kan inte längre ändras/);
    expect(en['review.notePublishedHint']).toMatch(/published.*can no longer change/);
  });
});

describe('the campaign page: what reopening a closed campaign needs', () => {
  it('keeps a deadline still ahead without saving anything', () => {
    const ahead = { ...campaign, closesAt: '2026-11-20T16:00:00.000Z' };
    expect(planReopen(ahead, null, NOW)).toEqual({ closesAt: ahead.closesAt, patch: false });
    // The same instant typed back is not a change either.
    expect(planReopen(ahead, '2026-11-20T16:00:00Z', NOW)).toEqual({ closesAt: '2026-11-20T16:00:00Z', patch: false });
  });

  it('asks for a new deadline when the old one has passed, and saves it before opening', () => {
    expect(planReopen(campaign, null, NOW)).toEqual({ problem: 'deadlineNeeded' });
    expect(planReopen(campaign, '2026-11-13T16:00:00.000Z', NOW)).toEqual({
      closesAt: '2026-11-13T16:00:00.000Z',
      patch: true,
    });
  });

  it('refuses a new deadline that is not in the future or not after the opening', () => {
    expect(planReopen(campaign, '2026-11-02T10:00:00.000Z', NOW)).toEqual({ problem: 'notFuture' });
    expect(planReopen(campaign, '2026-10-31T10:00:00.000Z', NOW)).toEqual({ problem: 'notFuture' });
    const future = { opensAt: '2027-01-10T08:00:00Z', closesAt: '2027-02-01T08:00:00Z' };
    expect(planReopen(future, '2027-01-05T08:00:00Z', NOW)).toEqual({ problem: 'beforeOpens' });
  });
});

describe('the campaign page: the publish confirmation', () => {
  it('counts every status and lists the own deadlines that publishing cuts off, soonest first', () => {
    const rows: Row[] = [
      row('0114', 'submitted'),
      row('0115', 'submitted', '2026-11-20T16:00:00Z'), // submitted: nothing to cut off
      row('0117', 'draft', '2026-11-20T16:00:00Z'),
      row('0120', 'draft', '2026-11-02T09:59:59Z'), // already passed
      row('0123', 'not_started', '2026-11-05T16:00:00Z'),
      row('0125', 'not_started'),
      row('0126', 'excused', '2026-11-30T16:00:00Z'), // excused: not asked
      row('0127', 'draft'),
    ];
    expect(publishSummary(rows, NOW)).toEqual({
      total: 8,
      submitted: 2,
      draft: 3,
      notStarted: 2,
      excused: 1,
      runningOwnDeadlines: [
        { organisationId: '0123', name: 'Org 0123', closesAt: '2026-11-05T16:00:00Z' },
        { organisationId: '0117', name: 'Org 0117', closesAt: '2026-11-20T16:00:00Z' },
      ],
      notAsked: [],
    });
  });

  it('is all zeros for a campaign without organisations', () => {
    expect(publishSummary([], NOW)).toEqual({
      total: 0,
      submitted: 0,
      draft: 0,
      notStarted: 0,
      excused: 0,
      runningOwnDeadlines: [],
      notAsked: [],
    });
  });

  it('links to the public report of the year', () => {
    expect(publicReportPath(2025)).toBe('/klimatlaget/2025');
  });

  it('says in both languages that the report is public, where, and that the prompt names the close action', () => {
    expect(sv['campaign.publish.public']).toContain('{path}');
    expect(en['campaign.publish.public']).toContain('{path}');
    expect(sv['campaign.publish.public']).toMatch(/offentlig/);
    expect(sv['campaign.pastDeadline.title']).toBe('Sista svarsdag har passerat – stäng kampanjen');
    expect(sv['campaign.action.reopen']).toBe('Öppna igen');
  });
});
