import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { OrganisationEmissionSchema } from '../../../shared/schemas/emission-import.schema';
import { OrganisationCodeParamSchema } from '../../../shared/schemas/organisation.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, jsonResponse } from '../../http/openapi-helpers';
import type { EmissionRepository } from './emission.repository';

const CodeParamsSchema = OrganisationCodeParamSchema;

interface Deps {
  emissions: EmissionRepository;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** An organisation's imported emissions, as the kansli checks them after an import. */
export function registerEmissionRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/organisations/{code}/emissions',
      'x-access': 'admin',
      middleware: [deps.access('admin')],
      summary: "The organisation's emissions by year and main sector, each with the import that wrote it (one query).",
      request: { params: CodeParamsSchema },
      responses: { 200: jsonResponse(z.array(OrganisationEmissionSchema), 'Utsläpp'), ...commonErrors },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const records = await deps.emissions.ofOrganisation(code);
      return c.json(
        records.map(({ year, sector, tonnesCO2e, population, importId, previous }) => ({
          year,
          sector,
          tonnesCO2e,
          ...(population === undefined ? {} : { population }),
          importId,
          ...(previous ? { previous } : {}),
        })),
        200,
      );
    },
  );
}
