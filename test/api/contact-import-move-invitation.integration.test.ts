import { describe, expect, it } from 'vitest';
import { ReminderLogRepository } from '../../functions/features/reminders/reminder-log.repository';
import { keys } from '../../functions/store/table-design';
import { call } from '../helpers/admin-api';
import { campaignMailTo, invitedReminderWorld, LUND_ID, MALMO_ID, sthlm } from '../helpers/reminder-setup';
import { signIn, type TestContext } from '../helpers/test-app';

/**
 * A contact the contacts import moves to another organisation while the campaign is open is the
 * same person under the same contact id, who had the invitation for the old organisation only. The
 * next reminder run sends them the new organisation's invitation (the catch-up), as the console's
 * move does at once, and only once.
 *
 * The campaign (test/helpers/reminder-setup.ts) opens Monday 2 March 2026 09:00 and closes Wednesday
 * 1 April 17:00 Stockholm time; d14 is 18 March, d7 25 March. The invitation went to everyone then.
 */
const RUN = '/api/admin/campaigns/2026/reminders/run';
const MOVED_ID = `tjansteperson-${LUND_ID}`;
const MOVED_EMAIL = `tjansteperson.${LUND_ID}@example.se`;

async function run(ctx: TestContext, admin: string, dryRun = false) {
  const res = await call(ctx, admin, 'POST', RUN, { dryRun });
  expect(res.status).toBe(200);
  return res.body as {
    due: { contact: { email: string; organisationId: string }; stepId: string; kind: string }[];
    sent: { contact: { email: string }; stepId: string }[];
  };
}

describe('a contact the contacts import moves to another organisation while the campaign is open', () => {
  it("is sent the new organisation's invitation by the next run instead of the reminder, once", async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const preview = await call(ctx, admin, 'POST', '/api/admin/contacts/import', {
      csv: `kod;namn;e-post;roll\n${MALMO_ID};Tjänsteperson Lund;${MOVED_EMAIL};tjänsteperson`,
    });
    expect(preview.status).toBe(201);
    const commit = await call(ctx, admin, 'POST', `/api/admin/contacts/import/${preview.body.id}/commit`, {
      replace: [],
    });
    expect(commit.status).toBe(200);
    // Moved, under the same id, and mailed nothing at once (an import never mails at once).
    expect((await call(ctx, admin, 'GET', `/api/admin/organisations/${MALMO_ID}`)).body.contacts).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: MOVED_ID, email: MOVED_EMAIL })]),
    );
    expect(await campaignMailTo(ctx, MOVED_EMAIL)).toEqual([]);

    // Act
    const dry = await run(ctx, admin, true);
    const real = await run(ctx, admin);

    // Assert
    expect(dry.due.filter((d) => d.contact.email === MOVED_EMAIL)).toEqual([
      expect.objectContaining({
        stepId: 'invitation',
        kind: 'invitation',
        contact: expect.objectContaining({ organisationId: MALMO_ID }),
      }),
    ]);
    expect(real.sent.filter((s) => s.contact.email === MOVED_EMAIL).map((s) => s.stepId)).toEqual(['invitation']);
    // Lund's other contact gets its reminder as before.
    expect(real.sent.find((s) => s.contact.email === `politiker.${LUND_ID}@example.se`)?.stepId).toBe('d14');
    expect((await campaignMailTo(ctx, MOVED_EMAIL)).map((m) => m.subject)).toEqual([
      'Inbjudan: Medlemstest 2026 för Malmö',
    ]);
    // Claimed on the new organisation's invitation item; the old organisation's stays as it was.
    expect(await ctx.store.get(keys.reminder(2026, MALMO_ID, MOVED_ID, 'invitation'))).toMatchObject({
      state: 'sent',
      attempts: 1,
    });
    expect(await ctx.store.get(keys.reminder(2026, LUND_ID, MOVED_ID, 'invitation'))).toMatchObject({
      state: 'sent',
      messageId: `invited-${MOVED_ID}`,
    });

    // Only once: a week later the reminder that is due, not the invitation again.
    ctx.clock.set(sthlm('2026-03-25 10:00'));
    const week = await run(ctx, await signIn(ctx, 'kansli@example.se'));
    expect(week.sent.filter((s) => s.contact.email === MOVED_EMAIL).map((s) => s.stepId)).toEqual(['d7']);
    expect((await campaignMailTo(ctx, MOVED_EMAIL)).map((m) => m.kind)).toEqual(['invitation', 'reminder']);
  });

  it('gets no second invitation when the console moved it and sent the invitation at once', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const moved = await call(ctx, admin, 'PATCH', `/api/admin/contacts/${MOVED_ID}`, { organisationId: MALMO_ID });
    expect(moved.body.invited).toBe(true);
    ctx.clock.set(sthlm('2026-03-25 10:00'));
    const week = await run(ctx, await signIn(ctx, 'kansli@example.se'));
    expect(week.sent.filter((s) => s.contact.email === MOVED_EMAIL).map((s) => s.stepId)).toEqual(['d7']);
    expect((await campaignMailTo(ctx, MOVED_EMAIL)).map((m) => m.subject)).toEqual([
      'Inbjudan: Medlemstest 2026 för Malmö',
      expect.stringContaining('Malmö'),
    ]);
  });

  it("gets the new organisation's step when that step failed for the old one just before the move", async () => {
    // Arrange: moved by the console on 18 March (invited for Malmö at once); on 25 March d7 was
    // claimed for Lund and failed (SES refused it) before the move was known to the run.
    const { ctx, admin } = await invitedReminderWorld();
    await call(ctx, admin, 'PATCH', `/api/admin/contacts/${MOVED_ID}`, { organisationId: MALMO_ID });
    const log = new ReminderLogRepository(ctx.store);
    const lund = { year: 2026, organisationId: LUND_ID, contactId: MOVED_ID, stepId: 'd7' as const };
    const failedAt = sthlm('2026-03-25 08:00');
    await log.claim({
      ...lund,
      kind: 'reminder',
      variant: 'no-response',
      at: failedAt,
      claimId: 'run-before-move',
      seenAttempts: 0,
      leaseMs: 15 * 60_000,
      maxAttempts: 3,
      recipient: { email: MOVED_EMAIL, name: 'Tjänsteperson Lund' },
    });
    await log.markFailed(lund, 'run-before-move', { at: failedAt, error: 'Throttling' });
    ctx.clock.set(sthlm('2026-03-25 10:00'));

    // Act
    const week = await run(ctx, await signIn(ctx, 'kansli@example.se'));

    // Assert: sent for Malmö as a first try on Malmö's own entry; before, the retry was claimed on
    // an entry Malmö does not have, and every run skipped the person as "in progress".
    expect(week.sent.filter((s) => s.contact.email === MOVED_EMAIL).map((s) => s.stepId)).toEqual(['d7']);
    expect(await ctx.store.get(keys.reminder(2026, MALMO_ID, MOVED_ID, 'd7'))).toMatchObject({
      state: 'sent',
      attempts: 1,
    });
    expect(await ctx.store.get(keys.reminder(2026, LUND_ID, MOVED_ID, 'd7'))).toMatchObject({ state: 'failed' });
  });
});
