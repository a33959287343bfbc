import { beforeEach, describe, expect, it } from 'vitest';
import { CampaignRepository } from '../../functions/features/campaigns/campaign.repository';
import { keys } from '../../functions/store/table-design';
import { makeCampaign } from '../helpers/seed-fixtures';
import { makeTestContext, type TestContext } from '../helpers/test-app';

describe('campaign storage', () => {
  let ctx: TestContext;
  let repo: CampaignRepository;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    repo = new CampaignRepository(ctx.store);
  });

  it('stores the surveys as one JSON string and reads them back whole', async () => {
    const campaign = makeCampaign();
    await repo.create(campaign);

    const item = await ctx.store.get(keys.campaign(campaign.year));
    expect(typeof item?.surveysJson).toBe('string');
    expect(item).not.toHaveProperty('surveys');
    expect(await repo.get(campaign.year)).toEqual(campaign);
    expect(await repo.list()).toEqual([campaign]);
  });

  it('still reads a campaign stored with the surveys as a map (items written before the change)', async () => {
    const campaign = makeCampaign({ year: 2025 });
    await ctx.store.put({ ...keys.campaign(2025), ...keys.campaignListing(2025), entity: 'Campaign', ...campaign });

    expect(await repo.get(2025)).toEqual(campaign);
    expect(await repo.list()).toEqual([campaign]);
  });

  it('keeps the optimistic lock on updatedAt when replacing', async () => {
    const campaign = makeCampaign();
    await repo.create(campaign);
    const renamed = { ...campaign, title: 'Nytt namn', updatedAt: '2026-03-10T10:00:00.000Z' };
    await repo.replace(renamed, campaign.updatedAt);
    expect((await repo.get(campaign.year))?.title).toBe('Nytt namn');
    await expect(repo.replace({ ...campaign, title: 'Gammalt' }, campaign.updatedAt)).rejects.toMatchObject({
      code: 'campaign_changed',
    });
  });
});
