import { beforeEach, describe, expect, it } from 'vitest';
import { ReminderLogRepository } from '../../functions/features/reminders/reminder-log.repository';
import { OutboxMail, readOutbox } from '../../functions/mail/outbox-mail';
import { type Mail, MailThrottledError } from '../../functions/ports/mail';
import type { TableStore } from '../../functions/ports/table-store';
import { formatStockholm } from '../../shared/reminders/index';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import {
  dailyAt,
  LUND_ID,
  MALMO_ID,
  markInvited,
  recordingMail,
  reminderCampaign,
  reminderHarness,
  seedReminderMembers,
  sentLines,
  sthlm,
  submitResponse,
} from '../helpers/reminder-setup';
import { seedOrganisations } from '../helpers/seed-fixtures';
import { countCommands, jsonRequest, makeTestContext, type TestContext, tokenFromText } from '../helpers/test-app';

const campaign = reminderCampaign();

async function runAt(ctx: TestContext, harness: ReturnType<typeof reminderHarness>, at: Date, dryRun = false) {
  ctx.clock.set(at);
  return harness.service.runReminders({ campaign, at, dryRun });
}

describe('a whole campaign in time travel through the real store', () => {
  let ctx: TestContext;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-01T08:00:00Z' });
    await seedReminderMembers(ctx);
  });

  it('sends exactly these emails, day by day at 09:00 from opening to closing', async () => {
    // Arrange
    const harness = reminderHarness(ctx);
    // Act
    for (const at of dailyAt('2026-03-02', '2026-04-01', 9)) await runAt(ctx, harness, at);
    // Assert
    expect(await sentLines(harness.service)).toEqual([
      // Malmö's politician has unsubscribed, but invitations still go out; Skåne is excused and
      // Göteborg's contacts complained or bounced, so they get nothing.
      '2026-03-02 09:00 invitation invitation → politiker-1280',
      '2026-03-02 09:00 invitation invitation → politiker-1281',
      '2026-03-02 09:00 invitation invitation → tjansteperson-1280',
      '2026-03-02 09:00 invitation invitation → tjansteperson-1281',
      '2026-03-18 09:00 d14 no-response → politiker-1281',
      '2026-03-18 09:00 d14 draft → tjansteperson-1280',
      '2026-03-18 09:00 d14 no-response → tjansteperson-1281',
      '2026-03-25 09:00 d7 no-response → politiker-1281',
      '2026-03-25 09:00 d7 draft → tjansteperson-1280',
      '2026-03-25 09:00 d7 no-response → tjansteperson-1281',
      // Monday 30 March, the day after the change to summer time.
      '2026-03-30 09:00 d2 no-response → politiker-1281',
      '2026-03-30 09:00 d2 draft → tjansteperson-1280',
      '2026-03-30 09:00 d2 no-response → tjansteperson-1281',
      // Two days after d2, under the 3 days between, but the final call is exempt.
      '2026-04-01 09:00 last-day last-day → politiker-1281',
      '2026-04-01 09:00 last-day last-day → tjansteperson-1280',
      '2026-04-01 09:00 last-day last-day → tjansteperson-1281',
    ]);
    const outbox = await readOutbox(ctx.store);
    expect(outbox).toHaveLength(16);
    expect(outbox.filter((m) => m.kind === 'invitation')).toHaveLength(4);
    expect(outbox.filter((m) => m.kind === 'reminder')).toHaveLength(12);
  });

  it('sends nothing more to an organisation once it submits mid-way', async () => {
    // Arrange: runs twice a day; Lund submits on Friday 20 March at 11:00, after the 14-day step
    const harness = reminderHarness(ctx);
    const runs = [...dailyAt('2026-03-02', '2026-04-01', 8, 30), ...dailyAt('2026-03-02', '2026-04-01', 14)].sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    const submittedAt = sthlm('2026-03-20 11:00');
    // Act
    let submitted = false;
    for (const at of runs) {
      if (!submitted && at >= submittedAt) {
        await submitResponse(ctx, LUND_ID, submittedAt);
        submitted = true;
      }
      await runAt(ctx, harness, at);
    }
    // Assert
    const lines = await sentLines(harness.service);
    // 08:30 on the opening day is before the campaign opens at 09:00, so the invitations go at 14:00.
    expect(lines.filter((line) => line.endsWith('-1281'))).toEqual([
      '2026-03-02 14:00 invitation invitation → politiker-1281',
      '2026-03-02 14:00 invitation invitation → tjansteperson-1281',
      '2026-03-18 08:30 d14 no-response → politiker-1281',
      '2026-03-18 08:30 d14 no-response → tjansteperson-1281',
    ]);
    expect(lines.filter((line) => line.endsWith('-1280'))).toEqual([
      '2026-03-02 14:00 invitation invitation → politiker-1280',
      '2026-03-02 14:00 invitation invitation → tjansteperson-1280',
      '2026-03-18 08:30 d14 draft → tjansteperson-1280',
      '2026-03-25 08:30 d7 draft → tjansteperson-1280',
      '2026-03-30 08:30 d2 draft → tjansteperson-1280',
      '2026-04-01 08:30 last-day last-day → tjansteperson-1280',
    ]);
    const lundAfter = (await readOutbox(ctx.store)).filter(
      (m) => m.to[0]?.endsWith('.1281@example.se') && new Date(m.sentAt) >= submittedAt,
    );
    expect(lundAfter).toEqual([]);
  });

  it('writes the email in Swedish with the organisation, deadline, draft state, sign-in link and unsubscribe headers', async () => {
    // Arrange
    const mail = recordingMail(new OutboxMail(ctx.store, ctx.clock));
    const harness = reminderHarness(ctx, { mail });
    await markInvited(ctx);
    // Act
    await runAt(ctx, harness, sthlm('2026-03-18 09:00'));
    // Assert
    const draft = mail.messages.find((m) => m.to[0] === 'tjansteperson.1280@example.se');
    expect(draft).toMatchObject({ kind: 'reminder' });
    expect(draft?.subject).toBe('Påminnelse: Medlemstest 2026 – utkastet för Malmö är inte inskickat');
    expect(draft?.text).toContain('Ert utkast är påbörjat, 12 av 40 obligatoriska frågor besvarade.');
    expect(draft?.text).toContain('1 april 2026');
    expect(draft?.html).toContain('<html lang="sv">');
    expect(draft?.text).toContain(
      'In English: a reminder that the draft of Medlemstest 2026 for Malmö has not been submitted.',
    );
    expect(draft?.html).toContain('<p lang="en">In English: ');
    expect(draft?.text).toMatch(/http:\/\/localhost:3000\/login#token=[^\s&]+&next=%2Fenkat/);
    const unsubscribe = /http:\/\/localhost:3000\/api\/unsubscribe\?token=\S+/.exec(draft?.text ?? '')?.[0];
    expect(draft?.headers).toEqual({
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(harness.logs.map((entry) => JSON.stringify(entry)).join('\n')).not.toMatch(/@/);
  });

  it('tells an organisation that has not started, and submitted the year before, that it can start from those answers', async () => {
    // Arrange: Lund submitted 2025; Malmö has a draft this year and submitted 2025 too
    await submitResponse(ctx, LUND_ID, sthlm('2025-03-20 10:00'), 2025);
    await submitResponse(ctx, MALMO_ID, sthlm('2025-03-20 10:00'), 2025);
    const mail = recordingMail(new OutboxMail(ctx.store, ctx.clock));
    const harness = reminderHarness(ctx, { mail });
    const line = 'Lund skickade in sina svar 2025. I enkäten kan ni utgå från dem';
    // Act
    await runAt(ctx, harness, sthlm('2026-03-02 09:00'));
    await runAt(ctx, harness, sthlm('2026-03-18 09:00'));
    // Assert
    const to = (address: string) => mail.messages.filter((m) => m.to[0] === address);
    const lund = to('tjansteperson.1281@example.se');
    expect(lund.map((m) => m.kind)).toEqual(['invitation', 'reminder']);
    for (const message of lund) expect(message.text).toContain(line);
    // Malmö has a draft this year (12 of 40 answered): neither its invitation nor its reminder says it.
    const malmo = to('tjansteperson.1280@example.se');
    expect(malmo.map((m) => m.text.includes('I enkäten kan ni utgå från dem'))).toEqual([false, false]);
  });

  it('carries a single-use 7-day sign-in link to the survey that, once used or expired, offers a new one', async () => {
    // Arrange
    const harness = reminderHarness(ctx);
    await runAt(ctx, harness, sthlm('2026-03-18 09:00'));
    const outbox = await readOutbox(ctx.store);
    const tokenOf = (to: string) => tokenFromText(outbox.find((m) => m.to[0] === to)?.text ?? '');
    const first = tokenOf('politiker.1281@example.se');
    const second = tokenOf('tjansteperson.1281@example.se');
    // Act
    const signIn = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token: first }));
    const again = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token: first }));
    ctx.clock.set(new Date(sthlm('2026-03-18 09:00').getTime() + 7 * 24 * 3600 * 1000 + 1000));
    const late = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token: second }));
    // Assert
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ next: '/enkat', user: { organisationId: LUND_ID } });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({
      error: { code: 'token_used', details: { email: 'politiker.1281@example.se' } },
    });
    expect(await late.json()).toMatchObject({
      error: { code: 'token_expired', details: { email: 'tjansteperson.1281@example.se' } },
    });
  });
});

