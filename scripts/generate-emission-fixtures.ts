/**
 * Generates realistic emission export files (as Sustainable Advantage and Kolada users see them)
 * from the demo organisations, plus broken variants, for tests, benchmarks and manual trials.
 *
 *   npx tsx scripts/generate-emission-fixtures.ts [out-dir] [--scale]
 *   npx tsx scripts/generate-emission-fixtures.ts --bench      (times the 311-organisation preview)
 *
 * Tests import the functions and generate into a temp dir, so no large files are committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { LANSKODER } from '../shared/domain/organisation-codes';
import { type EmissionValue, parseEmissionsFile } from '../shared/emissions-import/index';
import { MAIN_SECTORS, type SectorId } from '../shared/emissions-import/sectors';
import { seededRandom } from '../shared/scoring/sample-answers';

export interface FixtureOrganisation {
  code: string;
  name: string;
  type: 'kommun' | 'region';
  population: number;
}

/** Reads the semicolon-separated organisation seed (code;name;type;population_approx). */
export function parseOrganisationsCsv(text: string): FixtureOrganisation[] {
  const [, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const [code = '', name = '', type = '', population = '0'] = line.split(';');
    return { code, name, type: type === 'region' ? 'region' : 'kommun', population: Number(population) };
  });
}

/** The demo organisations the app seeds from (shared/domain/organisations-demo.csv in this repo). */
export function readDemoOrganisations(): FixtureOrganisation[] {
  const path = fileURLToPath(new URL('../shared/domain/organisations-demo.csv', import.meta.url));
  return parseOrganisationsCsv(readFileSync(path, 'utf8'));
}

const NAME_STEMS = [
  'Ål',
  'Björk',
  'Sjö',
  'Ek',
  'Lind',
  'Gran',
  'Mål',
  'Näs',
  'Ö',
  'Fors',
  'Berg',
  'Dal',
  'Vik',
  'Holm',
  'Å',
];
const NAME_ENDS = [
  'by',
  'köping',
  'hamn',
  'torp',
  'ås',
  'vik',
  'stad',
  'sund',
  'näs',
  'ryd',
  'holm',
  'fors',
  'berga',
  'hult',
];

/**
 * Pads the demo organisations with made-up municipalities (valid, unused kommunkoder and
 * Swedish-looking names with å, ä and ö) up to `count`, for scale tests: Sweden has 290 kommuner
 * and 21 regions, 311 in all.
 */
export function scaleOrganisations(base: readonly FixtureOrganisation[], count: number): FixtureOrganisation[] {
  const organisations = [...base];
  const usedCodes = new Set(base.map((organisation) => organisation.code));
  const usedNames = new Set(base.map((organisation) => organisation.name));
  const random = seededRandom(311);
  for (let n = 0; organisations.length < count; n++) {
    const lan = LANSKODER[n % LANSKODER.length] ?? '01';
    const code = `${lan}${String(40 + Math.floor(n / LANSKODER.length)).padStart(2, '0')}`;
    const stem = NAME_STEMS[n % NAME_STEMS.length] ?? 'Ek';
    const end = NAME_ENDS[Math.floor(n / NAME_STEMS.length) % NAME_ENDS.length] ?? 'by';
    const round = Math.floor(n / (NAME_STEMS.length * NAME_ENDS.length));
    const name = `${stem}${end}${round > 0 ? ` ${round + 1}` : ''}`;
    if (usedCodes.has(code) || usedNames.has(name)) continue;
    usedCodes.add(code);
    usedNames.add(name);
    organisations.push({ code, name, type: 'kommun', population: 3000 + Math.floor(random() * 60000) });
  }
  return organisations;
}

/** The organisations as the parser's register sees them. */
export function toRegister(
  organisations: readonly FixtureOrganisation[],
): { code: string; name: string; type: 'kommun' | 'region' }[] {
  return organisations.map(({ code, name, type }) => ({ code, name, type }));
}

export interface SectorPart {
  labelSv: string;
  labelEn: string;
  tonnes: number;
}

