import { describe, EmissionAggregator } from './aggregate';
import { type DecimalHint, readNumber } from './cell-values';
import type { HeaderColumn, LayoutDetection, YearColumn } from './detect-layout';
import { matchHeader } from './header-matching';
import { FIRST_EMISSION_YEAR } from './import.schema';
import type { IssueList } from './issues';
import { issueText, type NumberKind } from './messages';
import type { OrganisationMatcher, RegisteredOrganisation } from './organisation-matching';
import type { ParseEmissionsOptions } from './parse-emissions';
import type { ReadTable } from './read-file';
import { MAIN_SECTORS, normaliseLabel, resolveSector, type SectorResolution } from './sectors';
import { type CellValue, cellText, columnLetter, isBlank } from './table';

const PROGRESS_EVERY_ROWS = 5000;

interface CachedSector {
  label: string;
  key: string;
  resolution: SectorResolution | null;
  /** Set when the "sector" is really a population row in a wide-years file. */
  isPopulation: boolean;
}

/** Walks the data rows of one detected layout and feeds the aggregator. */
export class RowReader {
  readonly aggregator: EmissionAggregator;
  readonly unknownOrganisations = new Map<string, { row: number; value: string }>();
  dataRows = 0;
  private readonly hint: DecimalHint;
  private readonly maxYear: number;
  private readonly organisationCache = new Map<string, RegisteredOrganisation | null>();
  private readonly sectorCache = new Map<string, CachedSector>();
  private readonly unknownSectors = new Map<string, { row: number; column: string; count: number }>();
  private readonly excludedSectors = new Map<string, number>();
  private readonly nameWarnings = new Set<string>();
  private readonly uncachedFormulas = new Map<
    string,
    { row: number; header: string; formula: string; count: number }
  >();
  private readonly validYearColumns: YearColumn[];
  private fixedOrganisation: RegisteredOrganisation | null = null;
  private blankValues = 0;
  private skippedNotes = 0;

  constructor(
    private readonly read: ReadTable,
    private readonly detection: LayoutDetection,
    private readonly matcher: OrganisationMatcher,
    private readonly issues: IssueList,
    private readonly options: ParseEmissionsOptions,
  ) {
    this.aggregator = new EmissionAggregator(issues);
    this.hint = read.delimiter === ',' ? 'point' : 'comma';
    this.maxYear = options.now.getUTCFullYear() + 1;
    this.validYearColumns = detection.yearColumns.filter((column) => {
      if (this.yearInRange(column.year)) return true;
      const row = detection.headerRowIndex + 1;
      const letter = columnLetter(column.index);
      this.issues.error(row, letter, issueText.yearColumnOutOfRange(letter, row, column.year, this.yearRange()));
      return false;
    });
  }

  /**
   * Without an organisation column the file is about one organisation, named in a title row or the sheet name.
   * @returns false when that organisation cannot be found (an error is recorded).
   */
  resolveFixedOrganisation(): boolean {
    const { columns, headerRowIndex } = this.detection;
    if (columns.organisationName || columns.organisationCode) return true;
    const candidates = [
      this.read.table.name ?? '',
      ...this.read.table.rows.slice(0, headerRowIndex).flat().map(cellText),
    ];
    for (const text of candidates) {
      for (const part of [text, ...text.split(/[,;:–—-]/)]) {
        const match = part.trim() === '' ? null : this.matcher.match({ name: part });
        if (match) {
          this.fixedOrganisation = match.organisation;
          this.issues.warning(null, null, issueText.organisationFromTitle(describe(match.organisation), text));
          return true;
        }
      }
    }
    this.issues.error(headerRowIndex + 1, null, issueText.noOrganisationColumn(headerRowIndex + 1));
    return false;
  }

