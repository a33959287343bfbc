/**
 * Where uploaded import files are kept until they are previewed: S3 in AWS (the browser POSTs to a
 * presigned form, so big files never pass API Gateway's payload limit), a folder under DATA_DIR
 * locally (the "presigned" URL is the API's own POST route, which takes the same form).
 */
export interface FileStore {
  /**
   * Where and how the browser uploads the file: a `multipart/form-data` POST to `url` with `fields`
   * first and the file (field `file`) last, valid for `expiresInSeconds`. The store itself refuses a
   * file over `maxBytes` (S3 through the signed policy, 400 EntityTooLarge), not only its reader.
   */
  presignUpload(key: string, options: { expiresInSeconds: number; maxBytes: number }): Promise<PresignedUpload>;
  /** Stores bytes under `key` (the local upload route; S3 receives them directly). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or undefined when nothing was uploaded under `key`. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Size in bytes without reading the file, or undefined when absent. */
  size(key: string): Promise<number | undefined>;
}

/** A presigned form upload: POST `fields` and then the file, as multipart/form-data, to `url`. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** The content type every upload is stored with (a condition of the signed policy). */
export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

/** Key of an upload; ids are random UUIDs, checked by the route schema. */
export function uploadKey(uploadId: string): string {
  return `uploads/${uploadId}`;
}
