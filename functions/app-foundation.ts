import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { LinearRouter } from 'hono/router/linear-router';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import { localiseErrorMessage } from '../shared/i18n/error-messages';
import { swedishZodLocale } from '../shared/i18n/zod-sv';
import type { AppDeps } from './app-deps';
import { InputValidationError, PayloadTooLargeError } from './errors/domain-errors';
import { AdminRepository } from './features/admins/admin.repository';
import { AuditLog } from './features/audit/audit.log';
import { registerAuthRoutes } from './features/auth/auth.routes';
import { AuthService } from './features/auth/auth.service';
import { SessionService } from './features/auth/session.service';
import { CampaignRepository } from './features/campaigns/campaign.repository';
import { CampaignService } from './features/campaigns/campaign.service';
import { ContactRepository } from './features/contacts/contact.repository';
import { OrganisationRepository } from './features/organisations/organisation.repository';
import { ResponseRepository } from './features/responses/response.repository';
import { accessMiddleware } from './http/access.middleware';
import type { AppEnv } from './http/app-env';
import { browserErrorPages, type ErrorPages } from './http/browser-error-pages';
import { handleError } from './http/error-handler';
import { detailsOfIssues } from './http/input-details';
import { documentSharedErrors, jsonResponse } from './http/openapi-helpers';
import { originCheck } from './http/origin-check.middleware';
import { originVerify } from './http/origin-verify.middleware';

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
/**
 * The local stand-in for S3's presigned POST (import.routes.ts) takes a 20 MB file plus the form's
 * fields, and refuses a file over 20 MB itself, as S3 does (400 entity_too_large).
 */
const LOCAL_UPLOAD_PATH = /^\/api\/admin\/imports\/uploads\/[^/]+$/;
const UPLOAD_FORM_ALLOWANCE_BYTES = 64 * 1024;

z.config(swedishZodLocale());

/**
 * What the member, report and admin APIs share: the adapters, the repositories and services they
 * all use, and the access middleware. Built once per app.
 */
export function createAppCore(deps: AppDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const clientIp = deps.clientIp ?? ((c) => c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown');
  const repositories = {
    organisations: new OrganisationRepository(deps.store),
    contacts: new ContactRepository(deps.store),
    admins: new AdminRepository(deps.store),
    campaigns: new CampaignRepository(deps.store),
    responses: new ResponseRepository(deps.store),
  };
  const audit = new AuditLog(deps.store, deps.clock);
  const campaigns = new CampaignService(repositories.campaigns, audit, deps.clock);
  const sessions = new SessionService(deps.store, deps.clock);
  const auth = new AuthService({
    store: deps.store,
    mail: deps.mail,
    clock: deps.clock,
    admins: repositories.admins,
    contacts: repositories.contacts,
    sessions,
    baseUrl: deps.config.baseUrl,
    adminEmails: deps.config.adminEmails,
    limits: {
      perEmailPerHour: deps.config.loginLinksPerEmailPerHour,
      perIpPerHour: deps.config.loginLinksPerIpPerHour,
    },
  });
  // No key: sessions are keyed by the hash of their id (docs/security.md).
  const access = accessMiddleware(sessions);
  // Filled by the routes that answer a browser with a page (unsubscribe), read on each error.
  const errorPages: ErrorPages = new Map();

  return { deps, log, clientIp, repositories, audit, campaigns, sessions, auth, access, errorPages };
}

export type AppCore = ReturnType<typeof createAppCore>;
export type ApiApp = OpenAPIHono<AppEnv>;

/**
 * The Hono app with everything every surface needs: request ids, security headers, the origin
 * check, body limits, `/api/health` and sign-in. Feature routes are added by member-api.ts and
 * admin-api.ts; finishApp closes it.
 */
export function createBaseApp(core: AppCore): ApiApp {
  const { deps, auth, sessions, access, clientIp } = core;
  const app = new OpenAPIHono<AppEnv>({
    // Registers routes without compiling them: RegExpRouter's first-request build of ~100 routes
    // costs a cold start more than linear matching costs any request (docs/performance.md).
    router: new LinearRouter(),
    defaultHook: (result) => {
      if (!result.success) {
        // Each detail in Swedish and English (messageEn), whatever language the request asked for.
        throw new InputValidationError(
          'Indata är ogiltiga.',
          // The validator hands the hook the value it checked beside the result.
          detailsOfIssues(result.error.issues, (result as { data?: unknown }).data),
        );
      }
    },
  });

  app.use('*', async (c, next) => {
    // In Lambda, the invocation's id, so app log lines match the platform's own; else a fresh one.
    const lambdaRequestId = (c.env as { lambdaContext?: { awsRequestId?: string } } | undefined)?.lambdaContext
      ?.awsRequestId;
    c.set('requestId', lambdaRequestId ?? c.req.header('x-amzn-requestid') ?? randomUUID());
    await next();
  });
  // Reads can be large (a survey, the progress list, the OpenAPI document) and CloudFront does not
  // compress uncached /api/* answers; writes answer a few hundred bytes, not worth a gzip stream.
  const compressResponse = compress();
  app.use('/api/*', (c, next) => (c.req.method === 'GET' ? compressResponse(c, next) : next()));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: deps.config.deployed ? 'max-age=63072000; includeSubDomains; preload' : false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  );
  // Before the origin check and body limit, so their refusals can be a page route's page too.
  app.use('/api/*', browserErrorPages(core.errorPages));
  app.use('*', originVerify(deps.config.originSecrets));
  app.use('/api/*', originCheck(deps.config.baseUrl));
  app.use('/api/*', async (c, next) => {
    const limit = LOCAL_UPLOAD_PATH.test(c.req.path)
      ? IMPORT_BODY_LIMIT_BYTES + UPLOAD_FORM_ALLOWANCE_BYTES
      : c.req.path.startsWith('/api/admin/imports')
        ? IMPORT_BODY_LIMIT_BYTES
        : JSON_BODY_LIMIT_BYTES;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        const megabytes = Math.round(limit / 1024 / 1024);
        throw new PayloadTooLargeError(
          `Begärans innehåll är större än ${megabytes} MB.`,
          undefined,
          `The request body is larger than ${megabytes} MB.`,
        );
      },
    })(c, next);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      'x-access': 'public',
      summary: 'Liveness.',
      middleware: [access('public')],
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Tjänsten svarar') },
    }),
    (c) => c.json({ ok: true as const }, 200),
  );

  registerAuthRoutes(app, {
    auth,
    sessions,
    secureCookies: deps.config.deployed,
    access,
    clientIp,
  });

  return app;
}

/** The OpenAPI document of the routes registered so far, the 404 answer and the one error mapper. */
export function finishApp(app: ApiApp, core: AppCore): ApiApp {
  documentSharedErrors(app);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Klimatkommunerna – medlemstest API',
      version: '1.0.0',
      description: 'Every route carries `x-access`: public, signed-in, member, admin or dev (local stack only).',
    },
  });

  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: localiseErrorMessage('not_found', 'Det finns inget här.', c.req.header('accept-language')),
        },
      },
      404,
    ),
  );
  app.onError((error, c) => handleError(error, c, core.log));
  return app;
}
