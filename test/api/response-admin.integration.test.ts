import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import type { TableStore } from '../../functions/ports/table-store';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { score } from '../../shared/scoring/index';
import { type ApiAnswer, auditEntries, call, signInAdmin } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

// The seeded 2026 campaign opens 2026-03-01 and closes 2026-04-30T21:59Z (23:59 Swedish time).
const LUND = '1281';
const REOPEN = `/api/admin/campaigns/2026/responses/${LUND}/reopen`;
const EXCUSE = `/api/admin/campaigns/2026/responses/${LUND}/excuse`;
const RESPONSE = '/api/campaigns/2026/response';

/**
 * Fault injection for interleavings: the app's store runs `hook` (on the real store) right before
 * its next UpdateItem once armed, as if someone else's write landed between the admin's read and
 * write.
 */
function interleaving() {
  let hook: ((store: TableStore) => Promise<void>) | undefined;
  return {
    before(next: (store: TableStore) => Promise<void>) {
      hook = next;
    },
    wrap: (store: TableStore): TableStore =>
      new Proxy(store, {
        get(target, property) {
          if (property === 'update') {
            return async (...args: Parameters<TableStore['update']>) => {
              const run = hook;
              hook = undefined;
              if (run) await run(target);
              return target.update(...args);
            };
          }
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  };
}

async function world(options: {
  now: string;
  campaign?: Partial<Campaign>;
  wrapStore?: (s: TableStore) => TableStore;
}) {
  return adminWorld({ now: options.now, campaign: options.campaign ?? true, wrapStore: options.wrapStore });
}

/** Moves the clock on and signs the kansli in again (a session does not last that long). */
async function later(ctx: TestContext, at: string): Promise<string> {
  ctx.clock.set(at);
  return signInAdmin(ctx);
}

const stored = (ctx: TestContext) => new ResponseRepository(ctx.store).get(2026, LUND);
const reopenAudits = async (ctx: TestContext) =>
  (await auditEntries(ctx, { organisationId: LUND })).filter((e) => e.action.startsWith('response.'));

function expectRefused(answer: ApiAnswer, status: number, code: string, message?: RegExp) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.error.code).toBe(code);
  if (message) expect(answer.body.error.message).toMatch(message);
}

async function memberSave(ctx: TestContext, data: Record<string, unknown>, version: number) {
  const cookie = await signIn(ctx, `tjansteperson.${LUND}@example.se`);
  return ctx.app.request(RESPONSE, withCookie(cookie, jsonRequest('PUT', { data, version })));
}

async function memberSubmit(ctx: TestContext, version: number) {
  const cookie = await signIn(ctx, `tjansteperson.${LUND}@example.se`);
  return ctx.app.request(`${RESPONSE}/submit`, withCookie(cookie, jsonRequest('POST', { version })));
}

describe('reopening a submitted response once the campaign no longer takes answers', () => {
  it.each([
    ['closed', { status: 'closed' as const }],
    ['still open but past its deadline', {}],
  ])(
    'refuses a reopen without a new deadline when the campaign is %s, and keeps the submission',
    async (_name, campaign) => {
      // Arrange: Lund submitted; the deadline has passed
      const { ctx } = await world({ now: '2026-04-20T08:00:00Z', campaign });
      await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
      const admin = await later(ctx, '2026-05-05T08:00:00Z');
      // Act
      const res = await call(ctx, admin, 'POST', REOPEN, { reason: 'Fel i transportsvaren' });
      // Assert: refused with the reason, and the answer is still in Klimatläget's count
      expectRefused(res, 422, 'deadline_required', /Ange en ny sista svarsdag i framtiden.*Lund/);
      expect(await stored(ctx)).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
      expect(await reopenAudits(ctx)).toEqual([]);
      const publish = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/publish');
      expect(publish.status).toBe(201);
      expect(publish.body.respondents).toBe(1);
    },
  );

  it('reopens with a new deadline, stored in UTC, so the member can change and submit again', async () => {
    // Arrange
    const { ctx } = await world({ now: '2026-04-20T08:00:00Z', campaign: { status: 'closed' } });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    const admin = await later(ctx, '2026-05-05T08:00:00Z');
    // Act: 23:59 Swedish summer time, given with its offset
    const res = await call(ctx, admin, 'POST', REOPEN, {
      closesAt: '2026-05-12T23:59:00+02:00',
      reason: 'Fel i transportsvaren',
      intent: 'reopen',
    });
    // Assert
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 2, closesAtOverride: '2026-05-12T21:59:00.000Z' });
    expect(res.body.submittedAt).toBeUndefined();
    expect((await memberSave(ctx, { ...completeKommunAnswers(), T5: false }, 2)).status).toBe(200);
    expect((await memberSubmit(ctx, 3)).status).toBe(200);
    const [entry] = await reopenAudits(ctx);
    expect(entry).toMatchObject({
      action: 'response.reopen',
      before: { status: 'submitted' },
      after: { status: 'draft', closesAtOverride: '2026-05-12T21:59:00.000Z', reason: 'Fel i transportsvaren' },
    });
  });

  it('reopens without a date while the organisation’s own deadline is still to come, keeping it', async () => {
    // Arrange: Lund has its own deadline, 10 May, and submitted before it
    const { ctx } = await world({ now: '2026-04-20T08:00:00Z', campaign: { status: 'closed' } });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    await new ResponseRepository(ctx.store).adminUpdate(2026, LUND, 'kommun', {
      closesAtOverride: '2026-05-10T21:59:00.000Z',
    });
    const admin = await later(ctx, '2026-05-05T08:00:00Z');
    // Act
    const res = await call(ctx, admin, 'POST', REOPEN, { reason: 'Vill komplettera' });
    // Assert
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', closesAtOverride: '2026-05-10T21:59:00.000Z' });
    expect((await memberSave(ctx, completeKommunAnswers(), 2)).status).toBe(200);
  });
});

