import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { keys } from '../../functions/store/table-design';
import { listScoredQuestions } from '../../shared/scoring/index';
import { ADMIN_EMAIL, auditEntries, call, issuePaths } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, seededContext, submitScoredResponse } from '../helpers/seeded-context';
import { countCommands, signIn, type TestContext } from '../helpers/test-app';

const LUND_2026 = '/api/admin/campaigns/2026/responses/1281';
const overrideOf = (question: string, base = LUND_2026) => `${base}/overrides/${encodeURIComponent(question)}`;

/** Two scored (not gate) questions of the kommun survey. */
function scoredQuestions() {
  const questions = listScoredQuestions(DEFAULT_SURVEYS.kommun).filter((q) => !q.gate && q.max > 0);
  if (questions.length < 2) throw new Error('the kommun survey has fewer than two scored questions');
  return [questions[0]!, questions[1]!] as const;
}

function pointsOf(response: { effectiveScore: { questions: Array<{ name: string; points: number }> } }, name: string) {
  return response.effectiveScore.questions.find((q) => q.name === name)?.points;
}

describe('DELETE /api/admin/campaigns/{year}/responses/{code}/overrides/{question}', () => {
  let ctx: TestContext;
  let admin: string;
  let computed: { total: number; questions: Array<{ name: string; points: number }> };
  const [first, second] = scoredQuestions();

  /** Overrides `question` to the points it does not have (0, or its maximum when it has none). */
  async function override(question: { name: string; max: number }, reason = 'Beslutet saknas.') {
    const points = (computed.questions.find((q) => q.name === question.name)?.points ?? 0) > 0 ? 0 : question.max;
    const res = await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, { question: question.name, points, reason });
    expect(res.status).toBe(201);
    return points;
  }

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    await submitScoredResponse(ctx, 2026, '1281', completeKommunAnswers());
    computed = (await call(ctx, admin, 'GET', LUND_2026)).body.response.score;
  });

  it('restores the computed points and keeps the other questions’ overrides', async () => {
    // Arrange: two overrides of the first question and one of the second.
    await override(first, 'Först');
    await override(first, 'Sedan');
    const secondPoints = await override(second);
    ctx.clock.advance(60_000);
    // Act
    const res = await call(ctx, admin, 'DELETE', overrideOf(first.name), { reason: 'Beslutet kom in i efterhand.' });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.overrides.map((o: { question: string }) => o.question)).toEqual([second.name]);
    const restored = res.body.effectiveScore.questions.find((q: { name: string }) => q.name === first.name);
    expect(restored.points).toBe(computed.questions.find((q) => q.name === first.name)?.points);
    expect(restored.computedPoints).toBeUndefined();
    expect(pointsOf(res.body, second.name)).toBe(secondPoints);
    expect(res.body.score).toEqual(res.body.effectiveScore);
    expect(res.body.computedScore).toEqual(computed);
    const stored = (await call(ctx, admin, 'GET', LUND_2026)).body.response;
    expect(stored.overrides).toEqual(res.body.overrides);
    expect(stored.score).toEqual(res.body.score);
  });

  it('gives back the stored score when the last override goes', async () => {
    await override(first);
    const res = await call(ctx, admin, 'DELETE', overrideOf(first.name), { reason: 'Fel av kansliet.' });
    expect(res.status).toBe(200);
    expect(res.body.overrides).toEqual([]);
    expect(res.body.effectiveScore).toEqual(computed);
    expect((await call(ctx, admin, 'GET', LUND_2026)).body.response.score).toEqual(computed);
  });

  it('audits the removal with who, when, the target and the points before and after', async () => {
    // Arrange
    const overridden = await override(first, 'Saknar beslut');
    ctx.clock.advance(60_000);
    // Act
    await call(ctx, admin, 'DELETE', overrideOf(first.name), { reason: 'Beslutet finns.' });
    // Assert
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({
      actor: ADMIN_EMAIL,
      at: '2026-03-10T09:01:00.000Z',
      action: 'response.override.remove',
      target: `response:2026:1281:${first.name}`,
      organisationId: '1281',
      year: 2026,
      before: { question: first.name, points: overridden, reason: 'Saknar beslut' },
      after: {
        question: first.name,
        points: computed.questions.find((q) => q.name === first.name)?.points,
        reason: 'Beslutet finns.',
      },
    });
  });

  it.each([
    ['no body', undefined],
    ['no reason', {}],
    ['a blank reason', { reason: '   ' }],
    ['a reason of two characters', { reason: 'ok' }],
  ])('refuses %s with 400 and keeps the override', async (_case, body) => {
    await override(first);
    const res = await call(ctx, admin, 'DELETE', overrideOf(first.name), body);
    expect(res.status).toBe(400);
    if (body) expect(issuePaths(res)).toContain('reason');
    expect((await call(ctx, admin, 'GET', LUND_2026)).body.response.overrides).toHaveLength(1);
  });

  it('answers 404 override_not_found for a question without an override, and 404 for an unknown organisation', async () => {
    await override(first);
    const commands = countCommands(ctx.clients);
    const none = await call(ctx, admin, 'DELETE', overrideOf(second.name), { reason: 'Skäl nog' });
    const unknownQuestion = await call(ctx, admin, 'DELETE', overrideOf('no_such_question'), { reason: 'Skäl nog' });
    const unknownOrg = await call(
      ctx,
      admin,
      'DELETE',
      overrideOf(first.name, '/api/admin/campaigns/2026/responses/0180'),
      {
        reason: 'Skäl nog',
      },
    );
    const noResponse = await call(
      ctx,
      admin,
      'DELETE',
      overrideOf(first.name, '/api/admin/campaigns/2026/responses/1280'),
      { reason: 'Skäl nog' },
    );
    expect([none, unknownQuestion, noResponse].map((r) => [r.status, r.body.error.code])).toEqual([
      [404, 'override_not_found'],
      [404, 'override_not_found'],
      [404, 'override_not_found'],
    ]);
    expect(unknownOrg.status).toBe(404);
    expect(commands.writes()).toBe(0);
  });

  it('still removes one once the campaign is published: a correction for the next published version', async () => {
    await override(first);
    await ctx.store.update(keys.campaign(2026), { set: { status: 'published' } });
    const res = await call(ctx, admin, 'DELETE', overrideOf(first.name), { reason: 'Rättelse efter publicering' });
    expect(res.status).toBe(200);
    expect(res.body.overrides).toEqual([]);
  });

  it('loses neither a removal nor an override added at the same moment', async () => {
    // Arrange
    await override(first);
    // Act: a removal and a new override of another question race.
    const [removed, added] = await Promise.all([
      call(ctx, admin, 'DELETE', overrideOf(first.name), { reason: 'Tas bort' }),
      call(ctx, admin, 'POST', `${LUND_2026}/overrides`, { question: second.name, points: 0, reason: 'Läggs till' }),
    ]);
    // Assert
    expect([removed.status, added.status]).toEqual([200, 201]);
    const stored = (await call(ctx, admin, 'GET', LUND_2026)).body.response;
    expect(stored.overrides.map((o: { question: string; reason: string }) => `${o.question} ${o.reason}`)).toEqual([
      `${second.name} Läggs till`,
    ]);
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    await override(first);
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await call(ctx, member, 'DELETE', overrideOf(first.name), { reason: 'Intrång' })).status).toBe(403);
    expect((await call(ctx, undefined, 'DELETE', overrideOf(first.name), { reason: 'Intrång' })).status).toBe(401);
    expect((await call(ctx, admin, 'GET', LUND_2026)).body.response.overrides).toHaveLength(1);
  });
});

