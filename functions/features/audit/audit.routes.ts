import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AUDIT_NEXT_CURSOR_HEADER, AuditEntrySchema, AuditQuerySchema } from '../../../shared/schemas/audit.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, jsonResponse } from '../../http/openapi-helpers';
import type { AuditTrail } from './audit-trail';

interface AuditRouteDeps {
  audit: AuditTrail;
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
        'Audit entries newest first, by organisation and/or campaign year; with neither, this month and last month. ' +
        `Paged: at most \`limit\` entries (default 200); when older entries follow, the \`${AUDIT_NEXT_CURSOR_HEADER}\` ` +
        'header holds an opaque cursor: send it back as `cursor` (with the same filters) for the next page. A cursor ' +
        'that is malformed, altered or made for other filters answers 400 invalid_input.',
      request: { query: AuditQuerySchema },
      responses: {
        200: {
          ...jsonResponse(z.array(AuditEntrySchema), 'Händelser'),
          headers: z.object({
            [AUDIT_NEXT_CURSOR_HEADER]: z
              .string()
              .optional()
              .describe('Markören för nästa sida; saknas på sista sidan.'),
          }),
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { organisation, campaign, limit, cursor } = c.req.valid('query');
      // With both filters, the organisation's entries are read and the campaign's kept.
      const page = await deps.audit.page({ organisationId: organisation, year: campaign, limit, cursor });
      if (page.nextCursor) c.header(AUDIT_NEXT_CURSOR_HEADER, page.nextCursor);
      return c.json(page.entries, 200);
    },
  );
}