describe('exactly once', () => {
  let ctx: TestContext;
  const invitationAt = sthlm('2026-03-02 09:00');

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-02T08:00:00Z' });
    await seedReminderMembers(ctx);
  });

  it('sends 0 the second time the same hour runs', async () => {
    // Arrange
    const harness = reminderHarness(ctx);
    const first = await runAt(ctx, harness, invitationAt);
    // Act
    const second = await runAt(ctx, harness, sthlm('2026-03-02 09:40'));
    // Assert
    expect(first.sent).toHaveLength(4);
    expect(second.sent).toEqual([]);
    expect(second.due).toEqual([]);
    expect(second.skipped.filter((s) => s.reason === 'already_sent')).toHaveLength(4);
    expect(await readOutbox(ctx.store)).toHaveLength(4);
  });

  it('sends each email once when two runs overlap', async () => {
    // Arrange: two instances of the job, as two overlapping Lambda invocations
    const one = reminderHarness(ctx);
    const two = reminderHarness(ctx);
    ctx.clock.set(invitationAt);
    // Act
    const [a, b] = await Promise.all([
      one.service.runReminders({ campaign, at: invitationAt, dryRun: false }),
      two.service.runReminders({ campaign, at: invitationAt, dryRun: false }),
    ]);
    // Assert
    const sent = [...a.sent, ...b.sent].map((s) => `${s.contact.id}/${s.stepId}`).sort();
    expect(sent).toEqual([
      'politiker-1280/invitation',
      'politiker-1281/invitation',
      'tjansteperson-1280/invitation',
      'tjansteperson-1281/invitation',
    ]);
    const outbox = (await readOutbox(ctx.store)).map((m) => m.to[0]).sort();
    expect(outbox).toEqual([
      'politiker.1280@example.se',
      'politiker.1281@example.se',
      'tjansteperson.1280@example.se',
      'tjansteperson.1281@example.se',
    ]);
  });

  it('recovers a run that crashed between claim and send, after the 15-minute lease and not before', async () => {
    // Arrange: the run dies right after claiming Lund's politician: no token, no email, no outcome
    // is ever written for it, so its log entry stays "claimed"
    const victim = 'politiker-1281';
    let claimed = false;
    const crashing: TableStore = {
      ...ctx.store,
      get: (...args) => ctx.store.get(...args),
      batchGet: (...args) => ctx.store.batchGet(...args),
      query: (...args) => ctx.store.query(...args),
      queryAll: (...args) => ctx.store.queryAll(...args),
      batchWrite: (...args) => ctx.store.batchWrite(...args),
      delete: (...args) => ctx.store.delete(...args),
      put: async (item, condition) => {
        if (claimed && item.contactId === victim) throw new Error('process died');
        await ctx.store.put(item, condition);
        if (item.entity === 'ReminderLog' && item.contactId === victim) claimed = true;
      },
      update: async (key, spec, condition) => {
        if (claimed && key.sk.includes(victim)) throw new Error('process died');
        return ctx.store.update(key, spec, condition);
      },
    };
    const crashed = await runAt(ctx, reminderHarness(ctx, { store: crashing }), invitationAt);
    const stranded = (await new ReminderLogRepository(ctx.store).listByCampaign(2026)).filter(
      (e) => e.state === 'claimed',
    );
    const restarted = reminderHarness(ctx);
    // Act
    const withinLease = await runAt(ctx, restarted, new Date(invitationAt.getTime() + 14 * 60_000));
    const afterLease = await runAt(ctx, restarted, new Date(invitationAt.getTime() + 15 * 60_000));
    // Assert
    expect(crashed.sent.map((s) => s.contact.id).sort()).toEqual([
      'politiker-1280',
      'tjansteperson-1280',
      'tjansteperson-1281',
    ]);
    expect(stranded.map((e) => `${e.contactId}/${e.stepId}/${e.attempts}`)).toEqual([`${victim}/invitation/1`]);
    expect(withinLease.sent).toEqual([]);
    expect(withinLease.skipped).toContainEqual(
      expect.objectContaining({ contact: expect.objectContaining({ id: victim }), reason: 'in_progress' }),
    );
    expect(afterLease.sent.map((s) => `${s.contact.id}/${s.attempt}`)).toEqual([`${victim}/2`]);
    const outbox = (await readOutbox(ctx.store)).map((m) => m.to[0]);
    expect(outbox.filter((to) => to === 'politiker.1281@example.se')).toHaveLength(1);
    expect(outbox).toHaveLength(4);
  });

  it('records a failed send with its error and retries it on the next run', async () => {
    // Arrange: the provider fails once with an error that is not throttling
    let failures = 0;
    const outbox = new OutboxMail(ctx.store, ctx.clock);
    const flaky: Mail = {
      send: async (message) => {
        if (message.to[0] === 'tjansteperson.1281@example.se' && failures === 0) {
          failures += 1;
          throw new Error('connection reset by tjansteperson.1281@example.se');
        }
        return outbox.send(message);
      },
    };
    const harness = reminderHarness(ctx, { mail: flaky });
    const first = await runAt(ctx, harness, invitationAt);
    const logged = await harness.service.listLog(2026);
    // Act
    const next = await runAt(ctx, harness, sthlm('2026-03-02 10:00'));
    // Assert
    expect(first.failed.map((f) => [f.contact.id, f.error])).toEqual([
      ['tjansteperson-1281', 'Error: connection reset by <adress>'],
    ]);
    expect(logged.find((row) => row.contactId === 'tjansteperson-1281')).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'Error: connection reset by <adress>',
      email: 'tjansteperson.1281@example.se',
      organisationId: LUND_ID,
    });
    expect(next.sent.map((s) => `${s.contact.id}/${s.attempt}`)).toEqual(['tjansteperson-1281/2']);
    expect((await harness.service.listLog(2026)).find((r) => r.contactId === 'tjansteperson-1281')).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
    expect(JSON.stringify(harness.logs)).not.toMatch(/@/);
  });

  it('gives up on a step after maxSendAttempts failed sends', async () => {
    // Arrange
    const broken: Mail = {
      send: async () => {
        throw new Error('rejected');
      },
    };
    const limited = reminderCampaign({ reminderPolicy: { maxSendAttempts: 2 } });
    const harness = reminderHarness(ctx, { mail: broken });
    const run = (local: string) => {
      const at = sthlm(local);
      ctx.clock.set(at);
      return harness.service.runReminders({ campaign: limited, at, dryRun: false });
    };
    // Act
    await run('2026-03-02 09:00');
    await run('2026-03-02 10:00');
    const third = await run('2026-03-02 11:00');
    // Assert
    expect(third.due).toEqual([]);
    expect(new Set(third.skipped.filter((s) => s.contact.organisationId !== '12').map((s) => s.reason))).toContain(
      'attempts_exhausted',
    );
    expect((await harness.service.listLog(2026)).every((row) => row.state === 'failed' && row.attempts === 2)).toBe(
      true,
    );
  });
});

