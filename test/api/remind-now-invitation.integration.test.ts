import { describe, expect, it } from 'vitest';
import { ReminderLogRepository } from '../../functions/features/reminders/reminder-log.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import type { RemindNowResult } from '../../shared/reminders/index';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { ADMIN_EMAIL, auditEntries, call } from '../helpers/admin-api';
import { LUND_ID, MALMO_ID, reminderCampaign, seedReminderMembers, sthlm } from '../helpers/reminder-setup';
import { seedCampaign } from '../helpers/seed-fixtures';
import { countCommands, makeTestContext, signIn, type TestContext } from '../helpers/test-app';

/**
 * "Påminn nu" follows the scheduled run's rule for a contact who has not had the invitation
 * (docs/reminders.md, "A contact who has not had the invitation"): that contact gets the invitation,
 * not a reminder that says nothing of what the survey is. The reminder members of
 * test/helpers/reminder-setup.ts on the reminder campaign (2 March 09:00 to 1 April 17:00 2026,
 * Stockholm time), on Wednesday 18 March at 21:30, outside the send window "Påminn nu" ignores.
 * Lund has not started: its politician never had the invitation, its official had it on 2 March.
 */
const POLITICIAN = `politiker-${LUND_ID}`;
const OFFICIAL = `tjansteperson-${LUND_ID}`;
const remind = (code = LUND_ID) => `/api/admin/campaigns/2026/responses/${code}/remind`;

async function world(options: { now?: string; policy?: Campaign['reminderPolicy']; invited?: string[] } = {}) {
  const ctx = await makeTestContext({ now: sthlm(options.now ?? '2026-03-18 21:30').toISOString() });
  await seedReminderMembers(ctx);
  await seedCampaign(ctx, reminderCampaign({ reminderPolicy: options.policy ?? {} }));
  for (const contactId of options.invited ?? [OFFICIAL]) await invited(ctx, contactId);
  return { ctx, admin: await signIn(ctx, ADMIN_EMAIL) };
}

/** The invitation as the run at opening sends it: claimed and sent on 2 March for this address. */
async function invited(ctx: TestContext, contactId: string, organisationId = contactId.split('-')[1] as string) {
  const log = new ReminderLogRepository(ctx.store);
  const at = sthlm('2026-03-02 09:00');
  const email = `${contactId.replace('-', '.')}@example.se`;
  const ref = { year: 2026, organisationId, contactId, stepId: 'invitation' as const };
  await log.claim({
    ...ref,
    kind: 'invitation',
    variant: 'invitation',
    at,
    claimId: 'opening',
    seenAttempts: 0,
    leaseMs: 60_000,
    maxAttempts: 3,
    recipient: { email, name: contactId },
  });
  await log.markSent(ref, 'opening', { at, messageId: `invited-${contactId}` });
}

/** The invitations and reminders in the local outbox (not the sign-in links). */
async function campaignMail(ctx: TestContext) {
  return (await readOutbox(ctx.store)).filter((m) => m.kind === 'invitation' || m.kind === 'reminder');
}

/** The campaign mail to an address: kind and subject. */
async function mailTo(ctx: TestContext, address: string) {
  return (await campaignMail(ctx))
    .filter((m) => m.to.includes(address))
    .map((m) => ({ kind: m.kind, subject: m.subject }));
}

const kinds = (result: Pick<RemindNowResult, 'sent'>) =>
  Object.fromEntries(result.sent.map((sent) => [sent.contact.id, sent.kind]));

