import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/local/seed/seed-demo-data';
import { ReminderPolicySchema } from '../../shared/reminders/reminder-policy.schema';
import { auditEntries, call, signInAdmin } from '../helpers/admin-api';
import { makeTestContext } from '../helpers/test-app';

const demoCsv = readFileSync(path.resolve(import.meta.dirname, '../../shared/domain/organisations-demo.csv'), 'utf8');

describe('the reminder policy a campaign gets without one', () => {
  it('is, for the demo campaign seeded on a day whose +30 is a Sunday with juldagen before it, one the console saves back unchanged', async () => {
    // Arrange: 27 November 2026 + 30 days is Sunday 27 December; 2 days before is juldagen
    const ctx = await makeTestContext({ now: '2026-11-27T15:40:40Z' });
    await seedDemoData({
      store: ctx.store,
      clock: ctx.clock,
      organisationsCsv: demoCsv,
      adminEmails: ['kansli@example.se'],
    });
    const admin = await signInAdmin(ctx);
    const stored = (await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body;
    // Act: the console's "Spara inställningarna" with nothing changed sends the dates and the policy
    const saved = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      opensAt: stored.opensAt,
      closesAt: stored.closesAt,
      reminderPolicy: stored.reminderPolicy,
    });
    const dryRun = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/reminders/run', {
      dryRun: true,
      at: '2026-12-25T09:00:00.000Z',
    });
    // Assert
    expect(saved.status).toBe(200);
    expect(stored.reminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    // It closes at the end of Monday 28 December, the first working day from 27 December.
    expect(stored.closesAt).toBe('2026-12-28T22:59:00.000Z');
    // Nothing goes out on juldagen.
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.due).toEqual([]);
    expect(new Set(dryRun.body.skipped.map((skip: { reason: string }) => skip.reason))).toEqual(
      new Set(['outside_send_window']),
    );
  });

  it('leaves out the steps the dates cannot hold on create, records them, and saves back unchanged', async () => {
    // Arrange: closes Thursday 24 December 2026 (julafton) at 23:59; 2 days before is a Tuesday
    const ctx = await makeTestContext({ now: '2026-10-01T09:00:00Z' });
    const admin = await signInAdmin(ctx);
    const dates = { opensAt: '2026-11-30T08:00:00.000Z', closesAt: '2026-12-24T22:59:00.000Z' };
    // Act
    const created = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2026,
      title: 'Medlemstest 2026',
      ...dates,
    });
    const saved = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      ...dates,
      reminderPolicy: created.body.reminderPolicy,
    });
    // Assert
    expect(created.status).toBe(201);
    expect(created.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false }));
    expect(saved.status).toBe(200);
    const [entry] = (await auditEntries(ctx, { year: 2026 })).filter((e) => e.action === 'campaign.create');
    expect(entry?.after).toMatchObject({ reminderStepsRemoved: ['last-day'] });
  });

  it('is kept whole, with no note in the audit entry, when every step fits', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: '2026-10-01T09:00:00Z' });
    const admin = await signInAdmin(ctx);
    // Act
    const created = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2027,
      title: 'Medlemstest 2027',
      opensAt: '2027-03-01T08:00:00.000Z',
      closesAt: '2027-03-31T15:00:00.000Z',
    });
    // Assert
    expect(created.status).toBe(201);
    expect(created.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    const [entry] = (await auditEntries(ctx, { year: 2027 })).filter((e) => e.action === 'campaign.create');
    expect(entry?.after).not.toHaveProperty('reminderStepsRemoved');
  });
});
