import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from '../ports/file-store';

/**
 * Uploads on local disk, under DATA_DIR/files. The upload URL is the local API's
 * `PUT /api/admin/imports/uploads/{id}`, so the web page uses the same two steps as in AWS.
 */
export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  async presignUpload(key: string): Promise<{ url: string; headers: Record<string, string> }> {
    const id = key.split('/').pop() ?? key;
    return { url: `/api/admin/imports/uploads/${id}`, headers: { 'content-type': 'application/octet-stream' } };
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

  async presignUpload(key: string): Promise<{ url: string; headers: Record<string, string> }> {
    return { url: `/api/admin/imports/uploads/${key.split('/').pop()}`, headers: {} };
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
