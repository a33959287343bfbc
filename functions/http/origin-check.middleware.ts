import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../errors/domain-errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every content type (hono's csrf helper covers only form types): a
 * state-changing request whose Origin is another site is refused. Requests without an
 * Origin (CLI, server to server) carry no browser cookies by accident, so they pass.
 */
export function originCheck(baseUrl: string): MiddlewareHandler {
  const allowed = new Set<string>();
  try {
    allowed.add(new URL(baseUrl).origin);
  } catch {
    // A base URL that is not absolute leaves only the request's own origin allowed.
  }
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const ownOrigin = new URL(c.req.url).origin;
    const foreignOrigin = origin !== undefined && origin !== ownOrigin && !allowed.has(origin);
    if (foreignOrigin || fetchSite === 'cross-site') {
      throw new ForbiddenError('csrf', 'Begäran kom från en annan webbplats och avvisades.');
    }
    return next();
  };
}
