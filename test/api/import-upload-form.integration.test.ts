import { beforeAll, describe, expect, it, vi } from 'vitest';
import { localPresignedUpload, MemoryFileStore } from '../../functions/files/local-file-store';
import { uploadKey } from '../../functions/ports/file-store';
import { makeTestContext, signIn, type TestContext } from '../helpers/test-app';

const MAX_BYTES = 20 * 1024 * 1024;

interface Ticket {
  uploadId: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  fields: Record<string, string>;
  maxBytes: number;
}

let app: TestContext['app'];
let files: MemoryFileStore;
let admin: string;

beforeAll(async () => {
  files = new MemoryFileStore();
  const ctx = await makeTestContext({ files });
  app = ctx.app;
  admin = await signIn(ctx, 'kansli@example.se');
});

async function ticket(): Promise<Ticket> {
  const res = await app.request('/api/admin/imports/uploads', { method: 'POST', headers: { cookie: admin } });
  expect(res.status).toBe(201);
  return (await res.json()) as Ticket;
}

/** The form as the browser sends it: the ticket's fields in order, then the file, last. */
function formOf(fields: Record<string, string>, bytes: number, after?: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes).fill(0x20)]), 'utslapp.csv');
  for (const [name, value] of Object.entries(after ?? {})) form.append(name, value);
  return form;
}

async function send(t: Ticket, body: FormData | string, headers: Record<string, string> = {}) {
  return app.request(t.url, { method: t.method, body, headers: { cookie: admin, ...headers } });
}

/**
 * The local stand-in for S3's presigned POST: the same form as S3 takes, refused where S3 would
 * refuse it (the signed policy's content-length-range [1, maxBytes], key and content type).
 */
