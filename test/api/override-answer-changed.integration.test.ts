import { beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../functions/store/table-design';
import {
  ADJUSTED_ANSWERS,
  ADJUSTMENT_REASON,
  adjustAndReopen,
  adjustedAnswerWorld,
  LUND_REVIEW,
  memberResubmits,
} from '../helpers/adjusted-answer';
import { ADMIN_EMAIL, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

/**
 * An adjustment survives a reopen (docs/scoring.md), but the review must say when the member changed
 * the answer it was made on: Lund's M1 adjusted from 2 to 0.5 on "Skarpare än 2045", reopened, the
 * member answers "klimatneutral senast 2030" (worth 3) and submits again.
 */

const YEAR = 2026;

type Override = { question: string; points: number; reason: string; answer?: unknown; answerChanged: boolean | null };

/** The latest override of M1 as the review answers it. */
async function reviewedM1(ctx: TestContext, admin: string): Promise<Override | undefined> {
  const res = await call(ctx, admin, 'GET', LUND_REVIEW);
  expect(res.status).toBe(200);
  return (res.body.response.overrides as Override[]).filter((o) => o.question === 'M1').at(-1);
}

describe('an adjustment whose answer changed since it was made', () => {
  let ctx: TestContext;
  let admin: string;
  const answers = ADJUSTED_ANSWERS;

  beforeEach(async () => {
    ({ ctx, admin } = await adjustedAnswerWorld());
  });

  it('stores the answer the adjustment was made on', async () => {
    const adjusted = await adjustAndReopen(ctx, admin);
    expect(adjusted.overrides).toEqual([
      {
        question: 'M1',
        points: 0.5,
        reason: ADJUSTMENT_REASON,
        answer: 'skarpare_an_2045',
        answerChanged: false,
        by: ADMIN_EMAIL,
        at: '2026-03-10T09:00:00.000Z',
      },
    ]);
  });

  it('says the answer changed after a reopen and a new submit, with the answer it was made on', async () => {
    // Arrange
    await adjustAndReopen(ctx, admin);
    // Act
    await memberResubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    // Assert: the adjustment still counts (the documented rule), and the review says it is stale
    const res = await call(ctx, admin, 'GET', LUND_REVIEW);
    const m1 = res.body.response.score.questions.find((q: { name: string }) => q.name === 'M1');
    expect(m1).toMatchObject({ points: 0.5, computedPoints: 3 });
    expect(res.body.response.data.M1).toBe('klimatneutral_2030');
    expect(res.body.response.overrides).toMatchObject([
      { question: 'M1', points: 0.5, reason: ADJUSTMENT_REASON, answer: 'skarpare_an_2045', answerChanged: true },
    ]);
  });

  it('clears the flag when the kansli keeps the adjustment: re-saved on the answer now', async () => {
    // Arrange
    await adjustAndReopen(ctx, admin);
    await memberResubmits(ctx, { ...answers, M1: 'klimatneutral_2030' });
    // Act: "Behåll justeringen" posts the same points and reason to the override endpoint
    const kept = await call(ctx, admin, 'POST', `${LUND_REVIEW}/overrides`, {
      question: 'M1',
      points: 0.5,
      reason: ADJUSTMENT_REASON,
    });
    // Assert
    expect(kept.status).toBe(201);
    expect(kept.body.overrides.at(-1)).toMatchObject({ answer: 'klimatneutral_2030', answerChanged: false });
    expect(await reviewedM1(ctx, admin)).toMatchObject({
      points: 0.5,
      answer: 'klimatneutral_2030',
      answerChanged: false,
    });
  });

  it('does not flag an adjustment whose answer the member left as it was', async () => {
    await adjustAndReopen(ctx, admin);
    await memberResubmits(ctx, { ...answers, M3: false });
    expect(await reviewedM1(ctx, admin)).toMatchObject({ answer: 'skarpare_an_2045', answerChanged: false });
  });

  it('does not flag an adjustment stored before answers were recorded with it (unknown)', async () => {
    // Arrange: an override as stored before this change, without its answer
    await ctx.store.update(keys.response(YEAR, '1281'), {
      set: {
        overrides: [
          { question: 'M1', points: 0.5, reason: ADJUSTMENT_REASON, by: ADMIN_EMAIL, at: '2026-03-09T09:00:00.000Z' },
        ],
      },
    });
    // Act
    const m1 = await reviewedM1(ctx, admin);
    // Assert
    expect(m1).toMatchObject({ question: 'M1', points: 0.5, answerChanged: null });
    expect(m1).not.toHaveProperty('answer');
  });

  it('records an unanswered question as null, and flags it once answered', async () => {
    // Arrange: S6 (the point only the kansli awards) left empty, adjusted, then answered after a reopen
    const { S6: _left, ...withoutS6 } = answers;
    await submitScoredResponse(ctx, YEAR, '1280', withoutS6);
    const path = `/api/admin/campaigns/${YEAR}/responses/1280`;
    const adjusted = await call(ctx, admin, 'POST', `${path}/overrides`, { question: 'S6', points: 1, reason: 'Ok' });
    expect(adjusted.body.overrides[0]).toMatchObject({ answer: null, answerChanged: false });
    // Act
    await ctx.store.update(keys.response(YEAR, '1280'), { set: { data: { ...withoutS6, S6: 'Cykelstråk' } } });
    // Assert
    const res = await call(ctx, admin, 'GET', path);
    expect(res.body.response.overrides[0]).toMatchObject({ answer: null, answerChanged: true });
  });
});

describe('the override refusals name their field in both languages', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    await submitScoredResponse(ctx, YEAR, '1281', completeKommunAnswers());
  });

  it.each([
    [
      'more points than the question gives',
      { question: 'M1', points: 4, reason: 'För mycket' },
      { path: ['points'], code: 'points_above_max', message: 'Högst 3.', messageEn: 'At most 3.' },
      'Question M1 gives at most 3 points.',
    ],
    [
      'an unknown question',
      { question: 'no_such_question', points: 1, reason: 'Okänd' },
      { path: ['question'], code: 'unknown_question', message: 'Okänd fråga.', messageEn: 'Unknown question.' },
      'Question no_such_question is not in the survey.',
    ],
    [
      'a question that gives no points',
      { question: 'S1_comment', points: 1, reason: 'Ingen poängfråga' },
      {
        path: ['question'],
        code: 'question_not_scored',
        message: 'Frågan ger inga poäng.',
        messageEn: 'The question gives no points.',
      },
      'Question S1_comment gives no points.',
    ],
  ])('%s: a detail with code, message and messageEn', async (_case, body, detail, messageEn) => {
    // Act
    const sv = await call(ctx, admin, 'POST', `${LUND_REVIEW}/overrides`, body);
    const en = await ctx.app.request(`${LUND_REVIEW}/overrides`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify(body),
    });
    // Assert
    expect(sv.status).toBe(422);
    expect(sv.body.error).toMatchObject({ code: detail.code, details: [detail] });
    const english = (await en.json()) as { error: { message: string; details: unknown } };
    expect(en.status).toBe(422);
    expect(english.error).toMatchObject({ message: messageEn, details: [detail] });
  });
});
