import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { listScoredQuestions } from '../../shared/scoring/index';
import { ADMIN_EMAIL, auditEntries, call, issuePaths } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { signIn, type TestContext } from '../helpers/test-app';

const LUND_2026 = '/api/admin/campaigns/2026/responses/1281';

/** A scored (not gate) question of the kommun survey and its maximum. */
function scoredQuestion() {
  const question = listScoredQuestions(DEFAULT_SURVEYS.kommun).find((q) => !q.gate && q.max > 0);
  if (!question) throw new Error('the kommun survey has no scored question');
  return question;
}

describe('response review', () => {
  let ctx: TestContext;
  let admin: string;
  const answers = completeKommunAnswers();

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    await seedCampaign(ctx, {
      year: 2025,
      status: 'published',
      opensAt: '2025-03-01T07:00:00.000Z',
      closesAt: '2025-04-30T21:59:00.000Z',
    });
    await submitScoredResponse(ctx, 2025, '1281', { ...answers, respondent_name: 'Förra året' });
    await submitScoredResponse(ctx, 2026, '1281', answers);
  });

  it("shows this year's answers and score beside last year's response", async () => {
    // Act
    const res = await call(ctx, admin, 'GET', LUND_2026);
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.organisation).toEqual({ id: '1281', name: 'Lund', type: 'kommun' });
    expect(res.body.response).toMatchObject({ year: 2026, status: 'submitted', overrides: [], notes: [] });
    expect(res.body.response.data).toEqual(answers);
    expect(res.body.response.effectiveScore).toEqual(res.body.response.score);
    expect(res.body.previous).toMatchObject({
      year: 2025,
      status: 'submitted',
      data: { respondent_name: 'Förra året' },
    });
  });

  it('answers null for an organisation that has not answered yet', async () => {
    const res = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/responses/1280');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ response: null, previous: null });
  });

  it('stores an override with the score it gives, keeping the computed points beside it', async () => {
    // Arrange
    const question = scoredQuestion();
    const computed = (await call(ctx, admin, 'GET', LUND_2026)).body.response.score;
    const computedPoints = computed.questions.find((q: { name: string }) => q.name === question.name).points;
    const points = computedPoints > 0 ? 0 : question.max;
    // Act
    const res = await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, {
      question: question.name,
      points,
      reason: 'Beslutet är inte fattat ännu.',
    });
    // Assert
    expect(res.status).toBe(201);
    expect(res.body.overrides).toEqual([
      {
        question: question.name,
        points,
        reason: 'Beslutet är inte fattat ännu.',
        // The answer it was made on, and whether the answer is still that one.
        answer: answers[question.name],
        answerChanged: false,
        by: ADMIN_EMAIL,
        at: '2026-03-10T09:00:00.000Z',
      },
    ]);
    const overridden = res.body.score.questions.find((q: { name: string }) => q.name === question.name);
    expect(overridden).toMatchObject({ points, computedPoints });
    expect(res.body.score.total).toBeCloseTo(computed.total + points - computedPoints);
    expect(res.body.effectiveScore).toEqual(res.body.score);
    expect(res.body.computedScore).toEqual(computed);
    expect(res.body.rescoreNeeded).toBe(false);
    const stored = (await call(ctx, admin, 'GET', LUND_2026)).body.response;
    expect(stored.score).toEqual(res.body.score);
    expect(stored.computedScore).toEqual(computed);
  });

  it('keeps every override in order and applies the latest one', async () => {
    const question = scoredQuestion();
    await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, { question: question.name, points: 0, reason: 'Först' });
    const res = await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, {
      question: question.name,
      points: question.max,
      reason: 'Rättat',
    });
    expect(res.body.overrides.map((o: { reason: string }) => o.reason)).toEqual(['Först', 'Rättat']);
    expect(res.body.effectiveScore.questions.find((q: { name: string }) => q.name === question.name).points).toBe(
      question.max,
    );
  });

  it('audits an override with who, when, the target and before and after', async () => {
    const question = scoredQuestion();
    await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, {
      question: question.name,
      points: 0,
      reason: 'Saknar beslut',
    });
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({
      actor: ADMIN_EMAIL,
      at: '2026-03-10T09:00:00.000Z',
      action: 'response.override',
      target: `response:2026:1281:${question.name}`,
      year: 2026,
      before: { question: question.name, points: expect.any(Number) },
      after: { question: question.name, points: 0, reason: 'Saknar beslut' },
    });
  });

  it('refuses an override without a reason with 400 and stores nothing', async () => {
    // Act
    const missing = await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, {
      question: scoredQuestion().name,
      points: 0,
    });
    const blank = await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, {
      question: scoredQuestion().name,
      points: 0,
      reason: '   ',
    });
    // Assert
    expect(missing.status).toBe(400);
    expect(issuePaths(missing)).toContain('reason');
    expect(blank.status).toBe(400);
    expect((await call(ctx, admin, 'GET', LUND_2026)).body.response.overrides).toEqual([]);
  });

  it.each([
    ['negative points', { points: -1 }, 400, 'invalid_input'],
    ['more than the question gives', { points: 1000 }, 422, 'points_above_max'],
    ['an unknown question', { question: 'no_such_question' }, 422, 'unknown_question'],
  ])('refuses %s', async (_case, change, status, code) => {
    const body = { question: scoredQuestion().name, points: 0, reason: 'Skäl', ...change };
    const res = await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('refuses a first adjustment to the points the rules already give, and stores nothing', async () => {
    // Arrange: the points the answer gets now
    const question = scoredQuestion();
    const review = await call(ctx, admin, 'GET', LUND_2026);
    const calculated = review.body.response.effectiveScore.questions.find(
      (q: { name: string }) => q.name === question.name,
    ).points;
    // Act
    const res = await call(ctx, admin, 'POST', `${LUND_2026}/overrides`, {
      question: question.name,
      points: calculated,
      reason: 'Samma',
    });
    // Assert: the member would otherwise read "justerat av kansliet" for nothing
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('points_unchanged');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['points'], code: 'points_unchanged' })]);
    expect((await call(ctx, admin, 'GET', LUND_2026)).body.response.overrides).toEqual([]);
  });

  it('refuses an override on a response that is not submitted with 422', async () => {
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/1280/overrides', {
      question: scoredQuestion().name,
      points: 0,
      reason: 'Skäl',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('response_not_submitted');
  });

  it("leaves a note that is stored, emailed to the organisation's contacts and audited", async () => {
    // Act
    const res = await call(ctx, admin, 'POST', `${LUND_2026}/note`, {
      message: 'Fråga 3: bifoga <b>beslutet</b>, tack.',
    });
    // Assert
    expect(res.status).toBe(201);
    expect(res.body.note).toMatchObject({
      message: 'Fråga 3: bifoga <b>beslutet</b>, tack.',
      by: ADMIN_EMAIL,
      emailedTo: 2,
    });
    expect(res.body.response.notes).toHaveLength(1);
    const mails = (await readOutbox(ctx.store)).filter((m) => m.kind === 'review-note');
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['politiker.1281@example.se', 'tjansteperson.1281@example.se']);
    expect(mails[0]?.text).toContain('Fråga 3: bifoga <b>beslutet</b>, tack.');
    expect(mails[0]?.html).toContain('&lt;b&gt;beslutet&lt;/b&gt;');
    expect((await call(ctx, admin, 'GET', LUND_2026)).body.response.notes[0].message).toMatch(/^Fråga 3/);
    expect((await auditEntries(ctx, { year: 2026 }))[0]).toMatchObject({
      action: 'response.note',
      target: 'response:2026:1281',
      organisationId: '1281',
    });
  });

  it("links a note to the survey while the year is open and to the year's result page once it is published", async () => {
    // Act
    await call(ctx, admin, 'POST', `${LUND_2026}/note`, { message: 'Om årets svar.' });
    await call(ctx, admin, 'POST', '/api/admin/campaigns/2025/responses/1281/note', { message: 'Om förra årets.' });
    // Assert
    const mails = (await readOutbox(ctx.store)).filter((m) => m.kind === 'review-note');
    const linkOf = (message: string) =>
      mails.find((m) => m.text.includes(message))?.text.match(/Se svaren: (\S+)/)?.[1];
    expect(linkOf('Om årets svar.')).toMatch(/\/enkat$/);
    expect(linkOf('Om förra årets.')).toMatch(/\/resultat\/2025$/);
  });

  it('refuses a note that does not fit beside a full response with 413 saying so, in Swedish and English, and keeps the earlier notes', async () => {
    // Arrange: a response close to the 400 KB item limit (a long text pasted into an answer)
    await submitScoredResponse(ctx, 2026, '1280', { ...answers, respondent_name: 'x'.repeat(375 * 1024) });
    const path = '/api/admin/campaigns/2026/responses/1280/note';
    const note = { message: 'n'.repeat(5000) };
    // Act: each note takes 5 KB more, so one of the first few no longer fits
    let refused: Response | undefined;
    let stored = 0;
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await ctx.app.request(path, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify(note),
      });
      if (res.status === 413) {
        refused = res;
      } else {
        expect(res.status, await res.text()).toBe(201);
        stored++;
      }
    }
    // Assert
    expect(stored).toBeGreaterThan(0);
    expect(refused?.status).toBe(413);
    const { error } = await refused!.json();
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/^The note does not fit: .* response .* 400 KB limit\. Shorten the note\.$/);
    const swedish = await call(ctx, admin, 'POST', path, note);
    expect(swedish.status).toBe(413);
    expect(swedish.body.error.message).toMatch(
      /^Anteckningen får inte plats: .* svar.* 400 kB\. Korta ner anteckningen\.$/,
    );
    expect(
      (await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/responses/1280')).body.response.notes,
    ).toHaveLength(stored);
  });

  it('refuses an empty note with 400 and a note for an unknown organisation with 404', async () => {
    expect((await call(ctx, admin, 'POST', `${LUND_2026}/note`, { message: '' })).status).toBe(400);
    expect(
      (await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/0180/note', { message: 'Hej' })).status,
    ).toBe(404);
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    const override = { question: scoredQuestion().name, points: 0, reason: 'Skäl' };
    for (const [cookie, status] of [
      [member, 403],
      [undefined, 401],
    ] as const) {
      expect((await call(ctx, cookie, 'GET', LUND_2026)).status).toBe(status);
      expect((await call(ctx, cookie, 'POST', `${LUND_2026}/overrides`, override)).status).toBe(status);
      expect((await call(ctx, cookie, 'POST', `${LUND_2026}/note`, { message: 'Hej' })).status).toBe(status);
    }
    expect((await call(ctx, admin, 'GET', LUND_2026)).body.response).toMatchObject({ overrides: [], notes: [] });
  });
});
