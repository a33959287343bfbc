import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AddAdminInputSchema, AdminEmailParamSchema, AdminListEntrySchema } from '../../../shared/schemas/admin.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import type { AdminService } from './admin.service';

interface AdminRouteDeps {
  admins: AdminService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** The settings page's admins: list, add, remove. */
export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, deps: AdminRouteDeps): void {
  const { admins, access } = deps;
  const admin = { 'x-access': 'admin' as const, middleware: [access('admin')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/admins',
      ...admin,
      summary: 'Stored admins and those from ADMIN_EMAILS (`fromConfig`).',
      responses: { 200: jsonResponse(z.array(AdminListEntrySchema), 'Administratörer'), ...commonErrors },
    }),
    async (c) => c.json(await admins.list(), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/admins',
      ...admin,
      summary:
        'Adds an admin, who can then sign in with a link, and emails them the sign-in address (`notified`: whether that email went; a failed send does not undo the add).',
      request: { body: jsonBody(AddAdminInputSchema) },
      responses: {
        201: jsonResponse(
          AdminListEntrySchema.extend({
            notified: z.boolean().describe('Whether the email telling the new admin where to sign in went'),
          }),
          'Tillagd',
        ),
        ...commonErrors,
        409: errorResponse('Redan administratör'),
      },
    }),
    async (c) => c.json(await admins.add(c.req.valid('json'), c.get('user')!.email), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/admins/{email}',
      ...admin,
      summary:
        'Removes a stored admin and ends their sessions. Refused (422) for an ADMIN_EMAILS admin and for the last admin, counting stored and configured ones.',
      request: { params: AdminEmailParamSchema },
      responses: {
        200: jsonResponse(z.object({ email: z.string() }), 'Borttagen'),
        ...commonErrors,
        404: errorResponse('Inte administratör'),
        422: errorResponse('Sista eller konfigurerad administratör'),
      },
    }),
    async (c) => {
      const { email } = c.req.valid('param');
      await admins.remove(email, c.get('user')!.email);
      return c.json({ email }, 200);
    },
  );
}
