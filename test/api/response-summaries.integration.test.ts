import { beforeEach, describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { keys } from '../../functions/store/table-design';
import { call } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import { recordCommandInputs, type TestContext } from '../helpers/test-app';

const ANSWERS = { B1: true, B2: 'Klimatplan antagen 2024', comment: 'x'.repeat(2_000) };

/** What each query of the campaign's responses listing (gsi1) asked to have back, names resolved. */
function projectionsOf(queries: Array<Record<string, unknown>>): Array<string | undefined> {
  return queries
    .filter(
      (input) =>
        (input.ExpressionAttributeValues as Record<string, unknown>)?.[':p'] === keys.responsesOfCampaignPk(2026),
    )
    .map((input) => {
      const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
      return (input.ProjectionExpression as string | undefined)?.replace(/#\w+/g, (name) => names[name] ?? name);
    });
}

describe("the campaign's responses without their answers (progress, register, reminders)", () => {
  let ctx: TestContext;
  let admin: string;
  let repo: ResponseRepository;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    repo = new ResponseRepository(ctx.store);
    for (const [organisationId, answered] of [
      ['1281', 10],
      ['1280', 30],
    ] as const) {
      await repo.saveDraft({
        year: 2026,
        organisationId,
        organisationType: 'kommun',
        data: ANSWERS,
        editor: { name: 'Erik Nilsson', email: `tjansteperson.${organisationId}@example.se` },
        answered,
        totalQuestions: 40,
        expectedVersion: 0,
        campaignAcceptsWrites: true,
        now: ctx.clock.now().toISOString(),
      });
    }
  });

  it('answers status, progress and version but not the answers', async () => {
    const summaries = await repo.listSummariesByCampaign(2026);
    expect(summaries.map((s) => [s.organisationId, s.status, s.answered, s.totalQuestions, s.version])).toEqual([
      ['1280', 'draft', 30, 40, 1],
      ['1281', 'draft', 10, 40, 1],
    ]);
    for (const summary of summaries) expect(summary).not.toHaveProperty('data');
    // The whole responses still hold them.
    expect((await repo.listByCampaign(2026)).map((r) => r.data)).toEqual([ANSWERS, ANSWERS]);
  });

  it('pages through a projected query: the keys still come back for the cursor', async () => {
    const first = await ctx.store.query({
      index: 'gsi1',
      partition: keys.responsesOfCampaignPk(2026),
      attributes: ['organisationId'],
      limit: 1,
    });
    const second = await ctx.store.query({
      index: 'gsi1',
      partition: keys.responsesOfCampaignPk(2026),
      attributes: ['organisationId'],
      limit: 1,
      cursor: first.cursor,
    });
    expect([...first.items, ...second.items].map((item) => item.organisationId)).toEqual(['1280', '1281']);
    expect(first.items[0]).not.toHaveProperty('data');
  });

  it.each([
    ['the progress page', 'GET', '/api/admin/campaigns/2026/progress', undefined],
    ['the organisation register', 'GET', '/api/admin/organisations', undefined],
    ['a reminders dry run', 'POST', '/api/admin/campaigns/2026/reminders/run', { dryRun: true }],
  ])('%s reads the listing without the answers', async (_, method, path, body) => {
    const queries = recordCommandInputs(ctx.clients, /^Query(Command)?$/);
    const res = await call(ctx, admin, method, path, body);
    const projections = projectionsOf(queries);
    expect(res.status).toBe(200);
    expect(projections).toHaveLength(1);
    expect(projections[0]?.split(', ')).toEqual(expect.arrayContaining(['status', 'answered', 'totalQuestions']));
    expect(projections[0]?.split(', ')).not.toContain('data');
  });
});
