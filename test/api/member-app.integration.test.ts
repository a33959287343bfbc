import { beforeEach, describe, expect, it } from 'vitest';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import { createMemberApp } from '../../functions/member-app';
import { seededContext } from '../helpers/seeded-context';
import { jsonRequest, signIn, type TestContext } from '../helpers/test-app';

type OpenApiDoc = { paths: Record<string, Record<string, unknown>> };

/** "METHOD /path" for every operation in an OpenAPI document. */
function operations(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

/**
 * The member Lambda runs createMemberApp; API Gateway sends it everything except /api/admin/* and
 * /api/openapi.json (infra/http-api.ts). It must answer every other route the whole app has.
 */
describe('the member API (createMemberApp)', () => {
  let ctx: TestContext;
  let member: ReturnType<typeof createMemberApp>;

  beforeEach(async () => {
    ctx = await seededContext({ config: { deployed: true }, campaign: true });
    member = createMemberApp({
      store: ctx.store,
      mail: new OutboxMail(ctx.store, ctx.clock),
      clock: ctx.clock,
      config: ctx.config,
      log: () => {},
    });
  });

  it('has exactly the whole app’s routes outside /api/admin (both deployed, so neither has the local outbox)', async () => {
    const whole = operations((await (await ctx.app.request('/api/openapi.json')).json()) as OpenApiDoc);
    const memberOnly = operations((await (await member.request('/api/openapi.json')).json()) as OpenApiDoc);
    const expected = whole.filter((op) => !op.includes(' /api/admin/'));
    expect(memberOnly).toEqual(expected);
    expect(memberOnly.length).toBeGreaterThan(8);
    expect(whole.length - memberOnly.length).toBeGreaterThan(30);
  });

  it('serves a contact’s whole session: sign-in, load, autosave, submit guard, report', async () => {
    const res = await member.request(
      '/api/auth/login-link',
      jsonRequest('POST', { email: 'politiker.1281@example.se' }),
    );
    expect(res.status).toBe(202);
    // The session made through the whole app is valid here too: same table, same cookie key.
    const cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
    const headers = { 'content-type': 'application/json', cookie };
    const loaded = await member.request('/api/campaigns/2026/response', { headers });
    expect(loaded.status).toBe(200);
    const saved = await member.request('/api/campaigns/2026/response', {
      ...jsonRequest('PUT', { data: { B1: true }, version: 0 }),
      headers,
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { version: number }).version).toBe(1);
    const stale = await member.request('/api/campaigns/2026/response/submit', {
      ...jsonRequest('POST', { version: 0 }),
      headers,
    });
    expect(stale.status).toBe(409);
    expect((await member.request('/api/klimatlaget')).status).toBe(200);
    expect((await member.request('/api/me', { headers })).status).toBe(200);
  });

  it('does not know the kansli’s routes, even for an admin', async () => {
    const admin = await signIn(ctx, 'kansli@example.se');
    for (const path of ['/api/admin/organisations', '/api/admin/audit', '/api/admin/imports']) {
      const res = await member.request(path, { headers: { cookie: admin } });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    // …which the whole app does serve.
    expect((await ctx.app.request('/api/admin/organisations', { headers: { cookie: admin } })).status).toBe(200);
  });
});
