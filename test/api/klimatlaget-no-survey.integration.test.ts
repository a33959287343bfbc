import { beforeEach, describe, expect, it } from 'vitest';
import { LUND, makeCampaign, seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { countCommands, jsonRequest, type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;

/**
 * The public report tells a year no survey ran for (`no_survey`: nothing will be published) from a
 * year whose survey ran but is not published yet (`not_published`), and says nothing more of it.
 */
describe('Klimatläget: a year without a survey against one not published yet', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    // Arrange: this year's campaign is open (nothing published); 2023 never had a campaign
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
  });

  it('answers 404 no_survey for a year with no campaign, in Swedish and English', async () => {
    // Act
    const sv = await ctx.app.request('/api/klimatlaget/2023');
    const en = await ctx.app.request('/api/klimatlaget/2023', { headers: { 'accept-language': 'en' } });
    // Assert
    expect(sv.status).toBe(404);
    expect(await sv.json()).toEqual({
      error: {
        code: 'no_survey',
        message: 'Det finns inget Klimatläget för 2023: inget medlemstest har genomförts för det året.',
      },
    });
    expect(en.status).toBe(404);
    expect(await en.json()).toEqual({
      error: {
        code: 'no_survey',
        message: 'There is no Klimatläget for 2023: no member survey was run that year.',
      },
    });
  });

  it('answers 404 not_published for a year whose survey runs, with nothing of its answers', async () => {
    // Act
    const res = await ctx.app.request(`/api/klimatlaget/${YEAR}`);
    // Assert: only that it is not published yet; no counts, dates or status of the campaign
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_published', message: `Klimatläget ${YEAR} är inte publicerat ännu.` },
    });
  });

  it('counts a campaign still a draft as no survey: the public never saw it', async () => {
    // Arrange
    await seedCampaign(ctx, { ...makeCampaign({ year: 2027, title: 'Medlemstest 2027' }), status: 'draft' });
    // Act
    const res = await ctx.app.request('/api/klimatlaget/2027');
    // Assert
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('no_survey');
  });

  it('answers not_published for a revision that does not exist of a published year', async () => {
    // Arrange
    await submitScoredResponse(ctx, YEAR, LUND.id, {});
    const published = await ctx.app.request(
      `/api/admin/campaigns/${YEAR}/publish`,
      withCookie(admin, jsonRequest('POST')),
    );
    expect(published.status).toBe(201);
    // Act
    const missing = await ctx.app.request(`/api/klimatlaget/${YEAR}?revision=2`);
    const never = await ctx.app.request('/api/klimatlaget/2023?revision=1');
    // Assert
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_published');
    expect((await never.json()).error.code).toBe('no_survey');
  });

  it('reads the campaign only when there is no report: a served report costs one query', async () => {
    // Arrange
    await submitScoredResponse(ctx, YEAR, LUND.id, {});
    await ctx.app.request(`/api/admin/campaigns/${YEAR}/publish`, withCookie(admin, jsonRequest('POST')));
    const commands = countCommands(ctx.clients);
    // Act
    const served = await ctx.app.request(`/api/klimatlaget/${YEAR}`);
    const afterServed = [...commands.calls];
    commands.reset();
    const never = await ctx.app.request('/api/klimatlaget/2023');
    // Assert: the report is one query; "no survey" one query and one GetItem of the campaign
    expect(served.status).toBe(200);
    expect(afterServed).toEqual(['QueryCommand']);
    expect(never.status).toBe(404);
    expect([...commands.calls].sort()).toEqual(['GetItemCommand', 'QueryCommand']);
  });
});
