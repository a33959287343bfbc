import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../../shared/emissions-import/parse-emissions';
import {
  CommitResponseSchema,
  ImportDetailSchema,
  type ImportFromUploadInput,
  ImportFromUploadInputSchema,
  ImportListQuerySchema,
  ImportPreviewResponseSchema,
  ImportSummarySchema,
  RollbackPreviewSchema,
  RollbackResponseSchema,
  UploadTicketSchema,
} from '../../../shared/schemas/emission-import.schema';
import { ImportIdParam } from '../../../shared/schemas/params';
import {
  DomainRuleError,
  InputValidationError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../../errors/domain-errors';
import { localUploadRefusal } from '../../files/local-file-store';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonResponse } from '../../http/openapi-helpers';
import type { Clock } from '../../ports/clock';
import { type FileStore, uploadKey } from '../../ports/file-store';
import type { TableStore } from '../../ports/table-store';
import type { AuditLog } from '../audit/audit.log';
import { EmissionRepository } from '../emissions/emission.repository';
import { registerEmissionRoutes } from '../emissions/emission.routes';
import { PublishedRespondents } from '../klimatlaget/published-respondents';
import { ReportRepository } from '../klimatlaget/report.repository';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import { ResponseRepository } from '../responses/response.repository';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/** A commit answers within this many milliseconds (202 with progress); the API function has 29 s. */
export const COMMIT_TIME_BUDGET_MS = 12_000;
const UPLOAD_URL_SECONDS = 15 * 60;

const IdParamsSchema = z.object({ id: ImportIdParam });

const MultipartImportSchema = z.object({
  file: z.unknown().optional().meta({ type: 'string', format: 'binary', description: 'XLSX or CSV, at most 20 MB' }),
  sheet: z.string().optional().meta({ description: 'XLSX sheet to read; the first when absent' }),
});

const LocalUploadFormSchema = z.object({
  key: z.string().optional().meta({ description: 'The `key` field of the upload ticket, unchanged' }),
  'Content-Type': z.string().optional().meta({ description: 'The `Content-Type` field of the upload ticket' }),
  Policy: z.string().optional().meta({ description: 'The `Policy` field of the upload ticket (its key and expiry)' }),
  'X-Local-Signature': z
    .string()
    .optional()
    .meta({ description: 'The `X-Local-Signature` field of the upload ticket' }),
  file: z
    .unknown()
    .optional()
    .meta({ type: 'string', format: 'binary', description: 'The file, last, at most maxBytes (20 MB)' }),
});

/**
 * What S3 answers a form upload that breaks its signed policy, as the API's 400: an expired policy
 * (S3: 403 AccessDenied "Policy expired"), a field that is not the ticket's (403 "Policy Condition
 * failed") or a file outside the content-length-range (400 EntityTooLarge, EntityTooSmall).
 */
function uploadRefused(path: string, code: string, message: string, messageEn: string): InputValidationError {
  return new InputValidationError(message, [{ path: [path], code, message, messageEn }], messageEn);
}

/** Accepts only a multipart form, as S3's POST upload does. */
const multipartOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new UnsupportedMediaTypeError(
      'Skicka filen som multipart/form-data: först fälten från uppladdningsbiljetten, sist filen i fältet "file".',
      undefined,
      'Send the file as multipart/form-data: first the fields of the upload ticket, last the file in the field "file".',
    );
  }
  await next();
};

interface Deps {
  service: ImportService;
  imports: ImportRepository;
  files?: FileStore;
  /** Registers the local upload route (POST …/uploads/{id}); in AWS the browser POSTs to S3. */
  localUploads: boolean;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/** Accepts only the body types the preview understands, with a message that says what to send. */
const multipartOrJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type')?.toLowerCase() ?? '';
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/json')) {
    throw new UnsupportedMediaTypeError(
      'Skicka filen som multipart/form-data med fältet "file" (och eventuellt "sheet"), eller som JSON med ett uppladdnings-id.',
    );
  }
  await next();
};

