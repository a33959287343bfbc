import { beforeEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../functions/features/audit/audit-trail';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { RUN_NOW_BUDGET_MS } from '../../functions/features/reminders/reminder.routes';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '../../functions/features/reminders/unsubscribe-token';
import { createSesEventsHandler } from '../../functions/handlers/ses-events.handler';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { KANSLI_EMAIL } from '../../shared/domain/kansli-contact';
import { ReminderPolicySchema, type Timers } from '../../shared/reminders/index';
import {
  LUND_ID,
  MALMO_ID,
  markInvited,
  reminderCampaign,
  reminderHarness,
  seedReminderMembers,
  sthlm,
  virtualTimers,
} from '../helpers/reminder-setup';
import { remindersHandlerOn } from '../helpers/reminders-handler';
import { seedCampaign } from '../helpers/seed-fixtures';
import { countCommands, jsonRequest, makeTestContext, signIn, type TestContext, withCookie } from '../helpers/test-app';

const RUN = '/api/admin/campaigns/2026/reminders/run';
const LOG = '/api/admin/campaigns/2026/reminders';

async function setup(
  options: { deployed?: boolean; now?: Date; timers?: Timers; campaign?: Parameters<typeof reminderCampaign>[0] } = {},
) {
  const ctx = await makeTestContext({
    now: (options.now ?? sthlm('2026-03-18 09:00')).toISOString(),
    config: { deployed: options.deployed ?? false },
    timers: options.timers,
  });
  await seedReminderMembers(ctx);
  await seedCampaign(ctx, reminderCampaign(options.campaign));
  // The invitation went out at opening, so the runs below send the reminder step that is due.
  if (options.now === undefined || options.now > sthlm('2026-03-02 09:00')) await markInvited(ctx);
  const admin = await signIn(ctx, 'kansli@example.se');
  return { ctx, admin };
}

describe('POST /api/admin/campaigns/{year}/reminders/run', () => {
  it('answers a dry run for any date with who would be reminded, and changes nothing', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    const counter = countCommands(ctx.clients);
    // Act
    const res = await ctx.app.request(
      RUN,
      withCookie(admin, jsonRequest('POST', { dryRun: true, at: '2026-03-25T09:00:00+01:00' })),
    );
    // Assert
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      year: 2026,
      dryRun: true,
      step: { id: 'd7', kind: 'reminder' },
      sent: [],
      failed: [],
    });
    expect(body.due.map((d: { contact: { id: string } }) => d.contact.id)).toEqual([
      'tjansteperson-1280',
      'politiker-1281',
      'tjansteperson-1281',
    ]);
    expect(counter.writes()).toBe(0);
    expect((await readOutbox(ctx.store)).filter((m) => m.kind !== 'login-link')).toEqual([]);
  });

  it('runs for real now, records the run in the audit trail and shows it in the log', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    // Act
    const res = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', { dryRun: false })));
    const log = await ctx.app.request(LOG, { headers: { cookie: admin } });
    // Assert
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.step).toMatchObject({ id: 'd14' });
    expect(body.sent).toHaveLength(3);
    expect(log.status).toBe(200);
    const { entries } = await log.json();
    expect(
      entries
        .filter((e: Record<string, unknown>) => e.stepId !== 'invitation')
        .map((e: Record<string, unknown>) => `${e.organisationId} ${e.email} ${e.stepId} ${e.state}`)
        .sort(),
    ).toEqual([
      '1280 tjansteperson.1280@example.se d14 sent',
      '1281 politiker.1281@example.se d14 sent',
      '1281 tjansteperson.1281@example.se d14 sent',
    ]);
    const audit = await new AuditTrail(ctx.store, ctx.clock).list({ year: 2026 });
    expect(audit.find((entry) => entry.action === 'reminders.run')).toMatchObject({
      actor: 'kansli@example.se',
      target: 'campaign:2026',
      after: { step: 'd14', due: 3, sent: 3, failed: 0 },
    });
  });

  it("stops sending after its time budget, inside the HTTP API's 30 s, and leaves the rest to the next run", async () => {
    // Arrange: one send every 20 s (virtual time), so a budget of 20 s fits two of the three sends.
    const timers = virtualTimers();
    const { ctx, admin } = await setup({ timers, campaign: { reminderPolicy: { sendRatePerSecond: 0.05 } } });
    // Act
    const first = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', { dryRun: false })));
    const second = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', { dryRun: false })));
    // Assert
    expect(RUN_NOW_BUDGET_MS).toBeLessThan(29_000);
    const body = await first.json();
    expect(body.sent).toHaveLength(Math.floor(RUN_NOW_BUDGET_MS / 20_000) + 1);
    const deferred = body.skipped.filter((s: { reason: string }) => s.reason === 'deferred');
    expect(deferred).toHaveLength(1);
    const rest = await second.json();
    expect(rest.sent.map((s: { contact: { id: string } }) => s.contact.id)).toEqual([deferred[0].contact.id]);
  });

  it('time-travels a real run with `at` in the local stack', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    // Act
    const res = await ctx.app.request(
      RUN,
      withCookie(admin, jsonRequest('POST', { dryRun: false, at: '2026-04-01T08:00:00+02:00' })),
    );
    // Assert
    expect(res.status).toBe(200);
    expect((await res.json()).sent.map((s: { stepId: string }) => s.stepId)).toEqual([
      'last-day',
      'last-day',
      'last-day',
    ]);
  });

  it('deployed, accepts `at` only with a dry run (422 otherwise)', async () => {
    // Arrange
    const { ctx, admin } = await setup({ deployed: true });
    // Act
    const travel = await ctx.app.request(
      RUN,
      withCookie(admin, jsonRequest('POST', { dryRun: false, at: '2026-04-01T08:00:00+02:00' })),
    );
    const dry = await ctx.app.request(
      RUN,
      withCookie(admin, jsonRequest('POST', { dryRun: true, at: '2026-04-01T08:00:00+02:00' })),
    );
    const now = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', { dryRun: false })));
    // Assert
    expect(travel.status).toBe(422);
    expect(await travel.json()).toMatchObject({ error: { code: 'time_travel_not_allowed' } });
    expect(dry.status).toBe(200);
    expect(now.status).toBe(200);
    expect((await now.json()).sent).toHaveLength(3);
  });

  it('is for the kansli only, and answers 404 for a campaign that does not exist', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    const member = await signIn(ctx, 'politiker.1281@example.se');
    // Act
    const anonymous = await ctx.app.request(RUN, jsonRequest('POST', { dryRun: true }));
    const asMember = await ctx.app.request(RUN, withCookie(member, jsonRequest('POST', { dryRun: true })));
    const logAsMember = await ctx.app.request(LOG, { headers: { cookie: member } });
    const missing = await ctx.app.request(
      '/api/admin/campaigns/2031/reminders/run',
      withCookie(admin, jsonRequest('POST', { dryRun: true })),
    );
    const badAt = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', { dryRun: true, at: 'tomorrow' })));
    // Assert
    expect(anonymous.status).toBe(401);
    expect(asMember.status).toBe(403);
    expect(logAsMember.status).toBe(403);
    expect(missing.status).toBe(404);
    expect(badAt.status).toBe(400);
  });
});

