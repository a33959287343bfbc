import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/** An error as a page for a browser; undefined keeps the API's JSON answer (a client that asks for JSON). */
export type ErrorPage = (c: Context<AppEnv>, error: Error) => Response | undefined;

/** The routes (by path) that answer a browser with a page, and how each shows an error. */
export type ErrorPages = Map<string, ErrorPage>;

/**
 * Replaces the error handler's JSON answer with the route's page, for a route that registered one
 * (one-click unsubscribe, a form post from a page). It runs in front of the origin check and the
 * body limit, so their 403 `csrf` and 413 reach a browser as the page too, not only the route's
 * own errors; every other route keeps the error format.
 */
export function browserErrorPages(pages: ErrorPages): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.error) return;
    const page = pages.get(c.req.path)?.(c, c.error);
    if (page) c.res = page;
  };
}
