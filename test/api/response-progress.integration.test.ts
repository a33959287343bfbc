import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { keys } from '../../functions/store/table-design';
import { ResponseViewSchema } from '../../shared/schemas/response.schema';
import { answeredShare } from '../../shared/scoring/answered-share';
import { call, signInAdmin } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { markInvited } from '../helpers/reminder-setup';
import { seededContext } from '../helpers/seeded-context';
import { jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';

/** "x av y obligatoriska frågor besvarade" on the member's home page comes from the response view. */
describe('the member’s response view counts the required questions answered', () => {
  let ctx: TestContext;
  let official: string;
  const view = async (cookie: string) => {
    const res = await ctx.app.request(RESPONSE, { headers: { cookie } });
    expect(res.status).toBe(200);
    return ResponseViewSchema.parse(await res.json());
  };
  const put = (cookie: string, data: Record<string, unknown>, version: number) =>
    ctx.app.request(RESPONSE, withCookie(cookie, jsonRequest('PUT', { data, version })));

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: true });
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
  });

  it('counts the survey’s required questions for a response nobody has started', async () => {
    // Arrange
    const expected = answeredShare(DEFAULT_SURVEYS.kommun, {}, { scope: 'required' }).total;
    // Act
    const body = await view(official);
    // Assert
    expect(body.status).toBe('not_started');
    expect(expected).toBeGreaterThan(5);
    expect(expected).toBeLessThan(answeredShare(DEFAULT_SURVEYS.kommun, {}).total);
    expect(body.required).toEqual({ answered: 0, total: expected });
  });

  it('gives a draft’s count to every contact of the organisation', async () => {
    // Arrange
    const data = { respondent_name: 'Erik', B1: true, B2: false };
    const expected = answeredShare(DEFAULT_SURVEYS.kommun, data, { scope: 'required' });
    expect((await put(official, data, 0)).status).toBe(200);
    const politician = await signIn(ctx, 'politiker.1281@example.se');
    // Act
    const body = await view(politician);
    // Assert
    expect(expected.answered).toBe(3);
    expect(body.status).toBe('draft');
    expect(body.required).toEqual({ answered: 3, total: expected.total });
  });

  it('counts every required question answered once the answers are complete, optional ones aside', async () => {
    // Arrange
    const data = completeKommunAnswers();
    expect((await put(official, data, 0)).status).toBe(200);
    const submit = await ctx.app.request(
      `${RESPONSE}/submit`,
      withCookie(official, jsonRequest('POST', { version: 1 })),
    );
    expect(submit.status, await submit.clone().text()).toBe(200);
    // Act
    const body = await view(official);
    // Assert
    expect(body.status).toBe('submitted');
    expect(body.required.total).toBeGreaterThan(5);
    expect(body.required.answered).toBe(body.required.total);
  });
});

/**
 * The stored `answered` / `totalQuestions` feed the kansli's progress page and the draft reminders:
 * they count what the member's page counts, so a link or comment left empty beside a question
 * does not make a draft that can be submitted look a third done.
 */
describe('the stored progress counts the required questions, as the member sees them', () => {
  let ctx: TestContext;
  let official: string;
  let admin: string;
  const put = (data: Record<string, unknown>, version: number) =>
    ctx.app.request(RESPONSE, withCookie(official, jsonRequest('PUT', { data, version })));
  const lund = async () => {
    const res = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/progress');
    expect(res.status).toBe(200);
    return res.body.find((row: { organisationId: string }) => row.organisationId === '1281');
  };

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: true });
    // Invited at opening, so "Påminn nu" sends the draft reminder (not the catch-up invitation).
    await markInvited(ctx);
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
    admin = await signInAdmin(ctx);
  });

  it('shows every required question answered on the member page, the progress page and in the reminder', async () => {
    // Arrange: every required question, and none of the optional links and comments beside them
    const data = completeKommunAnswers();
    const required = answeredShare(DEFAULT_SURVEYS.kommun, data, { scope: 'required' });
    expect(required.answered).toBe(required.total);
    expect(answeredShare(DEFAULT_SURVEYS.kommun, data).share).toBeLessThan(0.75);
    expect((await put(data, 0)).status).toBe(200);
    // Act
    const view = ResponseViewSchema.parse(
      await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json(),
    );
    const row = await lund();
    const stored = await new ResponseRepository(ctx.store).get(2026, '1281');
    const remind = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/1281/remind');
    // Assert
    expect(view.required).toEqual({ answered: required.total, total: required.total });
    expect([stored?.answered, stored?.totalQuestions]).toEqual([required.total, required.total]);
    expect(row.answeredShare).toBe(1);
    expect(remind.status).toBe(200);
    const reminders = (await readOutbox(ctx.store)).filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(2);
    for (const mail of reminders) {
      expect(mail.text).toContain(`${required.total} av ${required.total} obligatoriska frågor besvarade`);
    }
  });

  it('leaves out a count stored before progress meant required questions, rather than call it required', async () => {
    // Arrange: a draft whose item still holds the old count of every field (54 of 151)
    expect((await put(Object.fromEntries(Object.entries(completeKommunAnswers()).slice(0, 3)), 0)).status).toBe(200);
    const key = keys.response(2026, '1281');
    const item = await ctx.store.get(key);
    await ctx.store.put({ ...item!, answered: 54, totalQuestions: 151 });
    // Act
    const remind = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/1281/remind');
    // Assert: the reminder goes, without a progress line it would have got wrong
    expect(remind.status).toBe(200);
    const reminders = (await readOutbox(ctx.store)).filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(2);
    for (const mail of reminders) {
      expect(mail.text).not.toContain('54 av 151');
      expect(mail.text).not.toContain('obligatoriska frågor besvarade');
    }
  });

  it('gives the progress page the member page’s share for a draft under way, and keeps it on submit', async () => {
    // Arrange
    const partial = { respondent_name: 'Erik', B1: true, B2: false };
    const expected = answeredShare(DEFAULT_SURVEYS.kommun, partial, { scope: 'required' });
    expect((await put(partial, 0)).status).toBe(200);
    // Act
    const draft = await lund();
    expect((await put(completeKommunAnswers(), 1)).status).toBe(200);
    const submit = await ctx.app.request(
      `${RESPONSE}/submit`,
      withCookie(official, jsonRequest('POST', { version: 2 })),
    );
    const submitted = await lund();
    // Assert
    expect(draft.answeredShare).toBeCloseTo(expected.answered / expected.total);
    expect(submit.status, await submit.clone().text()).toBe(200);
    expect(submitted).toMatchObject({ status: 'submitted', answeredShare: 1 });
  });
});
