import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ContactExportSchema, ErasureResultSchema } from '../../../shared/schemas/privacy.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonResponse } from '../../http/openapi-helpers';
import type { PrivacyService } from './privacy.service';

const ContactIdParams = z.object({ id: z.string().min(1).max(100) });

interface PrivacyRouteDeps {
  privacy: PrivacyService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** The kansli's GDPR actions on one contact: download what is stored about them, and erase them. */
export function registerPrivacyRoutes(app: OpenAPIHono<AppEnv>, deps: PrivacyRouteDeps): void {
  const admin = { 'x-access': 'admin' as const, middleware: [deps.access('admin')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/contacts/{id}/export',
      ...admin,
      summary: 'Everything stored about one contact, as a JSON download.',
      request: { params: ContactIdParams },
      responses: {
        200: jsonResponse(ContactExportSchema, 'Kontaktens uppgifter'),
        ...commonErrors,
        404: errorResponse('Kontakten finns inte'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const exported = await deps.privacy.exportContact(id, c.get('user')!.email);
      c.header('content-disposition', `attachment; filename="kontakt-${encodeURIComponent(id)}.json"`);
      c.header('cache-control', 'no-store');
      return c.json(exported, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contacts/{id}/erase',
      ...admin,
      summary:
        'Erases a contact: ends their sessions, deletes their email, strips the reminder log, marks their edits "raderad kontakt", ' +
        'takes their name and address out of earlier audit entries (`auditRedacted` counts them) and deletes the contact. ' +
        'A contact named by more audit entries than one request rewrites answers 409 erasure_incomplete: send it again to continue.',
      request: { params: ContactIdParams },
      responses: {
        200: jsonResponse(ErasureResultSchema, 'Raderad'),
        ...commonErrors,
        404: errorResponse('Kontakten finns inte'),
        409: errorResponse('Fler loggposter återstår; radera igen'),
      },
    }),
    async (c) => c.json(await deps.privacy.erase(c.req.valid('param').id, c.get('user')!.email), 200),
  );
}
