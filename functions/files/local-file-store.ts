import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type FileStore, type PresignedUpload, UPLOAD_CONTENT_TYPE } from '../ports/file-store';

/** Signs the stand-in's policies; a ticket lives no longer than the process that gave it. */
const POLICY_SECRET = randomBytes(32);

function signatureOf(policy: string): string {
  return createHmac('sha256', POLICY_SECRET).update(policy).digest('base64url');
}

/**
 * The local stand-in for S3's presigned POST: the API's own `POST /api/admin/imports/uploads/{id}`,
 * which takes the same form (these fields, then the file) and refuses what S3 would (see
 * localUploadRefusal), so the web page uses the same steps as in AWS. As S3's, the form carries a
 * signed policy with the key and when it expires.
 */
export function localPresignedUpload(key: string, expiresAt: Date): PresignedUpload {
  const id = key.split('/').pop() ?? key;
  const policy = Buffer.from(JSON.stringify({ expiration: expiresAt.toISOString(), key })).toString('base64');
  return {
    url: `/api/admin/imports/uploads/${id}`,
    fields: { key, 'Content-Type': UPLOAD_CONTENT_TYPE, Policy: policy, 'X-Local-Signature': signatureOf(policy) },
  };
}

/** Which field of a stand-in upload form S3 would refuse, and why. */
export interface LocalUploadRefusal {
  field: string;
  code: 'policy_condition_failed' | 'policy_expired';
}

/**
 * What S3 would refuse in a form for `key` at `now`, in S3's order: a policy that is not the one
 * signed (S3: SignatureDoesNotMatch), an expired one (AccessDenied "Policy expired"), then a field
 * that breaks a condition (AccessDenied "Policy Condition failed"). Undefined when it would take it.
 */
export function localUploadRefusal(
  key: string,
  field: (name: string) => unknown,
  now: Date,
): LocalUploadRefusal | undefined {
  const policy = field('Policy');
  const signature = field('X-Local-Signature');
  if (typeof policy !== 'string' || typeof signature !== 'string' || !sameText(signature, signatureOf(policy)))
    return { field: 'Policy', code: 'policy_condition_failed' };
  const { expiration, key: signedKey } = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as {
    expiration: string;
    key: string;
  };
  if (Date.parse(expiration) <= now.getTime()) return { field: 'Policy', code: 'policy_expired' };
  if (signedKey !== key || field('key') !== key) return { field: 'key', code: 'policy_condition_failed' };
  if (field('Content-Type') !== UPLOAD_CONTENT_TYPE) return { field: 'Content-Type', code: 'policy_condition_failed' };
  return undefined;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Uploads on local disk, under DATA_DIR/files. */
export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  async presignUpload(key: string, options: { expiresInSeconds: number }): Promise<PresignedUpload> {
    return localPresignedUpload(key, new Date(Date.now() + options.expiresInSeconds * 1000));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const partial = `${file}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.fileOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.fileOf(key))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private fileOf(key: string): string {
    const file = path.resolve(this.dir, key);
    if (!file.startsWith(path.resolve(this.dir) + path.sep)) throw new RangeError('Key outside the file store');
    return file;
  }
}

/** Keeps uploads in memory; for tests. */
export class MemoryFileStore implements FileStore {
  readonly files = new Map<string, Uint8Array>();

  async presignUpload(key: string, options: { expiresInSeconds: number }): Promise<PresignedUpload> {
    return localPresignedUpload(key, new Date(Date.now() + options.expiresInSeconds * 1000));
  }
  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.files.set(key, bytes);
  }
  async get(key: string): Promise<Uint8Array | undefined> {
    return this.files.get(key);
  }
  async size(key: string): Promise<number | undefined> {
    return this.files.get(key)?.length;
  }
}
