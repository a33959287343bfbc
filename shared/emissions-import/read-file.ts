import { ImportFileError } from './errors';
import { sniffFileType } from './file-type';
import { type IssueText, issueText } from './messages';
import { type Delimiter, readCsv, type TextEncoding } from './read-csv';
import { readXlsx } from './read-xlsx';
import { isBlank, type SheetTable } from './table';

export interface ReadTable {
  fileType: 'xlsx' | 'csv';
  table: SheetTable;
  /** Every sheet of an XLSX workbook, in tab order. */
  sheetNames?: string[];
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  /** A note for the warnings, e.g. that a .xlsx name held CSV text. */
  note?: IssueText;
}

/**
 * Turns uploaded bytes into a grid, deciding the file type from its content rather than its name.
 *
 * @returns the grid with what was detected.
 * @throws ImportFileError for an empty file, a PDF or image (whatever its name), an old .xls,
 *   an unreadable workbook, a missing sheet, or a file with nothing but blank rows.
 */
export function readTable(bytes: Uint8Array, fileName: string, sheet?: string): ReadTable {
  if (bytes.length === 0) {
    throw new ImportFileError(issueText.fileEmpty(fileName));
  }
  const sniffed = sniffFileType(bytes);
  const claimsExcel = /\.xls[xm]?$/i.test(fileName);
  if (sniffed === 'zip') {
    const table = readXlsx(bytes, sheet);
    if (table.rows.every((row) => row.every(isBlank))) {
      throw new ImportFileError(issueText.sheetEmpty(table.name, fileName));
    }
    return { fileType: 'xlsx', table, sheetNames: table.sheetNames };
  }
  if (sniffed === 'xls') {
    throw new ImportFileError(issueText.oldXls(fileName));
  }
  if (sniffed !== 'text') {
    throw new ImportFileError(issueText.notASpreadsheet(fileName, sniffed, claimsExcel));
  }
  const csv = readCsv(bytes);
  if (csv.rows.every((row) => row.every(isBlank))) {
    throw new ImportFileError(issueText.onlyBlankRows(fileName));
  }
  const note = claimsExcel ? issueText.textNamedXlsx(fileName) : undefined;
  return { fileType: 'csv', table: csv, encoding: csv.encoding, delimiter: csv.delimiter, ...(note ? { note } : {}) };
}