describe('local upload form (stand-in for S3 presigned POST)', () => {
  it('answers a POST ticket whose fields are the exact key and content type', async () => {
    const t = await ticket();
    expect(t).toMatchObject({ method: 'POST', headers: {}, maxBytes: MAX_BYTES });
    expect(t.url).toBe(`/api/admin/imports/uploads/${t.uploadId}`);
    expect(t.fields).toEqual({
      key: uploadKey(t.uploadId),
      'Content-Type': 'application/octet-stream',
      Policy: expect.any(String),
      'X-Local-Signature': expect.any(String),
    });
  });

  it('refuses a ticket past its expiry as S3 refuses an expired policy (policy_expired), in both languages', async () => {
    const t = await ticket();
    const expiresAt = Date.parse((t as Ticket & { expiresAt: string }).expiresAt);
    vi.useFakeTimers({ toFake: ['Date'], now: expiresAt + 1000 });
    let res: Response;
    try {
      res = await send(t, formOf(t.fields, 10));
    } finally {
      vi.useRealTimers();
    }
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual([
      {
        path: ['Policy'],
        code: 'policy_expired',
        message: 'Uppladdningslänken har gått ut. Hämta en ny uppladdningsbiljett och skicka filen igen.',
        messageEn: 'The upload link has expired. Get a new upload ticket and send the file again.',
      },
    ]);
    expect(await files.size(uploadKey(t.uploadId))).toBeUndefined();
    // The same ticket a second before its expiry is taken.
    vi.useFakeTimers({ toFake: ['Date'], now: expiresAt - 1000 });
    try {
      expect((await send(t, formOf(t.fields, 10))).status).toBe(204);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a policy whose expiry was moved without its signature, or that is missing', async () => {
    const t = await ticket();
    const past = localPresignedUpload(uploadKey(t.uploadId), new Date(Date.now() - 1000)).fields;
    const moved = Buffer.from(
      JSON.stringify({ expiration: new Date(Date.now() + 3_600_000).toISOString(), key: uploadKey(t.uploadId) }),
    ).toString('base64');
    const { Policy: _policy, ...withoutPolicy } = t.fields;
    const detail = async (res: Response) => [
      res.status,
      ((await res.json()) as { error: { details: Array<{ code: string; path: string[] }> } }).error.details[0],
    ];
    expect(await detail(await send(t, formOf(past, 10)))).toEqual([
      400,
      expect.objectContaining({ path: ['Policy'], code: 'policy_expired' }),
    ]);
    expect(await detail(await send(t, formOf({ ...past, Policy: moved }, 10)))).toEqual([
      400,
      expect.objectContaining({ path: ['Policy'], code: 'policy_condition_failed' }),
    ]);
    expect(await detail(await send(t, formOf(withoutPolicy, 10)))).toEqual([
      400,
      expect.objectContaining({ path: ['Policy'], code: 'policy_condition_failed' }),
    ]);
    expect(await files.size(uploadKey(t.uploadId))).toBeUndefined();
  });

  it('stores a file of exactly maxBytes', async () => {
    const t = await ticket();
    const res = await send(t, formOf(t.fields, MAX_BYTES));
    expect(res.status).toBe(204);
    expect(await files.size(uploadKey(t.uploadId))).toBe(MAX_BYTES);
  });

  it('refuses a file one byte over maxBytes as S3 does (400, entity_too_large), in both languages, storing nothing', async () => {
    const t = await ticket();
    const res = await send(t, formOf(t.fields, MAX_BYTES + 1));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { code: string; message: string; details: Array<Record<string, unknown>> };
    };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Filen är större än 20 MB.');
    expect(error.details).toEqual([
      {
        path: ['file'],
        code: 'entity_too_large',
        message: 'Filen är större än 20 MB.',
        messageEn: 'The file is larger than 20 MB.',
      },
    ]);
    expect(await files.size(uploadKey(t.uploadId))).toBeUndefined();
  });

  it('refuses an empty file (entity_too_small), as the policy asks for at least one byte', async () => {
    const t = await ticket();
    const res = await send(t, formOf(t.fields, 0));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: Array<{ code: string }> } }).error.details[0]?.code).toBe(
      'entity_too_small',
    );
    expect(await files.size(uploadKey(t.uploadId))).toBeUndefined();
  });

  it('refuses a field that is not the ticket’s, and a field after the file (which S3 ignores)', async () => {
    const t = await ticket();
    const other = await ticket();
    const wrongKey = await send(t, formOf({ ...t.fields, key: other.fields.key ?? '' }, 10));
    const wrongType = await send(t, formOf({ ...t.fields, 'Content-Type': 'text/html' }, 10));
    const { key, ...withoutKey } = t.fields;
    const keyAfterFile = await send(t, formOf(withoutKey, 10, { key: key ?? '' }));
    const codes = async (res: Response) => [
      res.status,
      ((await res.json()) as { error: { details: Array<{ code: string; path: string[] }> } }).error.details,
    ];
    expect(await codes(wrongKey)).toEqual([
      400,
      [expect.objectContaining({ path: ['key'], code: 'policy_condition_failed' })],
    ]);
    expect(await codes(wrongType)).toEqual([
      400,
      [expect.objectContaining({ path: ['Content-Type'], code: 'policy_condition_failed' })],
    ]);
    expect(await codes(keyAfterFile)).toEqual([
      400,
      [expect.objectContaining({ path: ['file'], code: 'file_not_last' })],
    ]);
    expect(await files.size(uploadKey(t.uploadId))).toBeUndefined();
    expect(await files.size(uploadKey(other.uploadId))).toBeUndefined();
  });

  it('takes only multipart/form-data (415) and refuses a body far over the limit at the door (413)', async () => {
    const t = await ticket();
    const plain = await send(t, 'hej', { 'content-type': 'application/octet-stream' });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    const huge = await send(t, formOf(t.fields, 1), { 'content-length': String(MAX_BYTES + 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('has no PUT any more: the page and S3 take the same form', async () => {
    const t = await ticket();
    const res = await app.request(t.url, {
      method: 'PUT',
      body: new Uint8Array(10),
      headers: { cookie: admin, 'content-type': 'application/octet-stream' },
    });
    expect([404, 405]).toContain(res.status);
    expect(await files.size(uploadKey(t.uploadId))).toBeUndefined();
  });

  it('documents the ticket’s method and fields and the form route in the OpenAPI document', async () => {
    type Schema = { properties: Record<string, { enum?: string[] }>; required: string[] };
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>
      >;
    };
    const schema = doc.paths['/api/admin/imports/uploads']?.post?.responses['201']?.content['application/json']?.schema;
    expect(schema?.properties.method?.enum).toEqual(['POST']);
    expect(schema?.required).toEqual(
      expect.arrayContaining(['uploadId', 'url', 'method', 'headers', 'fields', 'expiresAt', 'maxBytes']),
    );
    expect(doc.paths['/api/admin/imports/uploads/{id}']?.post).toBeDefined();
    expect(doc.paths['/api/admin/imports/uploads/{id}']?.put).toBeUndefined();
  });
});
