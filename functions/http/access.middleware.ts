import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ForbiddenError, NotAuthenticatedError } from '../errors/domain-errors';
import {
  SESSION_COOKIE,
  SESSION_ID_PATTERN,
  type SessionService,
  type SessionUser,
} from '../features/auth/session.service';
import type { AppEnv } from './app-env';
import type { Access } from './openapi-helpers';

/**
 * Enforces a route's declared access. Public routes never touch the store; the others read
 * the session once (one GetItem) and check the role.
 */
export function accessMiddleware(sessions: SessionService) {
  return (access: Access): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      if (access === 'public' || access === 'dev') return next();
      const user = await signedInUser(c, sessions);
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

/**
 * The session the cookie names. The cookie is the raw id, unsigned: the table is keyed by the id's
 * hash, so only someone who holds the id can name a session, and no key (no Secrets Manager
 * request) is needed to check it. Anything not shaped like an issued id, such as an old signed
 * `id.signature` cookie, is not looked up at all.
 */
async function signedInUser(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  sessions: SessionService,
): Promise<SessionUser | undefined> {
  const sessionId = sessionIdFromCookie(c);
  return sessionId ? sessions.find(sessionId) : undefined;
}

/** The session id the cookie carries, if it has the shape of an issued one (anything else is never looked up). */
export function sessionIdFromCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | undefined {
  const sessionId = getCookie(c, SESSION_COOKIE);
  return sessionId && SESSION_ID_PATTERN.test(sessionId) ? sessionId : undefined;
}
