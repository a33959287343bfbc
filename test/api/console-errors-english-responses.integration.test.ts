import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, seededContext, submitScoredResponse } from '../helpers/seeded-context';
import { signIn, type TestContext } from '../helpers/test-app';

/**
 * The review's, the kansli's response actions' and the member's own response errors in English say
 * what the Swedish says (the organisation, the question, what to do), as the rest of the console's
 * errors do (console-errors-english.integration.test.ts). Each Swedish answer beside its English one.
 *
 * The register: Lund (1281), Malmö (1280), Region Skåne (12); Göteborg (1480) is not in it. The
 * 2026 campaign is open (1 March to 30 April); it is 10 March.
 */
const LUND = '/api/admin/campaigns/2026/responses/1281';
const RESPONSE = '/api/campaigns/2026/response';

/** The error a call answers, with Accept-Language: en (or none, so Swedish, when `language` is null). */
async function errorOf(
  ctx: TestContext,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  language: string | null = 'en',
) {
  const headers: Record<string, string> = { cookie };
  if (language) headers['accept-language'] = language;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await ctx.app.request(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: json.error.code, message: json.error.message };
}

describe("the kansli's review and response actions, in English", () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
  });

  it('names the organisation that is not in the register, for the review, an override and a note', async () => {
    const review = '/api/admin/campaigns/2026/responses/1480';
    expect(await errorOf(ctx, admin, 'GET', review, undefined, null)).toEqual({
      status: 404,
      code: 'not_found',
      message: 'Organisationen 1480 finns inte.',
    });
    const expected = { status: 404, code: 'not_found', message: 'Organisation 1480 does not exist.' };
    expect(await errorOf(ctx, admin, 'GET', review)).toEqual(expected);
    expect(
      await errorOf(ctx, admin, 'POST', `${review}/overrides`, { question: 'M1', points: 1, reason: 'R' }),
    ).toEqual(expected);
    expect(await errorOf(ctx, admin, 'POST', `${review}/note`, { message: 'Hej' })).toEqual(expected);
  });

  it('names the question without an override, and says an override needs submitted answers', async () => {
    const remove = (language: string | null) =>
      errorOf(ctx, admin, 'DELETE', `${LUND}/overrides/M1`, { reason: 'Fel' }, language);
    expect(await remove(null)).toMatchObject({ message: 'Frågan M1 har ingen justering att ta bort.' });
    expect(await remove('en')).toEqual({
      status: 404,
      code: 'override_not_found',
      message: 'Question M1 has no override to remove.',
    });
    // Lund has only a draft.
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await call(ctx, member, 'PUT', RESPONSE, { data: { respondent_name: 'Anna' }, version: 0 })).status).toBe(
      200,
    );
    expect(await errorOf(ctx, admin, 'POST', `${LUND}/overrides`, { question: 'M1', points: 1, reason: 'R' })).toEqual({
      status: 422,
      code: 'response_not_submitted',
      message: 'Points can only be adjusted on submitted responses.',
    });
  });

  it('names the organisation whose response changed since the page was loaded, and says what to do', async () => {
    const reopen = (code: string, intent: string, language: string | null = 'en') =>
      errorOf(
        ctx,
        admin,
        'POST',
        `/api/admin/campaigns/2026/responses/${code}/reopen`,
        { reason: 'Komplettera', intent, closesAt: '2026-05-15T21:59:00.000Z' },
        language,
      );
    await submitScoredResponse(ctx, 2026, '1281', completeKommunAnswers());
    expect(await reopen('1281', 'extend', null)).toMatchObject({
      message:
        'Lund har skickat in sina svar sedan sidan lästes in, så svarstiden förlängdes inte. Läs in sidan igen och välj Öppna igen om svaren ska ändras.',
    });
    expect(await reopen('1281', 'extend')).toEqual({
      status: 409,
      code: 'response_changed',
      message:
        'Lund has submitted its answers since the page was loaded, so the time to answer was not extended. Reload the page and choose Reopen if the answers are to be changed.',
    });
    expect(await reopen('1280', 'reopen')).toEqual({
      status: 409,
      code: 'response_changed',
      message: 'The answers from Malmö are no longer submitted; someone has already reopened them. Reload the page.',
    });
  });
});

