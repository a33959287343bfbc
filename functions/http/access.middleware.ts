import type { MiddlewareHandler } from 'hono';
import { getSignedCookie } from 'hono/cookie';
import { ForbiddenError, NotAuthenticatedError } from '../errors/domain-errors';
import { SESSION_COOKIE, type SessionService } from '../features/auth/session.service';
import type { AppEnv } from './app-env';
import type { Access } from './openapi-helpers';

/**
 * Enforces a route's declared access. Public routes never touch the store; the others read
 * the session once (one GetItem) and check the role.
 */
export function accessMiddleware(sessions: SessionService, secret: string) {
  return (access: Access): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      if (access === 'public' || access === 'dev') return next();
      const sessionId = await getSignedCookie(c, secret, SESSION_COOKIE);
      const user = sessionId ? await sessions.find(sessionId) : undefined;
      if (!user) throw new NotAuthenticatedError();
      if (access === 'admin' && user.role !== 'admin') {
        throw new ForbiddenError('admin_only', 'Bara kansliet kan göra detta.');
      }
      if (access === 'member' && (user.role !== 'member' || !user.organisationId)) {
        throw new ForbiddenError('members_only', 'Bara medlemmarnas kontaktpersoner kan göra detta.');
      }
      c.set('user', user);
      return next();
    };
}
