import { beforeEach, describe, expect, it } from 'vitest';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { LUND, MALMO, SKANE, seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import {
  countCommands,
  jsonRequest,
  makeTestContext,
  recordCommandInputs,
  secondInstance,
  signIn,
  type TestContext,
  tokenFromText,
  withCookie,
} from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';

describe('DynamoDB requests per operation (performance budget)', () => {
  let ctx: TestContext;
  let cookie: string;
  let counter: ReturnType<typeof countCommands>;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    // Lund has membership dates, so sign-in, autosave and submit all apply the membership rule.
    await seedOrganisations(ctx, [{ ...LUND, memberSince: '2019-01-01', memberUntil: '2030-12-31' }, MALMO, SKANE]);
    await seedCampaign(ctx);
    cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
    counter = countCommands(ctx.clients);
    // A warm instance has the campaign cached; the budget is for that steady state.
    await ctx.app.request(RESPONSE, { headers: { cookie } });
    counter.reset();
  });

  it('autosave costs at most 1 read and 1 write', async () => {
    const res = await ctx.app.request(
      RESPONSE,
      withCookie(cookie, jsonRequest('PUT', { data: { B1: true }, version: 0 })),
    );
    expect(res.status).toBe(200);
    expect(counter.reads()).toBeLessThanOrEqual(1);
    expect(counter.writes()).toBeLessThanOrEqual(1);
    expect(counter.calls).not.toContain('ScanCommand');
  });

  it('autosave does not ask for the saved draft back (it knows what it wrote)', async () => {
    const updates = recordCommandInputs(ctx.clients, /^Update(Item)?Command$/);
    const res = await ctx.app.request(
      RESPONSE,
      withCookie(cookie, jsonRequest('PUT', { data: { B1: true }, version: 0 })),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 1, updatedAt: '2026-03-10T09:00:00.000Z' });
    expect(updates.map((input) => input.ReturnValues)).toEqual(['NONE']);
  });

  it('autosave refuses an organisation whose membership has ended by the session alone: 1 read, no write', async () => {
    // Arrange: Luleå's membership ends on 10 March; a session opened that evening runs past midnight
    await seedOrganisations(ctx, [{ id: '2580', name: 'Luleå', type: 'kommun', memberUntil: '2026-03-10' }]);
    ctx.clock.set('2026-03-10T20:00:00Z');
    const lulea = await signIn(ctx, 'tjansteperson.2580@example.se');
    ctx.clock.set('2026-03-10T23:30:00Z');
    counter.reset();
    // Act
    const res = await ctx.app.request(
      RESPONSE,
      withCookie(lulea, jsonRequest('PUT', { data: { B1: true }, version: 0 })),
    );
    // Assert
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('not_a_member');
    expect(counter.reads()).toBeLessThanOrEqual(1);
    expect(counter.writes()).toBe(0);
  });

  it('submit costs at most 2 reads and 3 writes (the response and one receipt per contact)', async () => {
    await ctx.app.request(
      RESPONSE,
      withCookie(cookie, jsonRequest('PUT', { data: completeKommunAnswers(), version: 0 })),
    );
    counter.reset();
    const res = await ctx.app.request(`${RESPONSE}/submit`, withCookie(cookie, jsonRequest('POST', { version: 1 })));
    expect(res.status).toBe(200);
    expect(counter.reads()).toBeLessThanOrEqual(2);
    expect(counter.writes()).toBeLessThanOrEqual(3);
  });

  it('the organisation overview says which years it submitted from its one query: at most 2 reads', async () => {
    // Arrange: Lund submits 2026
    await ctx.app.request(
      RESPONSE,
      withCookie(cookie, jsonRequest('PUT', { data: completeKommunAnswers(), version: 0 })),
    );
    await ctx.app.request(`${RESPONSE}/submit`, withCookie(cookie, jsonRequest('POST', { version: 1 })));
    counter.reset();
    // Act
    const res = await ctx.app.request('/api/my/organisation', { headers: { cookie } });
    // Assert: what the home page's results card needs, and no read more for it (the session, the query)
    expect(res.status).toBe(200);
    expect((await res.json()).submittedYears).toEqual([2026]);
    expect(counter.reads()).toBeLessThanOrEqual(2);
    expect(counter.calls).not.toContain('ScanCommand');
  });

  it('sign-in (redeeming the link) costs at most 2 reads and 2 writes, the membership check and the re-check included', async () => {
    await ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: 'politiker.1281@example.se' }));
    const token = tokenFromText(
      (await readOutbox(ctx.store)).find((m) => m.to.includes('politiker.1281@example.se'))!.text,
    )!;
    counter.reset();
    const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }));
    expect(res.status).toBe(200);
    expect(counter.reads()).toBeLessThanOrEqual(2);
    expect(counter.writes()).toBeLessThanOrEqual(2);
  });

  it('a cold instance reads the campaign while it reads the session, not after it', async () => {
    const cold = secondInstance(ctx);
    const events: string[] = [];
    ctx.clients.doc.middlewareStack.add(
      (next, context) => async (args) => {
        // The document client's middleware may see the marshalled key ({ S: … }).
        const pk = (args.input as { Key?: { pk?: string | { S?: string } } }).Key?.pk;
        const key = (typeof pk === 'string' ? pk : pk?.S) ?? '';
        const what = key.startsWith('CAMPAIGN#') ? 'campaign' : key.startsWith('SESSION#') ? 'session' : undefined;
        if (!/^Get(Item)?Command$/.test(String(context.commandName)) || !what) return next(args);
        events.push(`${what} start`);
        try {
          return await next(args);
        } finally {
          events.push(`${what} end`);
        }
      },
      { step: 'initialize', name: 'orderOfReads' },
    );
    const res = await cold.request(
      RESPONSE,
      withCookie(cookie, jsonRequest('PUT', { data: { B1: true }, version: 0 })),
    );
    expect(res.status).toBe(200);
    expect(events.filter((e) => e.endsWith('start'))).toEqual(['campaign start', 'session start']);
    expect(events.indexOf('campaign start')).toBeLessThan(events.indexOf('session end'));
    // Still one campaign read: the request's own lookup joined the prefetch.
    expect(events.filter((e) => e === 'campaign start')).toHaveLength(1);
  });

  it('an anonymous request to a response route causes no campaign read', async () => {
    const cold = secondInstance(ctx);
    const res = await cold.request(RESPONSE, jsonRequest('PUT', { data: { B1: true }, version: 0 }));
    expect(res.status).toBe(401);
    expect(counter.calls).toEqual([]);
  });
});
