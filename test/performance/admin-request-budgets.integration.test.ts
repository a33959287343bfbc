import { beforeAll, describe, expect, it } from 'vitest';
import { meterDynamo } from '../../bench/lib/dynamo-meter';
import { benchOrganisations, bulkSeed } from '../../bench/lib/seed';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
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
 * - a reminders run: linear in organisations, no per-contact reads beyond one query per organisation;
 * - "Påminn nu" for one organisation: the session, the campaign, one query of that organisation and
 *   one of its own entries of the reminder log (who had the invitation, who was emailed today),
 *   whatever N (never the register, the campaign's responses or its whole reminder log);
 * - a page of the audit log: one query, whatever the history.
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

  it('reminding one organisation now reads that organisation only: at most 4 reads, 2 queries', async () => {
    // Arrange: one kommun reopened to a draft, so it can be reminded.
    const organisation = benchOrganisations(N).find((o) => o.type === 'kommun')!;
    await new ResponseRepository(ctx.store).adminUpdate(
      YEAR,
      organisation.id,
      'kommun',
      { status: 'draft' },
      { remove: ['submittedAt', 'submittedBy'] },
    );
    meter.take();
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/responses/${organisation.id}/remind`, {
      method: 'POST',
      headers: { cookie },
    });
    const cost = meter.take();
    // Assert
    expect(res.status).toBe(200);
    expect(((await res.json()) as { sent: unknown[] }).sent).toHaveLength(2);
    expect(cost.reads).toBeLessThanOrEqual(4);
    expect(cost.commands.QueryCommand ?? 0).toBe(2);
    // Per contact: the claim, the sign-in token, the outbox message, the sent mark; then one audit entry.
    expect(cost.writes).toBe(2 * 4 + 1);
    expect(cost.scans).toBe(0);
  });

  it('a page of the audit log costs one query', async () => {
    meter.take();
    const res = await ctx.app.request(`/api/admin/audit?campaign=${YEAR}&limit=50`, { headers: { cookie } });
    const cost = meter.take();
    expect(res.status).toBe(200);
    expect(cost.commands.QueryCommand ?? 0).toBe(1);
    expect(cost.scans).toBe(0);
  });
});
