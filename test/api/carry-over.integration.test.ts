import { beforeEach, describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { seedCampaign } from '../helpers/seed-fixtures';
import { seededContext, submitScoredResponse } from '../helpers/seeded-context';
import { countCommands, jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';
const CARRY_OVER = `${RESPONSE}/carry-over`;

/**
 * Lund's 2025 submission: the complete medlemstest answer, given by someone with an "other" role
 * (its text is the role question's comment), and one answer to a question 2026 no longer has.
 */
const answers2025: Record<string, unknown> = {
  ...completeKommunAnswers(),
  respondent_role: 'other',
  'respondent_role-Comment': 'Miljöstrateg',
  retired_question: 'ja',
};
/** What 2026 takes of it: not who filled in (`"carryOver": false`), nor the retired question. */
const {
  respondent_name: _name,
  respondent_role: _role,
  'respondent_role-Comment': _roleText,
  retired_question: _gone,
  ...expected
} = answers2025;

async function view(ctx: TestContext, cookie: string) {
  const res = await ctx.app.request(RESPONSE, withCookie(cookie));
  expect(res.status).toBe(200);
  return (await res.json()) as { data: Record<string, unknown>; version: number; carryOver: unknown };
}

const carryOver = (ctx: TestContext, cookie: string, version: number) =>
  ctx.app.request(CARRY_OVER, withCookie(cookie, jsonRequest('POST', { version })));

const save = (ctx: TestContext, cookie: string, data: Record<string, unknown>, version: number) =>
  ctx.app.request(RESPONSE, withCookie(cookie, jsonRequest('PUT', { data, version })));

describe('starting from last year’s answers', () => {
  let ctx: TestContext;
  let official: string;
  let politician: string;

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: true });
    await seedCampaign(ctx, {
      year: 2025,
      title: 'Medlemstest 2025',
      status: 'closed',
      opensAt: '2025-03-01T07:00:00.000Z',
      closesAt: '2025-04-30T21:59:00.000Z',
    });
    await submitScoredResponse(ctx, 2025, '1281', answers2025);
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
    politician = await signIn(ctx, 'politiker.1281@example.se');
  });

  it('offers the earlier answers on the response, and fills them in for both contacts', async () => {
    const before = await view(ctx, official);
    expect(before).toMatchObject({ version: 0, data: {} });
    expect(before.carryOver).toEqual({ year: 2025, answers: Object.keys(expected).length });

    const res = await carryOver(ctx, official, 0);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      version: 1,
      fromYear: 2025,
      answers: Object.keys(expected).length,
      updatedBy: { email: 'tjansteperson.1281@example.se' },
    });
    expect(body.values).toEqual(expected);

    const after = await view(ctx, politician);
    expect(after).toMatchObject({ version: 1, data: expected, carryOver: null });
  });

  it('never overwrites what this year’s draft already answers', async () => {
    const keep = { B1: false, respondent_name: 'Anna Andersson' };
    expect((await save(ctx, politician, keep, 0)).status).toBe(200);
    const res = await carryOver(ctx, official, 1);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.values).not.toHaveProperty('B1');
    expect(body.values).not.toHaveProperty('respondent_name');
    const after = await view(ctx, official);
    expect(after.data).toMatchObject(keep);
    expect(after.version).toBe(2);
  });

  it('writes nothing when there is nothing left to add', async () => {
    expect((await carryOver(ctx, official, 0)).status).toBe(200);
    const again = await carryOver(ctx, official, 1);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ version: 1, fromYear: 2025, values: {} });
    expect((await view(ctx, official)).version).toBe(1);
  });

  it('answers 409 with the stored version when someone saved first, and changes nothing', async () => {
    expect((await save(ctx, politician, { B1: true }, 0)).status).toBe(200);
    const res = await carryOver(ctx, official, 0);
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('version_conflict');
    expect(body.current).toMatchObject({ version: 1, data: { B1: true } });
    expect((await view(ctx, official)).data).toEqual({ B1: true });
  });

  it('refuses once this year’s answers are submitted, or the campaign has closed', async () => {
    await submitScoredResponse(ctx, 2026, '1281', completeKommunAnswers());
    const submitted = await carryOver(ctx, official, 2);
    expect(submitted.status).toBe(409);
    expect((await submitted.json()).error.code).toBe('already_submitted');
    expect((await view(ctx, official)).carryOver).toBeNull();

    ctx.clock.set(new Date('2026-05-02T09:00:00Z'));
    const malmo = await signIn(ctx, 'tjansteperson.1280@example.se');
    const closed = await carryOver(ctx, malmo, 0);
    expect(closed.status).toBe(403);
    expect((await closed.json()).error.code).toBe('campaign_closed');
  });

  it('offers nothing once the campaign has closed, although earlier answers exist', async () => {
    expect((await view(ctx, official)).carryOver).not.toBeNull();
    ctx.clock.set(new Date('2026-05-02T09:00:00Z'));
    const lund = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await view(ctx, lund)).carryOver).toBeNull();
  });

  it('keeps a draft campaign out of members’ sight: 404 as for a year without one, and nothing written', async () => {
    await seedCampaign(ctx, {
      year: 2027,
      title: 'Medlemstest 2027',
      status: 'draft',
      opensAt: '2027-03-01T07:00:00.000Z',
      closesAt: '2027-04-30T21:59:00.000Z',
    });
    const draftYear = '/api/campaigns/2027/response';
    const noYear = '/api/campaigns/2099/response';
    const answers = await Promise.all(
      [draftYear, noYear].flatMap((path) => [
        ctx.app.request(path, withCookie(official)),
        ctx.app.request(path, withCookie(official, jsonRequest('PUT', { data: {}, version: 0 }))),
        ctx.app.request(`${path}/carry-over`, withCookie(official, jsonRequest('POST', { version: 0 }))),
        ctx.app.request(`${path}/submit`, withCookie(official, jsonRequest('POST', { version: 1 }))),
      ]),
    );
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    expect(await new ResponseRepository(ctx.store).get(2027, '1281')).toBeUndefined();
  });

  it('still fills in after the deadline while the organisation’s own extension runs', async () => {
    await new ResponseRepository(ctx.store).adminUpdate(2026, '1281', 'kommun', {
      closesAtOverride: '2026-05-15T21:59:00.000Z',
    });
    ctx.clock.set(new Date('2026-05-02T09:00:00Z'));
    const lund = await signIn(ctx, 'tjansteperson.1281@example.se');
    const { version } = await view(ctx, lund);
    const res = await carryOver(ctx, lund, version);
    expect(res.status).toBe(200);
    expect((await res.json()).values).toEqual(expected);
  });

  it('answers 404 for an organisation with nothing submitted before, and offers nothing', async () => {
    const malmo = await signIn(ctx, 'tjansteperson.1280@example.se');
    expect((await view(ctx, malmo)).carryOver).toBeNull();
    const res = await carryOver(ctx, malmo, 0);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({
      code: 'no_earlier_response',
      message: 'Det finns inga inskickade svar från tidigare år att utgå från.',
    });
    const english = await ctx.app.request(
      CARRY_OVER,
      withCookie(malmo, jsonRequest('POST', { version: 0 }, { 'accept-language': 'en' })),
    );
    expect((await english.json()).error.message).toBe('There are no answers submitted in earlier years to start from.');
  });

  it('only ever reads the caller’s own organisation (it comes from the session)', async () => {
    const malmo = await signIn(ctx, 'tjansteperson.1280@example.se');
    // Lund's 2025 answers exist, but Malmö has none: nothing of Lund's can reach Malmö's draft.
    expect((await carryOver(ctx, malmo, 0)).status).toBe(404);
    expect((await view(ctx, malmo)).data).toEqual({});
  });

  it('costs one query and one write on a warm instance', async () => {
    await view(ctx, official);
    const counter = countCommands(ctx.clients);
    expect((await carryOver(ctx, official, 0)).status).toBe(200);
    // The session's Get, the organisation's partition in one Query, and the draft's one write.
    expect(counter.reads()).toBeLessThanOrEqual(2);
    expect(counter.calls.filter((call) => call === 'QueryCommand')).toHaveLength(1);
    expect(counter.writes()).toBe(1);
    expect(counter.calls).not.toContain('ScanCommand');
  });

  it('rejects a body without a version in the API’s error format', async () => {
    const res = await ctx.app.request(CARRY_OVER, withCookie(official, jsonRequest('POST', {})));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_input');
    expect((await view(ctx, official)).version).toBe(0);
  });
});
