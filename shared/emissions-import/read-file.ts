import { ImportFileError } from './errors';
import { SNIFFED_TYPE_NAMES, sniffFileType } from './file-type';
import { type Delimiter, readCsv, type TextEncoding } from './read-csv';
import { readXlsx } from './read-xlsx';
import { isBlank, type SheetTable } from './table';

export interface ReadTable {
  fileType: 'xlsx' | 'csv';
  table: SheetTable;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  /** A note for the warnings, e.g. that a .xlsx name held CSV text. */
  note?: string;
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
    throw new ImportFileError(`Filen "${fileName}" är tom (0 byte). Exportera den på nytt och ladda upp den igen.`);
  }
  const sniffed = sniffFileType(bytes);
  const claimsExcel = /\.xls[xm]?$/i.test(fileName);
  if (sniffed === 'zip') {
    const table = readXlsx(bytes, sheet);
    if (table.rows.every((row) => row.every(isBlank))) {
      throw new ImportFileError(`Bladet "${table.name}" i filen "${fileName}" är tomt.`);
    }
    return { fileType: 'xlsx', table };
  }
  if (sniffed === 'xls') {
    throw new ImportFileError(
      `Filen "${fileName}" är ${SNIFFED_TYPE_NAMES.xls}, som inte kan läsas. Öppna den i Excel och spara den som .xlsx eller .csv.`,
    );
  }
  if (sniffed !== 'text') {
    const expected = claimsExcel
      ? 'Den heter .xlsx men en Excel-fil (.xlsx) är en ZIP-fil som börjar med tecknen "PK".'
      : 'Förväntade en Excel-fil (.xlsx) eller en CSV-fil.';
    throw new ImportFileError(
      `Filen "${fileName}" är inte ett kalkylblad: den är ${SNIFFED_TYPE_NAMES[sniffed]}. ${expected}`,
    );
  }
  const csv = readCsv(bytes);
  if (csv.rows.every((row) => row.every(isBlank))) {
    throw new ImportFileError(`Filen "${fileName}" innehåller bara tomma rader.`);
  }
  const note = claimsExcel ? `Filen "${fileName}" heter .xlsx men innehåller text; den lästes som CSV.` : undefined;
  return { fileType: 'csv', table: csv, encoding: csv.encoding, delimiter: csv.delimiter, ...(note ? { note } : {}) };
}
