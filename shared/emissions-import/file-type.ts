/** What the first bytes of an upload say it is, whatever its name claims. */
export type SniffedType = 'zip' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'xls' | 'text' | 'binary';

const SIGNATURES: readonly { type: SniffedType; bytes: readonly number[] }[] = [
  { type: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  // The OLE2 container of Excel 97–2003 .xls files.
  { type: 'xls', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/**
 * Identifies a file by its magic bytes. Text is anything else without NUL bytes in its first
 * kilobytes, or with a UTF-16 byte-order mark (whose NULs are part of the encoding).
 *
 * @returns the sniffed type; `binary` for unknown non-text content.
 */
export function sniffFileType(bytes: Uint8Array): SniffedType {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => bytes[i] === byte)) return signature.type;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'text';
  const head = bytes.subarray(0, 4096);
  return head.includes(0) ? 'binary' : 'text';
}
