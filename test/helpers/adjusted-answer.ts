import { expect } from 'vitest';
import { call } from './admin-api';
import { completeKommunAnswers } from './complete-answers';
import { type AdminWorld, adminWorld, submitScoredResponse } from './seeded-context';
import { submitAnswers } from './submit-answers';
import type { TestContext } from './test-app';

/**
 * Where the tests of an adjustment whose answer changed start: Lund has submitted with M1 "Skarpare
 * än 2045" (2 points); the kansli adjusts M1 to 0.5 and reopens, and the member may then answer
 * again and resubmit.
 */
export const ADJUSTED_YEAR = 2026;
export const LUND_REVIEW = `/api/admin/campaigns/${ADJUSTED_YEAR}/responses/1281`;
export const LUND_OFFICIAL = 'tjansteperson.1281@example.se';
export const ADJUSTMENT_REASON = 'Beslutet gäller bara kommunkoncernen';
export const ADJUSTED_ANSWERS: Record<string, unknown> = { ...completeKommunAnswers(), M1: 'skarpare_an_2045' };

/** The kansli signed in on 10 March, Lund's answers submitted and scored. */
export async function adjustedAnswerWorld(): Promise<AdminWorld> {
  const world = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true });
  await submitScoredResponse(world.ctx, ADJUSTED_YEAR, '1281', ADJUSTED_ANSWERS);
  return world;
}

/** Lund's M1 adjusted from 2 to 0.5, then reopened so the member can change it; the adjustment as answered. */
export async function adjustAndReopen(ctx: TestContext, admin: string) {
  const adjusted = await call(ctx, admin, 'POST', `${LUND_REVIEW}/overrides`, {
    question: 'M1',
    points: 0.5,
    reason: ADJUSTMENT_REASON,
  });
  expect(adjusted.status).toBe(201);
  const reopened = await call(ctx, admin, 'POST', `${LUND_REVIEW}/reopen`, {
    reason: 'Komplettera M1',
    intent: 'reopen',
  });
  expect(reopened.status).toBe(200);
  return adjusted.body;
}

/** Lund's official signs in, saves `data` at the stored version and submits it again. */
export async function memberResubmits(ctx: TestContext, data: Record<string, unknown>) {
  await submitAnswers(ctx, LUND_OFFICIAL, data, ADJUSTED_YEAR);
}