describe("Klimatläget's score preview of an override of a question the survey lacks", () => {
  it('names the question and says what to do, in Swedish and in English, not in the log’s words', async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true });
    const body = { survey: DEFAULT_SURVEYS.kommun, data: {}, overrides: [{ question: 'Z9', points: 1 }] };
    expect(await errorOf(ctx, admin, 'POST', '/api/admin/score-preview', body, null)).toEqual({
      status: 422,
      code: 'invalid_scoring',
      message:
        'Det finns en justering av frågan Z9, men frågan finns inte i enkäten. Ta bort justeringen eller lägg till frågan.',
    });
    expect(await errorOf(ctx, admin, 'POST', '/api/admin/score-preview', body)).toEqual({
      status: 422,
      code: 'invalid_scoring',
      message:
        'There is an override of question Z9, but the question is not in the survey. Remove the override or add the question.',
    });
  });
});

describe("the member's own response, in English", () => {
  it('says the answers are submitted and cannot be changed, and that someone saved a newer version', async () => {
    const ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: true });
    const official = await signIn(ctx, 'tjansteperson.1281@example.se');
    const politician = await signIn(ctx, 'politiker.1281@example.se');
    expect((await call(ctx, official, 'PUT', RESPONSE, { data: { respondent_name: 'Anna' }, version: 0 })).status).toBe(
      200,
    );
    expect(await errorOf(ctx, politician, 'PUT', RESPONSE, { data: { respondent_name: 'Erik' }, version: 0 })).toEqual({
      status: 409,
      code: 'version_conflict',
      message: 'Someone else has saved a newer version.',
    });
    expect(await errorOf(ctx, official, 'PUT', RESPONSE, { data: { M1: 42 }, version: 1 })).toMatchObject({
      status: 422,
      code: 'invalid_response',
      message: 'Some answers are not valid.',
    });
    expect(await errorOf(ctx, official, 'POST', `${RESPONSE}/carry-over`, { version: 1 })).toEqual({
      status: 404,
      code: 'no_earlier_response',
      message: 'There are no answers submitted in earlier years to start from.',
    });
    await call(ctx, official, 'PUT', RESPONSE, { data: completeKommunAnswers(), version: 1 });
    expect((await call(ctx, official, 'POST', `${RESPONSE}/submit`, { version: 2 })).status).toBe(200);
    expect(
      await errorOf(ctx, official, 'PUT', RESPONSE, { data: { respondent_name: 'Erik' }, version: 3 }, null),
    ).toMatchObject({
      message: 'Svaren är redan inskickade och kan inte ändras.',
    });
    expect(await errorOf(ctx, official, 'PUT', RESPONSE, { data: { respondent_name: 'Erik' }, version: 3 })).toEqual({
      status: 409,
      code: 'already_submitted',
      message: 'The answers have already been submitted and cannot be changed.',
    });
  });

  it('says the survey is closed for answers, and that no survey is open', async () => {
    const ctx = await seededContext({ now: '2026-05-10T09:00:00Z', campaign: true });
    const official = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect(await errorOf(ctx, official, 'PUT', RESPONSE, { data: { respondent_name: 'Anna' }, version: 0 })).toEqual({
      status: 403,
      code: 'campaign_closed',
      message: 'The survey is closed for answers.',
    });
    const none = await seededContext({ now: '2026-03-10T09:00:00Z' });
    const member = await signIn(none, 'tjansteperson.1281@example.se');
    expect(await errorOf(none, member, 'GET', '/api/campaigns/current')).toEqual({
      status: 404,
      code: 'no_open_campaign',
      message: 'No survey is open right now.',
    });
  });
});