describe('the reminder policy on campaign create and PATCH', () => {
  let ctx: TestContext;
  let admin: string;
  // 30 days: opens Monday 2 March 2026, closes Wednesday 1 April 17:00.
  const base = {
    year: 2027,
    title: 'Medlemstest 2027',
    opensAt: '2027-03-01T08:00:00Z',
    closesAt: '2027-03-31T15:00:00Z',
  };

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2027-01-10T09:00:00Z' });
    admin = await signIn(ctx, 'kansli@example.se');
  });

  const create = (reminderPolicy?: Record<string, unknown>) =>
    ctx.app.request('/api/admin/campaigns', withCookie(admin, jsonRequest('POST', { ...base, reminderPolicy })));

  it('stores the full default policy on a new campaign', async () => {
    // Act
    const res = await create();
    // Assert
    expect(res.status).toBe(201);
    expect((await res.json()).reminderPolicy).toEqual(ReminderPolicySchema.parse({}));
  });

  it.each([
    ['negative days', { steps: [14, -2] }, ['reminderPolicy', 'steps', 1], 'negative_days'],
    [
      'an empty send window',
      { sendWindow: { weekdays: [] } },
      ['reminderPolicy', 'sendWindow', 'weekdays'],
      'empty_window',
    ],
    [
      'a window that ends before it starts',
      { sendWindow: { start: '17:00', end: '08:00' } },
      ['reminderPolicy', 'sendWindow', 'end'],
      'empty_window',
    ],
    // Wednesday 31 March 2027 closes at 17:00 Stockholm; a window from 18:00 pushes the last day past it.
    [
      'a step after closesAt',
      { sendWindow: { start: '18:00', end: '20:00' }, steps: [7] },
      ['reminderPolicy', 'lastDay'],
      'step_after_close',
    ],
    ['a step before opening', { steps: [40] }, ['reminderPolicy', 'steps', 0], 'step_before_open'],
    ['an unknown field', { stepz: [1] }, ['reminderPolicy'], 'invalid_value'],
  ])('rejects %s with a 400 that names the path', async (_name, reminderPolicy, path, code) => {
    // Act
    const res = await create(reminderPolicy);
    // Assert
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.details).toContainEqual(expect.objectContaining({ path, code, message: expect.any(String) }));
  });

  it('validates a PATCHed policy against the campaign dates, and stores it with defaults filled in', async () => {
    // Arrange
    await create();
    // Act
    const bad = await ctx.app.request(
      '/api/admin/campaigns/2027',
      withCookie(admin, jsonRequest('PATCH', { reminderPolicy: { steps: [45, 7] } })),
    );
    const good = await ctx.app.request(
      '/api/admin/campaigns/2027',
      withCookie(admin, jsonRequest('PATCH', { reminderPolicy: { steps: [10, 3], minDaysBetween: 2 } })),
    );
    // Assert
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual([
      expect.objectContaining({ path: ['reminderPolicy', 'steps', 0], code: 'step_before_open' }),
    ]);
    expect(good.status).toBe(200);
    expect((await good.json()).reminderPolicy).toEqual(
      ReminderPolicySchema.parse({ steps: [10, 3], minDaysBetween: 2 }),
    );
  });
});