export interface DatasetRecord {
  organisation: FixtureOrganisation;
  year: number;
  sector: SectorId;
  /** One decimal, as the national database publishes. */
  tonnes: number;
  /** Sub-sectors summing exactly to `tonnes`, for sectors that have a breakdown. */
  parts: SectorPart[];
}

export interface EmissionDataset {
  organisations: FixtureOrganisation[];
  years: number[];
  records: DatasetRecord[];
  population(organisation: FixtureOrganisation, year: number): number;
}

// Tonnes per inhabitant in 1990 by sector; emissions fall towards 2023 as they have nationally.
const PER_INHABITANT_1990: Record<SectorId, number> = {
  transporter: 2.1,
  'utrikes-transporter': 0.5,
  industri: 1.4,
  jordbruk: 0.7,
  'el-och-fjarrvarme': 0.9,
  'egen-uppvarmning': 0.8,
  arbetsmaskiner: 0.3,
  produktanvandning: 0.08,
  avfall: 0.25,
};

const BREAKDOWNS: Partial<Record<SectorId, readonly [string, string, number][]>> = {
  transporter: [
    ['Personbilar', 'Passenger cars', 0.6],
    ['Lätta lastbilar', 'Light trucks', 0.12],
    ['Tunga lastbilar', 'Heavy trucks', 0.2],
    ['Bussar', 'Buses', 0.03],
    ['Inrikes flyg', 'Domestic aviation', 0.05],
  ],
  avfall: [
    ['Deponier', 'Landfills', 0.7],
    ['Avloppsrening', 'Wastewater treatment', 0.3],
  ],
};

export interface DatasetOptions {
  organisations: readonly FixtureOrganisation[];
  fromYear?: number;
  toYear?: number;
  seed?: number;
}

/**
 * A deterministic, realistic dataset: every organisation × year × main sector, with a falling
 * trend, some noise, values with one decimal, and sub-sectors that sum exactly to their sector.
 */
export function generateEmissionDataset({
  organisations,
  fromYear = 1990,
  toYear = 2023,
  seed = 1,
}: DatasetOptions): EmissionDataset {
  const random = seededRandom(seed);
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const population = (organisation: FixtureOrganisation, year: number) =>
    Math.round(organisation.population * (0.8 + (0.2 * (year - 1990)) / 33));
  const records: DatasetRecord[] = [];
  for (const organisation of organisations) {
    for (const year of years) {
      const trend = 1 - (0.5 * (year - 1990)) / 33;
      for (const sector of MAIN_SECTORS) {
        const perInhabitant = PER_INHABITANT_1990[sector.id] * trend * (0.7 + 0.6 * random());
        const tenths = Math.round(perInhabitant * population(organisation, year) * 10);
        records.push({
          organisation,
          year,
          sector: sector.id,
          tonnes: tenths / 10,
          parts: splitTenths(tenths, sector.id),
        });
      }
    }
  }
  return { organisations: [...organisations], years, records, population };
}

function splitTenths(tenths: number, sector: SectorId): SectorPart[] {
  const breakdown = BREAKDOWNS[sector];
  if (!breakdown) return [];
  let remaining = tenths;
  return breakdown.map(([labelSv, labelEn, share], index) => {
    const part = index === breakdown.length - 1 ? remaining : Math.round(tenths * share);
    remaining -= part;
    return { labelSv, labelEn, tonnes: part / 10 };
  });
}

/**
 * What a correct parse of the dataset must give: one value per organisation, year and main sector
 * (sub-sectors summed), in the parser's order (organisation code, year, sector order).
 */
export function expectedEmissionValues(dataset: EmissionDataset, { population = false } = {}): EmissionValue[] {
  const order = new Map(MAIN_SECTORS.map((sector, index) => [sector.id, index]));
  return dataset.records
    .map((record) => ({
      organisationId: record.organisation.code,
      year: record.year,
      sector: record.sector,
      tonnesCO2e: record.tonnes,
      ...(population ? { population: dataset.population(record.organisation, record.year) } : {}),
    }))
    .sort(
      (a, b) =>
        (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0) ||
        a.year - b.year ||
        (order.get(a.sector) ?? 0) - (order.get(b.sector) ?? 0),
    );
}