describe('"Påminn nu" to a contact who has not had the invitation', () => {
  it('sends that contact the invitation and the one who had it the reminder, and says which', async () => {
    // Arrange
    const { ctx, admin } = await world();
    // Act
    const res = await call(ctx, admin, 'POST', remind());
    // Assert
    expect(res.status).toBe(200);
    expect(kinds(res.body)).toEqual({ [POLITICIAN]: 'invitation', [OFFICIAL]: 'reminder' });
    expect(await mailTo(ctx, 'politiker.1281@example.se')).toEqual([
      { kind: 'invitation', subject: expect.stringMatching(/^Inbjudan: .* för Lund$/) },
    ]);
    expect(await mailTo(ctx, 'tjansteperson.1281@example.se')).toEqual([
      { kind: 'reminder', subject: expect.stringMatching(/^Påminnelse: .*Lund har inte svarat ännu$/) },
    ]);
    // The invitation is the contact's one invitation entry (the run and the console claim the same
    // item), not today's manual reminder.
    const log = await new ReminderLogRepository(ctx.store).listByCampaign(2026);
    expect(log.map((e) => [e.contactId, e.stepId, e.state, e.email])).toEqual([
      [POLITICIAN, 'invitation', 'sent', 'politiker.1281@example.se'],
      [OFFICIAL, 'invitation', 'sent', 'tjansteperson.1281@example.se'],
      [OFFICIAL, 'manual-2026-03-18', 'sent', 'tjansteperson.1281@example.se'],
    ]);
    const [entry] = await auditEntries(ctx, { organisationId: LUND_ID });
    expect(entry?.after).toMatchObject({ sentTo: [POLITICIAN, OFFICIAL], invitedTo: [POLITICIAN] });
  });

  it('sends the scheduled run no second invitation: the next step is the contact’s first reminder', async () => {
    // Arrange
    const { ctx, admin } = await world();
    expect((await call(ctx, admin, 'POST', remind())).status).toBe(200);
    // Act: d7, on Wednesday 25 March.
    ctx.clock.set(sthlm('2026-03-25 10:00'));
    const run = await call(ctx, await signIn(ctx, ADMIN_EMAIL), 'POST', '/api/admin/campaigns/2026/reminders/run', {
      dryRun: true,
    });
    // Assert
    const lund = run.body.due.filter(
      (d: { contact: { organisationId: string } }) => d.contact.organisationId === LUND_ID,
    );
    expect(lund.map((d: { contact: { id: string }; stepId: string }) => [d.contact.id, d.stepId])).toEqual([
      [POLITICIAN, 'd7'],
      [OFFICIAL, 'd7'],
    ]);
  });

  it('invites both contacts of an organisation no invitation ever reached, and a second click that day sends nothing', async () => {
    // Arrange: the review's case, an organisation that has not started and had no invitation.
    const { ctx, admin } = await world({ invited: [] });
    // Act
    const first = await call(ctx, admin, 'POST', remind());
    const again = await call(ctx, admin, 'POST', remind());
    // Assert
    expect(first.status).toBe(200);
    expect(kinds(first.body)).toEqual({ [POLITICIAN]: 'invitation', [OFFICIAL]: 'invitation' });
    expect((await readOutbox(ctx.store)).filter((m) => m.kind === 'reminder')).toEqual([]);
    // Invited today, so no reminder until tomorrow: the same "once a day" as two reminders.
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_reminded');
    expect(again.body.error.message).toBe('Lund har fått inbjudan i dag. En påminnelse kan skickas tidigast i morgon.');
    expect(await campaignMail(ctx)).toHaveLength(2);
  });

  it('reminds the invited contact on the next day', async () => {
    const { ctx, admin } = await world({ invited: [] });
    expect((await call(ctx, admin, 'POST', remind())).status).toBe(200);
    ctx.clock.set(sthlm('2026-03-19 10:00'));
    const next = await call(ctx, await signIn(ctx, ADMIN_EMAIL), 'POST', remind());
    expect(next.status).toBe(200);
    expect(kinds(next.body)).toEqual({ [POLITICIAN]: 'reminder', [OFFICIAL]: 'reminder' });
  });

  it('gives an unsubscribed contact the invitation it has not had, as the scheduled run does', async () => {
    // Malmö's politician unsubscribed and has no invitation; its official had it.
    const { ctx, admin } = await world({ invited: [`tjansteperson-${MALMO_ID}`] });
    const res = await call(ctx, admin, 'POST', remind(MALMO_ID));
    expect(res.status).toBe(200);
    expect(kinds(res.body)).toEqual({
      [`politiker-${MALMO_ID}`]: 'invitation',
      [`tjansteperson-${MALMO_ID}`]: 'reminder',
    });
    expect(res.body.sent[0].contact.emailState).toBe('unsubscribed');
    expect(res.body.skipped).toEqual([]);
  });

  it('sends reminders only when the policy sends no invitations', async () => {
    const { ctx, admin } = await world({ invited: [], policy: { invitationOnOpen: false } });
    const res = await call(ctx, admin, 'POST', remind());
    expect(kinds(res.body)).toEqual({ [POLITICIAN]: 'reminder', [OFFICIAL]: 'reminder' });
  });
});

describe('GET …/remind: what "Påminn nu" would do, for its confirmation', () => {
  it('says who gets the invitation and who the reminder, and writes and sends nothing', async () => {
    // Arrange
    const { ctx, admin } = await world();
    const commands = countCommands(ctx.clients);
    // Act
    const res = await call(ctx, admin, 'GET', remind());
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, stepId: 'manual-2026-03-18', sent: [], failed: [], skipped: [] });
    expect(res.body.due.map((d: { contact: { name: string }; kind: string }) => [d.contact.name, d.kind])).toEqual([
      ['Politiker Lund', 'invitation'],
      ['Tjänsteperson Lund', 'reminder'],
    ]);
    expect(commands.writes()).toBe(0);
    expect(await campaignMail(ctx)).toEqual([]);
    expect(await auditEntries(ctx, { organisationId: LUND_ID })).toEqual([]);
  });

  it('after the click, says that nobody would get anything more today, and why', async () => {
    const { ctx, admin } = await world();
    expect((await call(ctx, admin, 'POST', remind())).status).toBe(200);
    const res = await call(ctx, admin, 'GET', remind());
    expect(res.status).toBe(200);
    expect(res.body.due).toEqual([]);
    expect(res.body.skipped.map((s: { contact: { id: string }; reason: string }) => [s.contact.id, s.reason])).toEqual([
      [POLITICIAN, 'min_days_between'],
      [OFFICIAL, 'already_sent'],
    ]);
  });

  it('refuses as the click does', async () => {
    const { ctx, admin } = await world();
    const res = await call(ctx, admin, 'GET', remind('12'));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('organisation_excused');
  });
});
