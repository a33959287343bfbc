import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ResponseViewSchema } from '../../shared/schemas/response.schema';
import { answeredShare } from '../../shared/scoring/answered-share';
import { completeKommunAnswers } from '../helpers/complete-answers';
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
