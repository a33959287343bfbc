import { detectLayout, type LayoutDetection } from './detect-layout';
import { ImportFileError } from './errors';
import type { ParsedImport } from './import.schema';
import { IssueList } from './issues';
import { checkHeaderMerges, fillMergedDataCells, withMergeHint } from './merged-cells';
import { type IssueText, issueText } from './messages';
import { createOrganisationMatcher, type RegisteredOrganisation } from './organisation-matching';
import { type ReadTable, readTable } from './read-file';
import { RowReader } from './row-reader';
import { MAIN_SECTORS } from './sectors';
import { columnLetter } from './table';

/** The largest upload the import API accepts (it answers 413 above this). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface EmissionsFileInput {
  bytes: Uint8Array;
  fileName: string;
  /** XLSX sheet to read; the first sheet when absent. */
  sheet?: string;
}

export interface ParseEmissionsOptions {
  /** Today, for the latest allowed year (next year). Passed in so parsing never reads the clock. */
  now: Date;
  /** Called while data rows are read, with rows done and rows in total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads an emissions export (XLSX or CSV, long or wide layout) and matches it to the register.
 *
 * Nothing here throws for bad input: every problem comes back as an error (blocks a commit) or
 * warning with a code, Swedish and English words (messages.ts), the 1-based row and the Excel
 * column letter.
 *
 * @returns the values found (one per organisation, year and main sector) and everything the
 *   preview shows. Errors cover: an empty file; a PDF or image (also when named .xlsx); a
 *   formula without a cached value; merged header cells; text in a number column; negative
 *   emissions; differing duplicate rows; a year outside 1990 to next year; a header row with no
 *   data rows under it, or data rows that give no value at all. An unknown organisation is listed
 *   in `organisations.unknown` and only its rows are skipped.
 */
export async function parseEmissionsFile(
  input: EmissionsFileInput,
  organisations: readonly RegisteredOrganisation[],
  options: ParseEmissionsOptions,
): Promise<ParsedImport> {
  const issues = new IssueList();
  let read: ReadTable;
  try {
    read = readTable(input.bytes, input.fileName, input.sheet);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    issues.error(null, null, error.issue);
    return emptyResult(issues, null);
  }
  if (read.note) issues.warning(null, null, read.note);
  const base = {
    fileType: read.fileType,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
    ...(read.table.name === undefined ? {} : { sheet: read.table.name }),
  };

  const detected = detectLayout(read.table.rows);
  if (!detected.ok) {
    issues.error(detected.row, null, withSheetsHint(withMergeHint(detected.issue, read.table), read));
    return { ...emptyResult(issues, null), ...base };
  }
  const detection = detected.detection;
  const headerRow = detection.headerRowIndex + 1;
  if (!checkHeaderMerges(read.table, detection, issues)) {
    return { ...emptyResult(issues, detection), ...base };
  }
  fillMergedDataCells(read.table, detection.headerRowIndex, issues);
  for (const column of detection.ignoredColumns) {
    issues.warning(
      headerRow,
      columnLetter(column.index),
      issueText.unknownColumn(columnLetter(column.index), column.header),
    );
  }

  const reader = new RowReader(read, detection, createOrganisationMatcher(organisations), issues, options);
  if (!reader.resolveFixedOrganisation()) return { ...emptyResult(issues, detection), ...base };
  await reader.readAll();
  const values = reader.aggregator.finish();
  reader.reportSummaries();
  // A file that reads without a complaint must still have something to save.
  if (reader.dataRows === 0) issues.error(null, null, issueText.noDataRows(headerRow));
  else if (values.length === 0 && issues.errorCount === 0)
    issues.error(null, null, issueText.noValues(reader.dataRows));

  const years = values.map((value) => value.year);
  const presentSectors = new Set(values.map((value) => value.sector));
  const { errors, warnings } = issues.finish();
  return {
    layout: detection.layout,
    ...base,
    headerRow,
    rows: reader.dataRows,
    values,
    organisations: {
      matched: [...new Set(values.map((value) => value.organisationId))].sort(),
      unknown: [...reader.unknownOrganisations.values()].sort((a, b) => a.row - b.row),
    },
    years: years.length === 0 ? null : [Math.min(...years), Math.max(...years)],
    sectors: MAIN_SECTORS.map((sector) => sector.id).filter((id) => presentSectors.has(id)),
    errors,
    warnings,
  };
}

/** Names the workbook's other sheets when the one read has no usable header row. */
function withSheetsHint(issue: IssueText, read: ReadTable): IssueText {
  const sheet = read.table.name;
  const others = (read.sheetNames ?? []).filter((name) => name !== sheet);
  return sheet === undefined || others.length === 0 ? issue : issueText.withOtherSheetsHint(issue, sheet, others);
}

function emptyResult(issues: IssueList, detection: LayoutDetection | null): ParsedImport {
  const { errors, warnings } = issues.finish();
  return {
    layout: detection?.layout ?? null,
    fileType: null,
    headerRow: detection ? detection.headerRowIndex + 1 : null,
    rows: 0,
    values: [],
    organisations: { matched: [], unknown: [] },
    years: null,
    sectors: [],
    errors,
    warnings,
  };
}