describe('reopening after the kansli closed the campaign before its deadline', () => {
  // Closed on 10 April, three weeks before its deadline (30 April); reopened on 12 April.
  async function closedEarlyWorld() {
    const { ctx, admin } = await world({ now: '2026-04-08T08:00:00Z' });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    const closing = await later(ctx, '2026-04-10T08:00:00Z');
    expect((await call(ctx, closing, 'POST', '/api/admin/campaigns/2026/close')).status).toBe(200);
    return { ctx, admin: await later(ctx, '2026-04-12T08:00:00Z') };
  }

  it('takes an own deadline before the planned deadline, as the member’s page and the progress page show', async () => {
    // Arrange
    const { ctx, admin } = await closedEarlyWorld();
    // Act: 20 April, after the close and before the planned 30 April
    const res = await call(ctx, admin, 'POST', REOPEN, {
      closesAt: '2026-04-20T21:59:00Z',
      reason: 'Fel i transportsvaren',
      intent: 'reopen',
    });
    // Assert: before, 'must be later than the campaign's, 30 April'
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', closesAtOverride: '2026-04-20T21:59:00.000Z' });
    expect((await memberSave(ctx, { ...completeKommunAnswers(), T5: false }, 2)).status).toBe(200);
    const cookie = await signIn(ctx, `tjansteperson.${LUND}@example.se`);
    const current = await ctx.app.request('/api/campaigns/current', withCookie(cookie, { method: 'GET' }));
    expect(await current.json()).toMatchObject({
      status: 'closed',
      closedAt: '2026-04-10T08:00:00.000Z',
      closesAtForOrganisation: '2026-04-20T21:59:00.000Z',
    });
    const progress = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/progress');
    const row = progress.body.find((r: { organisationId: string }) => r.organisationId === LUND);
    expect(row.closesAtOverride).toBe('2026-04-20T21:59:00.000Z');
    // After its own deadline, Lund's answers are closed again
    ctx.clock.set('2026-04-21T08:00:00Z');
    const late = await memberSave(ctx, completeKommunAnswers(), 3);
    expect(late.status).toBe(403);
    expect((await late.json()).error.code).toBe('campaign_closed');
  });

  it('refuses an own deadline more than a year ahead, naming the latest, and writes nothing', async () => {
    const { ctx, admin } = await closedEarlyWorld();
    const res = await call(ctx, admin, 'POST', REOPEN, { closesAt: '2027-04-20T21:59:00Z', reason: 'Skrivfel i året' });
    expectRefused(res, 422, 'deadline_too_far', /högst ett år fram, senast 13 april 2027/);
    expect(res.body.error.details).toEqual({ latest: '2027-04-13T08:00:00.000Z' });
    expect(await stored(ctx)).toMatchObject({ status: 'submitted' });
    expect(await reopenAudits(ctx)).toEqual([]);
  });
});

