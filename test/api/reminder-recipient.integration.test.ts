import { describe, expect, it } from 'vitest';
import type { ReminderLogRow, ReminderRunResult, RemindNowResult } from '../../shared/reminders/index';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { call } from '../helpers/admin-api';
import { LUND_ID, reminderCampaign, seedReminderMembers, sthlm } from '../helpers/reminder-setup';
import { seedCampaign } from '../helpers/seed-fixtures';
import { makeTestContext, signIn, type TestContext } from '../helpers/test-app';

/**
 * The reminder log is keyed by contact id, and "Ändra" can put another person under the same id. Each
 * entry records the address it was claimed for, and counts only for that address: the new person has
 * had none of it (reminders, "Påminn nu", the log). A rename that keeps the address keeps the history.
 *
 * The campaign (test/helpers/reminder-setup.ts) opens Monday 2 March 2026 09:00 and closes Wednesday
 * 1 April 17:00 Stockholm time; d14 is Wednesday 18 March, d7 Wednesday 25 March, at 08:00. Lund has
 * not started; its politician is "Politiker Lund" <politiker.1281@example.se>.
 */
const OLD = { name: 'Politiker Lund', email: `politiker.${LUND_ID}@example.se` };
const PER = { name: 'Per Persson', email: 'per.persson@lund.se' };
const OFFICIAL = `tjansteperson.${LUND_ID}@example.se`;
const CONTACT = `/api/admin/contacts/politiker-${LUND_ID}`;
const REMIND = `/api/admin/campaigns/2026/responses/${LUND_ID}/remind`;

async function world(now: string, policy: Campaign['reminderPolicy'] = {}) {
  const ctx = await makeTestContext({ now: sthlm(now).toISOString() });
  await seedReminderMembers(ctx);
  await seedCampaign(ctx, reminderCampaign({ reminderPolicy: policy }));
  const admin = await signIn(ctx, 'kansli@example.se');
  return { ctx, admin };
}

async function runNow(ctx: TestContext, admin: string, dryRun = false): Promise<ReminderRunResult> {
  const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/reminders/run', { dryRun });
  expect(res.status).toBe(200);
  return res.body as ReminderRunResult;
}

async function remindLund(ctx: TestContext, admin: string) {
  return call(ctx, admin, 'POST', REMIND);
}

async function logRows(ctx: TestContext, admin: string, stepId: string): Promise<ReminderLogRow[]> {
  const res = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/reminders');
  expect(res.status).toBe(200);
  return (res.body as { entries: ReminderLogRow[] }).entries.filter(
    (row) => row.contactId === `politiker-${LUND_ID}` && row.stepId === stepId,
  );
}

/** Moves the clock (sessions last 12 hours, so the kansli signs in again). */
async function at(ctx: TestContext, local: string): Promise<string> {
  ctx.clock.set(sthlm(local));
  return signIn(ctx, 'kansli@example.se');
}

const byEmail = <T extends { contact: { email: string } }>(list: T[], email: string): T[] =>
  list.filter((item) => item.contact.email === email);
const skipReason = (result: ReminderRunResult, email: string) => byEmail(result.skipped, email)[0]?.reason;

async function replaceWithPer(ctx: TestContext, admin: string) {
  const res = await call(ctx, admin, 'PATCH', CONTACT, PER);
  expect(res.status).toBe(200);
}

