import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { LinearRouter } from 'hono/router/linear-router';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import sv from 'zod/v4/locales/sv.js';
import { ReminderPolicySchema } from '../shared/reminders/reminder-policy.schema';
import type { AppDeps } from './app-deps';
import { InputValidationError, PayloadTooLargeError } from './errors/domain-errors';
import { AdminRepository } from './features/admins/admin.repository';
import { registerAdminRoutes } from './features/admins/admin.routes';
import { AdminService } from './features/admins/admin.service';
import { AuditLog } from './features/audit/audit.log';
import { registerAuditRoutes } from './features/audit/audit.routes';
import { registerAuthRoutes } from './features/auth/auth.routes';
import { AuthService } from './features/auth/auth.service';
import { SessionService } from './features/auth/session.service';
import { CampaignRepository } from './features/campaigns/campaign.repository';
import { registerCampaignAdminRoutes } from './features/campaigns/campaign.routes';
import { CampaignService } from './features/campaigns/campaign.service';
import { ContactRepository } from './features/contacts/contact.repository';
import { registerContactRoutes } from './features/contacts/contact.routes';
import { ContactService } from './features/contacts/contact.service';
import { ContactImportService } from './features/contacts/contact-import';
import { EmissionRepository } from './features/emissions/emission.repository';
import { EmissionsPrefillSource } from './features/emissions/emissions-prefill';
import { registerEmissionImports } from './features/imports/import.routes';
import { registerKlimatlagetRoutes } from './features/klimatlaget/klimatlaget.routes';
import { KlimatlagetService } from './features/klimatlaget/klimatlaget.service';
import { ReportRepository } from './features/klimatlaget/report.repository';
import { ScoreWriter } from './features/klimatlaget/score.writer';
import { OrganisationRepository } from './features/organisations/organisation.repository';
import { registerOrganisationRoutes } from './features/organisations/organisation.routes';
import { OrganisationService } from './features/organisations/organisation.service';
import { registerDevOutboxRoutes } from './features/outbox/dev-outbox.routes';
import { registerPrivacyRoutes } from './features/privacy/privacy.routes';
import { PrivacyService } from './features/privacy/privacy.service';
import { registerProgressRoutes } from './features/progress/progress.routes';
import { ProgressService } from './features/progress/progress.service';
import { ReminderLogRepository } from './features/reminders/reminder-log.repository';
import { registerReminders } from './features/reminders/reminders.module';
import { ResponseRepository } from './features/responses/response.repository';
import { registerResponseRoutes } from './features/responses/response.routes';
import { ResponseService } from './features/responses/response.service';
import { registerResponseAdminRoutes } from './features/responses/response-admin.routes';
import { registerResponseReviewRoutes } from './features/responses/response-review.routes';
import { ResponseReviewService } from './features/responses/response-review.service';
import { accessMiddleware } from './http/access.middleware';
import type { AppEnv } from './http/app-env';
import { handleError } from './http/error-handler';
import { jsonResponse } from './http/openapi-helpers';
import { originCheck } from './http/origin-check.middleware';

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

z.config(sv());

/**
 * Builds the whole API from its adapters. The Lambda handler, the local server and the
 * tests all call this; nothing here creates an adapter or reads the environment.
 */
