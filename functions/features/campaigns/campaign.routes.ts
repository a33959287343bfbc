import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/schemas/api-error.schema';
import {
  CampaignSchema,
  ConsoleCampaignSchema,
  ConsoleCampaignSummarySchema,
  CreateCampaignInputSchema,
  UpdateCampaignInputSchema,
} from '../../../shared/schemas/campaign.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import { YearParamSchema } from './campaign.params';
import type { CampaignService } from './campaign.service';

interface CampaignRouteDeps {
  campaigns: CampaignService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** The kansli's campaign API: create, edit, open and close. */
export function registerCampaignAdminRoutes(app: OpenAPIHono<AppEnv>, deps: CampaignRouteDeps): void {
  const { campaigns, access } = deps;
  const admin = { 'x-access': 'admin' as const, middleware: [access('admin')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns',
      ...admin,
      summary: 'Every campaign, oldest first, without survey JSON, with its reminder schedule and policy warnings.',
      responses: { 200: jsonResponse(z.array(ConsoleCampaignSummarySchema), 'Kampanjer'), ...commonErrors },
    }),
    async (c) => {
      const all = await campaigns.list();
      return c.json(
        await Promise.all(all.map(({ surveys: _surveys, ...summary }) => campaigns.forConsole(summary))),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns',
      ...admin,
      summary: "Creates a draft campaign; without surveys it copies last year's.",
      request: { body: jsonBody(CreateCampaignInputSchema) },
      responses: {
        201: jsonResponse(ConsoleCampaignSchema, 'Skapad'),
        ...commonErrors,
        409: errorResponse('Året finns redan'),
        422: errorResponse(
          'En enkät använder ett fråge- eller sidnamn två gånger (duplicate_name) eller har poängsättning som inte går ' +
            'att använda (invalid_scoring)',
        ),
      },
    }),
    async (c) =>
      c.json(await campaigns.forConsole(await campaigns.create(c.req.valid('json'), c.get('user')!.email)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}',
      ...admin,
      summary: 'One campaign with its surveys, its reminder schedule and the policy warnings on its dates.',
      request: { params: YearParamSchema },
      responses: {
        200: jsonResponse(ConsoleCampaignSchema, 'Kampanjen'),
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => c.json(await campaigns.forConsole(await campaigns.get(c.req.valid('param').year)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/campaigns/{year}',
      ...admin,
      summary:
        'Changes title, dates, surveys (only the types sent) or reminder policy; with expectedUpdatedAt, only if nobody changed the campaign since. Removing questions members may have answered needs confirmRemovedQuestions.',
      request: { params: YearParamSchema, body: jsonBody(UpdateCampaignInputSchema) },
      responses: {
        200: jsonResponse(
          ConsoleCampaignSchema.extend({
            staleScores: z
              .number()
              .int()
              .min(0)
              .optional()
              .describe(
                'After a survey change: how many submitted responses now have a stored score that is out of date ' +
                  '(the export, scorecards and review show it until POST …/rescore or a publish). Left out when it ' +
                  'could not be counted.',
              ),
          }),
          'Ändrad',
        ),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: jsonResponse(
          ApiErrorSchema.extend({
            current: CampaignSchema.optional().describe(
              'With version_conflict: the campaign as it is stored now, to show what changed.',
            ),
          }),
          'Kampanjen har ändrats sedan expectedUpdatedAt (version_conflict, med den sparade kampanjen i current), ' +
            'eller ändringen tar bort frågor som medlemmarna kan ha svarat på och confirmRemovedQuestions nämner ' +
            'inte exakt dem (questions_removed, med frågorna per enkät i details)',
        ),
        422: errorResponse(
          'Bryter mot en regel, t.ex. ett fråge- eller sidnamn två gånger i en enkät (duplicate_name), felaktig ' +
            'poängsättning (invalid_scoring) eller felaktiga datum (invalid_dates), ' +
            'eller ändrades av någon annan samtidigt utan expectedUpdatedAt (campaign_changed; ladda om)',
        ),
      },
    }),
    async (c) =>
      c.json(
        await campaigns.forConsole(
          await campaigns.update(c.req.valid('param').year, c.req.valid('json'), c.get('user')!.email),
        ),
        200,
      ),
  );

  for (const action of ['open', 'close'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/admin/campaigns/{year}/${action}`,
        ...admin,
        summary:
          action === 'open'
            ? 'Opens the campaign; only one can be open, and only before its deadline.'
            : 'Closes the campaign; closing a closed one changes nothing and answers it.',
        request: { params: YearParamSchema },
        responses: {
          200: jsonResponse(ConsoleCampaignSchema, 'Klart'),
          ...commonErrors,
          404: errorResponse('Saknas'),
          422: errorResponse(
            action === 'open'
              ? 'Bryter mot en regel (another_campaign_open, deadline_passed, invalid_scoring, campaign_published)'
              : 'Kampanjen är inte öppen (campaign_not_open_to_close)',
          ),
        },
      }),
      async (c) => {
        const { year } = c.req.valid('param');
        const actor = c.get('user')!.email;
        const campaign = action === 'open' ? await campaigns.open(year, actor) : await campaigns.close(year, actor);
        // The opening fixes the schedule: its answer carries the warnings, as a save's does.
        return c.json(await campaigns.forConsole(campaign), 200);
      },
    );
  }
}
