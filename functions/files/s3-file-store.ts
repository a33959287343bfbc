import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileStore } from '../ports/file-store';

/**
 * Settings for the S3 client behind this store. By default the SDK adds a CRC32 checksum to every
 * PutObject, and a presigned PUT has no body yet, so the URL would carry the checksum of zero bytes
 * (`x-amz-checksum-crc32=AAAAAA==`) and S3 would refuse every real upload (aws-sdk-js-v3 #6994).
 * Responses are still validated when S3 sends a checksum (the default), so a GET stays checked.
 */
export const S3_CLIENT_CONFIG = { requestChecksumCalculation: 'WHEN_REQUIRED' } as const satisfies S3ClientConfig;

/**
 * Uploads in the imports bucket (infra/imports-bucket.ts). The browser PUTs straight to a presigned
 * URL, so a 20 MB spreadsheet never passes API Gateway; the API reads the object to preview it.
 * `prefix` is the only part of the bucket the function may touch (IMPORT_PREFIX, "uploads/").
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {}

  async presignUpload(
    key: string,
    options: { expiresInSeconds: number },
  ): Promise<{ url: string; headers: Record<string, string> }> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      ContentType: 'application/octet-stream',
    });
    const url = await getSignedUrl(this.s3, command, { expiresIn: options.expiresInSeconds });
    return { url, headers: { 'content-type': 'application/octet-stream' } };
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Body: bytes }));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return out.Body ? await out.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return out.ContentLength;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** The store's keys already start with "uploads/"; the prefix is not doubled. */
  private objectKey(key: string): string {
    return key.startsWith(this.prefix) ? key : `${this.prefix}${key}`;
  }
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}