/** A spreadsheet cell: text, a number, empty, or a formula with or without its cached result. */
export type FixtureCell = string | number | null | { formula: string; result?: number };

export interface FixtureTable {
  /** Rows above the header (titles, source notes, blank rows). */
  titleRows: FixtureCell[][];
  header: FixtureCell[];
  rows: FixtureCell[][];
}

export type Language = 'sv' | 'en';

export interface TableOptions {
  language: Language;
  /** Write sub-sector rows ("Transporter - Personbilar") instead of the main row where there is a breakdown. */
  subSectors?: boolean;
  /** Add a "Totalt" row (or column) per organisation and year. */
  totals?: boolean;
  /** How codes are written: padded "0180", as Excel leaves them (180 as a number), or not at all. */
  codes?: 'padded' | 'excel-number' | 'none';
  /** Names as in the register ("Stockholm") or official ("Stockholms stad", "Lunds kommun"). */
  names?: 'plain' | 'official';
  population?: boolean;
  titleRows?: boolean;
}

const HEADERS: Record<
  Language,
  Record<'name' | 'code' | 'year' | 'sector' | 'emissions' | 'population' | 'total', string>
> = {
  sv: {
    name: 'Kommun',
    code: 'Kommunkod',
    year: 'År',
    sector: 'Sektor',
    emissions: 'Utsläpp (ton CO2e)',
    population: 'Invånare',
    total: 'Totalt',
  },
  en: {
    name: 'Organisation',
    code: 'Municipality code',
    year: 'Year',
    sector: 'Sector',
    emissions: 'Emissions (t CO2e)',
    population: 'Population',
    total: 'Total',
  },
};

const CITIES = new Set(['0180', '1480', '1280', '1283', '1980', '1490', '1488', '1282', '0187']);

/** "Stockholms stad", "Malmö stad", "Uppsala kommun", "Region Skåne": names as organisations write them. */
export function officialName(organisation: FixtureOrganisation): string {
  if (organisation.type === 'region')
    return organisation.name.startsWith('Region') ? organisation.name : `Region ${organisation.name}`;
  const genitive = /[saeiouyåäöxz]$/i.test(organisation.name) ? organisation.name : `${organisation.name}s`;
  return `${genitive} ${CITIES.has(organisation.code) ? 'stad' : 'kommun'}`;
}

function sectorLabel(sector: SectorId, language: Language): string {
  const main = MAIN_SECTORS.find((candidate) => candidate.id === sector);
  return (language === 'sv' ? main?.nameSv : main?.nameEn) ?? sector;
}

function identity(organisation: FixtureOrganisation, options: TableOptions): FixtureCell[] {
  const name = options.names === 'official' ? officialName(organisation) : organisation.name;
  if (options.codes === 'none') return [name];
  const code = options.codes === 'excel-number' ? Number(organisation.code) : organisation.code;
  return [name, code];
}

function identityHeader(options: TableOptions): string[] {
  const headers = HEADERS[options.language];
  return options.codes === 'none' ? [headers.name] : [headers.name, headers.code];
}

function titleRows(options: TableOptions, layoutTitle: string): FixtureCell[][] {
  if (!options.titleRows) return [];
  return options.language === 'sv'
    ? [
        [`Territoriella utsläpp av växthusgaser, ${layoutTitle}`],
        ['Källa: Nationella emissionsdatabasen; uttag via Sustainable Advantage'],
        [],
      ]
    : [[`Territorial greenhouse gas emissions, ${layoutTitle}`], []];
}