export function createApp(deps: AppDeps) {
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
  const campaigns = new CampaignService(repositories.campaigns, audit, deps.clock, {
    reminderPolicy: () => ReminderPolicySchema.parse({}),
  });
  const responses = new ResponseService({
    responses: repositories.responses,
    campaigns,
    clock: deps.clock,
    mail: deps.mail,
    // Emissions prefill is read on GET response only; autosave never calls it.
    prefill: deps.prefill ?? new EmissionsPrefillSource(new EmissionRepository(deps.store)),
    baseUrl: deps.config.baseUrl,
    log,
  });
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
  const access = accessMiddleware(sessions, deps.config.sessionSecret);

  const app = new OpenAPIHono<AppEnv>({
    // Registers routes without compiling them: RegExpRouter's first-request build of ~100 routes
    // costs a cold start more than linear matching costs any request (docs/performance.md).
    router: new LinearRouter(),
    defaultHook: (result) => {
      if (!result.success) {
        throw new InputValidationError(
          'Indata är ogiltiga.',
          result.error.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message })),
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
  app.use('/api/*', originCheck(deps.config.baseUrl));
  app.use('/api/*', async (c, next) => {
    const limit = c.req.path.startsWith('/api/admin/imports') ? IMPORT_BODY_LIMIT_BYTES : JSON_BODY_LIMIT_BYTES;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new PayloadTooLargeError(`Begärans innehåll är större än ${Math.round(limit / 1024 / 1024)} MB.`);
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
    secret: deps.config.sessionSecret,
    secureCookies: deps.config.deployed,
    access,
    clientIp,
  });

  registerCampaignAdminRoutes(app, { campaigns, access });
  registerReminders(app, { ...deps, log, tokens: auth, audit, campaigns, access });
  registerResponseRoutes(app, { service: responses, responses: repositories.responses, campaigns, access });
  registerPrivacyRoutes(app, {
    privacy: new PrivacyService({
      store: deps.store,
      contacts: repositories.contacts,
      sessions,
      audit,
      clock: deps.clock,
    }),
    access,
  });
  registerResponseAdminRoutes(app, {
    responses: repositories.responses,
    organisations: repositories.organisations,
    campaigns,
    audit,
    access,
    now: () => deps.clock.now(),
  });
  registerResponseReviewRoutes(app, {
    review: new ResponseReviewService({
      responses: repositories.responses,
      campaigns,
      audit,
      mail: deps.mail,
      clock: deps.clock,
      baseUrl: deps.config.baseUrl,
      log,
    }),
    access,
  });
  registerOrganisationRoutes(app, {
    organisations: new OrganisationService({
      organisations: repositories.organisations,
      responses: repositories.responses,
      campaigns,
      audit,
    }),
    access,
  });
  registerContactRoutes(app, {
    contacts: new ContactService({
      contacts: repositories.contacts,
      organisations: repositories.organisations,
      sessions,
      audit,
    }),
    imports: new ContactImportService({
      store: deps.store,
      contacts: repositories.contacts,
      organisations: repositories.organisations,
      sessions,
      audit,
      clock: deps.clock,
    }),
    access,
  });
  registerProgressRoutes(app, {
    progress: new ProgressService({
      organisations: repositories.organisations,
      responses: repositories.responses,
      reminderLog: new ReminderLogRepository(deps.store),
      campaigns,
    }),
    access,
  });
  registerAuditRoutes(app, { audit, access });
  registerAdminRoutes(app, {
    admins: new AdminService({
      admins: repositories.admins,
      sessions,
      audit,
      clock: deps.clock,
      configAdmins: deps.config.adminEmails,
    }),
    access,
  });

  registerEmissionImports(app, {
    store: deps.store,
    clock: deps.clock,
    ...(deps.files ? { files: deps.files } : {}),
    deployed: deps.config.deployed,
    organisations: repositories.organisations,
    audit,
    access,
  });

  registerKlimatlagetRoutes(app, {
    service: new KlimatlagetService({
      campaigns,
      responses: repositories.responses,
      organisations: repositories.organisations,
      reports: new ReportRepository(deps.store),
      emissions: new EmissionRepository(deps.store),
      scores: new ScoreWriter(deps.store),
      audit,
      clock: deps.clock,
    }),
    access,
  });

  if (!deps.config.deployed) registerDevOutboxRoutes(app, deps.store);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Klimatkommunerna – medlemstest API',
      version: '1.0.0',
      description: 'Every route carries `x-access`: public, signed-in, member, admin or dev (local stack only).',
    },
  });

  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Det finns inget här.' } }, 404));
  app.onError((error, c) => handleError(error, c, log));
  return app;
}

export type App = ReturnType<typeof createApp>;
