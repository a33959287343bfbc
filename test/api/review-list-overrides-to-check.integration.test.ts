import { beforeEach, describe, expect, it } from 'vitest';
import {
  ADJUSTED_ANSWERS,
  ADJUSTMENT_REASON,
  adjustAndReopen,
  adjustedAnswerWorld,
  LUND_REVIEW,
  memberResubmits,
} from '../helpers/adjusted-answer';
import { ADMIN_EMAIL, auditEntries, call } from '../helpers/admin-api';
import { countCommands, type TestContext } from '../helpers/test-app';

/**
 * The review list flags a response whose adjustment was made on an answer the member has changed
 * since (the review page's rule, `countStaleOverrides`), without reading the answers: the response
 * item carries `overridesToCheck`, written by submit, an adjustment, keeping and removing one.
 * "Behåll justeringen" is audited as `response.override.keep` with both answers.
 */

const YEAR = 2026;
const PROGRESS = `/api/admin/campaigns/${YEAR}/progress`;

type Row = { organisationId: string; status: string; overridesToCheck: number };

async function rowOf(ctx: TestContext, admin: string, code: string): Promise<Row> {
  const res = await call(ctx, admin, 'GET', PROGRESS);
  expect(res.status).toBe(200);
  return (res.body as Row[]).find((row) => row.organisationId === code)!;
}

describe('the review list: adjustments to check', () => {
  let ctx: TestContext;
  let admin: string;
  const answers = ADJUSTED_ANSWERS;

  beforeEach(async () => {
    ({ ctx, admin } = await adjustedAnswerWorld());
  });

  it('flags a response resubmitted with the adjusted answer changed, as the review page does', async () => {
    // Arrange
    await adjustAndReopen(ctx, admin);
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ status: 'draft', overridesToCheck: 0 });
    // Act
    await memberResubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    // Assert
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ status: 'submitted', overridesToCheck: 1 });
    const review = await call(ctx, admin, 'GET', LUND_REVIEW);
    expect(review.body.response.overrides).toMatchObject([{ question: 'M1', answerChanged: true }]);
    // An organisation without adjustments is not flagged.
    expect(await rowOf(ctx, admin, '12')).toMatchObject({ overridesToCheck: 0 });
  });

  it('does not flag a response resubmitted with the adjusted answer as it was', async () => {
    await adjustAndReopen(ctx, admin);
    await memberResubmits(ctx, { ...answers, M3: false });
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ status: 'submitted', overridesToCheck: 0 });
  });

  it('clears the flag when the kansli keeps the adjustment, and audits it as kept with both answers', async () => {
    // Arrange
    await adjustAndReopen(ctx, admin);
    await memberResubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    ctx.clock.advance(60_000);
    // Act: "Behåll justeringen" posts the same points and reason
    const kept = await call(ctx, admin, 'POST', `${LUND_REVIEW}/overrides`, {
      question: 'M1',
      points: 0.5,
      reason: ADJUSTMENT_REASON,
    });
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
      after: { question: 'M1', points: 0.5, reason: ADJUSTMENT_REASON, answer: 'klimatneutral_2030' },
    });
  });

  it('audits a new adjustment of a stale question (other points) as an ordinary adjustment', async () => {
    await adjustAndReopen(ctx, admin);
    await memberResubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    ctx.clock.advance(60_000);
    const res = await call(ctx, admin, 'POST', `${LUND_REVIEW}/overrides`, {
      question: 'M1',
      points: 2,
      reason: ADJUSTMENT_REASON,
    });
    expect(res.status).toBe(201);
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({ action: 'response.override', after: { question: 'M1', points: 2 } });
    expect(entry?.before).not.toHaveProperty('answer');
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ overridesToCheck: 0 });
  });

  it('audits the first adjustment, and one on an unchanged answer, as ordinary adjustments', async () => {
    await call(ctx, admin, 'POST', `${LUND_REVIEW}/overrides`, {
      question: 'M1',
      points: 0.5,
      reason: ADJUSTMENT_REASON,
    });
    ctx.clock.advance(60_000);
    await call(ctx, admin, 'POST', `${LUND_REVIEW}/overrides`, {
      question: 'M1',
      points: 0.5,
      reason: ADJUSTMENT_REASON,
    });
    const entries = await auditEntries(ctx, { organisationId: '1281' });
    expect(entries.map((e) => e.action)).toEqual(['response.override', 'response.override']);
  });

  it('clears the flag when the kansli removes the stale adjustment', async () => {
    await adjustAndReopen(ctx, admin);
    await memberResubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    const res = await call(ctx, admin, 'DELETE', `${LUND_REVIEW}/overrides/M1`, { reason: 'Det nya svaret stämmer.' });
    expect(res.status).toBe(200);
    expect(await rowOf(ctx, admin, '1281')).toMatchObject({ overridesToCheck: 0 });
  });

  it('lists the flag with the same DynamoDB requests as before: two GetItems and three queries', async () => {
    // Arrange: one flagged response in the list
    await adjustAndReopen(ctx, admin);
    await memberResubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
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
