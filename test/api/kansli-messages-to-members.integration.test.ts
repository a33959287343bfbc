import { describe, expect, it } from 'vitest';
import { type ApiAnswer, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { countCommands, jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

// The seeded 2026 campaign opens 2026-03-01 and closes 2026-04-30T21:59Z (23:59 Swedish time).
const LUND = '1281';
const ADMIN_RESPONSE = `/api/admin/campaigns/2026/responses/${LUND}`;
const RESPONSE = '/api/campaigns/2026/response';

async function memberView(ctx: TestContext): Promise<ApiAnswer> {
  const cookie = await signIn(ctx, `tjansteperson.${LUND}@example.se`);
  return call(ctx, cookie, 'GET', RESPONSE);
}

describe("the member's response view carries what the kansli told the organisation", () => {
  it('has the reopen: when, the reason and the own deadline it set', async () => {
    // Arrange: Lund submitted; the campaign has closed
    const { ctx } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: { status: 'closed' } });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    ctx.clock.set('2026-05-05T08:00:00Z');
    const admin = await signIn(ctx, 'kansli@example.se');
    // Act
    const reopened = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      closesAt: '2026-05-12T21:59:00Z',
      reason: 'Komplettera M4b: kostnaden saknas.',
      intent: 'reopen',
    });
    const view = await memberView(ctx);
    // Assert
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('draft');
    expect(view.body.fromKansli).toEqual({
      reopens: [
        {
          kind: 'reopened',
          at: '2026-05-05T08:00:00.000Z',
          reason: 'Komplettera M4b: kostnaden saknas.',
          closesAt: '2026-05-12T21:59:00.000Z',
        },
      ],
      notes: [],
    });
  });

  it('has an extension of a draft, without an own deadline when the reopen set none', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    // Act: reopened while the campaign still takes answers: its deadline applies
    const reopened = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, { reason: 'Vill komplettera' });
    const view = await memberView(ctx);
    // Assert
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(view.body.fromKansli.reopens).toEqual([
      {
        kind: 'reopened',
        at: '2026-04-20T08:00:00.000Z',
        reason: 'Vill komplettera',
      },
    ]);
    // Then given more time on the draft: appended, the latest last
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      closesAt: '2026-05-10T21:59:00Z',
      reason: 'Mer tid för M4b',
      intent: 'extend',
    });
    expect((await memberView(ctx)).body.fromKansli.reopens.at(-1)).toEqual({
      kind: 'extended',
      at: '2026-04-20T08:00:00.000Z',
      reason: 'Mer tid för M4b',
      closesAt: '2026-05-10T21:59:00.000Z',
    });
  });

  it('has the review notes, oldest first, also on a submitted response', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    // Act
    const first = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/note`, { message: 'Tack för svaren!' });
    ctx.clock.set('2026-04-21T09:30:00Z');
    const second = await call(ctx, await signIn(ctx, 'kansli@example.se'), 'POST', `${ADMIN_RESPONSE}/note`, {
      message: 'Kan ni komplettera M4b?',
    });
    const view = await memberView(ctx);
    // Assert
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(view.body.status).toBe('submitted');
    expect(view.body.fromKansli).toEqual({
      reopens: [],
      notes: [
        { at: '2026-04-20T08:00:00.000Z', message: 'Tack för svaren!' },
        { at: '2026-04-21T09:30:00.000Z', message: 'Kan ni komplettera M4b?' },
      ],
    });
  });

  it("leaks nothing of the kansli's own: no author, no email count, no overrides or their reasons, no excuse reason", async () => {
    // Arrange: an override with a reason, a note, an excuse taken back
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    const override = await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/overrides`, {
      question: 'S6',
      points: 1,
      reason: 'INTERN-JUSTERING-hemlig',
    });
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/note`, { message: 'Tack!' });
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/excuse`, { excused: true, reason: 'INTERN-BEFRIELSE' });
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/excuse`, { excused: false, reason: 'INTERN-ÅTERTAGEN' });
    // Act
    const view = await memberView(ctx);
    // Assert
    expect(override.status, JSON.stringify(override.body)).toBe(201);
    const text = JSON.stringify(view.body);
    expect(text).not.toContain('INTERN');
    expect(text).not.toContain('kansli@example.se');
    expect(text).not.toContain('emailedTo');
    expect(text).not.toContain('overrides');
    expect(view.body.fromKansli.notes).toEqual([{ at: '2026-04-20T08:00:00.000Z', message: 'Tack!' }]);
  });

  it('is empty for a response the kansli has said nothing about', async () => {
    const { ctx } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    expect((await memberView(ctx)).body.fromKansli).toEqual({ reopens: [], notes: [] });
  });

  it('costs autosave nothing more: after a reopen and a note, still one write and at most one read', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, { reason: 'Vill komplettera', intent: 'reopen' });
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/note`, { message: 'Se M4b.' });
    const cookie = await signIn(ctx, `tjansteperson.${LUND}@example.se`);
    await ctx.app.request(RESPONSE, { headers: { cookie } });
    const counter = countCommands(ctx.clients);
    // Act
    const res = await ctx.app.request(
      RESPONSE,
      withCookie(cookie, jsonRequest('PUT', { data: completeKommunAnswers(), version: 2 })),
    );
    // Assert: the reason and the notes stay on the item through the save
    expect(res.status).toBe(200);
    expect(counter.reads()).toBeLessThanOrEqual(1);
    expect(counter.writes()).toBe(1);
    const view = await memberView(ctx);
    expect(view.body.fromKansli.reopens.map((r: { reason: string }) => r.reason)).toEqual(['Vill komplettera']);
    expect(view.body.fromKansli.notes).toHaveLength(1);
  });
});

