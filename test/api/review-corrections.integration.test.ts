import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { keys } from '../../functions/store/table-design';
import { ADMIN_EMAIL, auditEntries, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

const YEAR = 2026;
const LUND = `/api/admin/campaigns/${YEAR}/responses/1281`;
const PLANNING = 'samhallsplanering';

// biome-ignore lint/suspicious/noExplicitAny: API answers read field by field.
type Json = Record<string, any>;

const sectionTotal = (score: Json, name: string) => score.sections.find((s: Json) => s.name === name)?.total;

/** The kommun survey as campaigns copied it before `reviewScore` existed: S6 without the property. */
function legacyKommun(): object {
  const survey = structuredClone(DEFAULT_SURVEYS.kommun) as Json;
  for (const page of survey.pages) for (const element of page.elements ?? []) delete element.reviewScore;
  return survey;
}

describe('the review point of Samhällsplanering (S6)', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    await submitScoredResponse(ctx, YEAR, '1281', completeKommunAnswers());
  });

  it('can be awarded by the kansli, up to its 1 point, and counts in the stored score and the scorecard', async () => {
    // Arrange
    const review = await call(ctx, admin, 'GET', LUND);
    const before = review.body.response.score;
    // Act
    const res = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'S6',
      points: 1,
      reason: 'Gott exempel att sprida',
    });
    // Assert: the review offers it, the stored score gains the point, the scorecard lists it as given
    expect(review.body.adjustableMax).toMatchObject({ S6: 1, M1: expect.any(Number) });
    expect(review.body.adjustableMax.S1_comment).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body.score.total).toBe(before.total + 1);
    expect(sectionTotal(res.body.score, PLANNING)).toBe(sectionTotal(before, PLANNING) + 1);
    const list = await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/responses`);
    const stored = list.body.responses.find((r: Json) => r.organisation.id === '1281');
    expect(stored.score.total).toBe(before.total + 1);
    const card = await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/scorecards/1281`);
    expect(card.body.total).toBe(before.total + 1);
    expect(card.body.lostPoints.filter((row: Json) => row.setInReview)).toEqual([]);
  });

  it('refuses more than its 1 point, and points on a question that gives none', async () => {
    const above = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'S6',
      points: 2,
      reason: 'För mycket',
    });
    const comment = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'S1_comment',
      points: 1,
      reason: 'Ingen poängfråga',
    });
    expect([above.status, above.body.error.code]).toEqual([422, 'points_above_max']);
    expect([comment.status, comment.body.error.code]).toEqual([422, 'question_not_scored']);
  });

  it('can be awarded in a campaign whose survey was copied before the property existed', async () => {
    // Arrange: the page's maxScore above its questions' maxima is the only trace of the review point
    await ctx.store.update(keys.campaign(YEAR), { set: { surveys: { ...DEFAULT_SURVEYS, kommun: legacyKommun() } } });
    // Act
    const review = await call(ctx, admin, 'GET', LUND);
    const res = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'S6',
      points: 1,
      reason: 'Gott exempel',
    });
    const above = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'S6',
      points: 1.5,
      reason: 'För mycket',
    });
    // Assert
    expect(review.body.adjustableMax.S6).toBe(1);
    expect(res.status).toBe(201);
    expect(res.body.score.total).toBe(review.body.response.score.total + 1);
    expect(above.body.error.code).toBe('points_above_max');
  });
});

