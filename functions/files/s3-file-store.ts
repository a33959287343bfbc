import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { type FileStore, type PresignedUpload, UPLOAD_CONTENT_TYPE } from '../ports/file-store';

/**
 * Settings for the S3 client behind this store. By default the SDK adds a CRC32 checksum to every
 * PutObject; `put` sends its body whole and needs none. Responses are still validated when S3
 * sends a checksum (the default), so a GET stays checked.
 */
export const S3_CLIENT_CONFIG = { requestChecksumCalculation: 'WHEN_REQUIRED' } as const satisfies S3ClientConfig;

/**
 * Uploads in the imports bucket (infra/imports-bucket.ts). The browser POSTs straight to S3 with a
 * presigned form, so a 20 MB spreadsheet never passes API Gateway; the API reads the object to
 * preview it. `prefix` is the only part of the bucket the function may touch (IMPORT_PREFIX, "uploads/").
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {}

  /**
   * A presigned POST rather than a presigned PUT: a PUT URL cannot limit the object's size, while
   * the POST policy's content-length-range makes S3 itself refuse a bigger file (400 EntityTooLarge)
   * before storing it. The policy also pins the exact key and content type.
   */
  async presignUpload(key: string, options: { expiresInSeconds: number; maxBytes: number }): Promise<PresignedUpload> {
    const Key = this.objectKey(key);
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key,
      Conditions: [
        ['content-length-range', 1, options.maxBytes],
        { key: Key },
        { 'Content-Type': UPLOAD_CONTENT_TYPE },
      ],
      Fields: { 'Content-Type': UPLOAD_CONTENT_TYPE },
      Expires: options.expiresInSeconds,
    });
    return { url, fields };
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
