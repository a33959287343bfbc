import { beforeAll, describe, expect, it } from 'vitest';
import { meterDynamo } from '../../bench/lib/dynamo-meter';
import { benchOrganisations, bulkSeed } from '../../bench/lib/seed';
import { seedCampaign } from '../helpers/seed-fixtures';
import { makeTestContext, signIn, type TestContext } from '../helpers/test-app';

const N = 250;
const YEAR = 2026;

/** The route exists when the app answers anything but its catch-all 404. */
async function exists(res: Response): Promise<boolean> {
  if (res.status !== 404) return true;
  const body = (await res
    .clone()
    .json()
    .catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message !== 'Det finns inget här.';
}

/**
 * DynamoDB request budgets of the admin operations (issue 9), deterministic, at N = 250
 * organisations with two contacts and a submitted response each:
 * - the progress page: at most ceil(N/100) + 2 queries, never one per organisation;
 * - a reminders run: linear in organisations, no per-contact reads beyond one query per organisation.
 * A route that does not exist yet skips its assertion (and says so); `npm run bench` measures both at 31–3,110.
 */
describe(`admin request budgets at N = ${N} organisations`, () => {
  let ctx: TestContext;
  let cookie: string;
  let meter: ReturnType<typeof meterDynamo>;

  beforeAll(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    const campaign = await seedCampaign(ctx, { year: YEAR });
    await bulkSeed(ctx.store, benchOrganisations(N), campaign, { submittedAt: '2026-03-09T12:00:00.000Z' });
    cookie = await signIn(ctx, 'kansli@example.se');
    meter = meterDynamo(ctx.clients);
  }, 120_000);

  it('progress costs at most ceil(N/100) + 2 queries', async () => {
    meter.take();
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/progress`, { headers: { cookie } });
    const cost = meter.take();
    if (!(await exists(res))) {
      console.warn('progress route not available yet; budget not asserted');
      return;
    }
    expect(res.status).toBe(200);
    expect(cost.commands.QueryCommand ?? 0).toBeLessThanOrEqual(Math.ceil(N / 100) + 2);
    expect(cost.scans).toBe(0);
  });

  it('a reminders dry run reads at most one query per organisation, nothing per contact', async () => {
    meter.take();
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/reminders/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ dryRun: true }),
    });
    const cost = meter.take();
    if (!(await exists(res))) {
      console.warn('reminders route not available yet; budget not asserted');
      return;
    }
    expect(res.status).toBe(200);
    expect(cost.reads).toBeLessThanOrEqual(N + Math.ceil(N / 100) + 4);
    expect(cost.scans).toBe(0);
  });
});
