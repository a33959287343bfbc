import { beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../functions/errors/domain-errors';
import type { TableStore } from '../../functions/ports/table-store';
import { type CatalogueRoute, isUnsafe, openApiDocument, routeCatalogue } from '../helpers/route-catalogue';
import { type Caller, callRoute, type SecurityWorld, securityWorld } from '../helpers/security-world';

/**
 * The OpenAPI document against what the app answers: every route is provoked into the errors the
 * app can answer on any route (no session, the wrong role, a foreign Origin, a body too large, the
 * wrong content type, broken JSON, the store failing), plus a plain call with sample values, and
 * each status it answers must be documented for that route, with the answer's content type and
 * top-level fields. A route added later is checked without anyone editing this test.
 */

interface DocumentedResponse {
  description: string;
  content?: Record<string, { schema?: { properties?: Record<string, unknown> } }>;
}

const CALLER_FOR: Record<string, Caller> = {
  public: 'anonymous',
  dev: 'anonymous',
  'signed-in': 'memberA',
  member: 'memberA',
  admin: 'admin',
};

/** Fails every store call while `failing.on` is set, as a throttled table does. */
const failing = { on: false };
function failingWhenAsked(store: TableStore): TableStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        failing.on
          ? Promise.reject(new StoreUnavailableError('Lagringen svarar inte.'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}

let world: SecurityWorld;
let routes: CatalogueRoute[];
let documented: Record<string, Record<string, Record<string, unknown>>>;

beforeAll(async () => {
  world = await securityWorld({ wrapStore: failingWhenAsked });
  routes = routeCatalogue(world.ctx.app).filter((route) => route.path.startsWith('/api/') && route.operation);
  documented = openApiDocument(world.ctx.app).paths as typeof documented;
});

const key = (route: CatalogueRoute) => `${route.method} ${route.path}`;

function responsesOf(route: CatalogueRoute): Record<string, DocumentedResponse> {
  const operation = documented[route.path]?.[route.method.toLowerCase()] as
    | { responses?: Record<string, DocumentedResponse> }
    | undefined;
  return operation?.responses ?? {};
}

/** The answer's status, content type and top-level JSON fields must be in the route's document. */
async function expectDocumented(route: CatalogueRoute, res: Response, probe: string) {
  const where = `${key(route)} (${probe}) answered ${res.status}`;
  const response = responsesOf(route)[String(res.status)];
  expect(response, `${where}, which its document does not list`).toBeDefined();
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (res.status === 204 || type === '') return;
  expect(Object.keys(response?.content ?? {}), `${where} as ${type}`).toContain(type);
  if (type !== 'application/json') return;
  const body = (await res.json()) as Record<string, unknown>;
  const properties = response?.content?.[type]?.schema?.properties;
  if (properties && body && typeof body === 'object' && !Array.isArray(body)) {
    for (const field of Object.keys(body)) expect(Object.keys(properties), `${where} with "${field}"`).toContain(field);
  }
}

const takesBody = (route: CatalogueRoute) => route.operation?.requestBody !== undefined;

describe('every status the app answers is in the OpenAPI document', () => {
  it('documents 503 store_unavailable for every route that reads the store', () => {
    const missing = routes.filter((route) => route.path !== '/api/health' && !responsesOf(route)['503']).map(key);
    expect(missing).toEqual([]);
  });

  it('documents 403 csrf and 413 on every state-changing route, and 415 on every route that takes a body', () => {
    const missing: string[] = [];
    for (const route of routes) {
      const responses = responsesOf(route);
      if (isUnsafe(route) && !/csrf/.test(responses['403']?.description ?? '')) missing.push(`${key(route)} 403 csrf`);
      if (isUnsafe(route) && !responses['413']) missing.push(`${key(route)} 413`);
      if (takesBody(route) && !responses['415']) missing.push(`${key(route)} 415`);
    }
    expect(missing).toEqual([]);
  });

  it('a call with no session, and one with the wrong role', async () => {
    for (const route of routes) {
      const access = route.access ?? 'public';
      if (access === 'public' || access === 'dev') continue;
      await expectDocumented(route, await callRoute(world, route, 'anonymous'), 'no session');
      const wrong: Caller | undefined = access === 'admin' ? 'memberA' : access === 'member' ? 'admin' : undefined;
      if (wrong) await expectDocumented(route, await callRoute(world, route, wrong), `as ${wrong}`);
    }
  });

  it('a state-changing call from another site, and one whose body is too large', async () => {
    for (const route of routes.filter(isUnsafe)) {
      const caller = CALLER_FOR[route.access ?? 'public'] ?? 'anonymous';
      const foreign = await callRoute(world, route, caller, { headers: { origin: 'https://evil.example' } });
      expect(foreign.status, key(route)).toBe(403);
      await expectDocumented(route, foreign, 'foreign origin');
      // Any body counts, also on a route that takes none; its length is what the limit reads first.
      const large = await callRoute(world, route, caller, {
        body: {},
        headers: { 'content-length': String(64 * 1024 * 1024) },
      });
      expect(large.status, key(route)).toBe(413);
      await expectDocumented(route, large, 'too large');
    }
  });

  it('a body of the wrong content type, and broken JSON', async () => {
    for (const route of routes.filter(takesBody)) {
      const caller = CALLER_FOR[route.access ?? 'public'] ?? 'anonymous';
      const cookie = world.cookies[caller];
      const path = route.path.replace(/\{[^}]+\}/g, (name) => (name === '{year}' ? '2026' : '1281'));
      const send = (type: string, body: string) =>
        world.ctx.app.request(path, {
          method: route.method,
          headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
          body,
        });
      await expectDocumented(route, await send('text/plain', 'hej'), 'text/plain');
      const types = Object.keys(route.operation?.requestBody?.content ?? {});
      if (types.some((type) => /json/.test(type))) {
        await expectDocumented(route, await send('application/json', '{"trasig'), 'broken JSON');
      }
    }
  });

  it('a plain call with sample values, and the same call while the store fails', async () => {
    for (const route of routes) {
      if (route.access === 'dev') continue;
      const caller = CALLER_FOR[route.access ?? 'public'] ?? 'anonymous';
      failing.on = true;
      try {
        await expectDocumented(route, await callRoute(world, route, caller), 'store failing');
      } finally {
        failing.on = false;
      }
      // Only reads: a plain write could change the world the next route's probe finds.
      if (!isUnsafe(route)) await expectDocumented(route, await callRoute(world, route, caller), 'plain');
    }
  });

  it('a campaign edit that lost the race answers the documented 409 with the stored campaign in current', async () => {
    const route = routes.find((r) => key(r) === 'PATCH /api/admin/campaigns/{year}');
    expect(route).toBeDefined();
    const res = await callRoute(world, route!, 'admin', {
      body: { title: 'Ny titel', expectedUpdatedAt: '2000-01-01T00:00:00.000Z' },
    });
    expect(res.status).toBe(409);
    const body = await res.clone().json();
    expect(body.error.code).toBe('version_conflict');
    expect(body.current).toMatchObject({ year: 2026 });
    await expectDocumented(route!, res, 'version conflict');
  });
});
