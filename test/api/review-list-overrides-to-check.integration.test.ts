import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, auditEntries, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { countCommands, signIn, type TestContext } from '../helpers/test-app';

/**
 * The review list flags a response whose adjustment was made on an answer the member has changed
 * since (the review page's rule, `countStaleOverrides`), without reading the answers: the response
 * item carries `overridesToCheck`, written by submit, an adjustment, keeping and removing one.
 * "Behåll justeringen" is audited as `response.override.keep` with both answers.
 */

const YEAR = 2026;
const PROGRESS = `/api/admin/campaigns/${YEAR}/progress`;
const LUND = `/api/admin/campaigns/${YEAR}/responses/1281`;
const OFFICIAL = 'tjansteperson.1281@example.se';
const REASON = 'Beslutet gäller bara kommunkoncernen';

type Row = { organisationId: string; status: string; overridesToCheck: number };

/** The member signs in, saves `data` at the stored version and submits it. */
async function memberSubmits(ctx: TestContext, data: Record<string, unknown>) {
  const cookie = await signIn(ctx, OFFICIAL);
  const view = await call(ctx, cookie, 'GET', `/api/campaigns/${YEAR}/response`);
  const saved = await call(ctx, cookie, 'PUT', `/api/campaigns/${YEAR}/response`, {
    data,
    version: view.body.version,
  });
  expect(saved.status).toBe(200);
  const submitted = await call(ctx, cookie, 'POST', `/api/campaigns/${YEAR}/response/submit`, {
    version: saved.body.version,
  });
  expect(submitted.status).toBe(200);
}

async function rowOf(ctx: TestContext, admin: string, code: string): Promise<Row> {
  const res = await call(ctx, admin, 'GET', PROGRESS);
  expect(res.status).toBe(200);
  return (res.body as Row[]).find((row) => row.organisationId === code)!;
}

describe('the review list: adjustments to check', () => {
  let ctx: TestContext;
  let admin: string;
  const answers: Record<string, unknown> = { ...completeKommunAnswers(), M1: 'skarpare_an_2045' };

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    await submitScoredResponse(ctx, YEAR, '1281', answers);
  });

  /** Lund's M1 adjusted from 2 to 0.5, then reopened so the member can change it. */
  async function adjustAndReopen() {
    const adjusted = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'M1',
      points: 0.5,
      reason: REASON,
    });
    expect(adjusted.status).toBe(201);
    const reopened = await call(ctx, admin, 'POST', `${LUND}/reopen`, { reason: 'Komplettera M1', intent: 'reopen' });
    expect(reopened.status).toBe(200);
  }

  it('flags a response resubmitted with the adjusted answer changed, as the review page does', async () => {
    // Arrange
    await adjustAndReopen();
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ status: 'draft', overridesToCheck: 0 });
    // Act
    await memberSubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    // Assert
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ status: 'submitted', overridesToCheck: 1 });
    const review = await call(ctx, admin, 'GET', LUND);
    expect(review.body.response.overrides).toMatchObject([{ question: 'M1', answerChanged: true }]);
    // An organisation without adjustments is not flagged.
    expect(await rowOf(ctx, admin, '12')).toMatchObject({ overridesToCheck: 0 });
  });

  it('does not flag a response resubmitted with the adjusted answer as it was', async () => {
    await adjustAndReopen();
    await memberSubmits(ctx, { ...answers, M3: false });
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ status: 'submitted', overridesToCheck: 0 });
  });

  it('clears the flag when the kansli keeps the adjustment, and audits it as kept with both answers', async () => {
    // Arrange
    await adjustAndReopen();
    await memberSubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    ctx.clock.advance(60_000);
    // Act: "Behåll justeringen" posts the same points and reason
    const kept = await call(ctx, admin, 'POST', `${LUND}/overrides`, { question: 'M1', points: 0.5, reason: REASON });
    // Assert
    expect(kept.status).toBe(201);
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ overridesToCheck: 0 });
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({
      actor: ADMIN_EMAIL,
      at: '2026-03-10T09:01:00.000Z',
      action: 'response.override.keep',
      target: `response:${YEAR}:1281:M1`,
      before: { question: 'M1', points: 0.5, answer: 'skarpare_an_2045' },
      after: { question: 'M1', points: 0.5, reason: REASON, answer: 'klimatneutral_2030' },
    });
  });

  it('audits a new adjustment of a stale question (other points) as an ordinary adjustment', async () => {
    await adjustAndReopen();
    await memberSubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    ctx.clock.advance(60_000);
    const res = await call(ctx, admin, 'POST', `${LUND}/overrides`, { question: 'M1', points: 2, reason: REASON });
    expect(res.status).toBe(201);
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({ action: 'response.override', after: { question: 'M1', points: 2 } });
    expect(entry?.before).not.toHaveProperty('answer');
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ overridesToCheck: 0 });
  });

  it('audits the first adjustment, and one on an unchanged answer, as ordinary adjustments', async () => {
    await call(ctx, admin, 'POST', `${LUND}/overrides`, { question: 'M1', points: 0.5, reason: REASON });
    ctx.clock.advance(60_000);
    await call(ctx, admin, 'POST', `${LUND}/overrides`, { question: 'M1', points: 0.5, reason: REASON });
    const entries = await auditEntries(ctx, { organisationId: '1281' });
    expect(entries.map((e) => e.action)).toEqual(['response.override', 'response.override']);
  });

  it('clears the flag when the kansli removes the stale adjustment', async () => {
    await adjustAndReopen();
    await memberSubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    const res = await call(ctx, admin, 'DELETE', `${LUND}/overrides/M1`, { reason: 'Det nya svaret stämmer.' });
    expect(res.status).toBe(200);
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ overridesToCheck: 0 });
  });

  it('lists the flag with the same DynamoDB requests as before: two GetItems and three queries', async () => {
    // Arrange: one flagged response in the list
    await adjustAndReopen();
    await memberSubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    await call(ctx, admin, 'GET', PROGRESS); // the session and campaign caches warm, as in use
    const counter = countCommands(ctx.clients);
    // Act
    const res = await call(ctx, admin, 'GET', PROGRESS);
    // Assert
    expect((res.body as Row[]).find((row) => row.organisationId === '1281')?.overridesToCheck).toBe(1);
    // The session and the campaign, then the register, the campaign's responses and its reminder log.
    expect([...counter.calls].sort()).toEqual([
      'GetItemCommand',
      'GetItemCommand',
      'QueryCommand',
      'QueryCommand',
      'QueryCommand',
    ]);
  });
});