describe('corrections after publishing', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-05-05T09:00:00Z', campaign: true }));
    await submitScoredResponse(ctx, YEAR, '1281', completeKommunAnswers());
    expect((await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/publish`)).status).toBe(201);
  });

  it("lets the kansli adjust points and remove an adjustment, audited, while the members' answers stay frozen", async () => {
    // Arrange
    const before = (await call(ctx, admin, 'GET', LUND)).body.response;
    // Act
    const added = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'S6',
      points: 1,
      reason: 'Rättelse',
    });
    const removed = await call(ctx, admin, 'DELETE', `${LUND}/overrides/S6`, { reason: 'Rättelsen var fel' });
    const again = await call(ctx, admin, 'POST', `${LUND}/overrides`, {
      question: 'S6',
      points: 1,
      reason: 'Rättelse 2',
    });
    const reopen = await call(ctx, admin, 'POST', `${LUND}/reopen`, {
      closesAt: '2026-06-10T21:59:00Z',
      reason: 'Vill ändra',
    });
    const patch = await call(ctx, admin, 'PATCH', `/api/admin/campaigns/${YEAR}`, { title: 'Nytt namn' });
    // Assert
    expect([added.status, removed.status, again.status]).toEqual([201, 200, 201]);
    expect(removed.body.score.total).toBe(before.score.total);
    expect(again.body.score.total).toBe(before.score.total + 1);
    expect(again.body.data).toEqual(before.data);
    expect([reopen.status, reopen.body.error.code]).toEqual([422, 'campaign_published']);
    expect([patch.status, patch.body.error.code]).toEqual([422, 'campaign_published']);
    const entries = await auditEntries(ctx, { year: YEAR });
    const corrections = entries.filter((e) => String(e.action).startsWith('response.override'));
    const rows = corrections.map((e) => [e.action, e.actor, (e.after as Json).afterPublishing]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['response.override', ADMIN_EMAIL, true],
        ['response.override.remove', ADMIN_EMAIL, true],
      ]),
    );
  });

  it('shows the correction in the scorecard at once; the published version stays, as the report it would change is withheld', async () => {
    // Arrange
    const first = await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/reports/1`);
    const cardBefore = await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/scorecards/1281`);
    // Act
    await call(ctx, admin, 'POST', `${LUND}/overrides`, { question: 'S6', points: 1, reason: 'Rättelse' });
    const cardAfter = await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/scorecards/1281`);
    const republished = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/publish`);
    // Assert
    expect(cardAfter.body.total).toBe(cardBefore.body.total + 1);
    // One respondent's figures are withheld from the report, so it reads the same: no version 2.
    expect(republished.status).toBe(200);
    expect(republished.body).toMatchObject({ revision: 1, unchanged: true });
    expect((await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/reports/1`)).body).toEqual(first.body);
  });
});

describe('a survey save that leaves stored scores out of date', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    await submitScoredResponse(ctx, YEAR, '1281', completeKommunAnswers());
  });

  /** The kommun survey with M1's best choice worth one point less. */
  function cheaperM1(): Json {
    const survey = structuredClone(DEFAULT_SURVEYS.kommun) as Json;
    const m1 = survey.pages.flatMap((p: Json) => p.elements ?? []).find((e: Json) => e.name === 'M1');
    const best = [...m1.choices].sort((a: Json, b: Json) => b.score - a.score)[0];
    best.score -= 1;
    return survey;
  }

  it('says how many submitted responses now have a stale score, and none after re-scoring', async () => {
    // Act
    const saved = await call(ctx, admin, 'PATCH', `/api/admin/campaigns/${YEAR}`, { surveys: { kommun: cheaperM1() } });
    const review = await call(ctx, admin, 'GET', LUND);
    const rescore = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/rescore`);
    const resaved = await call(ctx, admin, 'PATCH', `/api/admin/campaigns/${YEAR}`, {
      surveys: { kommun: { ...cheaperM1(), title: 'Ny rubrik' } },
    });
    // Assert
    expect(saved.status).toBe(200);
    expect(saved.body.staleScores).toBe(1);
    expect(review.body.response.rescoreNeeded).toBe(true);
    expect(rescore.body).toMatchObject({ rescored: 1 });
    expect(resaved.body.staleScores).toBe(0);
  });

  it('says nothing about scores when the survey did not change', async () => {
    const saved = await call(ctx, admin, 'PATCH', `/api/admin/campaigns/${YEAR}`, { title: 'Nytt namn' });
    expect(saved.status).toBe(200);
    expect(saved.body.staleScores).toBeUndefined();
  });
});