describe('unsubscribe', () => {
  let ctx: TestContext;

  /** The unsubscribe link of the newest email to `to`. */
  async function unsubscribeLink(to: string): Promise<string> {
    const message = (await readOutbox(ctx.store)).filter((m) => m.to[0] === to).at(-1);
    const link = /http:\/\/localhost:3000(\/api\/unsubscribe\?token=\S+)/.exec(message?.text ?? '')?.[1];
    if (!link) throw new Error(`no unsubscribe link to ${to}`);
    return link;
  }

  beforeEach(async () => {
    ({ ctx } = await setup({ now: sthlm('2026-03-02 09:00') }));
    await reminderHarness(ctx).service.runReminders({
      campaign: reminderCampaign(),
      at: sthlm('2026-03-02 09:00'),
      dryRun: false,
    });
  });

  it('shows a confirm page on GET and changes nothing', async () => {
    // Arrange
    const link = await unsubscribeLink('tjansteperson.1281@example.se');
    // Act
    const page = await ctx.app.request(link);
    const json = await ctx.app.request(link, { headers: { accept: 'application/json' } });
    // Assert
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Lund');
    expect(html).toContain('<form method="post" action="/api/unsubscribe">');
    expect(await json.json()).toEqual({ organisationName: 'Lund', emailState: 'ok', changed: false });
    expect((await new ContactRepository(ctx.store).get(LUND_ID, 'tjansteperson-1281'))?.emailState).toBe('ok');
  });

  it('stops reminders after POST {token}, while the contact stays in the register', async () => {
    // Arrange
    const link = await unsubscribeLink('tjansteperson.1281@example.se');
    const token = decodeURIComponent(new URL(link, 'http://x').searchParams.get('token') ?? '');
    // Act
    const res = await ctx.app.request('/api/unsubscribe', jsonRequest('POST', { token }));
    const again = await ctx.app.request('/api/unsubscribe', jsonRequest('POST', { token }));
    const plan = await reminderHarness(ctx).service.runReminders({
      campaign: reminderCampaign(),
      at: sthlm('2026-03-18 09:00'),
      dryRun: false,
    });
    // Assert
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ organisationName: 'Lund', emailState: 'unsubscribed', changed: true });
    expect(await again.json()).toMatchObject({ emailState: 'unsubscribed', changed: false });
    expect(plan.sent.map((s) => s.contact.id)).not.toContain('tjansteperson-1281');
    expect(plan.sent.map((s) => s.contact.id)).toContain('politiker-1281');
    expect(plan.skipped).toContainEqual(
      expect.objectContaining({
        contact: expect.objectContaining({ id: 'tjansteperson-1281' }),
        reason: 'unsubscribed',
      }),
    );
  });

  it("takes a mail client's RFC 8058 one-click POST and the page's form", async () => {
    // Arrange
    const oneClick = await unsubscribeLink('politiker.1281@example.se');
    const formLink = await unsubscribeLink('tjansteperson.1280@example.se');
    const formToken = decodeURIComponent(new URL(formLink, 'http://x').searchParams.get('token') ?? '');
    const form = (body: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    // Act
    const client = await ctx.app.request(oneClick, form('List-Unsubscribe=One-Click'));
    const page = await ctx.app.request('/api/unsubscribe', form(`token=${encodeURIComponent(formToken)}`));
    // Assert
    expect(client.status).toBe(200);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Påminnelserna är avslutade');
    const contacts = new ContactRepository(ctx.store);
    expect((await contacts.get(LUND_ID, 'politiker-1281'))?.emailState).toBe('unsubscribed');
    expect((await contacts.get(MALMO_ID, 'tjansteperson-1280'))?.emailState).toBe('unsubscribed');
  });

  it('shows the confirm page in English when the browser asks for it, and in Swedish with an English line otherwise', async () => {
    // Arrange
    const link = await unsubscribeLink('tjansteperson.1281@example.se');
    // Act
    const englishRes = await ctx.app.request(link, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const english = await englishRes.text();
    const swedish = await (
      await ctx.app.request(link, { headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' } })
    ).text();
    // Assert
    expect(englishRes.headers.get('vary')).toContain('Accept-Language');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>Stop reminders</h1>');
    expect(english).toContain('<button type="submit" class="button">Stop reminders</button>');
    expect(english).toContain('You get reminders about the member survey as a contact for Lund.');
    expect(english).not.toContain('påminnelser');
    expect(swedish).toContain('<html lang="sv">');
    expect(swedish).toContain('<h1>Avsluta påminnelser</h1>');
    expect(swedish).toContain('<p lang="en">In English: this page stops the reminders about the member survey');
    expect(swedish).toContain('Press “<span lang="sv">Avsluta påminnelser</span>” to confirm.');
    expect((await new ContactRepository(ctx.store).get(LUND_ID, 'tjansteperson-1281'))?.emailState).toBe('ok');
  });

  it("confirms the page's form POST in the browser's language, and says a bad link is bad in English too", async () => {
    // Arrange
    const formLink = await unsubscribeLink('tjansteperson.1280@example.se');
    const formToken = decodeURIComponent(new URL(formLink, 'http://x').searchParams.get('token') ?? '');
    const lundLink = await unsubscribeLink('politiker.1281@example.se');
    const lundToken = decodeURIComponent(new URL(lundLink, 'http://x').searchParams.get('token') ?? '');
    const form = (token: string, language: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
      body: `token=${encodeURIComponent(token)}`,
    });
    // Act
    const english = await ctx.app.request('/api/unsubscribe', form(formToken, 'en'));
    const swedish = await ctx.app.request('/api/unsubscribe', form(lundToken, 'sv'));
    const bad = await ctx.app.request('/api/unsubscribe?token=x', { headers: { 'accept-language': 'en-US' } });
    const badSwedish = await ctx.app.request('/api/unsubscribe?token=x');
    // Assert
    expect(english.status).toBe(200);
    const done = await english.text();
    expect(done).toContain('<html lang="en">');
    expect(done).toContain('<h1>Reminders stopped</h1>');
    expect(done).toContain('You will get no more reminders about the member survey for Malmö.');
    // The page has no footer: the address to write to if one changes one's mind is on it.
    expect(done).toContain(`contact the secretariat at <a href="mailto:${KANSLI_EMAIL}">${KANSLI_EMAIL}</a>.`);
    const klar = await swedish.text();
    expect(klar).toContain('<h1>Påminnelserna är avslutade</h1>');
    expect(klar).toContain('<p lang="en">In English: the reminders have stopped.');
    expect(klar).toContain(`kontakta kansliet på <a href="mailto:${KANSLI_EMAIL}">${KANSLI_EMAIL}</a>.`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The link to stop reminders is not valid. Copy the whole link from the email.');
    const badText = await badSwedish.text();
    expect(badText).toContain('Länken för att avsluta påminnelser är ogiltig.');
    expect(badText).toContain('<p lang="en">In English: The link to stop reminders is not valid.');
    const contacts = new ContactRepository(ctx.store);
    expect((await contacts.get(MALMO_ID, 'tjansteperson-1280'))?.emailState).toBe('unsubscribed');
    expect((await contacts.get(LUND_ID, 'politiker-1281'))?.emailState).toBe('unsubscribed');
  });

  it('refuses a forged or altered token with a 400', async () => {
    // Arrange
    const forged = signUnsubscribeToken('another-secret', { organisationId: LUND_ID, contactId: 'politiker-1281' });
    const genuine = signUnsubscribeToken(ctx.config.sessionSecret, {
      organisationId: LUND_ID,
      contactId: 'politiker-1281',
    });
    const altered = `${Buffer.from(`${MALMO_ID}\npoliticker-1280`).toString('base64url')}.${genuine.split('.')[1]}`;
    // Act
    const responses = await Promise.all(
      [forged, altered, 'x', ''].map((token) => ctx.app.request('/api/unsubscribe', jsonRequest('POST', { token }))),
    );
    const page = await ctx.app.request(`/api/unsubscribe?token=${encodeURIComponent(forged)}`);
    // Assert
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('ogiltig');
    expect((await new ContactRepository(ctx.store).get(LUND_ID, 'politiker-1281'))?.emailState).toBe('ok');
  });

  it('round-trips the token with the contact and organisation ids, and no address', () => {
    const token = signUnsubscribeToken('s', { organisationId: '1281', contactId: 'politiker-1281' });
    expect(verifyUnsubscribeToken('s', token)).toEqual({ organisationId: '1281', contactId: 'politiker-1281' });
    expect(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).not.toContain('@');
  });
});

describe('SES bounces and complaints', () => {
  function snsEvent(message: unknown) {
    return { Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.stringify(message) } }] };
  }

  it('marks a permanently bounced contact and a complaining one, and reminders stop for both', async () => {
    // Arrange
    const { ctx } = await setup({ now: sthlm('2026-03-17 12:00') });
    const lines: string[] = [];
    const handler = createSesEventsHandler({ store: () => ctx.store, clock: ctx.clock, write: (l) => lines.push(l) });
    // Act
    const bounced = await handler(
      snsEvent({
        eventType: 'Bounce',
        mail: { destination: ['politiker.1281@example.se'] },
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'Politiker.1281@example.se' }] },
      }),
    );
    const complained = await handler(
      snsEvent({
        eventType: 'Complaint',
        mail: { destination: ['tjansteperson.1280@example.se'] },
        complaint: { complainedRecipients: [{ emailAddress: 'tjansteperson.1280@example.se' }] },
      }),
    );
    const transient = await handler(
      snsEvent({
        eventType: 'Bounce',
        mail: { destination: ['tjansteperson.1281@example.se'] },
        bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'tjansteperson.1281@example.se' }] },
      }),
    );
    const run = await reminderHarness(ctx).service.runReminders({
      campaign: reminderCampaign(),
      at: sthlm('2026-03-18 09:00'),
      dryRun: false,
    });
    // Assert
    expect(bounced).toMatchObject({ marked: 1, unknown: 0 });
    expect(complained).toMatchObject({ marked: 1 });
    expect(transient).toMatchObject({ marked: 0, ignored: 1 });
    const contacts = new ContactRepository(ctx.store);
    expect((await contacts.get(LUND_ID, 'politiker-1281'))?.emailState).toBe('bounced');
    expect((await contacts.get(MALMO_ID, 'tjansteperson-1280'))?.emailState).toBe('complained');
    expect(run.sent.map((s) => s.contact.id)).toEqual(['tjansteperson-1281']);
    expect(run.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contact: expect.objectContaining({ id: 'politiker-1281' }), reason: 'bounced' }),
        expect.objectContaining({
          contact: expect.objectContaining({ id: 'tjansteperson-1280' }),
          reason: 'complained',
        }),
      ]),
    );
    expect(lines.join('\n')).not.toMatch(/@/);
  });

  it('leaves a complained contact complained when it later bounces, and counts unknown addresses', async () => {
    // Arrange
    const { ctx } = await setup();
    const handler = createSesEventsHandler({ store: () => ctx.store, clock: ctx.clock, write: () => {} });
    const bounce = (email: string) =>
      snsEvent({
        eventType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: email }] },
      });
    // Act
    const complainedContact = await handler(bounce('politiker.1480@example.se'));
    const stranger = await handler(bounce('nobody@example.se'));
    // Assert
    expect(complainedContact).toMatchObject({ marked: 0, unchanged: 1 });
    expect(stranger).toMatchObject({ marked: 0, unknown: 1 });
    expect((await new ContactRepository(ctx.store).get('1480', 'politiker-1480'))?.emailState).toBe('complained');
  });
});

describe('the reminders Lambda handler', () => {
  it('runs the open campaign at now and logs JSON without email addresses', async () => {
    // Arrange
    const { ctx } = await setup();
    const { handler, lines } = remindersHandlerOn(ctx);
    // Act
    const result = await handler({}, { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 300_000 });
    const again = await handler({}, { awsRequestId: 'req-2', getRemainingTimeInMillis: () => 300_000 });
    // Assert
    expect(result).toEqual({ year: 2026, due: 3, sent: 3, failed: 0 });
    expect(again).toEqual({ year: 2026, due: 0, sent: 0, failed: 0 });
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.find((entry) => entry.msg === 'reminders run')).toMatchObject({
      requestId: 'req-1',
      sent: 3,
      step: 'd14',
    });
    expect(lines.join('\n')).not.toMatch(/@/);
  });

  it('does nothing when no campaign is open', async () => {
    // Arrange
    const { handler, lines } = remindersHandlerOn(await makeTestContext());
    // Act
    const result = await handler({});
    // Assert
    expect(result).toEqual({ year: null, due: 0, sent: 0, failed: 0 });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'reminders: no open campaign' });
  });
});