describe('throttling', () => {
  let ctx: TestContext;
  const at = sthlm('2026-03-02 09:00');

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-02T08:00:00Z' });
    await seedOrganisations(ctx, [{ id: LUND_ID, name: 'Lund', type: 'kommun' }]);
  });

  it('retries throttling errors from the mail adapter with exponential backoff, then sends', async () => {
    // Arrange: SES throttles three times
    let throttles = 0;
    const outbox = new OutboxMail(ctx.store, ctx.clock);
    const throttled: Mail = {
      send: async (message) => {
        if (throttles < 3) {
          throttles += 1;
          throw new MailThrottledError('TooManyRequestsException');
        }
        return outbox.send(message);
      },
    };
    const harness = reminderHarness(ctx, { mail: throttled });
    // Act
    const result = await runAt(ctx, harness, at);
    // Assert
    expect(result.sent).toHaveLength(2);
    expect(result.failed).toEqual([]);
    expect(harness.timers.sleeps.filter((ms) => ms >= 250)).toEqual([250, 500, 1000]);
    expect(await readOutbox(ctx.store)).toHaveLength(2);
  });

  it('records a send that stays throttled as failed, and sends it on the next run', async () => {
    // Arrange
    let throttling = true;
    const outbox = new OutboxMail(ctx.store, ctx.clock);
    const mail: Mail = {
      send: async (message) => {
        if (throttling) throw new MailThrottledError('TooManyRequestsException');
        return outbox.send(message);
      },
    };
    const harness = reminderHarness(ctx, { mail });
    const first = await runAt(ctx, harness, at);
    throttling = false;
    // Act
    const second = await runAt(ctx, harness, sthlm('2026-03-02 10:00'));
    // Assert
    expect(first.failed.map((f) => f.error)).toEqual([
      'mail_throttled: TooManyRequestsException',
      'mail_throttled: TooManyRequestsException',
    ]);
    expect(second.sent).toHaveLength(2);
  });

  it('paces sends at the policy rate: 10 a second by default', async () => {
    // Arrange: 20 contacts, all due at once
    await seedOrganisations(
      ctx,
      Array.from({ length: 9 }, (_, i): Organisation => ({ id: String(2000 + i), name: `K${i}`, type: 'kommun' })),
    );
    const harness = reminderHarness(ctx);
    // Act
    const result = await runAt(ctx, harness, at);
    // Assert: 20 slots 100 ms apart: the last starts 1.9 s after the first
    expect(result.sent).toHaveLength(20);
    expect(harness.timers.now()).toBeCloseTo(1900, 5);
  });
});

