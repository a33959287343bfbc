import { describe, expect, it } from 'vitest';
import { CampaignRepository } from '../../functions/features/campaigns/campaign.repository';
import { call, signInAdmin } from '../helpers/admin-api';
import { makeTestContext } from '../helpers/test-app';

// Opens Monday 23 November 2026. A Wednesday 16 December deadline sends every step on its own; a
// Monday 28 December one puts "2 dagar före" on Saturday 26 December (annandag jul), which moves to
// Monday 08:00, the same instant as "sista dagen", so it is not sent.
const OPENS = '2026-11-23T07:00:00.000Z';
const WEDNESDAY = '2026-12-16T16:00:00.000Z';
const MONDAY_AFTER_CHRISTMAS = '2026-12-28T22:59:00.000Z';

const superseded = expect.objectContaining({
  code: 'step_superseded',
  path: ['steps', 2],
  message: expect.stringContaining('samma tid som påminnelsen sista dagen'),
  messageEn: expect.stringContaining('the same time as the last-day reminder'),
});
const d2Schedule = {
  stepId: 'd2',
  nominalAt: '2026-12-26T07:00:00.000Z',
  dueAt: '2026-12-28T07:00:00.000Z',
  holiday: { name: 'annandag jul', nameEn: 'Boxing Day' },
  supersededBy: 'last-day',
};

describe('the policy warnings the console reads with a campaign', () => {
  it('come with the PATCH that moves the deadline onto a holiday weekend, every read after it and the opening', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: '2026-11-01T09:00:00Z' });
    const admin = await signInAdmin(ctx);
    const created = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2026,
      title: 'Medlemstest 2026',
      opensAt: OPENS,
      closesAt: WEDNESDAY,
    });
    // Act
    const patched = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', { closesAt: MONDAY_AFTER_CHRISTMAS });
    const read = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026');
    const list = await call(ctx, admin, 'GET', '/api/admin/campaigns');
    const opened = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    // Assert: no warning while every step fits
    expect(created.status).toBe(201);
    expect(created.body.reminderWarnings).toEqual([]);
    expect(created.body.reminderSchedule.map((step: { stepId: string }) => step.stepId)).toEqual([
      'invitation',
      'd14',
      'd7',
      'd2',
      'last-day',
    ]);
    // The new deadline: the policy is kept (fitting removes nothing), and says what is not sent.
    expect(patched.status).toBe(200);
    expect(patched.body.reminderPolicy).toEqual(created.body.reminderPolicy);
    expect(patched.body.reminderWarnings).toEqual([superseded]);
    expect(patched.body.reminderSchedule).toContainEqual(d2Schedule);
    expect(read.body.reminderWarnings).toEqual([superseded]);
    expect(read.body.reminderSchedule).toEqual(patched.body.reminderSchedule);
    const summary = list.body.find((campaign: { year: number }) => campaign.year === 2026);
    expect(summary.reminderWarnings).toEqual([superseded]);
    expect(summary.surveys).toBeUndefined();
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect(opened.body.reminderWarnings).toEqual([superseded]);
  });

  it('come with a PATCH of the policy, and are derived, not stored', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: '2026-11-01T09:00:00Z' });
    const admin = await signInAdmin(ctx);
    await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2026,
      title: 'Medlemstest 2026',
      opensAt: OPENS,
      closesAt: MONDAY_AFTER_CHRISTMAS,
    });
    // Act: the kansli saves the policy without the last day: then the 2-day step goes out
    const withoutLastDay = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      reminderPolicy: { lastDay: false },
    });
    const withLastDay = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      reminderPolicy: { lastDay: true },
    });
    const stored = await new CampaignRepository(ctx.store).get(2026);
    // Assert
    expect(withoutLastDay.status).toBe(200);
    expect(withoutLastDay.body.reminderWarnings).toEqual([]);
    expect(withoutLastDay.body.reminderSchedule.at(-1)).toEqual({
      stepId: 'd2',
      nominalAt: d2Schedule.nominalAt,
      dueAt: d2Schedule.dueAt,
      holiday: d2Schedule.holiday,
    });
    expect(withLastDay.body.reminderWarnings).toEqual([superseded]);
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('reminderWarnings');
    expect(stored).not.toHaveProperty('reminderSchedule');
  });
});
