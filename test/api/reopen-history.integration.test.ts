import { describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import type { TableStore } from '../../functions/ports/table-store';
import { keys } from '../../functions/store/table-design';
import { REOPEN_HISTORY_LIMIT } from '../../shared/domain/kansli-messages';
import { type ApiAnswer, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { submitAnswers } from '../helpers/submit-answers';
import { signIn, type TestContext } from '../helpers/test-app';

// The seeded 2026 campaign opens 2026-03-01 and closes 2026-04-30T21:59Z (23:59 Swedish time).
const LUND = '1281';
const ADMIN_RESPONSE = `/api/admin/campaigns/2026/responses/${LUND}`;
const RESPONSE = '/api/campaigns/2026/response';
const LUND_OFFICIAL = `tjansteperson.${LUND}@example.se`;

async function memberView(ctx: TestContext): Promise<ApiAnswer> {
  return call(ctx, await signIn(ctx, LUND_OFFICIAL), 'GET', RESPONSE);
}

/** The member submits the reopened draft again, at the version the view gives. */
async function resubmit(ctx: TestContext): Promise<void> {
  const cookie = await signIn(ctx, LUND_OFFICIAL);
  const view = await call(ctx, cookie, 'GET', RESPONSE);
  const submitted = await call(ctx, cookie, 'POST', `${RESPONSE}/submit`, { version: view.body.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
}

const reasons = (answer: ApiAnswer): string[] =>
  answer.body.fromKansli.reopens.map((reopen: { reason: string }) => reopen.reason);

describe('every reopen is kept for the members, not only the latest', () => {
  it('shows a member reopened twice both reasons, oldest first, with when and the deadline each set', async () => {
    // Arrange: Lund submitted; the campaign still takes answers
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    // Act: reopened, submitted again, reopened again with a deadline of its own
    const first = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      reason: 'Komplettera M4b.',
      intent: 'reopen',
    });
    await resubmit(ctx);
    ctx.clock.set('2026-04-25T09:30:00Z');
    const second = await call(ctx, await signIn(ctx, 'kansli@example.se'), 'POST', `${ADMIN_RESPONSE}/reopen`, {
      reason: 'Fel i M7.',
      closesAt: '2026-05-08T21:59:00Z',
      intent: 'reopen',
    });
    const view = await memberView(ctx);
    // Assert
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(view.body.fromKansli.reopens).toEqual([
      { kind: 'reopened', at: '2026-04-20T08:00:00.000Z', reason: 'Komplettera M4b.' },
      {
        kind: 'reopened',
        at: '2026-04-25T09:30:00.000Z',
        reason: 'Fel i M7.',
        closesAt: '2026-05-08T21:59:00.000Z',
      },
    ]);
  });

  it(`keeps the last ${REOPEN_HISTORY_LIMIT}, dropping the oldest`, async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    // Act: twelve extensions of a draft, each a day later than the one before
    for (let i = 1; i <= 12; i++) {
      const extended = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
        reason: `Förlängning ${i}`,
        closesAt: `2026-05-${String(i).padStart(2, '0')}T21:59:00Z`,
        intent: 'extend',
      });
      expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    }
    const view = await memberView(ctx);
    // Assert
    expect(reasons(view)).toEqual(Array.from({ length: 10 }, (_, i) => `Förlängning ${i + 3}`));
  });

  it('reads an item written before the history was kept (its single `reopen`), and the next reopen appends to it', async () => {
    // Arrange: the form the reopen wrote until now, one `reopen` map on the response
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    const legacy = { kind: 'reopened', at: '2026-04-18T07:00:00.000Z', reason: 'Gammal anledning.' };
    await ctx.store.update(keys.response(2026, LUND), { set: { reopen: legacy } });
    // Act
    const before = await memberView(ctx);
    const extended = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      reason: 'Ny anledning.',
      intent: 'reopen',
    });
    const after = await memberView(ctx);
    const stored = await ctx.store.get(keys.response(2026, LUND));
    // Assert
    expect(before.body.fromKansli.reopens).toEqual([legacy]);
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(reasons(after)).toEqual(['Gammal anledning.', 'Ny anledning.']);
    // Moved into the list: one place holds the history from now on
    expect(stored).not.toHaveProperty('reopen');
    expect(stored?.reopens).toHaveLength(2);
  });

  it('loses no reopen to another one made at the same moment: the write requires the history as read', async () => {
    // Arrange: while the first extension is about to write, a second one is made and written
    let interleave: (() => Promise<void>) | undefined;
    const { ctx, admin } = await adminWorld({
      now: '2026-04-20T08:00:00Z',
      campaign: true,
      wrapStore: (store) => beforeReopenWrite(store, () => interleave),
    });
    interleave = async () => {
      interleave = undefined;
      const other = await call(ctx, await signIn(ctx, 'kansli@example.se'), 'POST', `${ADMIN_RESPONSE}/reopen`, {
        reason: 'Den andra förlängningen.',
        closesAt: '2026-05-15T21:59:00Z',
        intent: 'extend',
      });
      expect(other.status, JSON.stringify(other.body)).toBe(200);
    };
    // Act
    const first = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      reason: 'Den första förlängningen.',
      closesAt: '2026-05-10T21:59:00Z',
      intent: 'extend',
    });
    // Assert: the first read again and wrote after the other; both reasons are there
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(interleave).toBeUndefined();
    expect(reasons(await memberView(ctx))).toEqual(['Den andra förlängningen.', 'Den första förlängningen.']);
  });

  it('refuses a history write from a stale read, also of an item in the old form', async () => {
    // Arrange
    const { ctx } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    const repo = new ResponseRepository(ctx.store);
    const record = (reason: string) => ({ kind: 'extended' as const, at: '2026-04-20T08:00:00.000Z', reason });
    await repo.adminUpdate(2026, LUND, 'kommun', { reopen: record('gammal') });
    const legacyRead = (await repo.get(2026, LUND))!;
    // Act
    const written = await repo.adminUpdate(
      2026,
      LUND,
      'kommun',
      { reopens: [record('gammal'), record('ett')] },
      { remove: ['reopen'], reopensAsRead: legacyRead },
    );
    const staleLegacy = repo.adminUpdate(
      2026,
      LUND,
      'kommun',
      { reopens: [record('gammal'), record('två')] },
      { remove: ['reopen'], reopensAsRead: legacyRead },
    );
    const staleEmpty = repo.adminUpdate(2026, LUND, 'kommun', { reopens: [record('tre')] }, { reopensAsRead: {} });
    // Assert
    expect(written.reopens?.map((r) => r.reason)).toEqual(['gammal', 'ett']);
    await expect(staleLegacy).rejects.toMatchObject({ code: 'response_write_refused' });
    await expect(staleEmpty).rejects.toMatchObject({ code: 'response_write_refused' });
    expect((await repo.get(2026, LUND))?.reopens?.map((r) => r.reason)).toEqual(['gammal', 'ett']);
  });
});

