/**
 * Where uploaded import files are kept until they are previewed: S3 in AWS (the browser PUTs to a
 * presigned URL, so big files never pass API Gateway's payload limit), a folder under DATA_DIR
 * locally (the "presigned" URL is the API's own PUT route).
 */
export interface FileStore {
  /** A URL the browser can PUT the file's bytes to, valid for `expiresInSeconds`. */
  presignUpload(
    key: string,
    options: { expiresInSeconds: number; maxBytes: number },
  ): Promise<{ url: string; headers: Record<string, string> }>;
  /** Stores bytes under `key` (the local upload route; S3 receives them directly). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or undefined when nothing was uploaded under `key`. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Size in bytes without reading the file, or undefined when absent. */
  size(key: string): Promise<number | undefined>;
}

/** Key of an upload; ids are random UUIDs, checked by the route schema. */
export function uploadKey(uploadId: string): string {
  return `uploads/${uploadId}`;
}
