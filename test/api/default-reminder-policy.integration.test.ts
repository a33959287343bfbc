import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/local/seed/seed-demo-data';
import { ReminderPolicySchema } from '../../shared/reminders/reminder-policy.schema';
import { auditEntries, call, issuePaths, signInAdmin } from '../helpers/admin-api';
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
    // The console shows the policy as chosen and sends it back with every save.
    const saved = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      ...dates,
      reminderPolicy: created.body.chosenReminderPolicy,
    });
    // Assert
    expect(created.status).toBe(201);
    expect(created.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false }));
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(created.body);
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

describe('a reminder step the dates did not allow', () => {
  const JULAFTON_2026 = { opensAt: '2026-11-30T08:00:00.000Z', closesAt: '2026-12-24T22:59:00.000Z' };
  // Sunday 22 and Wednesday 25 March 2026 at 23:59, both before summer time
  const SUNDAY = { opensAt: '2026-03-02T07:00:00.000Z', closesAt: '2026-03-22T22:59:00.000Z' };
  const WEDNESDAY_CLOSE = '2026-03-25T22:59:00.000Z';

  async function created(now: string, year: number, dates: { opensAt: string; closesAt: string }) {
    const ctx = await makeTestContext({ now });
    const admin = await signInAdmin(ctx);
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year,
      title: `Medlemstest ${year}`,
      ...dates,
    });
    expect(res.status).toBe(201);
    return { ctx, admin, campaign: res.body };
  }

  it('is back in the next year’s campaign when that year’s dates allow it', async () => {
    // Arrange: 2026 closes on julafton, so its "sista dagen" is taken out
    const { ctx, admin } = await created('2026-10-01T09:00:00Z', 2026, JULAFTON_2026);
    // Act: 2027, created without a policy, closes on Wednesday 15 December
    const next = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2027,
      title: 'Medlemstest 2027',
      opensAt: '2027-11-15T07:00:00.000Z',
      closesAt: '2027-12-15T22:59:00.000Z',
    });
    // Assert
    expect(next.status).toBe(201);
    expect(next.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    expect(next.body).not.toHaveProperty('chosenReminderPolicy');
    const [entry] = (await auditEntries(ctx, { year: 2027 })).filter((e) => e.action === 'campaign.create');
    expect(entry?.after).toMatchObject({ copiedFrom: 2026 });
    expect(entry?.after).not.toHaveProperty('reminderStepsRemoved');
  });

  it('is kept as chosen beside the fitted policy, and a later year with the same problem leaves it out again', async () => {
    // Arrange
    const { ctx, admin, campaign } = await created('2026-10-01T09:00:00Z', 2026, JULAFTON_2026);
    // Act: 2027 closes on julafton too (a Friday)
    const next = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2027,
      title: 'Medlemstest 2027',
      opensAt: '2027-11-29T08:00:00.000Z',
      closesAt: '2027-12-24T22:59:00.000Z',
    });
    // Assert
    expect(campaign.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false }));
    expect(campaign.chosenReminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    expect(next.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false }));
    expect(next.body.chosenReminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    const [entry] = (await auditEntries(ctx, { year: 2027 })).filter((e) => e.action === 'campaign.create');
    expect(entry?.after).toMatchObject({ reminderStepsRemoved: ['last-day'] });
  });

  it('comes back when a PATCH moves a placeholder Sunday deadline to a Wednesday, and the change is audited', async () => {
    // Arrange
    const { ctx, admin, campaign } = await created('2026-02-01T09:00:00Z', 2026, SUNDAY);
    // Act
    const moved = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', { closesAt: WEDNESDAY_CLOSE });
    // Assert
    expect(campaign.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false }));
    expect(moved.status).toBe(200);
    expect(moved.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    expect(moved.body).not.toHaveProperty('chosenReminderPolicy');
    const stored = (await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body;
    expect(stored).toEqual(moved.body);
    const [entry] = (await auditEntries(ctx, { year: 2026 })).filter((e) => e.action === 'campaign.update');
    expect(entry?.before).toMatchObject({ closesAt: SUNDAY.closesAt, reminderPolicy: { lastDay: false } });
    expect(entry?.after).toMatchObject({ closesAt: WEDNESDAY_CLOSE, reminderPolicy: { lastDay: true } });
    expect(entry?.after).not.toHaveProperty('reminderStepsRemoved');
  });

  it('comes back when the console saves the new dates with the policy as it showed it', async () => {
    // Arrange
    const { ctx, admin, campaign } = await created('2026-02-01T09:00:00Z', 2026, SUNDAY);
    // Act: the console's "Spara inställningarna" sends the chosen policy, as its form shows it, with the dates
    const saved = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      title: campaign.title,
      opensAt: campaign.opensAt,
      closesAt: WEDNESDAY_CLOSE,
      reminderPolicy: campaign.chosenReminderPolicy,
    });
    // Assert
    expect(saved.status).toBe(200);
    expect(saved.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    expect(saved.body).not.toHaveProperty('chosenReminderPolicy');
  });

  it('is taken out, and audited, when a PATCH of the dates alone moves the deadline to a Sunday, and back after', async () => {
    // Arrange: every step fits the Wednesday deadline
    const { ctx, admin, campaign } = await created('2026-02-01T09:00:00Z', 2026, {
      opensAt: SUNDAY.opensAt,
      closesAt: WEDNESDAY_CLOSE,
    });
    // Act
    const sunday = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', { closesAt: SUNDAY.closesAt });
    const back = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', { closesAt: WEDNESDAY_CLOSE });
    // Assert
    expect(campaign.chosenReminderPolicy).toBeUndefined();
    expect(sunday.status).toBe(200);
    expect(sunday.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false }));
    expect(sunday.body.chosenReminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    expect(back.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    const updates = (await auditEntries(ctx, { year: 2026 })).filter((e) => e.action === 'campaign.update');
    const closingAfter = (e: (typeof updates)[number]) => (e.after as { closesAt?: string } | undefined)?.closesAt;
    const toSunday = updates.find((e) => closingAfter(e) === SUNDAY.closesAt);
    const toWednesday = updates.find((e) => closingAfter(e) === WEDNESDAY_CLOSE);
    expect(toSunday?.after).toMatchObject({ reminderPolicy: { lastDay: false }, reminderStepsRemoved: ['last-day'] });
    expect(toWednesday?.after).toMatchObject({ reminderPolicy: { lastDay: true } });
    expect(toWednesday?.after).not.toHaveProperty('reminderStepsRemoved');
  });

  it('stays as the kansli sets it in a PATCH with a policy, which replaces the chosen one and is checked as before', async () => {
    // Arrange: the kansli's own policy without "sista dagen" fits the Sunday deadline, so nothing is kept aside
    const ctx = await makeTestContext({ now: '2026-02-01T09:00:00Z' });
    const admin = await signInAdmin(ctx);
    const own = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2026,
      title: 'Medlemstest 2026',
      ...SUNDAY,
      reminderPolicy: { lastDay: false },
    });
    const chosen = ReminderPolicySchema.parse({ lastDay: false, steps: [7] });
    // Act: turning "sista dagen" on is a new step the dates cannot hold
    const refused = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      reminderPolicy: ReminderPolicySchema.parse({}),
    });
    const saved = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      closesAt: WEDNESDAY_CLOSE,
      reminderPolicy: chosen,
    });
    const next = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2027,
      title: 'Medlemstest 2027',
      opensAt: '2027-11-15T07:00:00.000Z',
      closesAt: '2027-12-15T22:59:00.000Z',
    });
    // Assert: "sista dagen" on a Sunday deadline is refused with the step named
    expect(own.status).toBe(201);
    expect(own.body).not.toHaveProperty('chosenReminderPolicy');
    expect(refused.status).toBe(400);
    expect(issuePaths(refused)).toEqual(['reminderPolicy.lastDay']);
    expect(saved.status).toBe(200);
    expect(saved.body.reminderPolicy).toEqual(chosen);
    expect(saved.body).not.toHaveProperty('chosenReminderPolicy');
    expect(next.body.reminderPolicy).toEqual(chosen);
  });
  it('stays off for good when the kansli turns it off while the dates leave it out', async () => {
    // Arrange: the Sunday deadline leaves "sista dagen" out; the console shows it ticked, as chosen
    const { ctx, admin, campaign } = await created('2026-02-01T09:00:00Z', 2026, SUNDAY);
    const off = ReminderPolicySchema.parse({ lastDay: false });
    // Act: the kansli unticks it and saves, then moves the deadline to a Wednesday with the policy as shown
    const turnedOff = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      title: campaign.title,
      ...SUNDAY,
      reminderPolicy: off,
    });
    const moved = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      title: campaign.title,
      opensAt: SUNDAY.opensAt,
      closesAt: WEDNESDAY_CLOSE,
      reminderPolicy: turnedOff.body.chosenReminderPolicy ?? turnedOff.body.reminderPolicy,
    });
    const next = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2027,
      title: 'Medlemstest 2027',
      opensAt: '2027-11-15T07:00:00.000Z',
      closesAt: '2027-12-15T22:59:00.000Z',
    });
    // Assert: what applied did not change, but nothing is kept aside any more, so it stays off
    expect(campaign.chosenReminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    expect(turnedOff.status).toBe(200);
    expect(turnedOff.body.reminderPolicy).toEqual(off);
    expect(turnedOff.body).not.toHaveProperty('chosenReminderPolicy');
    expect(moved.body.reminderPolicy).toEqual(off);
    expect(next.body.reminderPolicy).toEqual(off);
    // Both updates share the test clock's instant, so the trail's order between them is the ids'.
    const updates = (await auditEntries(ctx, { year: 2026 })).filter((e) => e.action === 'campaign.update');
    expect(updates.map((e) => ({ before: e.before, after: e.after }))).toContainEqual({
      before: { chosenReminderPolicy: ReminderPolicySchema.parse({}) },
      after: { chosenReminderPolicy: null },
    });
  });

  it('is kept as chosen when the kansli changes another part of the policy, and when the console moves the deadline to a Sunday', async () => {
    // Arrange: every step fits the Wednesday deadline
    const { ctx, admin, campaign } = await created('2026-02-01T09:00:00Z', 2026, {
      opensAt: SUNDAY.opensAt,
      closesAt: WEDNESDAY_CLOSE,
    });
    // Act: the console saves a Sunday deadline with the policy it shows, then four days between emails
    const sunday = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      ...SUNDAY,
      reminderPolicy: campaign.reminderPolicy,
    });
    const spaced = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      ...SUNDAY,
      reminderPolicy: { ...sunday.body.chosenReminderPolicy, minDaysBetween: 4 },
    });
    // Assert
    expect(sunday.status).toBe(200);
    expect(sunday.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false }));
    expect(sunday.body.chosenReminderPolicy).toEqual(ReminderPolicySchema.parse({}));
    expect(spaced.status).toBe(200);
    expect(spaced.body.reminderPolicy).toEqual(ReminderPolicySchema.parse({ lastDay: false, minDaysBetween: 4 }));
    expect(spaced.body.chosenReminderPolicy).toEqual(ReminderPolicySchema.parse({ minDaysBetween: 4 }));
    const updates = (await auditEntries(ctx, { year: 2026 })).filter((e) => e.action === 'campaign.update');
    expect(updates.find((e) => (e.after as { closesAt?: string }).closesAt === SUNDAY.closesAt)?.after).toMatchObject({
      reminderStepsRemoved: ['last-day'],
    });
  });
});
