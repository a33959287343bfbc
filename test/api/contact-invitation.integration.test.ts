import { describe, expect, it } from 'vitest';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import { keys } from '../../functions/store/table-design';
import { auditEntries, call } from '../helpers/admin-api';
import {
  campaignMailTo,
  invitedReminderWorld,
  LUND_ID,
  MALMO_ID,
  SKANE_ID,
  sthlm,
  submitResponse,
} from '../helpers/reminder-setup';
import { recordCommandInputs, signIn, type TestContext } from '../helpers/test-app';

/**
 * A contact the kansli adds, moves or gives a new address on the organisation page while the
 * campaign is open gets the campaign's invitation at once, exactly once: the send is claimed on the
 * reminder log's `invitation` item, so the next reminder run does not send it again. A contacts
 * import mails nobody at once; its new contacts get the invitation at the next run (the catch-up).
 *
 * The campaign (test/helpers/reminder-setup.ts) opens Monday 2 March 2026 09:00 and closes Wednesday
 * 1 April 17:00 Stockholm time; d14 is 18 March, d7 25 March. The invitation went to everyone then.
 */
const LUND_CONTACTS = `/api/admin/organisations/${LUND_ID}/contacts`;
const RUN = '/api/admin/campaigns/2026/reminders/run';
const NEW = { name: 'Anna Andersson', email: 'anna.andersson@lund.se', role: 'politician' };

async function invitationEntry(ctx: TestContext, organisationId: string, contactId: string) {
  return ctx.store.get(keys.reminder(2026, organisationId, contactId, 'invitation'));
}

async function run(ctx: TestContext, admin: string, dryRun = false) {
  const res = await call(ctx, admin, 'POST', RUN, { dryRun });
  expect(res.status).toBe(200);
  return res.body as {
    due: { contact: { email: string }; stepId: string; kind: string }[];
    sent: { contact: { email: string }; stepId: string }[];
  };
}

