import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  LoginLinkRequestSchema,
  MeSchema,
  SessionRequestSchema,
  SessionResponseSchema,
} from '../../../shared/schemas/auth.schema';
import { sessionIdFromCookie } from '../../http/access.middleware';
import type { AppEnv } from '../../http/app-env';
import type { Access } from '../../http/openapi-helpers';
import { commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import { type AuthService, toMe } from './auth.service';
import { SESSION_COOKIE, SESSION_TTL_MS, type SessionService } from './session.service';

interface AuthRouteDeps {
  auth: AuthService;
  sessions: SessionService;
  secureCookies: boolean;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
  clientIp: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => string;
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AuthRouteDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login-link',
      'x-access': 'public',
      summary:
        "Emails a single-use sign-in link to an admin's address or a contact's whose organisation is a member today; always 202.",
      middleware: [deps.access('public')],
      request: {
        body: jsonBody(LoginLinkRequestSchema.extend({ next: z.string().startsWith('/').max(200).optional() })),
      },
      responses: {
        202: jsonResponse(z.object({ ok: z.literal(true) }), 'Skickat om adressen är känd'),
        400: commonErrors[400],
        429: {
          ...errorResponse('För många försök (rate_limited)'),
          headers: {
            'Retry-After': {
              description: 'Sekunder tills gränsen släpper igenom nästa begäran',
              schema: { type: 'integer', minimum: 1 },
            },
          },
        },
      },
    }),
    async (c) => {
      const { email, next } = c.req.valid('json');
      await deps.auth.requestLoginLink({ email, next, ip: deps.clientIp(c) });
      return c.json({ ok: true as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/session',
      'x-access': 'public',
      summary: 'Redeems a sign-in token once and sets the session cookie.',
      middleware: [deps.access('public')],
      request: { body: jsonBody(SessionRequestSchema) },
      responses: {
        200: jsonResponse(SessionResponseSchema.extend({ next: z.string().optional() }), 'Inloggad'),
        400: commonErrors[400],
        401: errorResponse('Fel, använd eller utgången länk'),
        403: errorResponse('Organisationen är inte medlem (not_a_member)'),
      },
    }),
    async (c) => {
      const { token } = c.req.valid('json');
      const { session, next } = await deps.auth.redeem(token);
      // The raw id, unsigned: the table keys sessions by its hash, so no key is needed to trust it.
      setCookie(c, SESSION_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.secureCookies,
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return c.json({ user: toMe(session), next }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      'x-access': 'public',
      summary: 'Ends the session, if any.',
      middleware: [deps.access('public')],
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Utloggad') },
    }),
    async (c) => {
      const sessionId = sessionIdFromCookie(c);
      if (sessionId) await deps.sessions.end(sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.secureCookies });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      'x-access': 'signed-in',
      summary: 'Who is signed in.',
      middleware: [deps.access('signed-in')],
      responses: { 200: jsonResponse(MeSchema, 'Den inloggade'), 401: commonErrors[401] },
    }),
    (c) => c.json(toMe(c.get('user')!), 200),
  );
}