function groupByOrganisationYear(dataset: EmissionDataset): Map<string, DatasetRecord[]> {
  const groups = new Map<string, DatasetRecord[]>();
  for (const record of dataset.records) {
    const key = `${record.organisation.code}#${record.year}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return groups;
}

function sumTenths(records: readonly DatasetRecord[]): number {
  return records.reduce((sum, record) => sum + Math.round(record.tonnes * 10), 0) / 10;
}

/** Long layout: one row per organisation × year × sector (or sub-sector), optionally with totals. */
export function longTable(dataset: EmissionDataset, options: TableOptions): FixtureTable {
  const headers = HEADERS[options.language];
  const header: FixtureCell[] = [...identityHeader(options), headers.year, headers.sector, headers.emissions];
  if (options.population) header.push(headers.population);
  const rows: FixtureCell[][] = [];
  for (const records of groupByOrganisationYear(dataset).values()) {
    const first = records[0];
    if (!first) continue;
    const tail = options.population ? [dataset.population(first.organisation, first.year)] : [];
    for (const record of records) {
      const lead = [...identity(record.organisation, options), record.year];
      if (options.subSectors && record.parts.length > 0) {
        for (const part of record.parts) {
          const label = `${sectorLabel(record.sector, options.language)} - ${options.language === 'sv' ? part.labelSv : part.labelEn}`;
          rows.push([...lead, label, part.tonnes, ...tail]);
        }
      } else {
        rows.push([...lead, sectorLabel(record.sector, options.language), record.tonnes, ...tail]);
      }
    }
    if (options.totals)
      rows.push([...identity(first.organisation, options), first.year, headers.total, sumTenths(records), ...tail]);
  }
  return {
    titleRows: titleRows(options, options.language === 'sv' ? 'per sektor och år' : 'by sector and year'),
    header,
    rows,
  };
}

/** Wide layout with years as columns and one row per organisation × sector (or sub-sector). */
export function wideYearsTable(dataset: EmissionDataset, options: TableOptions): FixtureTable {
  const headers = HEADERS[options.language];
  const header: FixtureCell[] = [...identityHeader(options), headers.sector, ...dataset.years.map(String)];
  const rows: FixtureCell[][] = [];
  for (const organisation of dataset.organisations) {
    const records = dataset.records.filter((record) => record.organisation === organisation);
    const lead = identity(organisation, options);
    for (const sector of MAIN_SECTORS) {
      const bySector = records.filter((record) => record.sector === sector.id);
      const sample = bySector[0];
      if (!sample) continue;
      if (options.subSectors && sample.parts.length > 0) {
        sample.parts.forEach((part, index) => {
          const label = `${sectorLabel(sector.id, options.language)} - ${options.language === 'sv' ? part.labelSv : part.labelEn}`;
          rows.push([...lead, label, ...bySector.map((record) => record.parts[index]?.tonnes ?? null)]);
        });
      } else {
        rows.push([...lead, sectorLabel(sector.id, options.language), ...bySector.map((record) => record.tonnes)]);
      }
    }
    if (options.totals) {
      rows.push([
        ...lead,
        headers.total,
        ...dataset.years.map((year) => sumTenths(records.filter((record) => record.year === year))),
      ]);
    }
    if (options.population) {
      rows.push([...lead, headers.population, ...dataset.years.map((year) => dataset.population(organisation, year))]);
    }
  }
  return {
    titleRows: titleRows(options, options.language === 'sv' ? 'ton CO2e per år' : 't CO2e per year'),
    header,
    rows,
  };
}

/** Wide layout with sectors as columns and one row per organisation × year; totals as a SUM formula when asked. */
export function wideSectorsTable(
  dataset: EmissionDataset,
  options: TableOptions & { totalFormulas?: 'cached' | 'uncached' },
): FixtureTable {
  const headers = HEADERS[options.language];
  const header: FixtureCell[] = [
    ...identityHeader(options),
    headers.year,
    ...MAIN_SECTORS.map((sector) => sectorLabel(sector.id, options.language)),
  ];
  if (options.totals) header.push(headers.total);
  if (options.population) header.push(headers.population);
  const titles = titleRows(options, options.language === 'sv' ? 'ton CO2e per sektor' : 't CO2e by sector');
  const rows: FixtureCell[][] = [];
  const firstSectorColumn = identityHeader(options).length + 1;
  for (const records of groupByOrganisationYear(dataset).values()) {
    const first = records[0];
    if (!first) continue;
    const row: FixtureCell[] = [
      ...identity(first.organisation, options),
      first.year,
      ...records.map((record) => record.tonnes),
    ];
    if (options.totals) {
      const sheetRow = titles.length + 1 + rows.length + 1;
      const range = `${columnName(firstSectorColumn)}${sheetRow}:${columnName(firstSectorColumn + MAIN_SECTORS.length - 1)}${sheetRow}`;
      const total = sumTenths(records);
      if (options.totalFormulas === 'cached') row.push({ formula: `SUM(${range})`, result: total });
      else if (options.totalFormulas === 'uncached') row.push({ formula: `SUM(${range})` });
      else row.push(total);
    }
    if (options.population) row.push(dataset.population(first.organisation, first.year));
    rows.push(row);
  }
  return { titleRows: titles, header, rows };
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export interface CsvDialect {
  delimiter: ';' | ',' | '\t';
  decimal: ',' | '.';
  thousands: '' | ' ' | '\u00a0' | ',';
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  lineEnding: '\r\n' | '\n';
}

/** What Swedish Excel saves: semicolons, decimal comma, no-break-space thousands, Windows-1252, CRLF. */
export const SWEDISH_CSV: CsvDialect = {
  delimiter: ';',
  decimal: ',',
  thousands: '\u00a0',
  encoding: 'windows-1252',
  lineEnding: '\r\n',
};
/** An English export: commas, decimal point, no thousands separator, UTF-8, LF. */
export const ENGLISH_CSV: CsvDialect = {
  delimiter: ',',
  decimal: '.',
  thousands: '',
  encoding: 'utf-8',
  lineEnding: '\n',
};

/** Writes a table as CSV bytes in the given dialect, quoting fields that contain the separator or quotes. */
export function toCsvBytes(table: FixtureTable, dialect: CsvDialect): Uint8Array {
  const lines = [...table.titleRows, table.header, ...table.rows].map((row) =>
    row.map((cell) => csvField(cell, dialect)).join(dialect.delimiter),
  );
  const text = lines.join(dialect.lineEnding) + dialect.lineEnding;
  if (dialect.encoding === 'windows-1252') return encodeWindows1252(text);
  const utf8 = new TextEncoder().encode(text);
  return dialect.encoding === 'utf-8-bom' ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8) : utf8;
}

function csvField(cell: FixtureCell, dialect: CsvDialect): string {
  const value = typeof cell === 'object' && cell !== null ? (cell.result ?? null) : cell;
  const text = typeof value === 'number' ? formatNumber(value, dialect) : (value ?? '');
  return text.includes(dialect.delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Formats a number the way the dialect writes it, e.g. 12 345,6 or 12,345.6. As in Swedish
 * typography, four-digit numbers (years) are not grouped.
 */
export function formatNumber(value: number, dialect: Pick<CsvDialect, 'decimal' | 'thousands'>): string {
  const [integer = '0', fraction] = String(Math.abs(value)).split('.');
  const grouped =
    dialect.thousands === '' || integer.length <= 4
      ? integer
      : integer.replace(/\B(?=(\d{3})+(?!\d))/g, dialect.thousands);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `${dialect.decimal}${fraction}` : ''}`;
}

// Windows-1252 equals Latin-1 except in 0x80–0x9F.
const CP1252_EXTRAS: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Encodes text as Windows-1252 (Node has a decoder but no encoder); unmappable characters become "?". */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] ?? '';
    bytes[i] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (CP1252_EXTRAS[char] ?? 0x3f);
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