describe('the invitation to a contact added while the campaign is open', () => {
  it('goes out at once, once, with the deadline; the reminder runs after it do not send it again', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    // Act
    const added = await call(ctx, admin, 'POST', LUND_CONTACTS, NEW);
    // Assert
    expect(added.status).toBe(201);
    expect(added.body.invited).toBe(true);
    const [mail, ...more] = await campaignMailTo(ctx, NEW.email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: 'invitation', subject: 'Inbjudan: Medlemstest 2026 för Lund' });
    expect(mail?.text).toContain('du är kontaktperson för Lund');
    expect(mail?.text).toContain('Sista dag att svara: onsdag 1 april 2026 kl. 17:00 (svensk tid).');
    const id = added.body.contact.id;
    expect(await invitationEntry(ctx, LUND_ID, id)).toMatchObject({ state: 'sent', kind: 'invitation', attempts: 1 });
    const [entry] = await auditEntries(ctx, { organisationId: LUND_ID });
    expect(entry).toMatchObject({ action: 'contact.create', after: { invited: true } });
    expect(JSON.stringify(entry)).not.toContain(NEW.email);

    // The run the same day: the others get d14; the new contact nothing (no second invitation, and
    // the reminder waits the days between).
    const sameDay = await run(ctx, admin);
    expect(sameDay.sent.map((s) => s.contact.email)).not.toContain(NEW.email);
    expect(sameDay.sent.length).toBeGreaterThan(0);
    // A week later, the reminder that is due, not the invitation again.
    ctx.clock.set(sthlm('2026-03-25 10:00'));
    const week = await run(ctx, await signIn(ctx, 'kansli@example.se'));
    expect(week.sent.filter((s) => s.contact.email === NEW.email).map((s) => s.stepId)).toEqual(['d7']);
    expect((await campaignMailTo(ctx, NEW.email)).map((m) => m.kind)).toEqual(['invitation', 'reminder']);
  });

  it('says the closing date in an invitation to a contact added on the last day', async () => {
    const { ctx, admin } = await invitedReminderWorld({ now: sthlm('2026-04-01 15:30') });
    const added = await call(ctx, admin, 'POST', LUND_CONTACTS, NEW);
    expect(added.body.invited).toBe(true);
    const [mail] = await campaignMailTo(ctx, NEW.email);
    expect(mail?.text).toContain('Sista dag att svara: onsdag 1 april 2026 kl. 17:00 (svensk tid).');
    expect(mail?.text).toContain('In English: you are invited to answer Medlemstest 2026 for Lund');
  });

  it('goes out outside the send window too: a person acted', async () => {
    const { ctx, admin } = await invitedReminderWorld({ now: sthlm('2026-03-21 11:00') }); // a Saturday
    const added = await call(ctx, admin, 'POST', LUND_CONTACTS, NEW);
    expect(added.body.invited).toBe(true);
    expect(await campaignMailTo(ctx, NEW.email)).toHaveLength(1);
  });

  it('is not sent for an organisation that has submitted or is excused, nor while no campaign is open', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    await submitResponse(ctx, LUND_ID, sthlm('2026-03-17 10:00'));
    // Act
    const submitted = await call(ctx, admin, 'POST', LUND_CONTACTS, NEW);
    const excused = await call(ctx, admin, 'POST', `/api/admin/organisations/${SKANE_ID}/contacts`, {
      name: 'Bo Berg',
      email: 'bo.berg@skane.se',
      role: 'official',
    });
    // Assert
    expect(submitted.status).toBe(201);
    expect(submitted.body).not.toHaveProperty('invited');
    expect(excused.status).toBe(201);
    expect(excused.body).not.toHaveProperty('invited');
    expect(await campaignMailTo(ctx, NEW.email)).toEqual([]);
    expect(await campaignMailTo(ctx, 'bo.berg@skane.se')).toEqual([]);
    expect((await auditEntries(ctx, { organisationId: LUND_ID }))[0]?.after).not.toHaveProperty('invited');

    const closed = await invitedReminderWorld({ campaign: { status: 'closed' } });
    const afterClosing = await call(closed.ctx, closed.admin, 'POST', LUND_CONTACTS, NEW);
    expect(afterClosing.status).toBe(201);
    expect(afterClosing.body).not.toHaveProperty('invited');
    expect(await campaignMailTo(closed.ctx, NEW.email)).toEqual([]);
  });

  it('is not sent after the deadline although the campaign is still open, nor when the policy sends no invitations', async () => {
    const late = await invitedReminderWorld({ now: sthlm('2026-04-01 17:30') });
    const added = await call(late.ctx, late.admin, 'POST', LUND_CONTACTS, NEW);
    expect(added.body).not.toHaveProperty('invited');
    const noInvitations = await invitedReminderWorld({ campaign: { reminderPolicy: { invitationOnOpen: false } } });
    const added2 = await call(noInvitations.ctx, noInvitations.admin, 'POST', LUND_CONTACTS, NEW);
    expect(added2.body).not.toHaveProperty('invited');
    expect(await campaignMailTo(late.ctx, NEW.email)).toEqual([]);
    expect(await campaignMailTo(noInvitations.ctx, NEW.email)).toEqual([]);
  });

  it('keeps the contact added when the send fails, answers invited false, and the next run sends the invitation', async () => {
    const lines: Record<string, unknown>[] = [];
    let failing = true;
    const { ctx, admin } = await invitedReminderWorld({
      mail: (store, clock) => {
        const outbox = new OutboxMail(store, clock);
        return {
          send: async (message) => {
            if (failing && message.to.includes(NEW.email)) throw new Error(`SES refused ${NEW.email}`);
            return outbox.send(message);
          },
        };
      },
      log: (line) => lines.push(line),
    });
    // Act
    const added = await call(ctx, admin, 'POST', LUND_CONTACTS, NEW);
    // Assert
    expect(added.status).toBe(201);
    expect(added.body.invited).toBe(false);
    const listed = (await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts.map((c: { email: string }) => c.email);
    expect(listed).toContain(NEW.email);
    expect(await invitationEntry(ctx, LUND_ID, added.body.contact.id)).toMatchObject({ state: 'failed' });
    expect((await auditEntries(ctx, { organisationId: LUND_ID }))[0]).toMatchObject({
      action: 'contact.create',
      after: { invited: false },
    });
    const warnings = lines.filter((line) => line.msg === 'invitation not sent');
    expect(warnings).toEqual([expect.objectContaining({ level: 'warn', contactId: added.body.contact.id })]);
    expect(JSON.stringify(warnings)).not.toContain('@');
    // The next run retries it as the invitation.
    failing = false;
    const next = await run(ctx, admin);
    expect(next.sent.filter((s) => s.contact.email === NEW.email).map((s) => s.stepId)).toEqual(['invitation']);
    expect((await campaignMailTo(ctx, NEW.email)).map((m) => m.kind)).toEqual(['invitation']);
  });
});