describe('reopening and extending while the campaign takes answers', () => {
  const now = '2026-04-20T08:00:00Z';

  it('reopens a submitted response without a date: the campaign’s deadline applies', async () => {
    const { ctx, admin } = await world({ now });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    const res = await call(ctx, admin, 'POST', REOPEN, { reason: 'Vill komplettera', intent: 'reopen' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 2 });
    expect(res.body.closesAtOverride).toBeUndefined();
    expect((await memberSave(ctx, completeKommunAnswers(), 2)).status).toBe(200);
  });

  it('refuses an extension without a date, which would change nothing, and writes nothing', async () => {
    const { ctx, admin } = await world({ now });
    const res = await call(ctx, admin, 'POST', REOPEN, { reason: 'Behöver mer tid', intent: 'extend' });
    expectRefused(res, 422, 'nothing_to_change', /Lund har inte skickat in.*Ange en ny sista svarsdag/);
    expect(await stored(ctx)).toBeUndefined();
    expect(await reopenAudits(ctx)).toEqual([]);
  });

  it('refuses an extension to the deadline the organisation already has', async () => {
    const { ctx, admin } = await world({ now });
    await new ResponseRepository(ctx.store).adminUpdate(2026, LUND, 'kommun', {
      closesAtOverride: '2026-05-10T21:59:00.000Z',
    });
    const res = await call(ctx, admin, 'POST', REOPEN, { closesAt: '2026-05-10T21:59:00Z', reason: 'Behöver mer tid' });
    expectRefused(res, 422, 'nothing_to_change', /redan .*10 maj 2026.* som egen sista svarsdag/);
  });

  it('refuses an own deadline that is not after the campaign’s, naming the campaign’s deadline', async () => {
    const { ctx, admin } = await world({ now });
    const res = await call(ctx, admin, 'POST', REOPEN, { closesAt: '2026-04-25T21:59:00Z', reason: 'Behöver mer tid' });
    expectRefused(res, 422, 'deadline_not_after_campaign', /kampanjens, 30 april 2026 kl\. 23:59\. Lämna fältet tomt/);
    expect(await stored(ctx)).toBeUndefined();
  });

  it('refuses a deadline in the past', async () => {
    const { ctx, admin } = await world({ now: '2026-05-05T08:00:00Z', campaign: { status: 'closed' } });
    const res = await call(ctx, admin, 'POST', REOPEN, { closesAt: '2026-05-01T21:59:00Z', reason: 'Behöver mer tid' });
    expectRefused(res, 422, 'invalid_dates', /framtiden/);
  });

  it('extends an organisation that has not started: it can answer after the campaign’s deadline', async () => {
    // Arrange
    const { ctx, admin } = await world({ now });
    // Act
    const res = await call(ctx, admin, 'POST', REOPEN, {
      closesAt: '2026-05-10T21:59:00Z',
      reason: 'Behöver mer tid',
      intent: 'extend',
    });
    // Assert
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'not_started', version: 0, closesAtOverride: '2026-05-10T21:59:00.000Z' });
    const progress = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/progress');
    expect(progress.body.find((row: { organisationId: string }) => row.organisationId === LUND)).toMatchObject({
      status: 'not_started',
      closesAtOverride: '2026-05-10T21:59:00.000Z',
    });
    ctx.clock.set('2026-05-05T08:00:00Z');
    expect((await memberSave(ctx, { B1: true }, 0)).status).toBe(200);
  });

  it('answers 409 when the response is no longer as the kansli saw it, and writes nothing', async () => {
    const { ctx, admin } = await world({ now });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    const extend = await call(ctx, admin, 'POST', REOPEN, {
      closesAt: '2026-05-10T21:59:00Z',
      reason: 'Behöver mer tid',
      intent: 'extend',
    });
    expectRefused(extend, 409, 'response_changed', /Lund har skickat in/);
    expect(await stored(ctx)).toMatchObject({ status: 'submitted' });
    expect((await stored(ctx))?.closesAtOverride).toBeUndefined();
    await memberSave(ctx, { B1: true }, 0);
    const malmo = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/1280/reopen', {
      reason: 'Vill komplettera',
      intent: 'reopen',
    });
    expectRefused(malmo, 409, 'response_changed');
  });

  it('never undoes a submit that lands between the kansli’s read and write of an extension', async () => {
    // Arrange: Lund has a draft; the kansli extends as Lund submits
    const race = interleaving();
    const { ctx, admin } = await world({ now, wrapStore: race.wrap });
    expect((await memberSave(ctx, completeKommunAnswers(), 0)).status).toBe(200);
    race.before(async (store) => {
      await new ResponseRepository(store).submit({
        year: 2026,
        organisationId: LUND,
        data: completeKommunAnswers(),
        editor: { name: 'Erik', email: 'tjansteperson.1281@example.se' },
        score: score(DEFAULT_SURVEYS.kommun, completeKommunAnswers()),
        answered: 1,
        totalQuestions: 1,
        expectedVersion: 1,
        campaignAcceptsWrites: true,
        now,
      });
    });
    // Act: no intent given, so it is taken from the first read (a draft: extend)
    const res = await call(ctx, admin, 'POST', REOPEN, { closesAt: '2026-05-10T21:59:00Z', reason: 'Behöver mer tid' });
    // Assert
    expectRefused(res, 409, 'response_changed');
    const after = await stored(ctx);
    expect(after).toMatchObject({ status: 'submitted', version: 2 });
    expect(after?.closesAtOverride).toBeUndefined();
    expect(await reopenAudits(ctx)).toEqual([]);
  });
});

