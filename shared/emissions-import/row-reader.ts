import { describe, EmissionAggregator } from './aggregate';
import { type DecimalHint, formatSwedishNumber, readNumber } from './cell-values';
import type { HeaderColumn, LayoutDetection, YearColumn } from './detect-layout';
import { matchHeader } from './header-matching';
import { FIRST_EMISSION_YEAR } from './import.schema';
import type { IssueList } from './issues';
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
      this.issues.error(
        detection.headerRowIndex + 1,
        columnLetter(column.index),
        `Kolumn ${columnLetter(column.index)} på rad ${detection.headerRowIndex + 1} gäller år ${column.year}, som ligger utanför ` +
          `${this.yearRange()}. Kolumnen lästes inte.`,
      );
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
          this.issues.warning(
            null,
            null,
            `Filen har ingen kolumn för organisation; alla värden gäller ${describe(match.organisation)}, som står i "${text}".`,
          );
          return true;
        }
      }
    }
    this.issues.error(
      headerRowIndex + 1,
      null,
      `Rubrikraden (rad ${headerRowIndex + 1}) saknar kolumn för organisation, och ingen känd organisation nämns ovanför den. ` +
        'Förväntade en kolumn Kommun, Kommunkod, Organisation eller Region.',
    );
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
    const tonnes = this.numberOf(cell, column, row, 'utsläpp i ton CO2e, t.ex. 12 345,6', true);
    if (tonnes === null) return;
    const letter = columnLetter(column.index);
    if (tonnes < 0) {
      this.issues.error(
        row,
        letter,
        `Rad ${row}, kolumn ${letter} ("${column.header}"): utsläppet är negativt (${formatSwedishNumber(tonnes)}) för ` +
          `"${sector.label}". Ingen av de nio huvudsektorerna kan ha negativa utsläpp; förväntade 0 eller mer.`,
      );
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
    const population = this.numberOf(cell, column, row, 'antal invånare, t.ex. 128 000', false);
    if (population === null) return;
    if (population < 0) {
      const letter = columnLetter(column.index);
      this.issues.error(
        row,
        letter,
        `Rad ${row}, kolumn ${letter} ("${column.header}"): antalet invånare är negativt (${formatSwedishNumber(population)}).`,
      );
      return;
    }
    this.aggregator.addPopulation(organisation, year, population, row, columnLetter(column.index));
  }

  /** A number from a cell, or null with an error recorded; blank cells are skipped silently and counted. */
  private numberOf(
    cell: CellValue | undefined,
    column: HeaderColumn,
    row: number,
    expected: string,
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
    const where = `Rad ${row}, kolumn ${letter} ("${column.header}")`;
    const problem =
      reading.reason === 'excel-error'
        ? `cellen innehåller Excel-felet ${cellText(cell)}. Förväntade ${expected}.`
        : `"${cellText(cell)}" är inte ett tal. Förväntade ${expected}; lämna cellen tom om värdet saknas.`;
    this.issues.error(row, letter, `${where}: ${problem}`);
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
      this.issues.error(
        row,
        letter,
        `Rad ${row}, kolumn ${letter} ("${column.header}"): ${text === '' ? 'året saknas' : `"${text}" är inte ett årtal`}. ` +
          `Förväntade ett år ${this.yearRange()}.`,
      );
      return null;
    }
    if (!this.yearInRange(year)) {
      this.issues.error(
        row,
        letter,
        `Rad ${row}, kolumn ${letter} ("${column.header}"): året ${year} ligger utanför ${this.yearRange()}.`,
      );
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
      this.issues.error(
        row,
        letter,
        `Rad ${row}, kolumn ${letter} ("${column.header}"): sektor saknas. Förväntade en av de nio huvudsektorerna.`,
      );
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
        `Rad ${row}: koden ${code} tillhör ${describe(match.organisation)} men namnet i filen är "${name}". Koden användes.`,
      );
    }
    return match.organisation;
  }

  private noteUnknown(cacheKey: string, code: string, name: string, row: number): void {
    if (this.unknownOrganisations.has(cacheKey)) return;
    if (code === '' && name === '') {
      const { organisationCode, organisationName } = this.detection.columns;
      const letter = columnLetter((organisationName ?? organisationCode)?.index ?? 0);
      this.issues.error(
        row,
        letter,
        `Rad ${row}, kolumn ${letter}: organisation saknas. Förväntade ett kommunnamn eller en kommunkod.`,
      );
      return;
    }
    this.unknownOrganisations.set(cacheKey, {
      row,
      value: code !== '' && name !== '' ? `${name} (${code})` : name || code,
    });
  }

  /** Problems that repeat on many rows are reported once, with the first row and a count. */
  reportSummaries(): void {
    const expected = MAIN_SECTORS.map((sector) => sector.nameSv).join(', ');
    for (const [label, { row, column, count }] of this.unknownSectors) {
      const more = count > 1 ? ` (och ${count - 1} ${count === 2 ? 'rad' : 'rader'} till)` : '';
      this.issues.error(
        row,
        column,
        `Rad ${row}${more}, kolumn ${column}: okänd sektor "${label}". Förväntade en av huvudsektorerna ${expected}, ` +
          'eller en undersektor som "Transporter - Personbilar".',
      );
    }
    for (const [letter, { row, header, formula, count }] of this.uncachedFormulas) {
      const more = count > 1 ? ` (och ${count - 1} celler till i kolumnen)` : '';
      this.issues.error(
        row,
        letter,
        `Rad ${row}${more}, kolumn ${letter} ("${header}"): cellen innehåller formeln ${formula} men inget sparat resultat. ` +
          'Öppna filen i Excel och spara den igen så att resultaten sparas, eller klistra in cellerna som värden.',
      );
    }
    for (const [label, row] of this.excludedSectors) {
      this.issues.warning(
        row,
        null,
        `Sektorn "${label}" (första gången på rad ${row}) hör inte till de nio huvudsektorerna och importerades inte.`,
      );
    }
    if (this.aggregator.identicalDuplicates > 0) {
      const count = this.aggregator.identicalDuplicates;
      this.issues.warning(
        null,
        null,
        `${count} ${count === 1 ? 'värde' : 'värden'} fanns på flera rader med samma värde; de räknades en gång.`,
      );
    }
    if (this.skippedNotes > 0) {
      this.issues.warning(
        null,
        null,
        `${this.skippedNotes} rader under rubrikraden saknade värden (t.ex. fotnoter) och hoppades över.`,
      );
    }
    if (this.blankValues > 0 && this.detection.layout === 'long') {
      this.issues.warning(null, null, `${this.blankValues} tomma utsläppsceller hoppades över.`);
    }
  }
}