describe('the dry run', () => {
  it('answers who would be reminded on a given date and changes nothing', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: '2026-03-05T08:00:00Z' });
    await seedReminderMembers(ctx);
    const harness = reminderHarness(ctx);
    await runAt(ctx, harness, sthlm('2026-03-02 09:00'));
    const counter = countCommands(ctx.clients);
    const outboxBefore = await readOutbox(ctx.store);
    const logBefore = await harness.service.listLog(2026);
    counter.reset();
    // Act
    const result = await harness.service.runReminders({ campaign, at: sthlm('2026-03-25 10:00'), dryRun: true });
    // Assert
    expect(counter.writes()).toBe(0);
    expect(result.dryRun).toBe(true);
    expect(result.step?.id).toBe('d7');
    expect(result.due.map((d) => `${d.contact.email} ${d.stepId} ${d.variant}`)).toEqual([
      'tjansteperson.1280@example.se d7 draft',
      'politiker.1281@example.se d7 no-response',
      'tjansteperson.1281@example.se d7 no-response',
    ]);
    expect(result.sent).toEqual([]);
    expect(
      Object.fromEntries(result.skipped.map((s) => [s.contact.id, s.reason]).sort(([a], [b]) => a!.localeCompare(b!))),
    ).toEqual({
      'politiker-12': 'excused',
      'politiker-1280': 'unsubscribed',
      'politiker-1480': 'complained',
      'tjansteperson-12': 'excused',
      'tjansteperson-1480': 'bounced',
    });
    expect(await readOutbox(ctx.store)).toEqual(outboxBefore);
    expect(await harness.service.listLog(2026)).toEqual(logBefore);
  });
});

