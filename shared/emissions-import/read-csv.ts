import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import type { CellValue, SheetTable } from './table';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes CSV bytes, detecting the encoding: a byte-order mark decides; otherwise text that is
 * valid UTF-8 is UTF-8, and anything else is Windows-1252 (what Swedish Excel saves as "CSV").
 *
 * @returns the text without its byte-order mark, and the encoding found.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  return isUtf8(bytes)
    ? { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }
    : { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];
const SAMPLE_LINES = 50;

/**
 * Finds the field separator: the candidate that splits the most sample lines into the same
 * number (> 0) of separators, counting only separators outside quotes.
 *
 * Title rows above the header have few separators and do not disturb the count. On a tie,
 * semicolon beats tab beats comma, because a Swedish file's decimal commas can make a comma
 * count look as regular as the real separator's.
 *
 * @returns the separator, or null when no candidate appears outside quotes.
 */
export function detectDelimiter(text: string): Delimiter | null {
  const lines = sampleLines(text);
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, delimiter);
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    const score = Math.max(0, ...frequency.values());
    if (score > 0 && (best === null || score > best.score)) best = { delimiter, score };
  }
  return best?.delimiter ?? null;
}

function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < SAMPLE_LINES && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

export interface CsvTable extends SheetTable {
  encoding: TextEncoding;
  delimiter: Delimiter;
}

/**
 * Reads CSV bytes into a grid of strings, one row per record, so row numbers match what Excel shows.
 *
 * @returns the grid with the encoding and separator found. A file with a single column gets a
 *   semicolon as its nominal separator.
 */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text) ?? ';';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  const rows: CellValue[][] = parsed.data;
  // Papa reports the final line break as one more empty record.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return { rows, merges: [], encoding, delimiter };
}
