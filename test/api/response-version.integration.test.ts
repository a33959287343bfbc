import { beforeEach, describe, expect, it } from 'vitest';
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
  withCookie,
} from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';
const VERSION = `${RESPONSE}/version`;

describe('GET …/response/version: what an open survey page checks now and then', () => {
  let ctx: TestContext;
  let official: string;
  let politician: string;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    await seedOrganisations(ctx, [{ ...LUND, memberSince: '2019-01-01', memberUntil: '2030-12-31' }, MALMO, SKANE]);
    await seedCampaign(ctx);
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
    politician = await signIn(ctx, 'politiker.1281@example.se');
  });

  const read = async (cookie: string, query = '') => {
    const res = await ctx.app.request(`${VERSION}${query}`, { headers: { cookie } });
    return { status: res.status, body: await res.json() };
  };

  it('answers version 0, not started, before anyone saved; the answers only when asked without the version held', async () => {
    expect(await read(official)).toEqual({
      status: 200,
      body: { version: 0, status: 'not_started', notAMember: null, data: {} },
    });
    expect((await read(official, '?since=0')).body).toEqual({ version: 0, status: 'not_started', notAMember: null });
  });

  it('gives the other contact’s save with who made it and when, and the answers only to a page that lacks them', async () => {
    // Arrange: the politician saves while the official's page holds version 0
    const saved = await ctx.app.request(
      RESPONSE,
      withCookie(politician, jsonRequest('PUT', { data: { B1: true }, version: 0 })),
    );
    expect(saved.status).toBe(200);
    // Act
    const behind = await read(official, '?since=0');
    const upToDate = await read(official, '?since=1');
    // Assert
    expect(behind.body).toEqual({
      version: 1,
      status: 'draft',
      updatedAt: '2026-03-10T09:00:00.000Z',
      updatedBy: { name: 'Politiker Lund', email: 'politiker.1281@example.se' },
      notAMember: null,
      data: { B1: true },
    });
    expect(upToDate.body).not.toHaveProperty('data');
    expect(upToDate.body).toMatchObject({ version: 1, status: 'draft' });
  });

  it('says submitted once the other contact has submitted', async () => {
    await ctx.app.request(
      RESPONSE,
      withCookie(politician, jsonRequest('PUT', { data: completeKommunAnswers(), version: 0 })),
    );
    const submitted = await ctx.app.request(
      `${RESPONSE}/submit`,
      withCookie(politician, jsonRequest('POST', { version: 1 })),
    );
    expect(submitted.status).toBe(200);
    expect((await read(official, '?since=1')).body).toMatchObject({ version: 2, status: 'submitted' });
  });

  it('says the membership has ended when it ends while the page is open, by the session', async () => {
    // Arrange: Luleå's membership ends on 10 March; a session opened that evening runs past midnight
    await seedOrganisations(ctx, [{ id: '2580', name: 'Luleå', type: 'kommun', memberUntil: '2026-03-10' }]);
    ctx.clock.set('2026-03-10T20:00:00Z');
    const lulea = await signIn(ctx, 'tjansteperson.2580@example.se');
    expect((await read(lulea, '?since=0')).body.notAMember).toBeNull();
    // Act
    ctx.clock.set('2026-03-10T23:30:00Z');
    const after = await read(lulea, '?since=0');
    // Assert
    expect(after.status).toBe(200);
    expect(after.body.notAMember).toEqual({ reason: 'ended', memberUntil: '2026-03-10' });
  });

  it('refuses a version that is not a whole number, an anonymous caller and the kansli', async () => {
    for (const since of ['abc', '-1', '1.5', '0x1']) {
      const res = await read(official, `?since=${since}`);
      expect(res.status, since).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect((await ctx.app.request(VERSION)).status).toBe(401);
    const admin = await signIn(ctx, 'kansli@example.se');
    const res = await read(admin);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('members_only');
  });
});

describe('DynamoDB requests of the freshness read (performance budget)', () => {
  it('reads the session and the response item alone, also on a cold instance: no campaign, no query', async () => {
    // Arrange: a saved draft; a cold instance, whose campaign cache is empty
    const ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    await seedOrganisations(ctx, [LUND]);
    await seedCampaign(ctx);
    const cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
    await ctx.app.request(RESPONSE, withCookie(cookie, jsonRequest('PUT', { data: { B1: true }, version: 0 })));
    const cold = secondInstance(ctx);
    const counter = countCommands(ctx.clients);
    const gets = recordCommandInputs(ctx.clients, /^Get(Item)?Command$/);
    // Act
    const res = await cold.request(`${VERSION}?since=0`, { headers: { cookie } });
    // Assert
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual({ B1: true });
    expect(counter.calls.map((c) => c.replace(/Item(?=Command$)/, ''))).toEqual(['GetCommand', 'GetCommand']);
    const partitions = gets.map((input) => {
      const pk = (input as { Key?: { pk?: string | { S?: string } } }).Key?.pk;
      return String(typeof pk === 'string' ? pk : pk?.S).split('#')[0];
    });
    expect(partitions.sort()).toEqual(['ORG', 'SESSION']);
    expect(counter.writes()).toBe(0);
  });
});