describe('DynamoDB requests of a run', () => {
  async function measure(organisations: number) {
    const ctx = await makeTestContext({ now: '2026-03-02T08:00:00Z' });
    await seedOrganisations(
      ctx,
      Array.from(
        { length: organisations },
        (_, i): Organisation => ({
          id: String(1000 + i),
          name: `Kommun ${i}`,
          type: 'kommun',
        }),
      ),
    );
    const harness = reminderHarness(ctx);
    const counter = countCommands(ctx.clients);
    ctx.clock.set(sthlm('2026-03-02 09:00'));
    counter.reset();
    const result = await harness.service.runReminders({ campaign, at: sthlm('2026-03-02 09:00'), dryRun: false });
    return { reads: counter.reads(), writes: counter.writes(), sent: result.sent.length, calls: [...counter.calls] };
  }

  it('reads the same few queries for 10 and 30 organisations and writes linearly in the emails sent', async () => {
    // Act
    const small = await measure(10);
    const large = await measure(30);
    // Assert: the register, the campaign's responses, its log and (for the invitations' line on
    // earlier answers) the year before's responses: one query each, whatever N is
    expect(small.sent).toBe(20);
    expect(large.sent).toBe(60);
    expect(small.reads).toBe(4);
    expect(large.reads - small.reads).toBeLessThanOrEqual(1);
    expect(large.calls.filter((c) => c === 'GetCommand')).toEqual([]);
    // Per email: the claim, the sign-in token, the outbox item and the "sent" record; plus one audit entry.
    expect(small.writes).toBe(4 * small.sent + 1);
    expect(large.writes).toBe(4 * large.sent + 1);
    expect(large.calls).not.toContain('ScanCommand');
  });
});

describe('the reminder log', () => {
  it('lists per contact, step, time, state and error, with the organisation and the address', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: '2026-03-02T08:00:00Z' });
    await seedReminderMembers(ctx);
    const harness = reminderHarness(ctx);
    await runAt(ctx, harness, sthlm('2026-03-02 09:00'));
    // Act
    const rows = await harness.service.listLog(2026);
    // Assert
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.contactId === 'tjansteperson-1280')).toEqual({
      organisationId: MALMO_ID,
      organisationName: 'Malmö',
      contactId: 'tjansteperson-1280',
      contactName: 'Tjänsteperson Malmö',
      email: 'tjansteperson.1280@example.se',
      emailState: 'ok',
      stepId: 'invitation',
      kind: 'invitation',
      variant: 'invitation',
      state: 'sent',
      at: sthlm('2026-03-02 09:00').toISOString(),
      sentAt: sthlm('2026-03-02 09:00').toISOString(),
      attempts: 1,
    });
    expect(formatStockholm(new Date(rows[0]!.at))).toBe('2026-03-02 09:00');
  });
});
