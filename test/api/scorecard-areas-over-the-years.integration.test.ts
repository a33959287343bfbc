import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { seededResponseItem } from '../../functions/local/seed/seeded-response';
import { score } from '../../shared/scoring/score';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { LUND, MALMO, seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld } from '../helpers/seeded-context';
import { submitAnswers } from '../helpers/submit-answers';
import { countCommands, jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;
const LUND_OFFICIAL = 'tjansteperson.1281@example.se';
const MALMO_OFFICIAL = 'tjansteperson.1280@example.se';
/** Lund's answers in 2024: complete except the energy page, so this year's energy points are higher. */
const answers2024 = Object.fromEntries(Object.entries(completeKommunAnswers()).filter(([k]) => !/^E\d/.test(k)));

/** A closed campaign of `year` with Lund's response stored as the demo seed stores it. */
async function lundIn(ctx: TestContext, year: number, status: 'draft' | 'submitted', data: Record<string, unknown>) {
  const campaign = await seedCampaign(ctx, {
    year,
    title: `Medlemstest ${year}`,
    status: 'closed',
    opensAt: `${year}-03-01T07:00:00.000Z`,
    closesAt: `${year}-04-30T21:59:00.000Z`,
  });
  await ctx.store.put(
    seededResponseItem({
      campaign,
      organisation: LUND,
      data,
      status,
      editor: { name: 'Erik Nilsson', email: LUND_OFFICIAL },
      at: campaign.closesAt,
    }),
  );
}

describe("the scorecard's own areas over the years", () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    // Arrange: Lund submitted in 2024, left 2025 as a draft and submits this year; Malmö answers
    // this year only. 2026 is published.
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z' }));
    await lundIn(ctx, 2024, 'submitted', answers2024);
    await lundIn(ctx, 2025, 'draft', completeKommunAnswers());
    await seedCampaign(ctx);
    await submitAnswers(ctx, LUND_OFFICIAL, completeKommunAnswers());
    await submitAnswers(ctx, MALMO_OFFICIAL, completeKommunAnswers());
    const published = await ctx.app.request(
      `/api/admin/campaigns/${YEAR}/publish`,
      withCookie(admin, jsonRequest('POST')),
    );
    expect(published.status).toBe(201);
  });

  it("gives each area's stored points in every submitted year, without a DynamoDB request of its own", async () => {
    const lund = await signIn(ctx, LUND_OFFICIAL);
    const malmo = await signIn(ctx, MALMO_OFFICIAL);
    const counter = countCommands(ctx.clients);
    // A warm instance has the campaign cached; the budget is for that steady state.
    await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(lund));
    counter.reset();
    // Act
    const res = await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(lund));
    const lundCalls = [...counter.calls];
    counter.reset();
    const single = await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(malmo));
    const malmoCalls = [...counter.calls];
    // Assert: two years cost what one does, and what the scorecard cost before (session, snapshot, bundle)
    expect(res.status).toBe(200);
    expect(single.status).toBe(200);
    expect(lundCalls).toEqual(['GetItemCommand', 'QueryCommand', 'QueryCommand']);
    expect(malmoCalls).toEqual(lundCalls);
    const card = await res.json();
    // The 2025 draft is not a result: 2024 and this year
    expect(card.areasOverTheYears.years).toEqual([2024, YEAR]);
    const before = score(DEFAULT_SURVEYS.kommun, answers2024).sections;
    const now = score(DEFAULT_SURVEYS.kommun, completeKommunAnswers()).sections;
    const scored = now.filter((s) => s.max > 0);
    expect(card.areasOverTheYears.areas.map((a: { name: string }) => a.name)).toEqual(scored.map((s) => s.name));
    const energi = card.areasOverTheYears.areas.find((a: { name: string }) => a.name === 'energi');
    const energi2024 = before.find((s) => s.name === 'energi')!;
    const energi2026 = now.find((s) => s.name === 'energi')!;
    expect(energi2026.total).toBeGreaterThan(energi2024.total);
    expect(energi).toEqual({
      name: 'energi',
      title: energi2026.title,
      titleEn: expect.any(String),
      years: [
        { year: 2024, total: energi2024.total, max: energi2024.max, share: energi2024.total / energi2024.max },
        { year: YEAR, total: energi2026.total, max: energi2026.max, share: energi2026.total / energi2026.max },
      ],
      maxChanged: false,
      change: expect.closeTo(energi2026.total / energi2026.max - energi2024.total / energi2024.max, 10),
    });
    // Malmö has only this year: nothing over the years
    expect((await single.json()).areasOverTheYears).toBeUndefined();
  });

  it("is in the kansli's view of the scorecard too", async () => {
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/${LUND.id}`, withCookie(admin));
    expect(res.status).toBe(200);
    const card = await res.json();
    expect(card.areasOverTheYears.years).toEqual([2024, YEAR]);
    expect(card.areasOverTheYears.areas.length).toBeGreaterThan(0);
    const malmo = await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/${MALMO.id}`, withCookie(admin));
    expect((await malmo.json()).areasOverTheYears).toBeUndefined();
  });
});
