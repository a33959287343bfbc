import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyS3FileStore } from '../../functions/config/lazy-adapters';

const SECRET = 'dummy-secret';
const MAX_BYTES = 20 * 1024 * 1024;

/** The policy S3 checks a form upload against: base64 JSON in the `Policy` field. */
function policyOf(fields: Record<string, string>): { expiration: string; conditions: unknown[] } {
  return JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8'));
}

/** SigV4 for a POST policy: HMAC of the base64 policy with the key derived from the secret, date, region, s3. */
function expectedSignature(fields: Record<string, string>): string {
  const [, date, region] = (fields['X-Amz-Credential'] ?? '').split('/');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date ?? ''), region ?? ''), 's3'), 'aws4_request');
  return createHmac('sha256', key)
    .update(fields.Policy ?? '')
    .digest('hex');
}

/**
 * The presigned POST the deployed API hands the browser, built by the very adapter a Lambda uses
 * (lazyS3FileStore). Presigning is local signing: dummy credentials, no network. S3 enforces what
 * the signed policy says, so the policy is what proves the size is capped at S3 itself.
 */
describe('S3 presigned upload (POST policy)', () => {
  beforeEach(() => {
    vi.stubEnv('AWS_REGION', 'eu-north-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET);
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_ENDPOINT_URL', '');
    vi.stubEnv('AWS_ENDPOINT_URL_S3', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('signs a policy that caps the size at maxBytes and pins the exact key and content type', async () => {
    const store = lazyS3FileStore('kk-imports', 'uploads/');
    const before = Date.now();
    const { url, fields } = await store.presignUpload('uploads/contacts.xlsx', {
      expiresInSeconds: 600,
      maxBytes: MAX_BYTES,
    });
    // The bucket's regional virtual-hosted endpoint: the origin the site's CSP and the bucket's CORS allow.
    expect(url).toBe('https://kk-imports.s3.eu-north-1.amazonaws.com/');
    const policy = policyOf(fields);
    expect(policy.conditions).toContainEqual(['content-length-range', 1, MAX_BYTES]);
    expect(policy.conditions).toContainEqual({ key: 'uploads/contacts.xlsx' });
    expect(policy.conditions).toContainEqual({ 'Content-Type': 'application/octet-stream' });
    expect(policy.conditions).toContainEqual({ bucket: 'kk-imports' });
    // No looser key condition ("starts-with") beside the exact one.
    expect(policy.conditions.filter((c) => JSON.stringify(c).includes('$key'))).toEqual([]);
    // Valid for the ticket's 10 minutes, not the library's default hour.
    const expires = Date.parse(policy.expiration) - before;
    expect(expires).toBeGreaterThan(595_000);
    // A few seconds' slack: signing can take that long on a loaded machine, and an hour is far above it.
    expect(expires).toBeLessThanOrEqual(605_000);
    // The browser sends exactly these fields, which match the policy's conditions.
    expect(fields).toMatchObject({
      key: 'uploads/contacts.xlsx',
      'Content-Type': 'application/octet-stream',
      bucket: 'kk-imports',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    });
    expect(fields['X-Amz-Credential']).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-north-1\/s3\/aws4_request$/);
    // …and the signature is of this very policy, so none of it can be changed in the browser.
    expect(fields['X-Amz-Signature']).toBe(expectedSignature(fields));
  });

  it('caps at the maxBytes it is given', async () => {
    const store = lazyS3FileStore('kk-imports', 'uploads/');
    const { fields } = await store.presignUpload('uploads/a.xlsx', { expiresInSeconds: 60, maxBytes: 1024 });
    expect(policyOf(fields).conditions).toContainEqual(['content-length-range', 1, 1024]);
  });

  it('does not double the uploads/ prefix and adds it to a bare key', async () => {
    const store = lazyS3FileStore('kk-imports', 'uploads/');
    const { url, fields } = await store.presignUpload('a.xlsx', { expiresInSeconds: 60, maxBytes: 1024 });
    expect(fields.key).toBe('uploads/a.xlsx');
    expect(policyOf(fields).conditions).toContainEqual({ key: 'uploads/a.xlsx' });
    expect(new URL(url).pathname).toBe('/');
  });
});
