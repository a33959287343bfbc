import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { seededResponseItem } from '../../functions/local/seed/seeded-response';
import { keys } from '../../functions/store/table-design';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { ScoreResult } from '../../shared/scoring/score.schema';
import { call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { LUND, seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld } from '../helpers/seeded-context';
import { submitAnswers } from '../helpers/submit-answers';
import { signIn, type TestContext } from '../helpers/test-app';

/**
 * A stored score keeps each section's English title, so the English scorecard titles an area only
 * earlier years had in English; a score stored before it was kept has none and is not stale for it.
 */

const YEAR = 2026;
const LUND_OFFICIAL = 'tjansteperson.1281@example.se';
const MALMO_OFFICIAL = 'tjansteperson.1280@example.se';
const REVIEW = `/api/admin/campaigns/${YEAR}/responses/${LUND.id}`;

/** The kommun survey of 2024 and 2025: this year's with an area the 2026 survey dropped. */
const surveyWithAdaptation = {
  ...DEFAULT_SURVEYS.kommun,
  pages: [
    ...(DEFAULT_SURVEYS.kommun as { pages: Array<{ name: string }> }).pages,
    {
      name: 'klimatanpassning',
      title: { default: 'Klimatanpassning', en: 'Climate adaptation' },
      elements: [{ type: 'boolean', name: 'KA1', title: 'Har ni en plan för klimatanpassning?', scoreTrue: 2 }],
    },
  ],
};

/** A closed campaign of `year` (with the dropped area) and Lund's submitted response, scored as submit stores it. */
async function lundIn(ctx: TestContext, year: number, data: Record<string, unknown>): Promise<void> {
  const campaign: Campaign = await seedCampaign(ctx, {
    year,
    title: `Medlemstest ${year}`,
    status: 'closed',
    opensAt: `${year}-03-01T07:00:00.000Z`,
    closesAt: `${year}-04-30T21:59:00.000Z`,
    surveys: { kommun: surveyWithAdaptation, region: DEFAULT_SURVEYS.region },
  });
  await ctx.store.put(
    seededResponseItem({
      campaign,
      organisation: LUND,
      data,
      status: 'submitted',
      editor: { name: 'Erik Nilsson', email: LUND_OFFICIAL },
      at: campaign.closesAt,
    }),
  );
}

/** Rewrites a stored score as it was stored before sections kept their English title. */
async function withoutEnglish(ctx: TestContext, year: number): Promise<void> {
  const item = await ctx.store.get(keys.response(year, LUND.id));
  const stored = item?.score as ScoreResult;
  expect(stored.sections.some((s) => s.titleEn !== undefined)).toBe(true);
  const sections = stored.sections.map(({ titleEn: _, ...section }) => section);
  await ctx.store.update(keys.response(year, LUND.id), { set: { score: { ...stored, sections } } });
}

describe("a stored score's English section titles", () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z' }));
    await lundIn(ctx, 2024, completeKommunAnswers());
    await lundIn(ctx, 2025, { ...completeKommunAnswers(), KA1: true });
    await seedCampaign(ctx);
    await submitAnswers(ctx, LUND_OFFICIAL, completeKommunAnswers());
    await submitAnswers(ctx, MALMO_OFFICIAL, completeKommunAnswers());
  });

  it('titles an area only earlier years had in English on the scorecard, and in Swedish for a score stored without it', async () => {
    // Arrange
    const publish = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/publish`);
    expect(publish.status).toBe(201);
    const lund = await signIn(ctx, LUND_OFFICIAL);
    // Act
    const card = (await call(ctx, lund, 'GET', `/api/campaigns/${YEAR}/scorecard`)).body;
    await withoutEnglish(ctx, 2025);
    const older = (await call(ctx, lund, 'GET', `/api/campaigns/${YEAR}/scorecard`)).body;
    // Assert: 2 points in 2025, none in 2024, not in this year's survey
    const adaptation = (of: typeof card) =>
      of.areasOverTheYears.areas.find((area: { name: string }) => area.name === 'klimatanpassning');
    expect(card.areasOverTheYears.years).toEqual([2024, 2025, YEAR]);
    expect(adaptation(card)).toMatchObject({ title: 'Klimatanpassning', titleEn: 'Climate adaptation' });
    expect(adaptation(card).years.map((cell: { total: number } | null) => cell?.total ?? null)).toEqual([0, 2, null]);
    expect(adaptation(older).title).toBe('Klimatanpassning');
    expect(adaptation(older)).not.toHaveProperty('titleEn');
  });

  it('holds a score stored before sections kept their English title current: no re-scoring needed or done', async () => {
    // Arrange: this year's score as submit stored it before
    await withoutEnglish(ctx, YEAR);
    // Act
    const review = (await call(ctx, admin, 'GET', REVIEW)).body.response;
    const rescore = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/rescore`);
    // Assert
    expect(review.rescoreNeeded).toBe(false);
    expect(review.effectiveScore.sections.find((s: { name: string }) => s.name === 'energi').titleEn).toBe('Energy');
    expect(rescore.body).toEqual({ rescored: 0, unchanged: 2 });
  });
});
