import { expect } from 'vitest';
import { completeKommunAnswers } from './complete-answers';
import { jsonRequest, signIn, type TestContext, withCookie } from './test-app';

/**
 * A contact signs in, saves `data` as the organisation's first draft and submits it, as the survey
 * page does: the arrangement of every test that needs a submitted response. Returns the cookie.
 */
export async function submitAnswers(
  ctx: TestContext,
  email: string,
  data: Record<string, unknown> = completeKommunAnswers(),
  year = 2026,
): Promise<string> {
  const cookie = await signIn(ctx, email);
  const saved = await ctx.app.request(
    `/api/campaigns/${year}/response`,
    withCookie(cookie, jsonRequest('PUT', { data, version: 0 })),
  );
  expect(saved.status).toBe(200);
  const submitted = await ctx.app.request(
    `/api/campaigns/${year}/response/submit`,
    withCookie(cookie, jsonRequest('POST', { version: 1 })),
  );
  expect(submitted.status).toBe(200);
  return cookie;
}
