import { describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { type CatalogueRoute, catalogueApp, isUnsafe, routeCatalogue } from '../helpers/route-catalogue';
import {
  CALLERS,
  type Caller,
  callRoute,
  EMAILS,
  jsonOf,
  ORG_A_SECRET,
  type SecurityWorld,
  securityWorld,
} from '../helpers/security-world';
import { makeTestContext, signIn } from '../helpers/test-app';

/**
 * The authorisation matrix. Routes come from the app itself (router + OpenAPI document), so a
 * route added later is checked without editing this file: it must declare `x-access`, and it is
 * called as anonymous, a contact of Lund (A), a contact of Malmö (B) and the admin.
 */
const ROUTES = routeCatalogue();
const key = (route: CatalogueRoute) => `${route.method} ${route.path}`;

/** Routes anyone may call. Adding a public route means adding it here, on purpose. */
const PUBLIC_ALLOW_LIST = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login-link',
  'POST /api/auth/session',
  'POST /api/auth/logout',
  // The published Klimatläget report: public once published, by design.
  'GET /api/klimatlaget',
  'GET /api/klimatlaget/{year}',
  // One-click unsubscribe from reminder emails (RFC 8058): the signed token in the link is the credential.
  'GET /api/unsubscribe',
  'POST /api/unsubscribe',
]);
/** Public routes that serve published material and may be added by the Klimatläget work. */
const PUBLIC_PREFIXES = ['/api/public/'];
/** Non-API paths createApp serves: the local outbox page, never deployed. */
const LOCAL_ONLY_PAGES = new Set(['GET /dev/outbox']);

const ACCESS_LEVELS = new Set(['public', 'signed-in', 'member', 'admin', 'dev']);
const REFUSALS = [401, 403];

type Expectation = Record<Caller, 'ok' | 401 | 403>;
const EXPECTED: Record<string, Expectation> = {
  public: { anonymous: 'ok', memberA: 'ok', memberB: 'ok', admin: 'ok' },
  'signed-in': { anonymous: 401, memberA: 'ok', memberB: 'ok', admin: 'ok' },
  // Admins belong to no organisation, so member routes refuse them.
  member: { anonymous: 401, memberA: 'ok', memberB: 'ok', admin: 403 },
  admin: { anonymous: 401, memberA: 403, memberB: 403, admin: 'ok' },
};

function accessOf(route: CatalogueRoute): string | undefined {
  // The document route is served by hono-openapi itself and cannot carry x-access.
  return route.path === '/api/openapi.json' ? 'public' : route.access;
}

describe('every route declares who may call it', () => {
  it('finds the routes from the app, at least the ones that exist today', () => {
    const keys = ROUTES.map(key);
    expect(keys).toContain('PUT /api/campaigns/{year}/response');
    expect(keys).toContain('POST /api/admin/contacts/{id}/erase');
    // The kansli's per-organisation reminder and override removal (issue 7): admin only.
    expect(keys).toContain('POST /api/admin/campaigns/{year}/responses/{code}/remind');
    expect(keys).toContain('DELETE /api/admin/campaigns/{year}/responses/{code}/overrides/{question}');
    for (const k of [
      'POST /api/admin/campaigns/{year}/responses/{code}/remind',
      'DELETE /api/admin/campaigns/{year}/responses/{code}/overrides/{question}',
      'GET /api/admin/audit',
    ]) {
      expect(accessOf(ROUTES.find((r) => key(r) === k)!), k).toBe('admin');
    }
    expect(ROUTES.length).toBeGreaterThanOrEqual(20);
  });

  it('documents every API route with a known x-access', () => {
    const missing = ROUTES.filter((r) => r.path.startsWith('/api/') && !ACCESS_LEVELS.has(accessOf(r) ?? '')).map(key);
    expect(missing).toEqual([]);
  });

  it('serves no page outside /api except the local outbox', () => {
    const pages = ROUTES.filter((r) => !r.path.startsWith('/api/')).map(key);
    expect(pages.filter((p) => !LOCAL_ONLY_PAGES.has(p))).toEqual([]);
  });

  it('has no public route that is not on the allow-list', () => {
    const publicRoutes = ROUTES.filter((r) => accessOf(r) === 'public').map(key);
    const unexpected = publicRoutes.filter(
      (k) => !PUBLIC_ALLOW_LIST.has(k) && !(k.startsWith('GET ') && PUBLIC_PREFIXES.some((p) => k.includes(` ${p}`))),
    );
    expect(unexpected).toEqual([]);
    // A stale allow-list entry would hide the next route that takes its name.
    expect([...PUBLIC_ALLOW_LIST].filter((k) => !publicRoutes.includes(k))).toEqual([]);
  });

  it('keeps dev routes under /api/dev and out of the deployed app entirely', async () => {
    const dev = ROUTES.filter((r) => accessOf(r) === 'dev');
    expect(dev.every((r) => r.path.startsWith('/api/dev/'))).toBe(true);
    const deployed = routeCatalogue(catalogueApp({ deployed: true }));
    expect(deployed.filter((r) => r.access === 'dev' || r.path.includes('/dev/')).map(key)).toEqual([]);

    const ctx = await makeTestContext({ config: { deployed: true } });
    for (const path of ['/api/dev/outbox', '/dev/outbox']) {
      expect((await ctx.app.request(path)).status).toBe(404);
    }
    const local = await makeTestContext();
    expect((await local.app.request('/api/dev/outbox')).status).toBe(200);
  });
});

