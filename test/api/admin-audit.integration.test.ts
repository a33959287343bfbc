import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../functions/features/audit/audit.log';
import type { AuditEntry } from '../../shared/schemas/audit.schema';
import { ADMIN_EMAIL, call, signInAdmin } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import { countCommands, makeTestContext, signIn, type TestContext } from '../helpers/test-app';

const AUDIT = '/api/admin/audit';

describe('the audit log', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
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

describe('paging through the audit log', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-02-20T09:00:00Z' });
    admin = await signInAdmin(ctx);
  });

  /** Records one entry a minute: `count` entries for Lund in `year`, as the app records them. */
  async function record(count: number, fields: Partial<AuditEntry> = {}) {
    const log = new AuditLog(ctx.store, ctx.clock);
    for (let i = 0; i < count; i++) {
      ctx.clock.advance(60_000);
      await log.record({
        actor: ADMIN_EMAIL,
        action: 'response.note',
        target: 'response:2026:1281',
        organisationId: '1281',
        year: 2026,
        after: { n: i },
        ...fields,
      });
    }
  }

  /** GET with the session; answers the status, the JSON body and the next-page cursor header. */
  async function get(query: string) {
    const res = await ctx.app.request(`${AUDIT}?${query}`, { headers: { cookie: admin } });
    return { status: res.status, body: await res.json(), next: res.headers.get('x-next-cursor') };
  }

  /** Follows the cursors from the first page to the last; answers every page's entries. */
  async function allPages(query: string): Promise<AuditEntry[][]> {
    const pages: AuditEntry[][] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      pages.push(page.body);
      cursor = page.next;
    } while (cursor && pages.length < 50);
    return pages;
  }

  it.each([
    ['an organisation', 'organisation=1281'],
    ['a campaign', 'campaign=2026'],
  ])(
    "pages through %s's entries newest first, each entry once, with no cursor on the last page",
    async (_case, filter) => {
      // Arrange
      await record(7);
      const all = (await get(`${filter}&limit=500`)).body as AuditEntry[];
      // Act
      const pages = await allPages(`${filter}&limit=3`);
      // Assert
      expect(all).toHaveLength(7);
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat().map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(pages.flat().map((e) => (e.after as { n: number }).n)).toEqual([6, 5, 4, 3, 2, 1, 0]);
    },
  );

  it('gives no cursor when the entries fit exactly in one page', async () => {
    await record(3);
    const page = await get('organisation=1281&limit=3');
    expect(page.body).toHaveLength(3);
    expect(page.next).toBeNull();
  });

  it("pages through an organisation's entries of one campaign, skipping the other campaigns'", async () => {
    // Arrange: 2026 and 2025 entries interleaved.
    for (let i = 0; i < 4; i++) {
      await record(1, { year: 2026, after: { n: i } });
      await record(1, { year: 2025, target: 'response:2025:1281', after: { n: 100 + i } });
    }
    // Act
    const pages = await allPages('organisation=1281&campaign=2026&limit=2');
    // Assert
    expect(pages.map((page) => page.map((e) => (e.after as { n: number }).n))).toEqual([
      [3, 2],
      [1, 0],
    ]);
  });

  it('pages the unfiltered log through this month and last month, and no further', async () => {
    // Arrange: two entries in January (too old), three in February, two in March.
    ctx.clock.set('2026-01-30T09:00:00Z');
    await record(2, { action: 'admin.add', after: { month: 1 } });
    ctx.clock.set('2026-02-26T09:00:00Z');
    await record(3, { action: 'admin.add', after: { month: 2 } });
    ctx.clock.set('2026-03-02T09:00:00Z');
    await record(2, { action: 'admin.add', after: { month: 3 } });
    admin = await signInAdmin(ctx);
    // Act
    const pages = await allPages('limit=2');
    // Assert
    const months = pages.map((page) => page.map((e) => (e.after as { month: number }).month));
    expect(months).toEqual([[3, 3], [2, 2], [2]]);
  });

  it('reads one page with one query, however long the history', async () => {
    // Arrange
    await record(30);
    const first = await get('organisation=1281&limit=5');
    const commands = countCommands(ctx.clients);
    // Act
    const second = await get(`organisation=1281&limit=5&cursor=${encodeURIComponent(first.next!)}`);
    // Assert: the session, then one query from the cursor down.
    expect(second.body).toHaveLength(5);
    expect(commands.calls.filter((c) => c === 'QueryCommand')).toHaveLength(1);
    expect(commands.reads()).toBe(2);
    expect(commands.writes()).toBe(0);
  });

  it('answers 400 in the API error format for a cursor that is malformed, altered or made for other filters', async () => {
    // Arrange
    await record(4);
    const lund = (await get('organisation=1281&limit=2')).next!;
    const decoded = JSON.parse(Buffer.from(lund, 'base64url').toString('utf8'));
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad = [
      'not-a-cursor',
      '!!!',
      Buffer.from('not json').toString('base64url'),
      forge({ ...decoded, v: 2 }),
      forge({ ...decoded, p: 'ORG#1281' }),
      forge({ ...decoded, p: `${decoded.p}x#` }),
      forge([decoded.p]),
      'x'.repeat(401),
    ];
    // Act
    const answers = await Promise.all([
      ...bad.map((cursor) => get(`organisation=1281&limit=2&cursor=${encodeURIComponent(cursor)}`)),
      get(`organisation=1280&limit=2&cursor=${encodeURIComponent(lund)}`),
      get(`campaign=2026&limit=2&cursor=${encodeURIComponent(lund)}`),
      get(`limit=2&cursor=${encodeURIComponent(lund)}`),
    ]);
    // Assert
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'invalid_input', message: expect.any(String) });
      expect(answer.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(['cursor']);
    }
  });

  it('documents the cursor in the OpenAPI document', async () => {
    const document = await (await ctx.app.request('/api/openapi.json')).json();
    const operation = document.paths[AUDIT].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['organisation', 'campaign', 'limit', 'cursor']),
    );
    expect(Object.keys(operation.responses['200'].headers ?? {})).toEqual(['X-Next-Cursor']);
  });
});
