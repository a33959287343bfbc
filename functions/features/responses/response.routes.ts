import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { laterOwnDeadline } from '../../../shared/domain/answer-window';
import { ApiErrorSchema } from '../../../shared/schemas/api-error.schema';
import { CurrentCampaignSchema } from '../../../shared/schemas/campaign.schema';
import { ContactSchema } from '../../../shared/schemas/contact.schema';
import { OrganisationSchema } from '../../../shared/schemas/organisation.schema';
import { wholeNumberParam } from '../../../shared/schemas/params';
import {
  CarryOverInputSchema,
  CarryOverResultSchema,
  ResponseCurrentSchema,
  ResponseVersionSchema,
  ResponseViewSchema,
  SaveDraftInputSchema,
  SaveDraftResultSchema,
  SubmitInputSchema,
  SubmitResultSchema,
} from '../../../shared/schemas/response.schema';
import { NotFoundError } from '../../errors/domain-errors';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import { YearParamSchema } from '../campaigns/campaign.params';
import type { CampaignService } from '../campaigns/campaign.service';
import type { ResponseRepository } from './response.repository';
import { organisationTypeOf, type ResponseService } from './response.service';

interface ResponseRouteDeps {
  service: ResponseService;
  responses: ResponseRepository;
  campaigns: CampaignService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** `?since=`: the version the page holds; the answers come back only when the stored one differs. */
const VersionQuerySchema = z.object({ since: wholeNumberParam(z.number().int().min(0)).optional() });

const ResponseViewWithDeadlineSchema = ResponseViewSchema.extend({ closesAtOverride: z.string().optional() });

/**
 * The member's survey API. The organisation always comes from the session, never from the
 * URL or the body, so a contact can only ever reach their own organisation's response.
 */
export function registerResponseRoutes(app: OpenAPIHono<AppEnv>, deps: ResponseRouteDeps): void {
  const member = { 'x-access': 'member' as const, middleware: [deps.access('member')] };
  // The year's campaign is read while the session is, not after it: on a cold instance every
  // autosave would otherwise wait for two reads in a row. Only for a request with a cookie and a
  // year the route accepts, so anonymous traffic causes no reads.
  const prefetchCampaign: MiddlewareHandler<AppEnv> = async (c, next) => {
    const year = c.req.header('cookie') ? YearParamSchema.safeParse({ year: c.req.param('year') }) : undefined;
    if (year?.success) deps.campaigns.prefetch(year.data.year);
    await next();
  };
  const memberForYear = { ...member, middleware: [prefetchCampaign, deps.access('member')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/my/organisation',
      ...member,
      summary: "The caller's organisation and its contacts.",
      responses: {
        200: jsonResponse(
          z.object({
            organisation: OrganisationSchema,
            contacts: z.array(ContactSchema.omit({ emailState: true })),
            // From the same query: the years a scorecard can exist for, once published (newest first).
            submittedYears: z.array(z.number().int()),
          }),
          'Organisationen',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const bundle = await deps.responses.bundle(c.get('user')!.organisationId!);
      if (!bundle.organisation) {
        throw new NotFoundError('Organisationen finns inte.', 'not_found', 'The organisation does not exist.');
      }
      return c.json(
        {
          organisation: bundle.organisation,
          contacts: bundle.contacts.map(({ emailState: _state, ...contact }) => contact),
          submittedYears: [...bundle.responses.values()]
            .filter((response) => response.status === 'submitted')
            .map((response) => response.year)
            .sort((a, b) => b - a),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/current',
      ...member,
      summary: "The open campaign (or else the latest), with the survey for the caller's organisation type.",
      responses: {
        200: jsonResponse(CurrentCampaignSchema, 'Kampanjen'),
        ...commonErrors,
        404: errorResponse('Ingen kampanj'),
      },
    }),
    async (c) => {
      const organisationId = c.get('user')!.organisationId!;
      const campaign = await deps.campaigns.current();
      if (!campaign) {
        throw new NotFoundError(
          'Det finns ingen öppen enkät just nu.',
          'no_open_campaign',
          'No survey is open right now.',
        );
      }
      const response = await deps.responses.get(campaign.year, organisationId);
      const extended = response?.closesAtOverride;
      return c.json(
        {
          year: campaign.year,
          title: campaign.title,
          opensAt: campaign.opensAt,
          closesAt: campaign.closesAt,
          ...(campaign.closedAt ? { closedAt: campaign.closedAt } : {}),
          status: campaign.status,
          survey: campaign.surveys[organisationTypeOf(organisationId)],
          closesAtForOrganisation: laterOwnDeadline(campaign, extended) ?? campaign.closesAt,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/{year}/response',
      ...memberForYear,
      summary: "The organisation's shared response: data, version and status.",
      request: { params: YearParamSchema },
      responses: {
        200: jsonResponse(ResponseViewWithDeadlineSchema, 'Svaret'),
        ...commonErrors,
        404: errorResponse('Ingen enkät för året'),
      },
    }),
    async (c) => c.json(await deps.service.view(c.get('user')!, c.req.valid('param').year), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/{year}/response/version',
      // No campaign prefetch: this read is the response item alone.
      ...member,
      summary:
        "The response's stored version, status and last editor, read from its item alone (what an open survey page checks now and then); with the answers when the version is not `since`.",
      request: { params: YearParamSchema, query: VersionQuerySchema },
      responses: {
        200: jsonResponse(ResponseVersionSchema, 'Den sparade versionen'),
        ...commonErrors,
      },
    }),
    async (c) =>
      c.json(await deps.service.version(c.get('user')!, c.req.valid('param').year, c.req.valid('query').since), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/campaigns/{year}/response',
      ...memberForYear,
      summary:
        'Autosaves a draft at the given version; 409 with the stored version when someone saved first, 403 not_a_member when the organisation may not answer the campaign.',
      request: { params: YearParamSchema, body: jsonBody(SaveDraftInputSchema) },
      responses: {
        200: jsonResponse(SaveDraftResultSchema, 'Sparat'),
        ...commonErrors,
        409: jsonResponse(
          ApiErrorSchema.extend({ current: ResponseCurrentSchema.optional() }),
          'Versionskonflikt eller redan inskickat',
        ),
        404: errorResponse('Ingen enkät för året'),
        422: errorResponse('Ogiltiga svar'),
        503: errorResponse('Lagringen svarar inte; inget ändrades'),
      },
    }),
    async (c) =>
      c.json(await deps.service.saveDraft(c.get('user')!, c.req.valid('param').year, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns/{year}/response/carry-over',
      ...memberForYear,
      summary:
        "Fills the draft's unanswered questions with the latest earlier submission's answers that this year's survey accepts; never overwrites.",
      request: { params: YearParamSchema, body: jsonBody(CarryOverInputSchema) },
      responses: {
        200: jsonResponse(CarryOverResultSchema, 'Ifyllt'),
        ...commonErrors,
        404: errorResponse('Ingen enkät för året, eller inga inskickade svar från tidigare år'),
        409: jsonResponse(
          ApiErrorSchema.extend({ current: ResponseCurrentSchema.optional() }),
          'Versionskonflikt eller redan inskickat',
        ),
        503: errorResponse('Lagringen svarar inte; inget ändrades'),
      },
    }),
    async (c) =>
      c.json(await deps.service.carryOver(c.get('user')!, c.req.valid('param').year, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns/{year}/response/submit',
      ...memberForYear,
      summary: 'Validates, scores and submits the stored draft; it is read-only afterwards.',
      request: { params: YearParamSchema, body: jsonBody(SubmitInputSchema) },
      responses: {
        200: jsonResponse(SubmitResultSchema, 'Inskickat'),
        ...commonErrors,
        404: errorResponse('Ingen enkät för året'),
        409: errorResponse('Versionskonflikt eller redan inskickat'),
        422: errorResponse(
          'Ogiltiga svar (invalid_response: de obesvarade obligatoriska frågorna, också när inget är sparat) eller inget att skicka in (nothing_to_submit)',
        ),
        503: errorResponse('Lagringen svarar inte; inget ändrades'),
      },
    }),
    async (c) => c.json(await deps.service.submit(c.get('user')!, c.req.valid('param').year, c.req.valid('json')), 200),
  );
}
