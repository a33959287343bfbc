import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ProgressQuerySchema, ProgressRowSchema } from '../../../shared/schemas/progress.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonResponse } from '../../http/openapi-helpers';
import { YearParamSchema } from '../campaigns/campaign.params';
import type { ProgressService } from './progress.service';

interface ProgressRouteDeps {
  progress: ProgressService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** The progress page's data: one row per member organisation for a campaign. */
export function registerProgressRoutes(app: OpenAPIHono<AppEnv>, deps: ProgressRouteDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/progress',
      'x-access': 'admin',
      middleware: [deps.access('admin')],
      summary:
        'One row per member organisation: status, share of the required questions answered (as the member sees it), last edit, reminders sent, email problems and, once submitted, the headline of the stored score (points, maximum, share, band) and `overridesToCheck`: how many of its adjustments were made on an answer the member has changed since (stored on the response by the writes that change answers or adjustments, so the listing reads no answers). Filter by status and type, sort by a column. Three paged queries, never one per organisation.',
      request: { params: YearParamSchema, query: ProgressQuerySchema },
      responses: {
        200: jsonResponse(z.array(ProgressRowSchema), 'Läget'),
        ...commonErrors,
        404: errorResponse('Kampanjen saknas'),
      },
    }),
    async (c) => c.json(await deps.progress.progress(c.req.valid('param').year, c.req.valid('query')), 200),
  );
}
