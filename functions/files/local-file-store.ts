import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type FileStore, type PresignedUpload, UPLOAD_CONTENT_TYPE } from '../ports/file-store';

/**
 * The local stand-in for S3's presigned POST: the API's own `POST /api/admin/imports/uploads/{id}`,
 * which takes the same form (these fields, then the file) and refuses a file over the limit as S3
 * does, so the web page uses the same steps as in AWS.
 */
export function localPresignedUpload(key: string): PresignedUpload {
  const id = key.split('/').pop() ?? key;
  return { url: `/api/admin/imports/uploads/${id}`, fields: { key, 'Content-Type': UPLOAD_CONTENT_TYPE } };
}

/** Uploads on local disk, under DATA_DIR/files. */
export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  async presignUpload(key: string): Promise<PresignedUpload> {
    return localPresignedUpload(key);
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

  async presignUpload(key: string): Promise<PresignedUpload> {
    return localPresignedUpload(key);
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
