import { beforeEach, describe, expect, it } from 'vitest';
import { revisionChanges } from '../../shared/klimatlaget/revision-changes';
import { FOUR_KOMMUNER, fourKommunerWorld } from '../helpers/published-year-world';
import { LUND } from '../helpers/seed-fixtures';
import { jsonRequest, recordCommandInputs, signIn, type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;
const PREVIEW = `/api/admin/campaigns/${YEAR}/publish-preview`;

// biome-ignore lint/suspicious/noExplicitAny: API answers read field by field.
type Json = Record<string, any>;

describe('GET /api/admin/campaigns/{year}/publish-preview: what a publish now would change', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await fourKommunerWorld(FOUR_KOMMUNER));
  });

  async function call(method: string, path: string, body?: unknown) {
    const res = await ctx.app.request(path, withCookie(admin, jsonRequest(method, body)));
    return { status: res.status, body: (await res.json()) as Json };
  }

  it('before the first publish: no latest revision, and the report that publishing would store', async () => {
    const preview = await call('GET', PREVIEW);
    expect(preview.status).toBe(200);
    expect(preview.body.latest).toBeNull();
    // Publishing stores exactly the previewed report.
    expect((await call('POST', `/api/admin/campaigns/${YEAR}/publish`, {})).status).toBe(201);
    const published = (await call('GET', `/api/admin/campaigns/${YEAR}/reports/1`)).body;
    expect(preview.body.next).toEqual(published.report);
  });

  it('after a correction: the latest revision and the next one differ by the corrected figures, and nothing is written', async () => {
    // Arrange: published, then the kansli awards Lund the review point.
    await call('POST', `/api/admin/campaigns/${YEAR}/publish`, {});
    const override = await call('POST', `/api/admin/campaigns/${YEAR}/responses/${LUND.id}/overrides`, {
      question: 'S6',
      points: 1,
      reason: 'Rättelse',
    });
    expect(override.status).toBe(201);
    const writes = recordCommandInputs(ctx.clients, /^(Put|Update|Delete|BatchWrite|TransactWrite)/);
    // Act
    const preview = await call('GET', PREVIEW);
    // Assert
    expect(writes).toEqual([]);
    expect(preview.body.latest).toMatchObject({ year: YEAR, revision: 1 });
    const changes = revisionChanges(preview.body.latest.report, preview.body.next).changes;
    expect(changes).toContainEqual(
      expect.objectContaining({
        scope: 'kommun',
        figure: 'mean',
        before: preview.body.latest.report.byType.kommun.total.mean,
      }),
    );
    expect(preview.body.next.byType.kommun.total.mean).toBeGreaterThan(
      preview.body.latest.report.byType.kommun.total.mean,
    );
    // The preview is what the correction then publishes.
    await call('POST', `/api/admin/campaigns/${YEAR}/publish`, {});
    const second = (await call('GET', `/api/admin/campaigns/${YEAR}/reports/2`)).body;
    expect(preview.body.next).toEqual(second.report);
  });

  it('is the kansli’s: a member is refused', async () => {
    const lund = await signIn(ctx, `tjansteperson.${LUND.id}@example.se`);
    const res = await ctx.app.request(PREVIEW, withCookie(lund));
    expect(res.status).toBe(403);
  });
});