export interface XlsxSheet {
  name: string;
  table: FixtureTable;
  /** Ranges to merge, e.g. "A4:B4". */
  merges?: string[];
}

/**
 * Writes sheets as an XLSX workbook with exceljs. Large workbooks (`streaming: true`) use its
 * streaming writer with inline strings, which is faster and exercises the other string storage.
 */
export async function toXlsxBytes(sheets: readonly XlsxSheet[], { streaming = false } = {}): Promise<Uint8Array> {
  if (streaming) {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name);
      for (const row of allRows(sheet.table)) worksheet.addRow(row.map(excelValue)).commit();
      for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
      worksheet.commit();
    }
    await workbook.commit();
    return new Uint8Array(Buffer.concat(chunks));
  }
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of allRows(sheet.table)) worksheet.addRow(row.map(excelValue));
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function allRows(table: FixtureTable): FixtureCell[][] {
  return [...table.titleRows, table.header, ...table.rows];
}

function excelValue(cell: FixtureCell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== 'object') return cell;
  return cell.result === undefined ? { formula: cell.formula } : { formula: cell.formula, result: cell.result };
}

/** A generated file, with where its deliberate defect is (1-based row, column letter) if it has one. */
export interface GeneratedFixture {
  fileName: string;
  bytes: Uint8Array;
  description: string;
  defect?: { row: number; column: string };
}

