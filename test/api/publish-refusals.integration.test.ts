import { describe, expect, it } from 'vitest';
import { LUND, makeCampaign, seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { jsonRequest, withCookie } from '../helpers/test-app';

/**
 * Publishing is final (the campaign locks for good), so a campaign that takes no answers yet, or
 * that nobody answered, is refused before anything is written.
 */
describe('publishing Klimatläget: refused before there is anything to publish', () => {
  it('refuses a campaign opened ahead of its start, naming when it opens, in Swedish and English', async () => {
    // Arrange: 2028 opened early in August; it takes answers from 1 September
    const { ctx, admin } = await adminWorld({ now: '2027-08-20T09:00:00Z' });
    await seedCampaign(ctx, {
      ...makeCampaign({ year: 2028, title: 'Medlemstest 2028' }),
      opensAt: '2028-09-01T06:00:00.000Z',
      closesAt: '2028-10-15T21:59:00.000Z',
    });
    // Act
    const sv = await ctx.app.request('/api/admin/campaigns/2028/publish', withCookie(admin, jsonRequest('POST')));
    const en = await ctx.app.request(
      '/api/admin/campaigns/2028/publish',
      withCookie(admin, jsonRequest('POST', undefined, { 'accept-language': 'en' })),
    );
    // Assert
    expect(sv.status).toBe(422);
    const body = await sv.json();
    expect(body.error.code).toBe('campaign_not_started');
    expect(body.error.message).toBe(
      'Kampanjen tar emot svar först 2028-09-01 08:00 och kan inte publiceras innan dess.',
    );
    expect((await en.json()).error.message).toContain('cannot be published before that');
    const report = await ctx.app.request('/api/klimatlaget/2028');
    expect(report.status).toBe(404);
    const campaign = await (await ctx.app.request('/api/admin/campaigns/2028', withCookie(admin))).json();
    expect(campaign.status).toBe('open');
  });

  it('refuses a campaign nobody has submitted, and publishes once one has', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true });
    // Act
    const empty = await ctx.app.request('/api/admin/campaigns/2026/publish', withCookie(admin, jsonRequest('POST')));
    // Assert
    expect(empty.status).toBe(422);
    expect((await empty.json()).error).toMatchObject({
      code: 'nothing_to_publish',
      message: 'Inga svar är inskickade för 2026, så Klimatläget 2026 kan inte publiceras.',
    });
    expect((await ctx.app.request('/api/klimatlaget/2026')).status).toBe(404);
    // Act: one organisation submits
    await submitScoredResponse(ctx, 2026, LUND.id, {});
    const published = await ctx.app.request(
      '/api/admin/campaigns/2026/publish',
      withCookie(admin, jsonRequest('POST')),
    );
    // Assert
    expect(published.status).toBe(201);
  });
});