  async readAll(): Promise<void> {
    const rows = this.read.table.rows;
    const first = this.detection.headerRowIndex + 1;
    const total = Math.max(0, rows.length - first);
    for (let index = first; index < rows.length; index++) {
      const cells = rows[index] ?? [];
      if (!cells.every(isBlank)) {
        this.dataRows++;
        this.readRow(cells, index + 1);
      }
      const done = index - first + 1;
      if (this.options.onProgress && done % PROGRESS_EVERY_ROWS === 0) {
        this.options.onProgress(done, total);
        // Let a progress bar redraw; parsing is otherwise synchronous.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.options.onProgress?.(total, total);
  }

  private readRow(cells: CellValue[], row: number): void {
    const { layout, columns } = this.detection;
    const valueColumns =
      layout === 'long'
        ? [columns.emissions]
        : layout === 'wide-years'
          ? this.detection.yearColumns
          : this.detection.sectorColumns;
    if (
      valueColumns.every((column) => column === undefined || isBlank(cells[column.index])) &&
      !this.hasKeyCells(cells)
    ) {
      // A note under the table ("Källa: …") has text in the first column and nothing else.
      this.skippedNotes++;
      return;
    }
    const organisation = this.organisationOf(cells, row);
    if (!organisation) return;
    if (layout === 'long') this.readLongRow(cells, row, organisation);
    else if (layout === 'wide-years') this.readWideYearsRow(cells, row, organisation);
    else this.readWideSectorsRow(cells, row, organisation);
  }

  private hasKeyCells(cells: CellValue[]): boolean {
    const { year, sector } = this.detection.columns;
    return (
      (year !== undefined && !isBlank(cells[year.index])) || (sector !== undefined && !isBlank(cells[sector.index]))
    );
  }

  private readLongRow(cells: CellValue[], row: number, organisation: RegisteredOrganisation): void {
    const { columns, unitFactor } = this.detection;
    const year = this.yearOf(cells, row);
    const sector = this.sectorOf(cells, row);
    const emissions = columns.emissions;
    if (year === null || sector === null || !emissions) return;
    this.readPopulation(cells, row, organisation, year);
    if (sector.isPopulation) return;
    this.observe(cells[emissions.index], emissions, row, organisation, year, sector, unitFactor);
  }

  private readWideYearsRow(cells: CellValue[], row: number, organisation: RegisteredOrganisation): void {
    const sector = this.sectorOf(cells, row);
    if (sector === null) return;
    for (const column of this.validYearColumns) {
      if (sector.isPopulation) this.readPopulationCell(cells[column.index], column, row, organisation, column.year);
      else this.observe(cells[column.index], column, row, organisation, column.year, sector, 1);
    }
  }

  private readWideSectorsRow(cells: CellValue[], row: number, organisation: RegisteredOrganisation): void {
    const year = this.yearOf(cells, row);
    if (year === null) return;
    this.readPopulation(cells, row, organisation, year);
    for (const column of this.detection.sectorColumns) {
      const sector = this.cachedSector(column.header);
      this.observe(cells[column.index], column, row, organisation, year, sector, 1);
    }
  }

  private observe(
    cell: CellValue | undefined,
    column: HeaderColumn,
    row: number,
    organisation: RegisteredOrganisation,
    year: number,
    sector: CachedSector,
    unitFactor: number,
  ): void {
    const { resolution } = sector;
    if (resolution === null) return;
    if (resolution.kind === 'excluded') {
      if (!isBlank(cell)) this.excludedSectors.set(sector.label, this.excludedSectors.get(sector.label) ?? row);
      return;
    }
    const tonnes = this.numberOf(cell, column, row, 'emissions', true);
    if (tonnes === null) return;
    const letter = columnLetter(column.index);
    if (tonnes < 0) {
      this.issues.error(row, letter, issueText.negativeEmissions(row, letter, column.header, tonnes, sector.label));
      return;
    }
    this.aggregator.add({
      row,
      column: letter,
      organisation,
      year,
      sectorLabel: sector.label,
      sectorKey: sector.key,
      resolution,
      tonnes: tonnes * unitFactor,
    });
  }

  private readPopulation(cells: CellValue[], row: number, organisation: RegisteredOrganisation, year: number): void {
    const column = this.detection.columns.population;
    if (column) this.readPopulationCell(cells[column.index], column, row, organisation, year);
  }

  private readPopulationCell(
    cell: CellValue | undefined,
    column: HeaderColumn,
    row: number,
    organisation: RegisteredOrganisation,
    year: number,
  ): void {
    const population = this.numberOf(cell, column, row, 'population', false);
    if (population === null) return;
    if (population < 0) {
      const letter = columnLetter(column.index);
      this.issues.error(row, letter, issueText.negativePopulation(row, letter, column.header, population));
      return;
    }
    this.aggregator.addPopulation(organisation, year, population, row, columnLetter(column.index));
  }

  /** A number from a cell, or null with an error recorded; blank cells are skipped silently and counted. */
  private numberOf(
    cell: CellValue | undefined,
    column: HeaderColumn,
    row: number,
    expected: NumberKind,
    countBlank: boolean,
  ): number | null {
    const reading = readNumber(cell, this.hint);
    if (reading.kind === 'number') return reading.value;
    if (reading.kind === 'blank') {
      if (countBlank) this.blankValues++;
      return null;
    }
    const letter = columnLetter(column.index);
    if (reading.reason === 'uncached-formula') {
      // A workbook saved without calculation lacks every result; one error per column says it all.
      const earlier = this.uncachedFormulas.get(letter);
      if (earlier) earlier.count++;
      else this.uncachedFormulas.set(letter, { row, header: column.header, formula: cellText(cell), count: 1 });
      return null;
    }
    this.issues.error(
      row,
      letter,
      reading.reason === 'excel-error'
        ? issueText.excelError(row, letter, column.header, cellText(cell), expected)
        : issueText.notANumber(row, letter, column.header, cellText(cell), expected),
    );
    return null;
  }

  private yearOf(cells: CellValue[], row: number): number | null {
    const column = this.detection.columns.year;
    if (!column) return null;
    const cell = cells[column.index];
    const letter = columnLetter(column.index);
    const text = cellText(cell);
    const year = typeof cell === 'number' ? cell : /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(year)) {
      this.issues.error(row, letter, issueText.notAYear(row, letter, column.header, text, this.yearRange()));
      return null;
    }
    if (!this.yearInRange(year)) {
      this.issues.error(row, letter, issueText.yearOutOfRange(row, letter, column.header, year, this.yearRange()));
      return null;
    }
    return year;
  }

  private yearInRange(year: number): boolean {
    return year >= FIRST_EMISSION_YEAR && year <= this.maxYear;
  }

  private yearRange(): string {
    return `${FIRST_EMISSION_YEAR}–${this.maxYear}`;
  }

  private sectorOf(cells: CellValue[], row: number): CachedSector | null {
    const { sector: column, subSector } = this.detection.columns;
    if (!column) return null;
    const main = cellText(cells[column.index]);
    const sub = subSector ? cellText(cells[subSector.index]) : '';
    const label =
      sub === '' || normaliseLabel(sub) === normaliseLabel(main) ? main : main === '' ? sub : `${main} - ${sub}`;
    const letter = columnLetter(column.index);
    if (label === '') {
      this.issues.error(row, letter, issueText.sectorMissing(row, letter, column.header));
      return null;
    }
    const sector = this.cachedSector(label);
    if (sector.resolution === null && !sector.isPopulation) {
      const unknown = this.unknownSectors.get(label);
      if (unknown) unknown.count++;
      else this.unknownSectors.set(label, { row, column: letter, count: 1 });
      return null;
    }
    return sector;
  }

  private cachedSector(label: string): CachedSector {
    let cached = this.sectorCache.get(label);
    if (!cached) {
      const resolution = resolveSector(label);
      const isPopulation = resolution === null && matchHeader(label)?.role === 'population';
      cached = { label, key: normaliseLabel(label), resolution, isPopulation };
      this.sectorCache.set(label, cached);
    }
    return cached;
  }

  private organisationOf(cells: CellValue[], row: number): RegisteredOrganisation | null {
    if (this.fixedOrganisation) return this.fixedOrganisation;
    const { organisationCode, organisationName } = this.detection.columns;
    const code = organisationCode ? cellText(cells[organisationCode.index]) : '';
    const name = organisationName ? cellText(cells[organisationName.index]) : '';
    const cacheKey = `${code}\u0000${name}`;
    const cached = this.organisationCache.get(cacheKey);
    if (cached !== undefined) {
      if (cached === null) this.noteUnknown(cacheKey, code, name, row);
      return cached;
    }
    const match = code === '' && name === '' ? null : this.matcher.match({ code, name });
    this.organisationCache.set(cacheKey, match?.organisation ?? null);
    if (!match) {
      this.noteUnknown(cacheKey, code, name, row);
      return null;
    }
    if (match.nameDiffers && !this.nameWarnings.has(match.organisation.code)) {
      this.nameWarnings.add(match.organisation.code);
      const letter = columnLetter(organisationName?.index ?? 0);
      this.issues.warning(
        row,
        letter,
        issueText.organisationNameDiffers(row, code, describe(match.organisation), name),
      );
    }
    return match.organisation;
  }

  private noteUnknown(cacheKey: string, code: string, name: string, row: number): void {
    if (this.unknownOrganisations.has(cacheKey)) return;
    if (code === '' && name === '') {
      const { organisationCode, organisationName } = this.detection.columns;
      const letter = columnLetter((organisationName ?? organisationCode)?.index ?? 0);
      this.issues.error(row, letter, issueText.organisationMissing(row, letter));
      return;
    }
    this.unknownOrganisations.set(cacheKey, {
      row,
      value: code !== '' && name !== '' ? `${name} (${code})` : name || code,
    });
  }

  /** Problems that repeat on many rows are reported once, with the first row and a count. */
  reportSummaries(): void {
    const sectors = {
      sv: MAIN_SECTORS.map((sector) => sector.nameSv),
      en: MAIN_SECTORS.map((sector) => sector.nameEn),
    };
    for (const [label, { row, column, count }] of this.unknownSectors) {
      this.issues.error(row, column, issueText.unknownSector(row, count, column, label, sectors));
    }
    for (const [letter, { row, header, formula, count }] of this.uncachedFormulas) {
      this.issues.error(row, letter, issueText.uncachedFormula(row, count, letter, header, formula));
    }
    for (const [label, row] of this.excludedSectors) {
      this.issues.warning(row, null, issueText.excludedSector(label, row));
    }
    if (this.aggregator.identicalDuplicates > 0) {
      this.issues.warning(null, null, issueText.identicalDuplicates(this.aggregator.identicalDuplicates));
    }
    if (this.skippedNotes > 0) {
      this.issues.warning(null, null, issueText.skippedNotes(this.skippedNotes));
    }
    if (this.blankValues > 0 && this.detection.layout === 'long') {
      this.issues.warning(null, null, issueText.blankValues(this.blankValues));
    }
  }
}