function cloneTable(table: FixtureTable): FixtureTable {
  return {
    titleRows: table.titleRows.map((row) => [...row]),
    header: [...table.header],
    rows: table.rows.map((row) => [...row]),
  };
}

function sheetRowOf(table: FixtureTable, dataIndex: number): number {
  return table.titleRows.length + 2 + dataIndex;
}

/** Broken variants of a small Swedish long-layout export, each with one defect a person could make. */
export async function brokenFixtures(dataset: EmissionDataset, { now }: { now: Date }): Promise<GeneratedFixture[]> {
  const base = longTable(dataset, { language: 'sv', titleRows: true, population: true });
  const emissionsColumn = 'E';
  const fixtures: GeneratedFixture[] = [
    { fileName: 'tom.csv', bytes: new Uint8Array(0), description: 'empty file' },
    { fileName: 'tom.xlsx', bytes: new Uint8Array(0), description: 'empty file named .xlsx' },
    {
      fileName: 'rapport-pdf.xlsx',
      bytes: new TextEncoder().encode(
        '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      ),
      description: 'a PDF renamed to .xlsx',
    },
    {
      fileName: 'skarmdump.xlsx',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      description: 'a PNG image renamed to .xlsx',
    },
  ];

  const wideOptions = { language: 'sv' as const, titleRows: true, totals: true };
  const cached = wideSectorsTable(dataset, { ...wideOptions, totalFormulas: 'cached' });
  fixtures.push({
    fileName: 'formler-med-resultat.xlsx',
    bytes: await toXlsxBytes([{ name: 'Utsläpp', table: cached }]),
    description: 'SUM formulas with cached results',
  });
  const uncached = wideSectorsTable(dataset, { ...wideOptions, totalFormulas: 'uncached' });
  fixtures.push({
    fileName: 'formler-utan-resultat.xlsx',
    bytes: await toXlsxBytes([{ name: 'Utsläpp', table: uncached }]),
    description: 'SUM formulas saved without cached results',
    defect: { row: sheetRowOf(uncached, 0), column: columnName(uncached.header.length - 1) },
  });

  // A header where "Kommun" spans the name and code columns, as people format title cells.
  const merged = cloneTable(base);
  merged.header[1] = null;
  const headerRow = sheetRowOf(merged, -1);
  fixtures.push({
    fileName: 'sammanslagen-rubrik.xlsx',
    bytes: await toXlsxBytes([{ name: 'Utsläpp', table: merged, merges: [`A${headerRow}:B${headerRow}`] }]),
    description: 'merged header cells',
    defect: { row: headerRow, column: 'A' },
  });

  fixtures.push(
    withCell(base, 3, 4, 'saknas', 'text-i-talkolumn.csv', 'text in the emissions column', emissionsColumn),
  );
  fixtures.push(withCell(base, 5, 4, -1234.5, 'negativt-varde.csv', 'a negative emission', emissionsColumn));

  const duplicates = cloneTable(base);
  const original = duplicates.rows[2] ?? [];
  duplicates.rows.push([...original]);
  const conflicting = [...original];
  conflicting[4] = Number(original[4]) + 100;
  duplicates.rows.push(conflicting);
  fixtures.push({
    fileName: 'motstridiga-dubbletter.csv',
    bytes: toCsvBytes(duplicates, SWEDISH_CSV),
    description: 'one identical and one conflicting duplicate of data row 3',
    defect: { row: sheetRowOf(duplicates, duplicates.rows.length - 1), column: emissionsColumn },
  });

  const years = cloneTable(base);
  years.rows.push([...(years.rows[0] ?? [])].map((cell, index) => (index === 2 ? 1985 : cell)));
  years.rows.push([...(years.rows[1] ?? [])].map((cell, index) => (index === 2 ? now.getUTCFullYear() + 2 : cell)));
  fixtures.push({
    fileName: 'ar-utanfor-intervall.csv',
    bytes: toCsvBytes(years, SWEDISH_CSV),
    description: 'a row for 1985 and one for the year after next',
    defect: { row: sheetRowOf(years, years.rows.length - 2), column: 'C' },
  });

  const unknown = cloneTable(base);
  unknown.rows.push(
    ['Atlantis kommun', '9999', 2020, 'Transporter', 1000, 5000],
    ['Atlantis kommun', '9999', 2020, 'Jordbruk', 200, 5000],
  );
  fixtures.push({
    fileName: 'okand-organisation.csv',
    bytes: toCsvBytes(unknown, SWEDISH_CSV),
    description: 'two rows for an organisation not in the register',
    defect: { row: sheetRowOf(unknown, unknown.rows.length - 2), column: 'A' },
  });
  return fixtures;
}

function withCell(
  table: FixtureTable,
  dataIndex: number,
  columnIndex: number,
  value: FixtureCell,
  fileName: string,
  description: string,
  column: string,
): GeneratedFixture {
  const copy = cloneTable(table);
  const row = copy.rows[dataIndex];
  if (row) row[columnIndex] = value;
  return {
    fileName,
    bytes: toCsvBytes(copy, SWEDISH_CSV),
    description,
    defect: { row: sheetRowOf(copy, dataIndex), column },
  };
}

/** Good files in every supported layout and dialect. */
export async function goodFixtures(dataset: EmissionDataset): Promise<GeneratedFixture[]> {
  const sv: TableOptions = { language: 'sv', titleRows: true, population: true, names: 'official' };
  const en: TableOptions = { language: 'en', population: true };
  const long = longTable(dataset, sv);
  const wideYears = wideYearsTable(dataset, { language: 'sv', titleRows: true, subSectors: true, totals: true });
  const wideSectors = wideSectorsTable(dataset, { language: 'sv', titleRows: true, totals: true, population: true });
  return [
    {
      fileName: 'lang-sv-1252.csv',
      bytes: toCsvBytes(long, SWEDISH_CSV),
      description: 'long, Swedish CSV, Windows-1252',
    },
    {
      fileName: 'lang-sv-bom.csv',
      bytes: toCsvBytes(long, { ...SWEDISH_CSV, encoding: 'utf-8-bom' }),
      description: 'long, Swedish CSV, UTF-8 with BOM',
    },
    {
      fileName: 'long-en.csv',
      bytes: toCsvBytes(longTable(dataset, en), ENGLISH_CSV),
      description: 'long, English CSV',
    },
    {
      fileName: 'lang-sv-tab.txt',
      bytes: toCsvBytes(long, { ...SWEDISH_CSV, delimiter: '\t', encoding: 'utf-8' }),
      description: 'long, tab-separated',
    },
    {
      fileName: 'lang-undersektorer.csv',
      bytes: toCsvBytes(
        longTable(dataset, { ...sv, subSectors: true, totals: true, codes: 'excel-number' }),
        SWEDISH_CSV,
      ),
      description: 'long with sub-sectors, totals and Excel-stripped codes',
    },
    {
      fileName: 'bred-ar.csv',
      bytes: toCsvBytes(wideYears, SWEDISH_CSV),
      description: 'years as columns, sub-sectors and totals',
    },
    { fileName: 'bred-sektorer.csv', bytes: toCsvBytes(wideSectors, SWEDISH_CSV), description: 'sectors as columns' },
    {
      fileName: 'export.xlsx',
      bytes: await toXlsxBytes([
        { name: 'Lång', table: long },
        { name: 'År som kolumner', table: wideYears },
        { name: 'Sektorer som kolumner', table: wideSectors },
      ]),
      description: 'all three layouts, one per sheet; the first sheet is long',
    },
  ];
}

/** The scale export: 311 organisations × 9 sectors × 1990–2023 in the Swedish long layout, CSV and XLSX. */
export async function scaleFixtures(): Promise<{
  dataset: EmissionDataset;
  csv: GeneratedFixture;
  xlsx: GeneratedFixture;
}> {
  const dataset = generateEmissionDataset({ organisations: scaleOrganisations(readDemoOrganisations(), 311) });
  const table = longTable(dataset, { language: 'sv', titleRows: true, population: true });
  return {
    dataset,
    csv: {
      fileName: 'skala-311.csv',
      bytes: toCsvBytes(table, SWEDISH_CSV),
      description: '311 organisations, long, Swedish CSV',
    },
    xlsx: {
      fileName: 'skala-311.xlsx',
      bytes: await toXlsxBytes([{ name: 'Utsläpp', table }], { streaming: true }),
      description: '311 organisations, long, XLSX',
    },
  };
}

export interface PreviewBenchmark {
  values: number;
  csvBytes: number;
  xlsxBytes: number;
  csvMs: number;
  xlsxMs: number;
}

/**
 * Times the preview parse of the 311-organisation export (about 95,000 values) as CSV and as XLSX,
 * for the benchmark suite. Generating the files is not timed.
 *
 * @returns the number of values parsed from each file and the milliseconds each parse took.
 * @throws Error when either parse reports errors or a different number of values, so a broken
 *   parser cannot post a fast time.
 */
export async function benchmarkImportPreview({ now = new Date() } = {}): Promise<PreviewBenchmark> {
  const { dataset, csv, xlsx } = await scaleFixtures();
  const register = toRegister(dataset.organisations);
  const timed = async (fixture: GeneratedFixture) => {
    const start = performance.now();
    const parsed = await parseEmissionsFile({ bytes: fixture.bytes, fileName: fixture.fileName }, register, { now });
    const ms = performance.now() - start;
    if (parsed.errors.length > 0 || parsed.values.length !== dataset.records.length) {
      throw new Error(
        `${fixture.fileName}: ${parsed.values.length} values, errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`,
      );
    }
    return ms;
  };
  const csvMs = await timed(csv);
  const xlsxMs = await timed(xlsx);
  return { values: dataset.records.length, csvBytes: csv.bytes.length, xlsxBytes: xlsx.bytes.length, csvMs, xlsxMs };
}

/** Writes the good and broken fixtures (and with `scale`, the 311-organisation files) into `dir`. */
export async function writeFixtureSet(
  dir: string,
  { scale = false, now = new Date() } = {},
): Promise<GeneratedFixture[]> {
  const dataset = generateEmissionDataset({ organisations: readDemoOrganisations(), fromYear: 2015, toYear: 2022 });
  const fixtures = [...(await goodFixtures(dataset)), ...(await brokenFixtures(dataset, { now }))];
  if (scale) {
    const { csv, xlsx } = await scaleFixtures();
    fixtures.push(csv, xlsx);
  }
  mkdirSync(dir, { recursive: true });
  for (const fixture of fixtures) writeFileSync(join(dir, fixture.fileName), fixture.bytes);
  return fixtures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (args.includes('--bench')) {
    console.log(await benchmarkImportPreview());
    process.exit(0);
  }
  const dir = args.find((arg) => !arg.startsWith('--')) ?? 'test-results/emission-fixtures';
  const fixtures = await writeFixtureSet(dir, { scale: args.includes('--scale') });
  for (const fixture of fixtures)
    console.log(`${join(dir, fixture.fileName)}  ${fixture.bytes.length} B  ${fixture.description}`);
}
