import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { keys } from '../../functions/store/table-design';
import { score } from '../../shared/scoring/index';
import { call } from '../helpers/admin-api';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { recordCommandInputs, type TestContext } from '../helpers/test-app';

const PROGRESS = '/api/admin/campaigns/2026/progress';
// Lund answers the baskrav and a few scored questions; its stored score is what the list must show.
const LUND_ANSWERS = { B1: true, B2: true, B3: true, B4: true, M1: 'skarpare_an_2045', M3: true };

type Row = { organisationId: string; status: string; score: unknown };

describe("the review list's scores (GET …/progress)", () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
  });

  it("answers a submitted response's stored score headline, and null for the rest", async () => {
    // Arrange: Lund submitted; Malmö submitted and was reopened (its old score is still stored); Skåne never answered.
    await submitScoredResponse(ctx, 2026, '1281', LUND_ANSWERS);
    await submitScoredResponse(ctx, 2026, '1280', { B1: true });
    await new ResponseRepository(ctx.store).adminUpdate(
      2026,
      '1280',
      'kommun',
      { status: 'draft' },
      { remove: ['submittedAt', 'submittedBy'] },
    );
    const stored = (await new ResponseRepository(ctx.store).get(2026, '1281'))!.score!;
    // Act
    const res = await call(ctx, admin, 'GET', PROGRESS);
    // Assert
    expect(res.status).toBe(200);
    const byCode = new Map((res.body as Row[]).map((row) => [row.organisationId, row]));
    expect(byCode.get('1281')).toMatchObject({ status: 'submitted' });
    expect(byCode.get('1281')?.score).toEqual({
      total: stored.total,
      max: stored.max,
      share: stored.share,
      band: stored.band,
      gatePassed: stored.gatePassed,
    });
    expect(stored.total).toBeGreaterThan(0);
    expect(stored.max).toBe(score(DEFAULT_SURVEYS.kommun, LUND_ANSWERS).max);
    expect(byCode.get('1280')).toMatchObject({ status: 'draft', score: null });
    expect(byCode.get('12')).toMatchObject({ status: 'not_started', score: null });
  });

  it("reads the score's headline fields by path, never its questions, in the one listing query", async () => {
    await submitScoredResponse(ctx, 2026, '1281', LUND_ANSWERS);
    const queries = recordCommandInputs(ctx.clients, /^Query(Command)?$/);
    const res = await call(ctx, admin, 'GET', PROGRESS);
    expect(res.status).toBe(200);
    const listing = queries.filter(
      (input) =>
        (input.ExpressionAttributeValues as Record<string, unknown>)?.[':p'] === keys.responsesOfCampaignPk(2026),
    );
    expect(listing).toHaveLength(1);
    const names = (listing[0]!.ExpressionAttributeNames ?? {}) as Record<string, string>;
    const projected = (listing[0]!.ProjectionExpression as string)
      .split(', ')
      .map((path) => path.replace(/#\w+/g, (name) => names[name] ?? name));
    expect(projected).toEqual(
      expect.arrayContaining(['score.total', 'score.max', 'score.share', 'score.band', 'score.gatePassed']),
    );
    expect(projected).not.toContain('score');
    expect(projected.filter((path) => path.startsWith('score.'))).toHaveLength(5);
  });

  it("gives the summaries the stored score's headline only", async () => {
    await submitScoredResponse(ctx, 2026, '1281', LUND_ANSWERS);
    const [summary] = await new ResponseRepository(ctx.store).listSummariesByCampaign(2026);
    expect(Object.keys(summary?.score ?? {}).sort()).toEqual(['band', 'gatePassed', 'max', 'share', 'total']);
  });
});
