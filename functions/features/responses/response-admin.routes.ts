import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { SurveyResponseSchema } from '../../../shared/schemas/response.schema';
import { DomainRuleError, NotFoundError } from '../../errors/domain-errors';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import type { AuditLog } from '../audit/audit.log';
import type { CampaignService } from '../campaigns/campaign.service';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import type { ResponseRepository } from './response.repository';

const ResponseParamsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  code: z.string().regex(/^\d{2}(\d{2})?$/),
});

export const ReopenInputSchema = z.object({
  closesAt: z.iso.datetime({ offset: true }).optional(),
  reason: z.string().trim().min(3).max(1000),
});

export const ExcuseInputSchema = z.object({
  excused: z.boolean().default(true),
  reason: z.string().trim().min(3).max(1000),
});

interface Deps {
  responses: ResponseRepository;
  organisations: OrganisationRepository;
  campaigns: CampaignService;
  audit: AuditLog;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
  now: () => Date;
}

/** The kansli's actions on one organisation's response: reopen with a new deadline, excuse. */
export function registerResponseAdminRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const admin = { 'x-access': 'admin' as const, middleware: [deps.access('admin')] };

  const organisationFor = async (code: string) => {
    const organisation = await deps.organisations.get(code);
    if (!organisation) throw new NotFoundError(`Organisationen ${code} finns inte.`);
    return organisation;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/responses/{code}/reopen',
      ...admin,
      summary: 'Reopens a submitted response, optionally with a later deadline for that organisation only.',
      request: { params: ResponseParamsSchema, body: jsonBody(ReopenInputSchema) },
      responses: {
        200: jsonResponse(SurveyResponseSchema, 'Öppnad igen'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        422: errorResponse('Bryter mot en regel'),
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      const { closesAt, reason } = c.req.valid('json');
      const campaign = await deps.campaigns.get(year);
      const organisation = await organisationFor(code);
      const before = await deps.responses.get(year, code);
      if (closesAt && closesAt <= deps.now().toISOString()) {
        throw new DomainRuleError('invalid_dates', 'Den nya sista svarsdagen måste ligga i framtiden.');
      }
      if (campaign.status === 'published') throw new DomainRuleError('campaign_published', 'Kampanjen är publicerad.');
      const reopened = await deps.responses.adminUpdate(
        year,
        code,
        organisation.type,
        {
          status: before && before.version > 0 ? 'draft' : 'not_started',
          ...(closesAt ? { closesAtOverride: closesAt } : {}),
          reopenedAt: deps.now().toISOString(),
        },
        { remove: ['submittedAt', 'submittedBy'] },
      );
      await deps.audit.record({
        actor: c.get('user')!.email,
        action: 'response.reopen',
        target: `response:${year}:${code}`,
        organisationId: code,
        year,
        before: { status: before?.status ?? 'not_started', closesAtOverride: before?.closesAtOverride },
        after: { status: reopened.status, closesAtOverride: reopened.closesAtOverride, reason },
      });
      return c.json(reopened, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/responses/{code}/excuse',
      ...admin,
      summary: 'Marks an organisation excused for this campaign (no reminders, not counted as missing).',
      request: { params: ResponseParamsSchema, body: jsonBody(ExcuseInputSchema) },
      responses: { 200: jsonResponse(SurveyResponseSchema, 'Klart'), ...commonErrors, 404: errorResponse('Saknas') },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      const { excused, reason } = c.req.valid('json');
      await deps.campaigns.get(year);
      const organisation = await organisationFor(code);
      const updated = await deps.responses.adminUpdate(year, code, organisation.type, { excused });
      await deps.audit.record({
        actor: c.get('user')!.email,
        action: excused ? 'response.excuse' : 'response.unexcuse',
        target: `response:${year}:${code}`,
        organisationId: code,
        year,
        after: { excused, reason },
      });
      return c.json(updated, 200);
    },
  );
}
