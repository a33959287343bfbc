import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import {
  CreateOrganisationInputSchema,
  OrganisationCodeParamSchema,
  OrganisationListQuerySchema,
  OrganisationRowSchema,
  UpdateOrganisationInputSchema,
} from '../../../shared/schemas/organisation.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import type { OrganisationService } from './organisation.service';

interface OrganisationRouteDeps {
  organisations: OrganisationService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** The kansli's member register: list, search, add and edit organisations. */
export function registerOrganisationRoutes(app: OpenAPIHono<AppEnv>, deps: OrganisationRouteDeps): void {
  const { organisations, access } = deps;
  const admin = { 'x-access': 'admin' as const, middleware: [access('admin')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/organisations',
      ...admin,
      summary:
        "Every organisation in code order with contacts, statute warnings and the current campaign's status; `q` searches code and name.",
      request: { query: OrganisationListQuerySchema },
      responses: { 200: jsonResponse(z.array(OrganisationRowSchema), 'Organisationer'), ...commonErrors },
    }),
    async (c) => c.json(await organisations.list(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/organisations',
      ...admin,
      summary:
        'Adds an organisation. `id` is its code: a kommun a valid 4-digit kommunkod, a region a valid 2-digit länskod.',
      request: { body: jsonBody(CreateOrganisationInputSchema) },
      responses: {
        201: jsonResponse(OrganisationRowSchema, 'Tillagd'),
        ...commonErrors,
        409: errorResponse('Koden finns redan'),
      },
    }),
    async (c) => c.json(await organisations.create(c.req.valid('json'), c.get('user')!.email), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/organisations/{code}',
      ...admin,
      summary: 'One organisation with its contacts, warnings and current campaign status.',
      request: { params: OrganisationCodeParamSchema },
      responses: {
        200: jsonResponse(OrganisationRowSchema, 'Organisationen'),
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => c.json(await organisations.get(c.req.valid('param').code), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/organisations/{code}',
      ...admin,
      summary: 'Changes name, population or membership dates (null clears one). Code and type never change.',
      request: { params: OrganisationCodeParamSchema, body: jsonBody(UpdateOrganisationInputSchema) },
      responses: { 200: jsonResponse(OrganisationRowSchema, 'Ändrad'), ...commonErrors, 404: errorResponse('Saknas') },
    }),
    async (c) =>
      c.json(await organisations.update(c.req.valid('param').code, c.req.valid('json'), c.get('user')!.email), 200),
  );
}
