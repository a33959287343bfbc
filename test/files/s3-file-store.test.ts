import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyS3FileStore } from '../../functions/config/lazy-adapters';

/**
 * The presigned upload URL the deployed API hands the browser, built by the very adapter a Lambda
 * uses (lazyS3FileStore). Presigning is local signing: dummy credentials, no network.
 */
describe('S3 presigned upload', () => {
  beforeEach(() => {
    vi.stubEnv('AWS_REGION', 'eu-north-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'dummy-secret');
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_ENDPOINT_URL', '');
    vi.stubEnv('AWS_ENDPOINT_URL_S3', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('carries no checksum of the empty body, which S3 would hold every real upload against', async () => {
    const store = lazyS3FileStore('kk-imports', 'uploads/');
    const { url, headers } = await store.presignUpload('uploads/contacts.xlsx', {
      expiresInSeconds: 600,
      maxBytes: 20 * 1024 * 1024,
    });
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(
      'https://kk-imports.s3.eu-north-1.amazonaws.com/uploads/contacts.xlsx',
    );
    const names = [...parsed.searchParams.keys()].map((name) => name.toLowerCase());
    // The SDK's default adds x-amz-checksum-crc32=AAAAAA== (CRC32 of zero bytes) and
    // x-amz-sdk-checksum-algorithm=CRC32 (aws-sdk-js-v3 #6994).
    expect(names.filter((name) => name.startsWith('x-amz-checksum') || name.startsWith('x-amz-sdk-checksum'))).toEqual(
      [],
    );
    // Still a signed PUT for 10 minutes by the credentials' key, with the body left unsigned.
    expect(parsed.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(parsed.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-north-1\/s3\/aws4_request$/);
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(parsed.searchParams.get('X-Amz-Content-Sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(parsed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(headers).toEqual({ 'content-type': 'application/octet-stream' });
  });

  it('does not double the uploads/ prefix and adds it to a bare key', async () => {
    const store = lazyS3FileStore('kk-imports', 'uploads/');
    const bare = new URL((await store.presignUpload('a.xlsx', { expiresInSeconds: 60, maxBytes: 1024 })).url);
    expect(bare.pathname).toBe('/uploads/a.xlsx');
  });
});
