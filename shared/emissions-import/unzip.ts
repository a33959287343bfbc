import { inflateRawSync } from 'node:zlib';
import { ImportFileError } from './errors';
import { issueText } from './messages';

// An XLSX may legitimately inflate to many times its size, but not without bound (zip bombs).
const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A read-only view of a ZIP archive held in memory; entries are inflated on demand. */
export interface ZipArchive {
  names(): string[];
  has(name: string): boolean;
  /** The entry's bytes, or null when the archive has no such entry. Throws ImportFileError when damaged. */
  read(name: string): Uint8Array | null;
}

/**
 * Opens a ZIP archive from its central directory. Enough for XLSX: stored and deflated entries,
 * no encryption, no ZIP64.
 *
 * @throws ImportFileError when the bytes are not a readable ZIP archive.
 */
export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== 0x02014b50) {
      throw damaged();
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const local = entry.localHeaderOffset;
      if (local + 30 > view.byteLength || view.getUint32(local, true) !== 0x04034b50) throw damaged();
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + entry.compressedSize);
      if (entry.method === 0) return data;
      if (entry.method !== 8) throw new ImportFileError(issueText.xlsxUnsupportedCompression());
      try {
        return inflateRawSync(data, { maxOutputLength: MAX_INFLATED_BYTES });
      } catch {
        throw damaged();
      }
    },
  };
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) return offset;
  }
  throw damaged();
}

function damaged(): ImportFileError {
  return new ImportFileError(issueText.xlsxDamaged());
}
