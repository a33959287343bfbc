import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../functions/errors/domain-errors';
import { ReminderLogRepository } from '../../functions/features/reminders/reminder-log.repository';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { OutboxMail, readOutbox } from '../../functions/mail/outbox-mail';
import type { FixedClock } from '../../functions/ports/clock';
import { type Mail, MailRejectedError } from '../../functions/ports/mail';
import type { Item, TableStore, WriteCondition } from '../../functions/ports/table-store';
import { ADMIN_EMAIL, auditEntries, call } from '../helpers/admin-api';
import { injectDynamoFault } from '../helpers/faulty-store';
import {
  GOTEBORG,
  LUND_ID,
  MALMO_ID,
  markInvited,
  reminderCampaign,
  SKANE_ID,
  seedReminderMembers,
  sthlm,
  submitResponse,
} from '../helpers/reminder-setup';
import { seedCampaign } from '../helpers/seed-fixtures';
import { countCommands, makeTestContext, signIn, type TestContext } from '../helpers/test-app';

const remind = (code: string, year = 2026) => `/api/admin/campaigns/${year}/responses/${code}/remind`;

/**
 * The reminder members of test/helpers/reminder-setup.ts on the reminder campaign, at Wednesday
 * 18 March 2026 (Stockholm) unless told otherwise: Lund has not started, Malmö has a draft and its
 * politician unsubscribed, Region Skåne is excused, both of Göteborg's addresses fail. Everyone had
 * the invitation on 2 March (so "Påminn nu" sends reminders), unless `invited: false`.
 */
async function setup(
  options: {
    now?: Date;
    mail?: (store: TableStore, clock: FixedClock) => Mail;
    closed?: boolean;
    log?: (entry: Record<string, unknown>) => void;
    wrapStore?: (store: TableStore) => TableStore;
    invited?: boolean;
  } = {},
) {
  const ctx = await makeTestContext({
    now: (options.now ?? sthlm('2026-03-18 21:30')).toISOString(),
    mail: options.mail,
    log: options.log,
    wrapStore: options.wrapStore,
  });
  await seedReminderMembers(ctx);
  await seedCampaign(
    ctx,
    reminderCampaign(options.closed ? { status: 'closed', closesAt: sthlm('2026-03-17 17:00').toISOString() } : {}),
  );
  if (options.invited !== false) await markInvited(ctx);
  const admin = await signIn(ctx, ADMIN_EMAIL);
  return { ctx, admin };
}

