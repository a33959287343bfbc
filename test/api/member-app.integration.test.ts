import { beforeEach, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '../../functions/features/reminders/unsubscribe-token';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import { createMemberApp } from '../../functions/member-app';
import { createReportApp } from '../../functions/report-app';
import { ADMIN_API_ROUTES, REPORT_API_ROUTES } from '../../infra/http-api';
import { seededContext } from '../helpers/seeded-context';
import { jsonRequest, signIn, type TestContext } from '../helpers/test-app';

type OpenApiDoc = { paths: Record<string, Record<string, unknown>> };

/** "METHOD /path" for every operation in an OpenAPI document. */
function operations(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

type Lambda = 'admin' | 'report' | 'member';

/** An API Gateway route path as a pattern: `{name}` is one segment, `{name+}` one or more. */
function gatewayPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (/^\{[^}]+\+\}$/.test(segment) ? '.+' : /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** The Lambda API Gateway sends an operation to (infra/http-api.ts): a listed route, else the member API. */
function lambdaFor(operation: string): Lambda {
  const [method, path] = operation.split(' ') as [string, string];
  const concrete = path.replace(/\{[^}]+\}/g, 'x');
  const matches = (routes: ReadonlyArray<{ path: string; methods: readonly string[] }>) =>
    routes.some(
      (route) => gatewayPattern(route.path).test(concrete) && route.methods.some((m) => m === 'ANY' || m === method),
    );
  if (matches(ADMIN_API_ROUTES)) return 'admin';
  if (matches(REPORT_API_ROUTES)) return 'report';
  return 'member';
}

/**
 * API Gateway splits /api/* over three Lambdas (infra/http-api.ts): the kansli's paths to the
 * whole app, the report's to createReportApp, everything else to createMemberApp. Each must answer
 * every route sent to it; the member API, the one a contact's autosave cold-starts, nothing more.
 */
describe('the member and report APIs (createMemberApp, createReportApp)', () => {
  let ctx: TestContext;
  let member: ReturnType<typeof createMemberApp>;
  let report: ReturnType<typeof createReportApp>;

  beforeEach(async () => {
    ctx = await seededContext({ config: { deployed: true }, campaign: true });
    const deps = {
      store: ctx.store,
      mail: new OutboxMail(ctx.store, ctx.clock),
      clock: ctx.clock,
      config: ctx.config,
      log: () => {},
    };
    member = createMemberApp(deps);
    report = createReportApp(deps);
  });

  it('each answers exactly the whole app’s routes that API Gateway sends it (all deployed: no local outbox)', async () => {
    const doc = async (app: { request: (path: string) => Response | Promise<Response> }) =>
      operations((await (await app.request('/api/openapi.json')).json()) as OpenApiDoc);
    const whole = await doc(ctx.app);
    const routed = (lambda: Lambda) => whole.filter((op) => lambdaFor(op) === lambda);
    expect(await doc(member)).toEqual(routed('member'));
    // Every app has health and sign-in (createBaseApp); the gateway sends those to the member API.
    const reportOps = await doc(report);
    expect(reportOps.filter((op) => lambdaFor(op) === 'report')).toEqual(routed('report'));
    expect(reportOps.filter((op) => lambdaFor(op) !== 'report').every((op) => routed('member').includes(op))).toBe(
      true,
    );
    expect(routed('member').length).toBeGreaterThan(8);
    expect(routed('report')).toEqual(
      expect.arrayContaining(['GET /api/klimatlaget', 'GET /api/campaigns/{year}/scorecard', 'POST /api/unsubscribe']),
    );
    expect(routed('admin').length).toBeGreaterThan(30);
  });

  it('the report API serves the report, a member’s scorecard and unsubscribe; the member API none of them', async () => {
    const cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await report.request('/api/klimatlaget')).status).toBe(200);
    // Not yet published: the route itself answers so, it is not an unknown path.
    const scorecard = await report.request('/api/campaigns/2026/scorecard', { headers: { cookie } });
    expect(scorecard.status).toBe(404);
    expect(((await scorecard.json()) as { error: { code: string } }).error.code).toBe('not_published');
    // A link signed with the configured secret is read (the report API loads the secret), a forged one is not.
    const subject = { organisationId: '1281', contactId: 'politiker-1281' };
    const genuine = await report.request(
      `/api/unsubscribe?token=${signUnsubscribeToken(ctx.config.sessionSecret as string, subject)}`,
      { headers: { accept: 'application/json' } },
    );
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toMatchObject({ organisationName: 'Lund', emailState: 'ok' });
    const forged = await report.request(`/api/unsubscribe?token=${signUnsubscribeToken('another-secret', subject)}`);
    expect(forged.status).toBe(400);
    for (const path of ['/api/klimatlaget', '/api/campaigns/2026/scorecard', '/api/unsubscribe']) {
      const res = await member.request(path, { headers: { cookie } });
      expect(res.status, path).toBe(404);
    }
  });

  it('serves a contact’s whole session: sign-in, load, autosave, submit guard', async () => {
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
