import { beforeEach, describe, expect, it } from 'vitest';
import { adminWorld } from '../helpers/seeded-context';
import { signIn, type TestContext, withCookie } from '../helpers/test-app';

interface Detail {
  path: Array<string | number>;
  code?: string;
  message: string;
  messageEn: string;
}

const YEAR = {
  message: 'Året måste vara ett heltal från 2000 till 2100, t.ex. 2025.',
  messageEn: 'The year must be a whole number from 2000 to 2100, e.g. 2025.',
};
const REVISION = {
  message: 'Versionen måste vara ett heltal, 1 eller högre, t.ex. 2.',
  messageEn: 'The revision must be a whole number, 1 or higher, e.g. 2.',
};
const CODE = {
  message: 'Ange en organisationskod, t.ex. 1281 eller 12.',
  messageEn: 'Give an organisation code, e.g. 1281 or 12.',
};

/**
 * A path or query parameter that is not one: one clear sentence in Swedish and the same in English,
 * never zod's "förväntat antal, fick string" (a count, where a number is meant), "fick NaN" beside
 * "received string", or "förväntade number att ha >=2000".
 */
describe('400 invalid_input for path and query parameters', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ campaign: true }));
  });

  async function detailsOf(path: string, cookie?: string): Promise<Detail[]> {
    const res = await ctx.app.request(path, cookie ? withCookie(cookie) : {});
    const body = (await res.json()) as { error: { code: string; details: Detail[] } };
    expect({ path, status: res.status, code: body.error.code }).toEqual({ path, status: 400, code: 'invalid_input' });
    return body.error.details;
  }

  it.each(['abc', '1999', '2101', '02025', '20.5'])('the public report of year %s', async (year) => {
    expect(await detailsOf(`/api/klimatlaget/${year}`)).toEqual([
      { path: ['year'], code: expect.any(String), ...YEAR },
    ]);
  });

  it.each(['abc', '0', '1.5'])('the public report of revision %s', async (revision) => {
    expect(await detailsOf(`/api/klimatlaget/2025?revision=${revision}`)).toEqual([
      { path: ['revision'], code: expect.any(String), ...REVISION },
    ]);
  });

  it("the year of a member's route says the same as the public one", async () => {
    const lund = await signIn(ctx, 'tjansteperson.1281@example.se');
    for (const path of ['/api/campaigns/1999/scorecard', '/api/campaigns/abc/response']) {
      expect(await detailsOf(path, lund)).toMatchObject([{ path: ['year'], ...YEAR }]);
    }
  });

  it("the kansli's routes: year, revision and organisation code alike", async () => {
    expect(await detailsOf('/api/admin/campaigns/1999/responses', admin)).toMatchObject([{ path: ['year'], ...YEAR }]);
    expect(await detailsOf('/api/admin/campaigns/2026/reports/0', admin)).toMatchObject([
      { path: ['revision'], ...REVISION },
    ]);
    for (const path of [
      '/api/admin/campaigns/2026/scorecards/123',
      '/api/admin/campaigns/2026/responses/12345',
      '/api/admin/organisations/x1/emissions',
      '/api/admin/organisations/1',
      '/api/admin/audit?organisation=abc',
    ]) {
      expect(await detailsOf(path, admin)).toMatchObject([
        { path: [expect.stringMatching(/code|organisation/)], ...CODE },
      ]);
    }
    expect(await detailsOf('/api/admin/audit?campaign=1999', admin)).toMatchObject([{ path: ['campaign'], ...YEAR }]);
  });

  it('a number in a query: Swedish words for numbers, the same reading in both languages', async () => {
    const [notNumber] = await detailsOf('/api/admin/audit?limit=abc', admin);
    expect(notNumber).toMatchObject({
      path: ['limit'],
      message: 'Ogiltig inmatning: förväntade ett tal, fick text',
      messageEn: 'Invalid input: expected number, received string',
    });
    const [tooSmall] = await detailsOf('/api/admin/imports?limit=0', admin);
    expect(tooSmall).toMatchObject({
      path: ['limit'],
      message: 'Värdet måste vara minst 1.',
      messageEn: 'The value must be at least 1.',
    });
    const [tooBig] = await detailsOf('/api/admin/audit?limit=501', admin);
    expect(tooBig).toMatchObject({ message: 'Värdet får vara högst 500.', messageEn: 'The value can be at most 500.' });
  });
});