/** A store wrapper whose next `n` audit-entry puts fail as the adapter reports a throttled DynamoDB. */
function failingAuditWrites() {
  let toFail = 0;
  let failed = 0;
  const wrap = (store: TableStore): TableStore =>
    new Proxy(store, {
      get(target, property) {
        if (property === 'put') {
          return async (item: Item, condition?: WriteCondition) => {
            if (item.entity === 'Audit' && toFail > 0) {
              toFail--;
              failed++;
              throw new StoreUnavailableError('Lagringen är överbelastad just nu.');
            }
            return target.put(item, condition);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return { wrap, failNext: (n: number) => (toFail = n), failed: () => failed };
}

async function reminderMails(ctx: TestContext) {
  return (await readOutbox(ctx.store)).filter((m) => m.kind === 'reminder');
}

describe('POST /api/admin/campaigns/{year}/responses/{code}/remind ("Påminn nu")', () => {
  it("emails the organisation's contacts now, outside the send window, and says who got it", async () => {
    // Arrange: 21:30 is outside the default window (08–17), which a manual reminder ignores.
    const { ctx, admin } = await setup();
    // Act
    const res = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2026,
      organisationId: LUND_ID,
      organisationName: 'Lund',
      stepId: 'manual-2026-03-18',
      variant: 'no-response',
      failed: [],
      skipped: [],
    });
    expect(res.body.sent.map((s: { contact: { email: string } }) => s.contact.email)).toEqual([
      'politiker.1281@example.se',
      'tjansteperson.1281@example.se',
    ]);
    const mails = await reminderMails(ctx);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['politiker.1281@example.se', 'tjansteperson.1281@example.se']);
    expect(mails[0]?.subject).toMatch(/Lund/);
    expect(mails[0]?.text).toMatch(/\/login#token=/);
    expect(mails[0]?.text).toMatch(/\/api\/unsubscribe\?token=/);
  });

  it("counts in progress's remindersSent, shows in the reminder log and is audited with who, target and after", async () => {
    // Arrange
    const { ctx, admin } = await setup();
    // Act
    await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert
    const progress = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/progress');
    const lund = progress.body.find((row: { organisationId: string }) => row.organisationId === LUND_ID);
    // One click to two contacts is one reminder occasion, not "reminded twice".
    expect(lund.remindersSent).toBe(1);
    const log = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/reminders');
    expect(log.body.entries.filter((e: { stepId: string }) => e.stepId !== 'invitation')).toEqual([
      expect.objectContaining({ contactId: 'politiker-1281', stepId: 'manual-2026-03-18', state: 'sent', attempts: 1 }),
      expect.objectContaining({ contactId: 'tjansteperson-1281', stepId: 'manual-2026-03-18', state: 'sent' }),
    ]);
    const [entry] = await auditEntries(ctx, { organisationId: LUND_ID });
    expect(entry).toMatchObject({
      actor: ADMIN_EMAIL,
      at: sthlm('2026-03-18 21:30').toISOString(),
      action: 'reminder.send',
      target: 'response:2026:1281',
      organisationId: LUND_ID,
      year: 2026,
      after: {
        stepId: 'manual-2026-03-18',
        variant: 'no-response',
        sentTo: ['politiker-1281', 'tjansteperson-1281'],
        failed: [],
      },
    });
  });

  it('says that an organisation that has not started can start from the answers it submitted the year before', async () => {
    // Arrange: Lund submitted 2025; Malmö submitted 2025 too but has a draft this year
    const { ctx, admin } = await setup();
    await submitResponse(ctx, LUND_ID, sthlm('2025-03-20 10:00'), 2025);
    await submitResponse(ctx, MALMO_ID, sthlm('2025-03-20 10:00'), 2025);
    // Act
    expect((await call(ctx, admin, 'POST', remind(LUND_ID))).status).toBe(200);
    expect((await call(ctx, admin, 'POST', remind(MALMO_ID))).status).toBe(200);
    // Assert
    const mails = await reminderMails(ctx);
    const lund = mails.filter((m) => m.to[0]?.endsWith('.1281@example.se'));
    const malmo = mails.filter((m) => m.to[0]?.endsWith('.1280@example.se'));
    expect(lund).toHaveLength(2);
    for (const mail of lund)
      expect(mail.text).toContain('Lund skickade in sina svar 2025. I enkäten kan ni utgå från dem');
    expect(malmo.length).toBeGreaterThan(0);
    for (const mail of malmo) expect(mail.text).not.toContain('utgå från');
  });

  it('says nothing of answers older than the year before, as the scheduled reminders do not', async () => {
    const { ctx, admin } = await setup();
    await submitResponse(ctx, LUND_ID, sthlm('2024-03-20 10:00'), 2024);
    expect((await call(ctx, admin, 'POST', remind(LUND_ID))).status).toBe(200);
    const mails = await reminderMails(ctx);
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(mail.text).not.toContain('utgå från');
  });

  it('writes the draft reminder and leaves out a contact who unsubscribed', async () => {
    const { ctx, admin } = await setup();
    const res = await call(ctx, admin, 'POST', remind(MALMO_ID));
    expect(res.status).toBe(200);
    expect(res.body.variant).toBe('draft');
    expect(res.body.sent.map((s: { contact: { id: string } }) => s.contact.id)).toEqual(['tjansteperson-1280']);
    expect(res.body.skipped).toEqual([
      { contact: expect.objectContaining({ id: 'politiker-1280' }), reason: 'unsubscribed' },
    ]);
    expect((await reminderMails(ctx)).flatMap((m) => m.to)).toEqual(['tjansteperson.1280@example.se']);
  });

  it('sends nothing twice on a double click: the second call the same day answers 409 already_reminded', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    await call(ctx, admin, 'POST', remind(LUND_ID));
    ctx.clock.advance(60_000);
    // Act
    const again = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_reminded');
    expect(again.body.error.message).toMatch(/redan påmints i dag/);
    expect(await reminderMails(ctx)).toHaveLength(2);
    expect((await auditEntries(ctx, { organisationId: LUND_ID })).map((e) => e.action)).toEqual(['reminder.send']);
  });

  it('sends each contact one email when two clicks arrive at the same moment', async () => {
    const { ctx, admin } = await setup();
    const answers = await Promise.all([
      call(ctx, admin, 'POST', remind(LUND_ID)),
      call(ctx, admin, 'POST', remind(LUND_ID)),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([200]));
    const sent = answers.flatMap((a) => (a.status === 200 ? a.body.sent : []));
    expect(sent.map((s: { contact: { id: string } }) => s.contact.id).sort()).toEqual([
      'politiker-1281',
      'tjansteperson-1281',
    ]);
    expect((await reminderMails(ctx)).flatMap((m) => m.to).sort()).toEqual([
      'politiker.1281@example.se',
      'tjansteperson.1281@example.se',
    ]);
  });

  it('reminds again on the next Stockholm day, as a step of its own', async () => {
    // Arrange: 23:50 Stockholm is already 22:50 UTC; the next reminder 20 minutes later is a new day.
    const { ctx, admin } = await setup({ now: sthlm('2026-03-18 23:50') });
    await call(ctx, admin, 'POST', remind(LUND_ID));
    ctx.clock.advance(20 * 60_000);
    // Act
    const next = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert
    expect(next.status).toBe(200);
    expect(next.body.stepId).toBe('manual-2026-03-19');
    expect(await reminderMails(ctx)).toHaveLength(4);
    const progress = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/progress');
    expect(progress.body.find((r: { organisationId: string }) => r.organisationId === LUND_ID).remindersSent).toBe(2);
  });

  it("holds back the same day's scheduled reminder for those contacts (min_days_between)", async () => {
    // Arrange: the 14-day step is due on 18 March from 08:00.
    const { ctx, admin } = await setup({ now: sthlm('2026-03-18 07:30') });
    await call(ctx, admin, 'POST', remind(LUND_ID));
    ctx.clock.set(sthlm('2026-03-18 09:00'));
    // Act
    const run = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/reminders/run', { dryRun: true });
    // Assert
    const lund = run.body.skipped.filter(
      (s: { contact: { organisationId: string } }) => s.contact.organisationId === LUND_ID,
    );
    expect(lund.map((s: { reason: string }) => s.reason)).toEqual(['min_days_between', 'min_days_between']);
  });

  it('records a failed send and lets the next click the same day retry it', async () => {
    // Arrange: the mail provider refuses the first message (fault injection), then works.
    let refused = 0;
    const { ctx, admin } = await setup({
      mail: (store, clock) => {
        const outbox = new OutboxMail(store, clock);
        return {
          send: async (message) => {
            if (message.kind === 'reminder' && refused === 0) {
              refused += 1;
              throw new MailRejectedError('Message rejected by <politiker.1281@example.se> (injected)');
            }
            return outbox.send(message);
          },
        };
      },
    });
    // Act
    const first = await call(ctx, admin, 'POST', remind(LUND_ID));
    const second = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert
    expect(first.status).toBe(200);
    expect(first.body.failed).toEqual([
      {
        contact: expect.objectContaining({ id: 'politiker-1281' }),
        kind: 'reminder',
        error: expect.stringMatching(/^mail_rejected/),
      },
    ]);
    expect(first.body.failed[0].error).not.toContain('politiker.1281@example.se');
    expect(first.body.sent.map((s: { contact: { id: string } }) => s.contact.id)).toEqual(['tjansteperson-1281']);
    expect(second.status).toBe(200);
    expect(second.body.sent.map((s: { contact: { id: string } }) => s.contact.id)).toEqual(['politiker-1281']);
    expect(second.body.skipped).toEqual([
      { contact: expect.objectContaining({ id: 'tjansteperson-1281' }), reason: 'already_sent' },
    ]);
    const log = await new ReminderLogRepository(ctx.store).listByCampaign(2026);
    const manual = log.filter((e) => e.stepId === 'manual-2026-03-18');
    expect(manual.map((e) => [e.contactId, e.state, e.attempts, e.error])).toEqual([
      ['politiker-1281', 'sent', 2, undefined],
      ['tjansteperson-1281', 'sent', 1, undefined],
    ]);
  });

  it('reports a contact whose claim the store refused as failed, sends them nothing, and retries on the next click', async () => {
    // Arrange: DynamoDB throttles the first contact's claim (fault injection below the adapter).
    const { ctx, admin } = await setup();
    const fault = injectDynamoFault(ctx.clients, { nth: 1, commands: /^Update(Item)?Command$/ });
    // Act
    const first = await call(ctx, admin, 'POST', remind(LUND_ID));
    fault.remove();
    const second = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert
    expect(fault.fired).toBe(true);
    expect(first.status).toBe(200);
    expect(first.body.failed).toEqual([
      {
        contact: expect.objectContaining({ id: 'politiker-1281' }),
        kind: 'reminder',
        error: expect.stringMatching(/^store_unavailable/),
      },
    ]);
    expect(first.body.sent.map((s: { contact: { id: string } }) => s.contact.id)).toEqual(['tjansteperson-1281']);
    expect(second.body.sent.map((s: { contact: { id: string } }) => s.contact.id)).toEqual(['politiker-1281']);
    expect((await reminderMails(ctx)).flatMap((m) => m.to).sort()).toEqual([
      'politiker.1281@example.se',
      'tjansteperson.1281@example.se',
    ]);
  });

  it('answers 200 when the audit entry is written on the second try after the mail went out', async () => {
    // Arrange: the first audit write fails, as a throttled DynamoDB would make it (after the adapter).
    const audit = failingAuditWrites();
    const { ctx, admin } = await setup({ wrapStore: audit.wrap });
    audit.failNext(1);
    // Act
    const res = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert
    expect(audit.failed()).toBe(1);
    expect(res.status).toBe(200);
    expect(res.body.sent).toHaveLength(2);
    expect((await auditEntries(ctx, { organisationId: LUND_ID })).map((e) => e.action)).toEqual(['reminder.send']);
  });

  it('answers 200 and logs the whole audit entry when it cannot be written, since the mail went out', async () => {
    // Arrange: both tries of the audit write fail.
    const logged: Array<Record<string, unknown>> = [];
    const audit = failingAuditWrites();
    const { ctx, admin } = await setup({ log: (entry) => logged.push(entry), wrapStore: audit.wrap });
    audit.failNext(2);
    // Act
    const res = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert: the mails are out and said so; the entry is in the log, not in the table.
    expect(audit.failed()).toBe(2);
    expect(res.status).toBe(200);
    expect(res.body.sent.map((s: { contact: { id: string } }) => s.contact.id).sort()).toEqual([
      'politiker-1281',
      'tjansteperson-1281',
    ]);
    expect(await reminderMails(ctx)).toHaveLength(2);
    expect(await auditEntries(ctx, { organisationId: LUND_ID })).toEqual([]);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'audit entry not written',
        entry: expect.objectContaining({ action: 'reminder.send', actor: ADMIN_EMAIL, organisationId: LUND_ID }),
      }),
    );
  });

  it.each([
    ['an organisation that has submitted', LUND_ID, 422, 'organisation_submitted'],
    ['an excused organisation', SKANE_ID, 422, 'organisation_excused'],
    ['an organisation none of whose contacts can be reached', GOTEBORG.id, 422, 'no_reachable_contacts'],
    ['an unknown organisation', '0180', 404, 'not_found'],
  ])('refuses %s and sends nothing', async (_case, code, status, errorCode) => {
    // Arrange
    const { ctx, admin } = await setup();
    await submitResponse(ctx, LUND_ID, sthlm('2026-03-17 10:00'));
    const commands = countCommands(ctx.clients);
    // Act
    const res = await call(ctx, admin, 'POST', remind(code));
    // Assert
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(errorCode);
    expect(commands.writes()).toBe(0);
    expect(await reminderMails(ctx)).toEqual([]);
  });

  it('answers in English when asked', async () => {
    const { ctx, admin } = await setup();
    const res = await ctx.app.request(remind(SKANE_ID), {
      method: 'POST',
      headers: { cookie: admin, 'accept-language': 'en' },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/excused/);
  });

  it('refuses when the campaign no longer takes answers, unless the organisation has an extension', async () => {
    // Arrange: the campaign closed on 17 March; Malmö was given until 25 March.
    const { ctx, admin } = await setup({ closed: true });
    await new ResponseRepository(ctx.store).adminUpdate(2026, MALMO_ID, 'kommun', {
      closesAtOverride: sthlm('2026-03-25 17:00').toISOString(),
    });
    // Act
    const closed = await call(ctx, admin, 'POST', remind(LUND_ID));
    const extended = await call(ctx, admin, 'POST', remind(MALMO_ID));
    // Assert
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('campaign_not_open');
    expect(extended.status).toBe(200);
    expect(extended.body.sent).toHaveLength(1);
  });

  it('answers 404 for an unknown campaign and 400 for a malformed code', async () => {
    const { ctx, admin } = await setup();
    expect((await call(ctx, admin, 'POST', remind(LUND_ID, 2031))).status).toBe(404);
    const bad = await call(ctx, admin, 'POST', remind('12a'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    const { ctx } = await setup();
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await call(ctx, member, 'POST', remind(LUND_ID))).status).toBe(403);
    expect((await call(ctx, undefined, 'POST', remind(LUND_ID))).status).toBe(401);
    expect(await reminderMails(ctx)).toEqual([]);
  });

  it('costs two reads of the organisation (its bundle, its entries of the log), whatever the register, and a fixed number of writes per contact', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    const commands = countCommands(ctx.clients);
    // Act
    const res = await call(ctx, admin, 'POST', remind(LUND_ID));
    // Assert: session + campaign + the organisation bundle + its entries of the log (who had the
    // invitation, who was emailed today); claim, token, mail (outbox), sent per contact; audit.
    expect(res.status).toBe(200);
    expect(commands.reads()).toBeLessThanOrEqual(4);
    expect(commands.calls.filter((c) => c === 'QueryCommand')).toHaveLength(2);
    expect(commands.writes()).toBe(2 * 4 + 1);
    expect(commands.calls).not.toContain('ScanCommand');
  });
});
