import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AuditEntrySchema, AuditQuerySchema } from '../../../shared/schemas/audit.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, jsonResponse } from '../../http/openapi-helpers';
import type { AuditLog } from './audit.log';

interface AuditRouteDeps {
  audit: AuditLog;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** Reads the audit trail. It is append-only: there is deliberately no route that edits or deletes it. */
export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, deps: AuditRouteDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/audit',
      'x-access': 'admin',
      middleware: [deps.access('admin')],
      summary:
        'Audit entries newest first, by organisation and/or campaign year; with neither, this month and last month.',
      request: { query: AuditQuerySchema },
      responses: { 200: jsonResponse(z.array(AuditEntrySchema), 'Händelser'), ...commonErrors },
    }),
    async (c) => {
      const { organisation, campaign, limit } = c.req.valid('query');
      const both = organisation !== undefined && campaign !== undefined;
      // With both filters, read the organisation's entries and keep the campaign's.
      const entries = await deps.audit.list({
        organisationId: organisation,
        year: campaign,
        limit: both ? 500 : limit,
      });
      return c.json((both ? entries.filter((entry) => entry.year === campaign) : entries).slice(0, limit), 200);
    },
  );
}