describe('a contact replaced with "Ändra" by another person', () => {
  it('"Påminn nu" again the same day reaches the new person, and the log names who got which', async () => {
    // The reviewer's steps, on a campaign without invitations (so the edit sends nothing by itself).
    const { ctx, admin } = await world('2026-03-16 12:22', { invitationOnOpen: false });
    const first = await remindLund(ctx, admin);
    expect(first.status).toBe(200);
    expect((first.body as RemindNowResult).sent.map((s) => s.contact.email).sort()).toEqual([OLD.email, OFFICIAL]);
    await replaceWithPer(ctx, admin);

    // Act
    const again = await remindLund(ctx, admin);

    // Assert: Per, never emailed, gets it; the official, reminded already today, does not.
    expect(again.status).toBe(200);
    const body = again.body as RemindNowResult;
    expect(body.sent.map((s) => s.contact.email)).toEqual([PER.email]);
    expect(body.skipped.map((s) => [s.contact.email, s.reason])).toEqual([[OFFICIAL, 'already_sent']]);
    // A third click: everyone has had it today.
    expect((await remindLund(ctx, admin)).status).toBe(409);

    const rows = await logRows(ctx, admin, 'manual-2026-03-16');
    expect(rows.map((row) => [row.contactName, row.email, row.state, row.currentContact])).toEqual([
      [OLD.name, OLD.email, 'sent', { name: PER.name, email: PER.email }],
      [PER.name, PER.email, 'sent', undefined],
    ]);
  });

  it('a reminder run sends the new person the step, not held back by the emails of the one before (max_reminders)', async () => {
    let { ctx, admin } = await world('2026-03-16 10:00', { invitationOnOpen: false, maxReminders: 1 });
    expect((await remindLund(ctx, admin)).status).toBe(200);
    await replaceWithPer(ctx, admin);

    // d14 on Wednesday: the old person had their one reminder on Monday (max_reminders, and
    // min_days_between), Per none; the official, reminded on Monday too, has had the one.
    admin = await at(ctx, '2026-03-18 10:00');
    const d14 = await runNow(ctx, admin);
    expect(byEmail(d14.sent, PER.email).map((s) => s.stepId)).toEqual(['d14']);
    expect(skipReason(d14, OFFICIAL)).toBe('max_reminders');

    // One reminder at most: now Per has had it too.
    admin = await at(ctx, '2026-03-25 10:00');
    const d7 = await runNow(ctx, admin, true);
    expect(skipReason(d7, PER.email)).toBe('max_reminders');
    expect(skipReason(d7, OFFICIAL)).toBe('max_reminders');
  });

  it('nor by their recent email (min_days_between)', async () => {
    let { ctx, admin } = await world('2026-03-16 10:00', { invitationOnOpen: false });
    expect((await remindLund(ctx, admin)).status).toBe(200);
    await replaceWithPer(ctx, admin);

    admin = await at(ctx, '2026-03-18 10:00');
    const d14 = await runNow(ctx, admin);

    expect(byEmail(d14.sent, PER.email).map((s) => s.stepId)).toEqual(['d14']);
    expect(skipReason(d14, OFFICIAL)).toBe('min_days_between');
  });

  it('a step the one before had (already_sent) goes to the new person', async () => {
    let { ctx, admin } = await world('2026-03-18 10:00', { invitationOnOpen: false, maxReminders: 1 });
    const d14 = await runNow(ctx, admin);
    expect(byEmail(d14.sent, OLD.email).map((s) => s.stepId)).toEqual(['d14']);
    await replaceWithPer(ctx, admin);

    // Act: the d14 step is still the one due the day after.
    admin = await at(ctx, '2026-03-19 10:00');
    const next = await runNow(ctx, admin);

    // Assert
    expect(byEmail(next.sent, PER.email).map((s) => s.stepId)).toEqual(['d14']);
    expect(skipReason(next, OFFICIAL)).toBe('already_sent');
    const rows = await logRows(ctx, admin, 'd14');
    expect(rows.map((row) => [row.contactName, row.email, row.sentAt?.slice(0, 10)])).toEqual([
      [OLD.name, OLD.email, '2026-03-18'],
      [PER.name, PER.email, '2026-03-19'],
    ]);
  });

  it('with invitations, the edit invites the new person at once and keeps the earlier invitation in the log', async () => {
    let { ctx, admin } = await world('2026-03-02 09:30');
    const opening = await runNow(ctx, admin);
    expect(byEmail(opening.sent, OLD.email).map((s) => s.stepId)).toEqual(['invitation']);
    admin = await at(ctx, '2026-03-16 10:00');

    const res = await call(ctx, admin, 'PATCH', CONTACT, PER);

    expect(res.status).toBe(200);
    expect(res.body.invited).toBe(true);
    const rows = await logRows(ctx, admin, 'invitation');
    expect(rows.map((row) => [row.contactName, row.email, row.sentAt?.slice(0, 10)])).toEqual([
      [OLD.name, OLD.email, '2026-03-02'],
      [PER.name, PER.email, '2026-03-16'],
    ]);
  });
});

describe('a rename that keeps the address', () => {
  it('keeps the history: the same person was reminded today, and the log shows the name as sent', async () => {
    let { ctx, admin } = await world('2026-03-16 10:00', { invitationOnOpen: false });
    expect((await remindLund(ctx, admin)).status).toBe(200);
    const renamed = await call(ctx, admin, 'PATCH', CONTACT, { name: 'Nytt Namn' });
    expect(renamed.status).toBe(200);

    const again = await remindLund(ctx, admin);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_reminded');
    admin = await at(ctx, '2026-03-18 10:00');
    const d14 = await runNow(ctx, admin, true);
    expect(skipReason(d14, OLD.email)).toBe('min_days_between');
    const rows = await logRows(ctx, admin, 'manual-2026-03-16');
    expect(rows.map((row) => [row.contactName, row.email, row.currentContact])).toEqual([
      [OLD.name, OLD.email, undefined],
    ]);
  });
});

describe('erasure of the person who was replaced', () => {
  it('by address takes their name and address out of the entries under the contact id another person now has', async () => {
    const { ctx, admin } = await world('2026-03-16 12:22', { invitationOnOpen: false });
    expect((await remindLund(ctx, admin)).status).toBe(200);
    await replaceWithPer(ctx, admin);
    expect((await remindLund(ctx, admin)).status).toBe(200);

    // Act
    const erased = await call(ctx, admin, 'POST', '/api/admin/contacts/erase', { email: OLD.email });

    // Assert
    expect(erased.status).toBe(200);
    expect(erased.body.reminderLogRedacted).toBe(1);
    const rows = await logRows(ctx, admin, 'manual-2026-03-16');
    expect(rows.map((row) => [row.contactName, row.email])).toEqual([
      [null, null],
      [PER.name, PER.email],
    ]);
    const raw = JSON.stringify(await ctx.store.queryAll({ partition: 'CAMPAIGN#2026', beginsWith: 'REMINDER#' }));
    expect(raw).not.toContain(OLD.email);
    expect(raw).not.toContain(OLD.name);
    // Per's own entry and export are Per's alone.
    const exported = await call(ctx, admin, 'GET', `${CONTACT}/export`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body.reminderLog)).toContain(PER.email);
  });

  it('Per’s export holds what went to Per, not the earlier person’s name or address', async () => {
    const { ctx, admin } = await world('2026-03-16 12:22', { invitationOnOpen: false });
    expect((await remindLund(ctx, admin)).status).toBe(200);
    await replaceWithPer(ctx, admin);
    expect((await remindLund(ctx, admin)).status).toBe(200);

    const exported = await call(ctx, admin, 'GET', `${CONTACT}/export`);

    expect(exported.status).toBe(200);
    const text = JSON.stringify(exported.body.reminderLog);
    expect(text).toContain(PER.email);
    expect(text).not.toContain(OLD.email);
    expect(text).not.toContain(OLD.name);
  });
});