describe('an extension while the member saves', () => {
  it('reads again and extends on top of a save that lands between the read and the write', async () => {
    // Arrange: Lund has a draft at version 1 and saves version 2 as the kansli extends
    const now = '2026-04-20T08:00:00Z';
    const race = interleaving();
    const { ctx, admin } = await world({ now, wrapStore: race.wrap });
    expect((await memberSave(ctx, { B1: true }, 0)).status).toBe(200);
    race.before(async (store) => {
      await new ResponseRepository(store).saveDraft({
        year: 2026,
        organisationId: LUND,
        organisationType: 'kommun',
        data: { B1: true, B2: false },
        editor: { name: 'Erik', email: 'tjansteperson.1281@example.se' },
        answered: 2,
        totalQuestions: 40,
        expectedVersion: 1,
        campaignAcceptsWrites: true,
        now,
      });
    });
    // Act
    const res = await call(ctx, admin, 'POST', REOPEN, { closesAt: '2026-05-10T21:59:00Z', reason: 'Behöver mer tid' });
    // Assert: the member's save stands, the extension is stored, and the audit saw version 2's state
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await stored(ctx)).toMatchObject({
      status: 'draft',
      version: 2,
      data: { B1: true, B2: false },
      closesAtOverride: '2026-05-10T21:59:00.000Z',
    });
    expect(await reopenAudits(ctx)).toHaveLength(1);
  });
});