describe('the override list under concurrent changes (single-item conditional writes)', () => {
  it('refuses a write based on a list read before someone removed and re-added to the same length', async () => {
    // Arrange: the list as one admin read it ([a, b]); meanwhile b was removed and c appended. On a
    // draft (a reopened response), whose score the list writes leave alone.
    const ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: true });
    const repo = new ResponseRepository(ctx.store);
    await repo.saveDraft({
      year: 2026,
      organisationId: '1281',
      organisationType: 'kommun',
      data: completeKommunAnswers(),
      editor: { name: 'Erik Nilsson', email: 'tjansteperson.1281@example.se' },
      answered: 1,
      totalQuestions: 1,
      expectedVersion: 0,
      campaignAcceptsWrites: true,
      now: '2026-03-10T09:00:00.000Z',
    });
    const [first, second] = scoredQuestions();
    const entry = (question: string, at: string) => ({ question, points: 0, reason: 'Skäl', by: ADMIN_EMAIL, at });
    const a = entry(first.name, '2026-03-10T09:00:00.000Z');
    const b = entry(second.name, '2026-03-10T09:00:01.000Z');
    const c = entry(second.name, '2026-03-10T09:00:02.000Z');
    const base = { year: 2026, organisationId: '1281', organisationType: 'kommun' as const };
    await repo.replaceOverrides({ ...base, expected: [], next: [a, b] });
    await repo.replaceOverrides({ ...base, expected: [a, b], next: [a] });
    await repo.replaceOverrides({ ...base, expected: [a], next: [a, c] });
    // Act: the stale writer appends to [a, b].
    const stale = repo.replaceOverrides({ ...base, expected: [a, b], next: [a, b, entry(first.name, 'x')] });
    // Assert
    await expect(stale).rejects.toMatchObject({ code: 'response_write_refused' });
    expect((await repo.get(2026, '1281'))?.overrides).toEqual([a, c]);
  });
});
