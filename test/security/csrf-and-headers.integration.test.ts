import { beforeAll, describe, expect, it } from 'vitest';
import { type CatalogueRoute, isUnsafe, routeCatalogue } from '../helpers/route-catalogue';
import { callRoute, jsonOf, type SecurityWorld, securityWorld } from '../helpers/security-world';
import { countCommands, makeTestContext, TEST_BASE_URL } from '../helpers/test-app';

/** Every state-changing route, generated from the app, so a new one is covered without edits. */
const UNSAFE_ROUTES = routeCatalogue().filter(isUnsafe);
const key = (route: CatalogueRoute) => `${route.method} ${route.path}`;

const FOREIGN: Array<[string, Record<string, string>]> = [
  ['a foreign Origin', { origin: 'https://evil.example' }],
  ['a look-alike Origin', { origin: 'http://localhost:3000.evil.example' }],
  ['an opaque (null) Origin', { origin: 'null' }],
  ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
  ['a same-site Origin but Sec-Fetch-Site: cross-site', { origin: TEST_BASE_URL, 'sec-fetch-site': 'cross-site' }],
];

describe('CSRF: state-changing requests from another site are refused', () => {
  let world: SecurityWorld;
  beforeAll(async () => {
    world = await securityWorld();
  });

  it('covers the state-changing routes that exist today', () => {
    expect(UNSAFE_ROUTES.map(key)).toEqual(
      expect.arrayContaining(['PUT /api/campaigns/{year}/response', 'POST /api/auth/login-link']),
    );
  });

  it.for(UNSAFE_ROUTES.map((r) => [key(r), r] as const))(
    '%s: 403 csrf, before any DynamoDB request',
    async ([, route]) => {
      const counter = countCommands(world.ctx.clients);
      for (const caller of ['admin', 'memberA'] as const) {
        for (const [label, headers] of FOREIGN) {
          counter.reset();
          const res = await callRoute(world, route, caller, { headers });
          expect(res.status, `${caller} with ${label}`).toBe(403);
          expect((await jsonOf(res))?.error?.code).toBe('csrf');
          expect(counter.calls, `${caller} with ${label}`).toEqual([]);
        }
      }
      // The control: the same request from the platform's own origin is not refused as CSRF.
      const controls: Array<Record<string, string>> = [{ origin: TEST_BASE_URL, 'sec-fetch-site': 'same-origin' }, {}];
      for (const headers of controls) {
        const res = await callRoute(world, route, 'anonymous', { headers });
        expect((await jsonOf(res))?.error?.code).not.toBe('csrf');
      }
    },
  );

  it('lets safe methods through from anywhere (they change nothing)', async () => {
    const res = await world.ctx.app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
  });
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name.toLowerCase(), values]),
  );
}

describe('security headers', () => {
  const paths = ['/api/health', '/api/me', '/api/nothing-here', '/api/openapi.json'];

  it('sends a CSP without inline or eval scripts, nosniff, a referrer policy and no framing, on every answer', async () => {
    const ctx = await makeTestContext();
    for (const path of paths) {
      const res = await ctx.app.request(path);
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      expect(
        scripts.every((s) => s === "'self'" || s.startsWith("'nonce-") || s.startsWith("'sha")),
        path,
      ).toBe(true);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'self'"]);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toMatch(
        /^(strict-origin-when-cross-origin|no-referrer|same-origin)$/,
      );
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('sends HSTS only when deployed (locally it would pin localhost to https)', async () => {
    const local = await makeTestContext();
    expect((await local.app.request('/api/health')).headers.get('strict-transport-security')).toBeNull();
    const deployed = await makeTestContext({ config: { deployed: true } });
    for (const path of paths) {
      const hsts = (await deployed.app.request(path)).headers.get('strict-transport-security') ?? '';
      const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0);
      expect(maxAge, path).toBeGreaterThanOrEqual(365 * 24 * 3600);
      expect(hsts, path).toMatch(/includeSubDomains/);
    }
  });

  it('never answers with a stack trace', async () => {
    const ctx = await makeTestContext();
    const res = await ctx.app.request('/api/auth/login-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    const text = await res.text();
    expect(text).not.toMatch(/at .+\(.+:\d+:\d+\)|node_modules|\.ts:\d+/);
  });
});