describe("the member's scorecard carries what the kansli told the organisation that year", () => {
  it('has every reopen and note for a signed-in contact of the organisation, nothing of another organisation, and none in the kansli view', async () => {
    // Arrange: Lund reopened, submitted again, then given a note; Malmö submitted; the year published
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    const malmo = await submitAnswers(ctx, 'tjansteperson.1280@example.se');
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, { reason: 'Komplettera M4b.', intent: 'reopen' });
    await resubmit(ctx);
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/note`, { message: 'Tack, nu stämmer M4b.' });
    const published = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    // Act
    const lund = await call(ctx, await signIn(ctx, LUND_OFFICIAL), 'GET', '/api/campaigns/2026/scorecard');
    const other = await call(ctx, malmo, 'GET', '/api/campaigns/2026/scorecard');
    const kansli = await call(ctx, admin, 'GET', `/api/admin/campaigns/2026/scorecards/${LUND}`);
    // Assert
    expect(lund.status, JSON.stringify(lund.body)).toBe(200);
    expect(lund.body.fromKansli).toEqual({
      reopens: [{ kind: 'reopened', at: '2026-04-20T08:00:00.000Z', reason: 'Komplettera M4b.' }],
      notes: [{ at: '2026-04-20T08:00:00.000Z', message: 'Tack, nu stämmer M4b.' }],
    });
    expect(JSON.stringify(lund.body)).not.toContain('kansli@example.se');
    expect(JSON.stringify(lund.body)).not.toContain('emailedTo');
    expect(other.status).toBe(200);
    expect(other.body.fromKansli).toEqual({ reopens: [], notes: [] });
    expect(kansli.status).toBe(200);
    expect(kansli.body).not.toHaveProperty('fromKansli');
  });
});

/** The store, with `hook()` (when set) run before the first write that stores a reopen history. */
function beforeReopenWrite(store: TableStore, hook: () => (() => Promise<void>) | undefined): TableStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'update') {
        return async (...args: Parameters<TableStore['update']>) => {
          const run = hook();
          if (run && args[1].set && 'reopens' in args[1].set) await run();
          return target.update(...args);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
