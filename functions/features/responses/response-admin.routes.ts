import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { OrganisationCodeParamSchema } from '../../../shared/schemas/organisation.schema';
import { SurveyResponseSchema } from '../../../shared/schemas/response.schema';
import { ExcuseInputSchema, ReopenInputSchema } from '../../../shared/schemas/response-admin.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import type { Mail } from '../../ports/mail';
import type { AuditLog } from '../audit/audit.log';
import { YearParamSchema } from '../campaigns/campaign.params';
import type { CampaignService } from '../campaigns/campaign.service';
import type { ContactRepository } from '../contacts/contact.repository';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import type { ResponseRepository } from './response.repository';
import { ResponseAdminService } from './response-admin.service';

const ResponseParamsSchema = YearParamSchema.extend(OrganisationCodeParamSchema.shape);

interface Deps {
  responses: ResponseRepository;
  organisations: OrganisationRepository;
  campaigns: CampaignService;
  audit: AuditLog;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
  now: () => Date;
  contacts: ContactRepository;
  mail: Mail;
  baseUrl: string;
  log: (entry: Record<string, unknown>) => void;
}

/** The kansli's actions on one organisation's response: reopen or give it its own deadline, excuse. */
export function registerResponseAdminRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const admin = { 'x-access': 'admin' as const, middleware: [deps.access('admin')] };
  const service = new ResponseAdminService(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/responses/{code}/reopen',
      ...admin,
      summary:
        'Reopens a submitted response (a draft again, answers kept) and/or gives the organisation its own, later deadline ' +
        "(`closesAt`, after the campaign's). Refused (422) when it would change nothing (`nothing_to_change`), when the " +
        'campaign no longer takes answers and no own deadline to come is given (`deadline_required`), for a deadline in ' +
        "the past (`invalid_dates`) or not after the campaign's (`deadline_not_after_campaign`), before the campaign has " +
        'opened (`campaign_not_started`) and once it is published (`campaign_published`). With `intent`, 409 `response_changed` ' +
        'when the response is no longer as the kansli saw it (e.g. submitted meanwhile). The contacts are emailed the reason ' +
        'and the deadline; a lost email does not fail the request.',
      request: { params: ResponseParamsSchema, body: jsonBody(ReopenInputSchema) },
      responses: {
        200: jsonResponse(SurveyResponseSchema, 'Öppnad igen eller förlängd'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Svaret har ändrats sedan det lästes'),
        422: errorResponse('Ändrar ingenting, saknar ny sista svarsdag eller kampanjen är publicerad'),
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      return c.json(await service.reopen(year, code, c.req.valid('json'), c.get('user')!.email), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/responses/{code}/excuse',
      ...admin,
      summary:
        'Marks an organisation excused for this campaign (no reminders, not counted as missing), or takes the excuse ' +
        'back (`excused: false`). Refused (422) when nothing would change (`nothing_to_change`) and once the campaign ' +
        'is published (`campaign_published`).',
      request: { params: ResponseParamsSchema, body: jsonBody(ExcuseInputSchema) },
      responses: {
        200: jsonResponse(SurveyResponseSchema, 'Klart'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        422: errorResponse('Ändrar ingenting eller kampanjen är publicerad'),
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      return c.json(await service.excuse(year, code, c.req.valid('json'), c.get('user')!.email), 200);
    },
  );
}