describe('the invitation to a contact moved, or given a new address', () => {
  it('goes to the new address although the old one had the invitation, once', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const path = `/api/admin/contacts/politiker-${LUND_ID}`;
    // Act
    const changed = await call(ctx, admin, 'PATCH', path, { email: 'ny.adress@lund.se', name: 'Ny Politiker' });
    const again = await call(ctx, admin, 'PATCH', path, { email: 'ny.adress@lund.se', name: 'Ny Politiker' });
    // Assert
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ notified: true, invited: true });
    expect(again.body).not.toHaveProperty('invited');
    const mails = await campaignMailTo(ctx, 'ny.adress@lund.se');
    expect(mails.map((m) => m.subject)).toEqual(['Inbjudan: Medlemstest 2026 för Lund']);
    expect(await invitationEntry(ctx, LUND_ID, `politiker-${LUND_ID}`)).toMatchObject({ state: 'sent', attempts: 1 });
    const [entry] = await auditEntries(ctx, { organisationId: LUND_ID });
    expect(entry).toMatchObject({ action: 'contact.update', after: { notified: true, invited: true } });
    // The run does not send the invitation again.
    const next = await run(ctx, admin);
    expect(next.sent.filter((s) => s.contact.email === 'ny.adress@lund.se')).toEqual([]);
  });

  it('goes to a contact moved to another organisation, naming it', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const moved = await call(ctx, admin, 'PATCH', `/api/admin/contacts/tjansteperson-${LUND_ID}`, {
      organisationId: MALMO_ID,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.invited).toBe(true);
    const [mail, ...more] = await campaignMailTo(ctx, `tjansteperson.${LUND_ID}@example.se`);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Inbjudan: Medlemstest 2026 för Malmö');
  });

  it('is not sent for an edit that keeps the address and the organisation', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const renamed = await call(ctx, admin, 'PATCH', `/api/admin/contacts/politiker-${LUND_ID}`, { name: 'Nytt Namn' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).not.toHaveProperty('invited');
    expect(await campaignMailTo(ctx, `politiker.${LUND_ID}@example.se`)).toEqual([]);
  });
});

describe('a contacts import while the campaign is open', () => {
  it('mails nobody at once; the next reminder run sends its new contacts the invitation instead of the reminder', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const preview = await call(ctx, admin, 'POST', '/api/admin/contacts/import', {
      csv: `kod;namn;e-post;roll\n${LUND_ID};Anna Andersson;${NEW.email};politiker`,
    });
    expect(preview.status).toBe(201);
    // Act
    const commit = await call(ctx, admin, 'POST', `/api/admin/contacts/import/${preview.body.id}/commit`, {
      replace: [],
    });
    // Assert
    expect(commit.status).toBe(200);
    expect(await campaignMailTo(ctx, NEW.email)).toEqual([]);
    const dry = await run(ctx, admin, true);
    expect(dry.due.filter((d) => d.contact.email === NEW.email).map((d) => d.stepId)).toEqual(['invitation']);
    const real = await run(ctx, admin);
    const steps = new Map(real.sent.map((s) => [s.contact.email, s.stepId]));
    expect(steps.get(NEW.email)).toBe('invitation');
    expect(steps.get(`tjansteperson.${LUND_ID}@example.se`)).toBe('d14');
    expect((await campaignMailTo(ctx, NEW.email)).map((m) => m.subject)).toEqual([
      'Inbjudan: Medlemstest 2026 för Lund',
    ]);
    // And only once.
    ctx.clock.set(sthlm('2026-03-25 10:00'));
    const week = await run(ctx, await signIn(ctx, 'kansli@example.se'));
    expect(week.sent.filter((s) => s.contact.email === NEW.email).map((s) => s.stepId)).toEqual(['d7']);
  });
});

describe('DynamoDB requests of adding a contact', () => {
  it('adds, while the campaign is open, the open lock, the campaign, one query, the claim, the token and the sent mark', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const sent = recordCommandInputs(ctx.clients, /Command$/);
    await call(ctx, admin, 'POST', LUND_CONTACTS, NEW);
    const outboxWrites = sent.filter((input) => (input.Item as { pk?: string })?.pk === keys.outboxPk);
    // The invitation adds 6 to the request's own: the open lock and the campaign (a GetItem each;
    // the campaign from the instance's cache when it was read in the last 10 s), the organisation's
    // bundle (a Query), the claim, the sign-in token and the sent mark. No Scan (the test context
    // fails on one).
    expect(sent.length - outboxWrites.length).toBe(ADD_REQUESTS_BEFORE + 6);
    expect(outboxWrites).toHaveLength(1);
  });

  it('adds the same six and a read of the old invitation to an address change, whose new address is invited', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const sent = recordCommandInputs(ctx.clients, /Command$/);
    await call(ctx, admin, 'PATCH', `/api/admin/contacts/politiker-${LUND_ID}`, { email: 'ny.adress@lund.se' });
    const outboxWrites = sent.filter((input) => (input.Item as { pk?: string })?.pk === keys.outboxPk);
    // One more: the log entry of the old address's invitation is read (GetItem), to keep it in the
    // log as the earlier send when the new address's claim takes it over.
    expect(sent.length - outboxWrites.length).toBe(ADDRESS_CHANGE_REQUESTS_BEFORE + 7);
    // The old address's notice and the new address's invitation.
    expect(outboxWrites).toHaveLength(2);
  });
});

/**
 * DynamoDB requests of POST …/contacts and of an address-changing PATCH (its old address told, as
 * in access-notices.integration.test.ts), measured on the code before the invitation.
 */
const ADD_REQUESTS_BEFORE = 9;
const ADDRESS_CHANGE_REQUESTS_BEFORE = 12;
