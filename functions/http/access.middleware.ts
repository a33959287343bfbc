import type { MiddlewareHandler } from 'hono';
import { getCookie, getSignedCookie } from 'hono/cookie';
import { readSecret, type SecretSource } from '../app-deps';
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
export function accessMiddleware(sessions: SessionService, secret: SecretSource) {
  return (access: Access): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      if (access === 'public' || access === 'dev') return next();
      const user = await signedInUser(c, sessions, secret);
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
 * The session the signed cookie names. The session is read while the signing key loads (on a
 * Lambda's cold start, from Secrets Manager) rather than after it; the id is trusted only once its
 * signature checks, and only a well-formed id is looked up before that.
 */
async function signedInUser(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  sessions: SessionService,
  secret: SecretSource,
): Promise<SessionUser | undefined> {
  const raw = getCookie(c, SESSION_COOKIE);
  const unverifiedId = raw?.slice(0, raw.lastIndexOf('.'));
  if (!unverifiedId || !SESSION_ID_PATTERN.test(unverifiedId)) return undefined;
  const [key, session] = await Promise.all([readSecret(secret), sessions.find(unverifiedId)]);
  const verifiedId = await getSignedCookie(c, key, SESSION_COOKIE);
  return verifiedId === unverifiedId ? session : undefined;
}