describe('before the campaign opens and after it is published', () => {
  it('refuses to reopen or extend in a campaign that has not opened', async () => {
    const { ctx, admin } = await world({ now: '2026-02-10T08:00:00Z', campaign: { status: 'draft' } });
    const res = await call(ctx, admin, 'POST', REOPEN, { closesAt: '2026-05-10T21:59:00Z', reason: 'Behöver mer tid' });
    expectRefused(res, 422, 'campaign_not_started', /inte öppnat/);
    expect(await stored(ctx)).toBeUndefined();
  });

  it.each([
    ['reopen', REOPEN, { closesAt: '2026-06-10T21:59:00Z', reason: 'Vill komplettera' }],
    ['excuse', EXCUSE, { excused: true, reason: 'Avstår i år' }],
    ['unexcuse', EXCUSE, { excused: false, reason: 'Ångrade sig' }],
  ])(
    "refuses to %s once the campaign is published, while the kansli's score corrections stay possible",
    async (_name, path, body) => {
      // Arrange: Lund submitted and was excused before 2026 was published
      const { ctx } = await world({ now: '2026-04-20T08:00:00Z' });
      await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
      await new ResponseRepository(ctx.store).adminUpdate(2026, '1280', 'kommun', { excused: true });
      const admin = await later(ctx, '2026-05-05T08:00:00Z');
      expect((await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/publish')).status).toBe(201);
      const target = 'excused' in body && !body.excused ? path.replace(LUND, '1280') : path;
      const before = await new ResponseRepository(ctx.store).listByCampaign(2026);
      // Act
      const res = await call(ctx, admin, 'POST', target, body);
      // Assert: the same code as a refused score override, and nothing written
      expectRefused(res, 422, 'campaign_published', /Kampanjen är publicerad/);
      expect(await new ResponseRepository(ctx.store).listByCampaign(2026)).toEqual(before);
      const override = await call(ctx, admin, 'POST', `/api/admin/campaigns/2026/responses/${LUND}/overrides`, {
        question: 'M1',
        points: 0,
        reason: 'Test',
      });
      expect(override.status).toBe(201);
    },
  );
});

describe('excusing', () => {
  const now = '2026-04-20T08:00:00Z';

  it('excuses once; a second excuse or taking back an excuse that is not there changes nothing and is refused', async () => {
    const { ctx, admin } = await world({ now });
    expect((await call(ctx, admin, 'POST', EXCUSE, { reason: 'Avstår i år' })).status).toBe(200);
    expectRefused(
      await call(ctx, admin, 'POST', EXCUSE, { reason: 'Avstår i år' }),
      422,
      'nothing_to_change',
      /redan befriad/,
    );
    expect((await call(ctx, admin, 'POST', EXCUSE, { excused: false, reason: 'Ångrade sig' })).status).toBe(200);
    expectRefused(
      await call(ctx, admin, 'POST', EXCUSE, { excused: false, reason: 'Ångrade sig' }),
      422,
      'nothing_to_change',
      /Lund är inte befriad/,
    );
    expect((await reopenAudits(ctx)).map((e) => e.action).sort()).toEqual(['response.excuse', 'response.unexcuse']);
    expect((await stored(ctx))?.excused).toBe(false);
  });

  it('makes one change when another admin excuses between the read and the write', async () => {
    const race = interleaving();
    const { ctx, admin } = await world({ now, wrapStore: race.wrap });
    race.before(async (store) => {
      await new ResponseRepository(store).adminUpdate(2026, LUND, 'kommun', { excused: true });
    });
    const res = await call(ctx, admin, 'POST', EXCUSE, { reason: 'Avstår i år' });
    expectRefused(res, 422, 'nothing_to_change', /redan befriad/);
    expect(await reopenAudits(ctx)).toEqual([]);
    expect((await stored(ctx))?.excused).toBe(true);
  });
});
