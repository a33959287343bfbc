import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ContactIdParam } from '../../../shared/schemas/params';
import {
  AddressErasureInputSchema,
  AddressErasureResultSchema,
  ContactExportSchema,
  ErasureResultSchema,
} from '../../../shared/schemas/privacy.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import type { PrivacyService } from './privacy.service';

const ContactIdParams = z.object({ id: ContactIdParam });

interface PrivacyRouteDeps {
  privacy: PrivacyService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/**
 * The kansli's GDPR actions: download what is stored about a contact, erase a contact (in the
 * register or removed earlier), and erase by address a person who is no longer in the register.
 */
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
        'Erases a contact: ends their sessions, deletes their email and sign-in links, strips the reminder log, marks their edits "raderad kontakt", ' +
        'takes their name and address out of earlier audit entries (`auditRedacted` counts them) and deletes the contact. ' +
        'Works for a contact removed earlier too (by the id in the audit log), and takes every removed contact record under the same address with it (`contacts`). ' +
        'A contact named by more audit entries than one request rewrites answers 409 erasure_incomplete: send it again to continue. ' +
        'For a removed id, 409 address_in_register when a contact in the register has its address now (erase that contact instead), and 409 email_is_admin when an admin has it, before anything is touched. ' +
        '404 contact_not_found when there is nothing left under the id (an erasure that is done).',
      request: { params: ContactIdParams },
      responses: {
        200: jsonResponse(ErasureResultSchema, 'Raderad'),
        ...commonErrors,
        404: errorResponse('Kontakten finns inte'),
        409: errorResponse(
          'Fler loggposter återstår; radera igen. Eller: adressen tillhör nu en kontakt i registret eller en administratör',
        ),
      },
    }),
    async (c) => c.json(await deps.privacy.erase(c.req.valid('param').id, c.get('user')!.email), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contacts/erase',
      ...admin,
      summary:
        'Erases what is stored under an address whose contact is no longer in the register (GDPR art. 17 after a removal). Body `{email}`. ' +
        'Every removed contact record under the address is erased as `POST /api/admin/contacts/{id}/erase` erases one (`contacts` lists them, often none), ' +
        'and whatever is found by the address itself (sessions, sign-in links, email sent, responses they edited) in any case. ' +
        'Repeatable: a repeat continues an interrupted or bounded erasure (409 erasure_incomplete) and after a finished one answers zeros. ' +
        '409 address_in_register when a contact in the register has the address: erase that contact instead. ' +
        '409 email_is_admin when an admin has the address. Both before anything is touched.',
      request: { body: jsonBody(AddressErasureInputSchema) },
      responses: {
        200: jsonResponse(AddressErasureResultSchema, 'Raderat'),
        ...commonErrors,
        409: errorResponse(
          'Adressen tillhör en kontakt i registret eller en administratör, eller fler loggposter återstår; radera igen',
        ),
      },
    }),
    async (c) => c.json(await deps.privacy.eraseAddress(c.req.valid('json').email, c.get('user')!.email), 200),
  );
}
