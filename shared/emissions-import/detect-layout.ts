import { type ColumnRole, matchHeader, matchYearHeader } from './header-matching';
import { type IssueText, issueText } from './messages';
import { resolveSector, type SectorResolution } from './sectors';
import { type CellValue, cellText, columnLetter, isBlank } from './table';

export type Layout = 'long' | 'wide-years' | 'wide-sectors';

/** A column of the detected header row. */
export interface HeaderColumn {
  index: number;
  /** The header as written in the file. */
  header: string;
}

export interface YearColumn extends HeaderColumn {
  year: number;
}

export interface SectorColumn extends HeaderColumn {
  resolution: SectorResolution;
}

export interface LayoutDetection {
  layout: Layout;
  /** 0-based index of the header row in the grid. */
  headerRowIndex: number;
  columns: Partial<Record<ColumnRole, HeaderColumn>>;
  /** Factor from the emissions column's unit to tonnes (long layout). */
  unitFactor: number;
  /** Year columns (wide-years). */
  yearColumns: YearColumn[];
  /** Sector columns, including "Totalt" and excluded ones (wide-sectors). */
  sectorColumns: SectorColumn[];
  /** Non-empty headers the importer does not know; their columns are not read. */
  ignoredColumns: HeaderColumn[];
}

export type LayoutResult =
  | { ok: true; detection: LayoutDetection }
  | { ok: false; issue: IssueText; row: number | null };

/** How far down title rows and blank rows may push the header. */
export const MAX_HEADER_SCAN_ROWS = 30;

interface Candidate extends LayoutDetection {
  recognised: number;
}

/**
 * Finds the header row among the first {@link MAX_HEADER_SCAN_ROWS} rows and the layout it implies:
 * - long: year, sector and emissions columns;
 * - wide-years: a sector column and year columns (1990, 2005, …);
 * - wide-sectors: a year column and sector columns (Transporter, Jordbruk, …).
 *
 * The first row that forms one of these wins, so title rows above it are skipped.
 *
 * @returns the detection, or an issue saying what was found and what was missing.
 */
export function detectLayout(rows: readonly CellValue[][]): LayoutResult {
  let best: Candidate | null = null;
  const limit = Math.min(rows.length, MAX_HEADER_SCAN_ROWS);
  for (let index = 0; index < limit; index++) {
    const candidate = analyseRow(rows[index] ?? [], index);
    if (candidate.layout !== undefined) return { ok: true, detection: candidate as LayoutDetection };
    if (candidate.recognised >= 1 && (best === null || candidate.recognised > best.recognised))
      best = candidate as Candidate;
  }
  if (best === null) return { ok: false, row: null, issue: issueText.noHeaderRow(limit) };
  const row = best.headerRowIndex + 1;
  return {
    ok: false,
    row,
    issue: issueText.headerIncomplete(row, {
      columns: Object.entries(best.columns).map(([role, column]) => [role as ColumnRole, columnLetter(column.index)]),
      yearColumns: best.yearColumns.length,
      sectorColumns: best.sectorColumns.length,
    }),
  };
}

function analyseRow(cells: readonly CellValue[], rowIndex: number): Partial<Candidate> & Omit<Candidate, 'layout'> {
  const columns: Partial<Record<ColumnRole, HeaderColumn>> = {};
  const yearColumns: YearColumn[] = [];
  const sectorColumns: SectorColumn[] = [];
  const ignoredColumns: HeaderColumn[] = [];
  let unitFactor = 1;
  cells.forEach((cell, index) => {
    if (isBlank(cell) || typeof cell === 'boolean' || (typeof cell === 'object' && cell !== null)) return;
    const header = cellText(cell);
    const year = matchYearHeader(typeof cell === 'number' ? cell : header);
    if (year !== null) {
      yearColumns.push({ index, header, year });
      return;
    }
    const match = matchHeader(header);
    if (match && columns[match.role] === undefined) {
      columns[match.role] = { index, header };
      if (match.role === 'emissions') unitFactor = match.unitFactor;
      return;
    }
    const resolution = match ? null : resolveSector(header);
    if (resolution) sectorColumns.push({ index, header, resolution });
    else ignoredColumns.push({ index, header });
  });
  if (columns.sector === undefined && columns.subSector !== undefined) {
    columns.sector = columns.subSector;
    delete columns.subSector;
  }
  const recognised = Object.keys(columns).length + Math.min(yearColumns.length, 2) + Math.min(sectorColumns.length, 2);
  const base = {
    headerRowIndex: rowIndex,
    columns,
    unitFactor,
    yearColumns,
    sectorColumns,
    ignoredColumns,
    recognised,
  };
  const importableSectorColumns = sectorColumns.filter((column) => column.resolution.kind !== 'excluded');
  if (columns.year && columns.sector && columns.emissions) return { ...base, layout: 'long' };
  if (columns.sector && !columns.year && yearColumns.length > 0) return { ...base, layout: 'wide-years' };
  if (columns.year && !columns.sector && isStrongSectorHeader(columns, importableSectorColumns.length)) {
    return { ...base, layout: 'wide-sectors' };
  }
  return base;
}

// A lone "År" next to one sector-like word is too weak to be a header; require an organisation column or two sectors.
function isStrongSectorHeader(columns: Partial<Record<ColumnRole, HeaderColumn>>, sectorCount: number): boolean {
  if (sectorCount >= 2) return true;
  return sectorCount === 1 && (columns.organisationName !== undefined || columns.organisationCode !== undefined);
}
