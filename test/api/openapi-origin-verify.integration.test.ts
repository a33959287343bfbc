import { describe, expect, it } from 'vitest';
import { catalogueApp, openApiDocument, routeCatalogue, samplePath } from '../helpers/route-catalogue';

/**
 * Deployed, the API refuses every request that did not come through CloudFront with 403
 * `origin_not_verified` (functions/http/origin-verify.middleware.ts). The OpenAPI document lists the
 * errors every route can answer (documentSharedErrors), so it must list that one on every route too.
 */
describe('the OpenAPI document lists origin_not_verified', () => {
  const app = catalogueApp({ originSecrets: ['origin-secret-0123456789abcdefghijklmnopqrstuvwxyz'], deployed: true });
  const routes = routeCatalogue(app).filter((route) => route.path.startsWith('/api/') && route.operation);

  it('as a 403 of every documented route, in the error format', () => {
    type Responses = Record<string, { description?: string; content?: Record<string, unknown> } | undefined>;
    const paths = (openApiDocument(app).paths ?? {}) as Record<string, Record<string, { responses?: Responses }>>;
    const missing = routes
      .filter((route) => {
        const response = paths[route.path]?.[route.method.toLowerCase()]?.responses?.['403'];
        return !response?.description?.includes('(origin_not_verified)') || !response.content?.['application/json'];
      })
      .map((route) => `${route.method} ${route.path}`);
    expect(routes.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('which is what each of them answers when the origin secret is missing', async () => {
    for (const route of routes) {
      const res = await app.request(samplePath(route), {
        method: route.method,
        headers: { accept: 'application/json' },
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect((await res.json()).error.code).toBe('origin_not_verified');
    }
  });
});
