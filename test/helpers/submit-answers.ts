import { expect } from 'vitest';
import { call } from './admin-api';
import { completeKommunAnswers } from './complete-answers';
import { signIn, type TestContext } from './test-app';

/**
 * A contact signs in, saves `data` as the organisation's answers and submits them, as the survey
 * page does: the arrangement of every test that needs a submitted response. The draft is saved at
 * the version the response view gives (0 for a first draft), so it also resubmits a reopened
 * response. Returns the cookie.
 */
export async function submitAnswers(
  ctx: TestContext,
  email: string,
  data: Record<string, unknown> = completeKommunAnswers(),
  year = 2026,
): Promise<string> {
  const cookie = await signIn(ctx, email);
  const path = `/api/campaigns/${year}/response`;
  const view = await call(ctx, cookie, 'GET', path);
  expect(view.status).toBe(200);
  const saved = await call(ctx, cookie, 'PUT', path, { data, version: view.body.version });
  expect(saved.status).toBe(200);
  const submitted = await call(ctx, cookie, 'POST', `${path}/submit`, { version: saved.body.version });
  expect(submitted.status).toBe(200);
  return cookie;
}
