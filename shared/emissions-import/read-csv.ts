import Papa from 'papaparse';
import { decodeText, type TextEncoding } from '../text-encoding/decode-text';
import type { CellValue, SheetTable } from './table';

// The decoding is shared with the contacts import, which runs it in the browser.
export { type DecodedText, decodeText, type TextEncoding } from '../text-encoding/decode-text';
export type Delimiter = ';' | ',' | '\t';

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