/** The emissions import API (issue 5): upload, preview, commit, rollback and history. */
export function registerImportRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const admin = { 'x-access': 'admin' as const, middleware: [deps.access('admin')] };
  const actorOf = (c: { get: (key: 'user') => AppEnv['Variables']['user'] }) => c.get('user')?.email ?? 'okänd';

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/imports',
      'x-access': 'admin',
      middleware: [deps.access('admin'), multipartOrJson],
      summary:
        'Reads an emissions export (XLSX or CSV) and answers the preview; nothing is written to the emissions data. ' +
        'Send the file as multipart/form-data, or (files uploaded with POST /api/admin/imports/uploads) as JSON {uploadId, fileName, sheet?}.',
      request: {
        body: {
          content: {
            'multipart/form-data': { schema: MultipartImportSchema },
            'application/json': { schema: ImportFromUploadInputSchema },
          },
          required: false,
        },
      },
      responses: {
        201: jsonResponse(ImportPreviewResponseSchema, 'Förhandsgranskning'),
        ...commonErrors,
        404: errorResponse('Uppladdningen finns inte'),
        413: errorResponse('Filen är större än 20 MB'),
        415: errorResponse('Fel innehållstyp'),
        422: errorResponse('Filen är inget kalkylblad (tom, PDF, bild …)'),
      },
    }),
    async (c) => {
      const type = c.req.header('content-type')?.toLowerCase() ?? '';
      let file: { bytes: Uint8Array; fileName: string; sheet?: string };
      if (type.startsWith('application/json')) {
        const input = c.req.valid('json') as ImportFromUploadInput;
        if (!deps.files)
          throw new DomainRuleError('uploads_unavailable', 'Uppladdning i två steg är inte konfigurerad här.');
        const key = uploadKey(input.uploadId);
        const size = await deps.files.size(key);
        if (size === undefined)
          throw new NotFoundError(
            'Uppladdningen finns inte eller har gått ut. Ladda upp filen igen.',
            'upload_not_found',
            'The upload does not exist or has expired. Upload the file again.',
          );
        if (size > MAX_IMPORT_BYTES)
          throw new PayloadTooLargeError('Filen är större än 20 MB.', undefined, 'The file is larger than 20 MB.');
        const bytes = (await deps.files.get(key)) ?? new Uint8Array(0);
        file = { bytes, fileName: input.fileName, ...(input.sheet ? { sheet: input.sheet } : {}) };
      } else {
        const form = c.req.valid('form') as { file?: unknown; sheet?: unknown };
        if (!(form.file instanceof File)) {
          throw new InputValidationError(
            'Fältet "file" saknas. Skicka filen som multipart/form-data med fältnamnet "file".',
            [{ path: ['file'], code: 'missing', message: 'Filen saknas.', messageEn: 'The file is missing.' }],
            'The field "file" is missing. Send the file as multipart/form-data with the field name "file".',
          );
        }
        const sheet = typeof form.sheet === 'string' && form.sheet.trim() !== '' ? form.sheet.trim() : undefined;
        file = {
          bytes: new Uint8Array(await form.file.arrayBuffer()),
          fileName: form.file.name || 'fil',
          ...(sheet ? { sheet } : {}),
        };
      }
      const preview = await deps.service.preview(file, actorOf(c));
      return c.json(preview, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/imports/uploads',
      ...admin,
      summary:
        'Answers where to upload a file: POST `fields` and then the file (field "file", last) as multipart/form-data to `url` ' +
        '(a presigned S3 POST in AWS, so big files bypass API Gateway, whose signed policy makes S3 refuse a file over ' +
        '`maxBytes` with 400 EntityTooLarge); then POST /api/admin/imports with its uploadId.',
      responses: {
        201: jsonResponse(UploadTicketSchema, 'Uppladdningsadress'),
        ...commonErrors,
        422: errorResponse('Uppladdning i två steg är inte konfigurerad'),
      },
    }),
    async (c) => {
      if (!deps.files)
        throw new DomainRuleError('uploads_unavailable', 'Uppladdning i två steg är inte konfigurerad här.');
      const uploadId = randomUUID();
      const { url, fields } = await deps.files.presignUpload(uploadKey(uploadId), {
        expiresInSeconds: UPLOAD_URL_SECONDS,
        maxBytes: MAX_IMPORT_BYTES,
      });
      return c.json(
        {
          uploadId,
          url,
          method: 'POST' as const,
          // Kept for clients of the PUT ticket; the form's fields carry everything S3 checks.
          headers: {},
          fields,
          expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
          maxBytes: MAX_IMPORT_BYTES,
        },
        201,
      );
    },
  );

  if (deps.localUploads && deps.files) {
    const files = deps.files;
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/admin/imports/uploads/{id}',
        'x-access': 'admin',
        middleware: [deps.access('admin'), multipartOnly],
        summary:
          "Local stack only: stands in for S3's presigned POST. Takes the same form (the ticket's fields, then the file) " +
          'and refuses what S3 would, with 400: a ticket past its expiresAt (details code policy_expired), a field that ' +
          'is not the ticket’s (policy_condition_failed), a file over 20 MB (entity_too_large) or an empty one ' +
          '(entity_too_small).',
        request: {
          params: IdParamsSchema,
          body: { content: { 'multipart/form-data': { schema: LocalUploadFormSchema } }, required: true },
        },
        responses: {
          204: { description: 'Mottagen' },
          ...commonErrors,
          413: errorResponse('Begäran är större än 20 MB och formulärets fält'),
          415: errorResponse('Inte multipart/form-data'),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        // The form in its order: S3 ignores fields after the file, so a page that sent them there
        // would work here and fail in AWS.
        const form = await c.req.formData();
        const names = [...form.keys()];
        const file = form.get('file');
        if (!(file instanceof File)) throw uploadRefused('file', 'missing', 'Filen saknas.', 'The file is missing.');
        if (names.indexOf('file') !== names.length - 1)
          throw uploadRefused(
            'file',
            'file_not_last',
            'Filen måste vara formulärets sista fält.',
            'The file must be the last field of the form.',
          );
        const refusal = localUploadRefusal(uploadKey(id), (name) => form.get(name), new Date());
        if (refusal?.code === 'policy_expired')
          throw uploadRefused(
            refusal.field,
            refusal.code,
            'Uppladdningslänken har gått ut. Hämta en ny uppladdningsbiljett och skicka filen igen.',
            'The upload link has expired. Get a new upload ticket and send the file again.',
          );
        if (refusal)
          throw uploadRefused(
            refusal.field,
            refusal.code,
            `Fältet "${refusal.field}" stämmer inte med uppladdningsbiljetten.`,
            `The field "${refusal.field}" does not match the upload ticket.`,
          );
        // S3's content-length-range [1, maxBytes] of the signed policy.
        if (file.size > MAX_IMPORT_BYTES)
          throw uploadRefused(
            'file',
            'entity_too_large',
            'Filen är större än 20 MB.',
            'The file is larger than 20 MB.',
          );
        if (file.size < 1) throw uploadRefused('file', 'entity_too_small', 'Filen är tom.', 'The file is empty.');
        await files.put(uploadKey(id), new Uint8Array(await file.arrayBuffer()));
        return c.body(null, 204);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/imports',
      ...admin,
      summary:
        'Imports, newest first: who, when, which file, counts and state. A preview made before a later import changed ' +
        'values of the same organisations carries `outdatedBy` (that import) and cannot be committed.',
      request: { query: ImportListQuerySchema },
      responses: { 200: jsonResponse(z.array(ImportSummarySchema), 'Importer'), ...commonErrors },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      const imports = await deps.service.list(limit);
      return c.json(
        imports.map((entry) => ImportSummarySchema.parse(entry)),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/imports/{id}',
      ...admin,
      summary: 'One import with its errors and warnings.',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse(ImportDetailSchema, 'Importen'), ...commonErrors, 404: errorResponse('Saknas') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(ImportDetailSchema.parse(await deps.imports.require(id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/imports/{id}/commit',
      ...admin,
      summary:
        'Writes the previewed values (only a preview without errors). Idempotent; answers 202 with progress when ' +
        'values remain after the time budget: call it again to continue.',
      request: { params: IdParamsSchema },
      responses: {
        200: jsonResponse(CommitResponseSchema, 'Sparad'),
        202: jsonResponse(CommitResponseSchema, 'Pågår: anropa igen'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Importen är ångrad, ändrades samtidigt, eller är inaktuell (import_outdated)'),
        422: errorResponse('Filen har fel, eller ett värde ändrades av en annan import under tiden'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const outcome = await deps.service.commit(id, actorOf(c), { deadline: Date.now() + COMMIT_TIME_BUDGET_MS });
      return outcome.done ? c.json(outcome, 200) : c.json(outcome, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/imports/{id}/rollback-preview',
      ...admin,
      summary:
        'What POST …/rollback would do now (values restored and deleted, organisations, years) and the warnings it ' +
        'would answer, from the same code; writes nothing. Refuses as the rollback would, so the console can ' +
        'show it all before the kansli confirms.',
      request: { params: IdParamsSchema },
      responses: {
        200: jsonResponse(RollbackPreviewSchema, 'Vad ångrandet skulle göra'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Importen är inte sparad (import_not_committed)'),
        422: errorResponse('Senare importer har ändrat värden (import_superseded)'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await deps.service.rollbackPreview(id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/imports/{id}/rollback',
      ...admin,
      summary:
        'Restores the values the import replaced and deletes those it created; refused (422) when a later import changed them.',
      request: { params: IdParamsSchema },
      responses: {
        200: jsonResponse(RollbackResponseSchema, 'Ångrad'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Importen är inte sparad'),
        422: errorResponse('Senare importer har ändrat värden'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await deps.service.rollback(id, actorOf(c)), 200);
    },
  );
}

/** Builds the import feature from the app's adapters and registers its routes and the emissions route. */
export function registerEmissionImports(
  app: OpenAPIHono<AppEnv>,
  deps: {
    store: TableStore;
    clock: Clock;
    files?: FileStore;
    deployed: boolean;
    organisations: OrganisationRepository;
    audit: AuditLog;
    access: (access: Access) => MiddlewareHandler<AppEnv>;
  },
): ImportService {
  const imports = new ImportRepository(deps.store);
  const emissions = new EmissionRepository(deps.store);
  const service = new ImportService({
    imports,
    emissions,
    organisations: deps.organisations,
    audit: deps.audit,
    clock: deps.clock,
    published: new PublishedRespondents(new ReportRepository(deps.store), new ResponseRepository(deps.store)),
  });
  registerImportRoutes(app, {
    service,
    imports,
    ...(deps.files ? { files: deps.files } : {}),
    localUploads: !deps.deployed,
    access: deps.access,
  });
  registerEmissionRoutes(app, { emissions, access: deps.access });
  return service;
}