describe('the reopen refusals in English (Accept-Language: en) say what the Swedish says', () => {
  async function english(ctx: TestContext, cookie: string, method: string, path: string, body?: unknown) {
    const res = await ctx.app.request(path, {
      method,
      headers: {
        cookie,
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
  }

  it('names the missing campaign and the missing organisation, not just "Not found."', async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    const noCampaign = await english(ctx, admin, 'POST', '/api/admin/campaigns/2099/responses/1281/reopen', {
      reason: 'Vill komplettera',
    });
    const noOrganisation = await english(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/9999/reopen', {
      reason: 'Vill komplettera',
    });
    expect(noCampaign).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'There is no campaign for 2099.' } },
    });
    expect(noOrganisation).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'Organisation 9999 does not exist.' } },
    });
  });

  it('tells the kansli to give a new deadline when extending a draft without one', async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    const res = await english(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      reason: 'Behöver mer tid',
      intent: 'extend',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'nothing_to_change',
      message:
        'Lund has not submitted, so there is nothing to reopen. Give a new deadline to extend the time to answer.',
    });
  });

  it('names the dates and the organisation, as the Swedish does', async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    const early = await english(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      closesAt: '2026-04-25T21:59:00Z',
      reason: 'Behöver mer tid',
    });
    expect(early.body.error.message).toBe(
      "The organisation's own deadline must be later than the campaign's, 30 April 2026 at 23:59. Leave the field empty to keep the campaign's.",
    );
    await call(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, { closesAt: '2026-05-10T21:59:00Z', reason: 'Mer tid' });
    const same = await english(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, {
      closesAt: '2026-05-10T21:59:00Z',
      reason: 'Mer tid',
    });
    expect(same.body.error.message).toBe('Lund already has 10 May 2026 at 23:59 as its own deadline.');
  });

  it('says the organisation could not submit again without a new deadline', async () => {
    const { ctx } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: { status: 'closed' } });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    ctx.clock.set('2026-05-05T08:00:00Z');
    const admin = await signIn(ctx, 'kansli@example.se');
    const res = await english(ctx, admin, 'POST', `${ADMIN_RESPONSE}/reopen`, { reason: 'Fel i transportsvaren' });
    expect(res.body.error).toEqual({
      code: 'deadline_required',
      message: 'The survey no longer takes answers. Give a new deadline in the future, or Lund cannot submit again.',
    });
  });

  it('keeps the Swedish for a client that does not ask for English', async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2099/responses/1281/reopen', {
      reason: 'Vill komplettera',
    });
    expect(res.body.error.message).toBe('Det finns ingen kampanj för 2099.');
  });
});
