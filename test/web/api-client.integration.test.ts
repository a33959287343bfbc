/**
 * The web app's API client against the real API (in-process app on dynalite): the one place that
 * learns a session has ended, and surveyAvailability agreeing with what the server accepts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../../functions/features/auth/session.service';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { ApiError, apiClient, isNotAuthenticated, onNotAuthenticated } from '../../web/src/api/client';
import { surveyAvailability } from '../../web/src/api/member';
import { seededContext } from '../helpers/seeded-context';
import { signIn, TEST_BASE_URL, type TestContext } from '../helpers/test-app';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Sends the web client's requests to `ctx.app` as a browser on the site would: its cookie, its origin. */
function browse(ctx: TestContext, cookie: string | null) {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    headers.set('origin', TEST_BASE_URL);
    return ctx.app.request(String(input), { ...init, headers });
  }) as typeof fetch;
}

const MEMBER = 'tjansteperson.1281@example.se';

describe('the web API client', () => {
  it('tells its listeners once per refused request when the session has ended, and not before', async () => {
    const ctx = await seededContext({ campaign: true });
    browse(ctx, await signIn(ctx, MEMBER));
    const heard: string[] = [];
    const stop = onNotAuthenticated((error, path) => heard.push(`${error.code} ${path}`));
    try {
      const campaign = await apiClient.currentCampaign();
      const response = await apiClient.response(campaign.year);
      await apiClient.saveDraft(campaign.year, { respondent_name: 'Erik' }, response.version);
      expect(heard).toEqual([]);

      ctx.clock.advance(SESSION_TTL_MS + 1000);
      const refused = await apiClient
        .saveDraft(campaign.year, { respondent_name: 'Erik N' }, response.version + 1)
        .catch((e: unknown) => e);
      expect(isNotAuthenticated(refused)).toBe(true);
      expect((refused as ApiError).status).toBe(401);
      expect(heard).toEqual([`not_authenticated /api/campaigns/${campaign.year}/response`]);

      await apiClient.me().catch(() => undefined);
      expect(heard).toHaveLength(2);
    } finally {
      stop();
    }
    // Unsubscribed: heard no more.
    await apiClient.me().catch(() => undefined);
    expect(heard).toHaveLength(2);
  });

  it('does not take a rejected sign-in link (also a 401) for an ended session', async () => {
    const ctx = await seededContext({ campaign: true });
    browse(ctx, null);
    const heard: unknown[] = [];
    const stop = onNotAuthenticated((error) => heard.push(error));
    try {
      const refused = await apiClient.redeem('x'.repeat(43)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).status).toBe(401);
      expect((refused as ApiError).code).toMatch(/^token_/);
      expect(isNotAuthenticated(refused)).toBe(false);
      expect(heard).toEqual([]);
    } finally {
      stop();
    }
  });
});

describe('the published years (public, cached by browsers for a minute)', () => {
  it('are revalidated for the member pages, and may come from the cache for the public report', async () => {
    const ctx = await seededContext({ campaign: true });
    // The fetch options each request leaves with, passed on to the real API.
    const caching: Array<RequestCache | undefined> = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      caching.push(init?.cache);
      return ctx.app.request(String(input), init);
    }) as typeof fetch;
    // Act
    const fresh = await apiClient.publishedYears({ fresh: true });
    const cached = await apiClient.publishedYears();
    // Assert: the same list; the member pages' request revalidates what the browser cached
    expect(fresh).toEqual(cached);
    expect(caching).toEqual(['no-cache', undefined]);
  });
});

describe('surveyAvailability agrees with what the server accepts', () => {
  const cases: Array<{ name: string; campaign: Partial<Campaign>; now: string }> = [
    { name: 'opened early by the kansli, before its opening date', campaign: {}, now: '2026-02-20T10:00:00Z' },
    { name: 'open, between the dates', campaign: {}, now: '2026-03-10T09:00:00Z' },
    { name: 'open, after the deadline', campaign: {}, now: '2026-05-02T09:00:00Z' },
    { name: 'closed early by the kansli', campaign: { status: 'closed' }, now: '2026-03-10T09:00:00Z' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const ctx = await seededContext({ campaign: c.campaign, now: c.now });
      browse(ctx, await signIn(ctx, MEMBER));
      const campaign = await apiClient.currentCampaign();
      const response = await apiClient.response(campaign.year);
      const accepted = await apiClient.saveDraft(campaign.year, { respondent_name: 'Erik' }, response.version).then(
        () => true,
        (error: unknown) => {
          if (error instanceof ApiError && ['campaign_closed', 'campaign_not_open_yet'].includes(error.code))
            return false;
          throw error;
        },
      );
      expect(surveyAvailability(campaign, response, new Date(c.now)).kind === 'editable').toBe(accepted);
    });
  }
});
