import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import {
  ContactImportCommitInputSchema,
  ContactImportCommitOutcomeSchema,
  ContactImportPlannedPreviewSchema,
} from '../../../shared/contacts-import/role-holders';
import {
  ContactChangeResultSchema,
  ContactIdParamSchema,
  ContactWarningSchema,
  CreateContactInputSchema,
  OrganisationContactsSchema,
  UpdateContactInputSchema,
} from '../../../shared/schemas/contact.schema';
import { ContactImportIdParamSchema, ContactImportInputSchema } from '../../../shared/schemas/contact-import.schema';
import { OrganisationCodeParamSchema } from '../../../shared/schemas/organisation.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import type { ContactService } from './contact.service';
import type { ContactImportService } from './contact-import';

/** Present when the change took someone's access away: whether the email telling them went. */
const NotifiedSchema = z
  .boolean()
  .optional()
  .describe('Whether the person who lost access was emailed; a failed send does not undo the change');

/** Present when the campaign's invitation was due: whether it went out now (else the next reminder run sends it). */
const InvitedSchema = z
  .boolean()
  .optional()
  .describe(
    "Whether the open campaign's invitation was emailed to the contact now; false: due but not sent (the next reminder run sends it); absent: none due",
  );

interface ContactRouteDeps {
  contacts: ContactService;
  imports: ContactImportService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** The kansli's contact register: contacts of an organisation, edits by id, and CSV import. */
export function registerContactRoutes(app: OpenAPIHono<AppEnv>, deps: ContactRouteDeps): void {
  const { contacts, imports, access } = deps;
  const admin = { 'x-access': 'admin' as const, middleware: [access('admin')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/organisations/{code}/contacts',
      ...admin,
      summary: "An organisation's contacts, with a warning for each role the statutes require that nobody holds.",
      request: { params: OrganisationCodeParamSchema },
      responses: {
        200: jsonResponse(OrganisationContactsSchema, 'Kontakter'),
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => c.json(await contacts.listForOrganisation(c.req.valid('param').code), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/organisations/{code}/contacts',
      ...admin,
      summary:
        "Adds a contact to the organisation. An address already used by a contact, or an admin's address, answers 409. While a campaign is open and the organisation has neither submitted nor been excused, the contact is sent the campaign's invitation at once (`invited`).",
      request: { params: OrganisationCodeParamSchema, body: jsonBody(CreateContactInputSchema) },
      responses: {
        201: jsonResponse(ContactChangeResultSchema.extend({ invited: InvitedSchema }), 'Tillagd'),
        ...commonErrors,
        404: errorResponse('Organisationen saknas'),
        409: errorResponse('Adressen används redan eller tillhör en administratör'),
      },
    }),
    async (c) =>
      c.json(await contacts.create(c.req.valid('param').code, c.req.valid('json'), c.get('user')!.email), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/contacts/{id}',
      ...admin,
      summary:
        "Changes a contact. `organisationId` moves it; `emailState: ok` re-enables the address. Moving or changing the address ends the person's sessions; a changed address's old holder is emailed that their access ended (`notified`). A moved contact, or the new address, is sent the open campaign's invitation at once, as a new contact is (`invited`).",
      request: { params: ContactIdParamSchema, body: jsonBody(UpdateContactInputSchema) },
      responses: {
        200: jsonResponse(
          ContactChangeResultSchema.extend({ notified: NotifiedSchema, invited: InvitedSchema }),
          'Ändrad',
        ),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Adressen används redan'),
        422: errorResponse('Okänd organisation'),
      },
    }),
    async (c) => c.json(await contacts.update(c.req.valid('param').id, c.req.valid('json'), c.get('user')!.email), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/contacts/{id}',
      ...admin,
      summary:
        "Removes a contact and ends the person's sessions; answers the organisation's warnings afterwards. The person is emailed that their access ended (`notified`).",
      request: { params: ContactIdParamSchema },
      responses: {
        200: jsonResponse(
          z.object({
            id: z.string(),
            organisationId: z.string(),
            warnings: z.array(ContactWarningSchema),
            notified: NotifiedSchema,
          }),
          'Borttagen',
        ),
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => c.json(await contacts.remove(c.req.valid('param').id, c.get('user')!.email), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contacts/import',
      ...admin,
      summary:
        "Previews a contacts import. Body: JSON `{csv}` with the file's text, `kod;namn;e-post;roll` separated by semicolons, header row optional; roll is politiker or tjänsteperson. Answers per-row errors and the changes, stored for commit. A new row whose role its organisation's contacts already hold (one politician and one official, as the statutes say) lists them in `replaces`; `changes.replacements` counts those rows.",
      request: { body: jsonBody(ContactImportInputSchema) },
      responses: { 201: jsonResponse(ContactImportPlannedPreviewSchema, 'Förhandsgranskning'), ...commonErrors },
    }),
    async (c) => c.json(await imports.preview(c.req.valid('json').csv, c.get('user')!.email), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contacts/import/{id}/commit',
      ...admin,
      summary:
        'Applies a previewed import (422 if the preview had errors or is over 24 hours old). Optional body `{replace: [row, …]}`: the rows whose current role holders (`replaces` in the preview) are removed, as the console removes a contact (their sessions end); without it nobody is removed. The first commit keeps its choice for re-runs (409 import_choices_changed for another). Committing again changes nothing and answers alreadyCommitted; `replaced` counts the removed contacts, each emailed that their access ended (`notified`: whether every one of those emails went; absent when this run removed nobody).',
      request: {
        params: ContactImportIdParamSchema,
        body: { content: { 'application/json': { schema: ContactImportCommitInputSchema } }, required: false },
      },
      responses: {
        200: jsonResponse(ContactImportCommitOutcomeSchema.extend({ notified: NotifiedSchema }), 'Importerad'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('En ny kontakts adress tillhör en administratör, eller andra val än första försöket'),
        422: errorResponse('Filen har fel, är för gammal eller en vald rad ersätter ingen'),
      },
    }),
    async (c) =>
      c.json(await imports.commit(c.req.valid('param').id, c.get('user')!.email, c.req.valid('json') ?? {}), 200),
  );
}