describe('each route answers each caller as its x-access says', () => {
  const checked = ROUTES.filter((r) => EXPECTED[accessOf(r) ?? ''] !== undefined);

  it.for(checked.map((r) => [key(r), r] as const))('%s', async ([, route]) => {
    const world = await securityWorld();
    const expectation = EXPECTED[accessOf(route) ?? ''] as Expectation;
    const seen: Record<string, string> = {};
    for (const caller of CALLERS) {
      const res = await callRoute(world, route, caller);
      const body = await jsonOf(res);
      seen[caller] = `${res.status} ${body?.error?.code ?? ''}`.trim();
      const expected = expectation[caller];
      expect(res.status, `${caller}: ${seen[caller]}`).toBeLessThan(500);
      if (expected === 'ok') {
        expect(REFUSALS, `${caller} was refused: ${seen[caller]}`).not.toContain(res.status);
      } else {
        expect(res.status, `${caller}: ${seen[caller]}`).toBe(expected);
        expect(body?.error?.code).toBe(
          expected === 401 ? 'not_authenticated' : caller === 'admin' ? 'members_only' : 'admin_only',
        );
      }
    }
  });
});

describe("a member only ever reaches their own organisation's data", () => {
  /** Every parameter an attacker might use to name organisation A. */
  const A_PARAMS = { code: '1281', organisationId: '1281', id: 'tjansteperson-1281', year: '2026' };
  const A_FIELDS = { organisationId: '1281', organisation: '1281', code: '1281', orgId: '1281' };

  async function storedA(world: SecurityWorld) {
    return new ResponseRepository(world.ctx.store).get(2026, '1281');
  }

  it("shows A's own contact A's draft (so the secret is reachable at all)", async () => {
    const world = await securityWorld();
    const res = await world.ctx.app.request('/api/campaigns/2026/response', {
      headers: { cookie: world.cookies.memberA ?? '' },
    });
    expect(await res.text()).toContain(ORG_A_SECRET);
  });

  it("never shows A's draft to B's contact on any readable route, whatever ids the URL names", async () => {
    const world = await securityWorld();
    const readable = ROUTES.filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && accessOf(r) !== 'admin');
    for (const route of readable) {
      for (const query of ['', '?organisationId=1281&code=1281&organisation=1281']) {
        const path = route.path.replace(/\{([^}]+)\}/g, (_m, n: string) => A_PARAMS[n as keyof typeof A_PARAMS] ?? n);
        const res = await world.ctx.app.request(`${path}${query}`, {
          headers: { cookie: world.cookies.memberB ?? '' },
        });
        expect(await res.text(), `${key(route)} leaked A's draft`).not.toContain(ORG_A_SECRET);
      }
    }
  });

  it("ignores an organisation id in the body: B's autosave lands in B's response, A's is untouched", async () => {
    const world = await securityWorld();
    const before = await storedA(world);
    const res = await world.ctx.app.request('/api/campaigns/2026/response?organisationId=1281', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: world.cookies.memberB ?? '' },
      body: JSON.stringify({ data: { respondent_name: 'Malmö skriver' }, version: 0, ...A_FIELDS }),
    });
    expect(res.status).toBe(200);
    expect(await storedA(world)).toEqual(before);
    const mine = await new ResponseRepository(world.ctx.store).get(2026, '1280');
    expect(mine?.data).toEqual({ respondent_name: 'Malmö skriver' });
  });

  it("never changes A's response through any state-changing member route called by B", async () => {
    const world = await securityWorld();
    const before = await storedA(world);
    const unsafeMemberRoutes = ROUTES.filter((r) => isUnsafe(r) && ['member', 'signed-in'].includes(accessOf(r) ?? ''));
    expect(unsafeMemberRoutes.length).toBeGreaterThan(0);
    for (const route of unsafeMemberRoutes) {
      for (const body of [{ ...A_FIELDS }, { ...A_FIELDS, version: 1, data: { respondent_name: 'intrång' } }]) {
        const res = await callRoute(world, route, 'memberB', { body, params: A_PARAMS });
        expect(res.status).toBeLessThan(500);
      }
    }
    expect(await storedA(world)).toEqual(before);
  });

  it("answers /api/me with the session's organisation, not one the caller names", async () => {
    const world = await securityWorld();
    const res = await world.ctx.app.request('/api/me?organisationId=1281', {
      headers: { cookie: world.cookies.memberB ?? '', 'x-organisation-id': '1281' },
    });
    expect(await res.json()).toMatchObject({ email: EMAILS.memberB, organisationId: '1280' });
  });

  it('gives the admin no organisation, so member routes stay closed to admins', async () => {
    const ctx = await makeTestContext();
    const cookie = await signIn(ctx, EMAILS.admin);
    const me = await (await ctx.app.request('/api/me', { headers: { cookie } })).json();
    expect(me.role).toBe('admin');
    expect(me.organisationId).toBeUndefined();
  });
});
