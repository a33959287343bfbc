import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, call, signInAdmin } from '../helpers/admin-api';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { makeTestContext, signIn, type TestContext } from '../helpers/test-app';

const AUDIT = '/api/admin/audit';

describe('the audit log', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    await seedOrganisations(ctx);
    await seedCampaign(ctx);
    admin = await signInAdmin(ctx);
  });

  it("lists an organisation's entries newest first with who, when, action, target and before/after", async () => {
    // Arrange
    await call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { name: 'Lunds kommun' });
    ctx.clock.advance(60_000);
    await call(ctx, admin, 'DELETE', '/api/admin/contacts/politiker-1281');
    // Act
    const res = await call(ctx, admin, 'GET', `${AUDIT}?organisation=1281`);
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual(['contact.delete', 'organisation.update']);
    expect(res.body[1]).toMatchObject({
      actor: ADMIN_EMAIL,
      at: '2026-03-10T09:00:00.000Z',
      action: 'organisation.update',
      target: 'organisation:1281',
      organisationId: '1281',
      before: { name: 'Lund' },
      after: { name: 'Lunds kommun' },
    });
    expect(res.body[0].at).toBe('2026-03-10T09:01:00.000Z');
  });

  it("lists a campaign's entries, and both filters together", async () => {
    // Arrange
    await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/1281/excuse', { reason: 'Sjukskrivning' });
    ctx.clock.advance(1000);
    await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/1280/excuse', { reason: 'Omorganisation' });
    ctx.clock.advance(1000);
    await call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { name: 'Lunds kommun' });
    // Act
    const campaign = await call(ctx, admin, 'GET', `${AUDIT}?campaign=2026`);
    const both = await call(ctx, admin, 'GET', `${AUDIT}?campaign=2026&organisation=1281`);
    // Assert
    expect(campaign.body.map((e: { target: string }) => e.target)).toEqual([
      'response:2026:1280',
      'response:2026:1281',
    ]);
    expect(both.body.map((e: { action: string }) => e.action)).toEqual(['response.excuse']);
  });

  it('lists recent entries of every kind without a filter', async () => {
    await call(ctx, admin, 'POST', '/api/admin/admins', { email: 'ny@klimatkommunerna.se', name: 'Ny' });
    const res = await call(ctx, admin, 'GET', AUDIT);
    expect(res.body[0]).toMatchObject({ action: 'admin.add', target: 'admin:ny@klimatkommunerna.se' });
  });

  it('answers 400 for a malformed filter', async () => {
    expect((await call(ctx, admin, 'GET', `${AUDIT}?organisation=abc`)).status).toBe(400);
    expect((await call(ctx, admin, 'GET', `${AUDIT}?campaign=later`)).status).toBe(400);
  });

  it('is append-only: no route edits or deletes an entry', async () => {
    // Arrange
    const document = await (await ctx.app.request('/api/openapi.json')).json();
    const auditPaths = Object.keys(document.paths).filter((path) => path.startsWith(AUDIT));
    // Act
    const methods = auditPaths.flatMap((path) => Object.keys(document.paths[path]));
    const deleted = await call(ctx, admin, 'DELETE', AUDIT);
    // Assert
    expect(methods).toEqual(['get']);
    expect([404, 405]).toContain(deleted.status);
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await call(ctx, member, 'GET', `${AUDIT}?organisation=1281`)).status).toBe(403);
    expect((await call(ctx, undefined, 'GET', AUDIT)).status).toBe(401);
  });
});
