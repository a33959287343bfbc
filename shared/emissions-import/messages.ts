/**
 * Every problem the emissions import reports, in words: a stable `code`, the Swedish `message`
 * (what the API has always sent, and what the CLI prints) and the English `messageEn`, as the
 * survey validation does (shared/survey-validation/messages.ts). Both travel with each issue, so
 * the console shows the reader's language and can switch without asking again.
 */

import type { SniffedType } from './file-type';
import type { ColumnRole } from './header-matching';

/** The issue codes, one per kind of problem; a test checks each has its words in both languages. */
export const IMPORT_ISSUE_CODES = [
  // The file cannot be read at all (the API answers 422 unreadable_file).
  'file_empty',
  'sheet_empty',
  'old_xls',
  'not_a_spreadsheet',
  'only_blank_rows',
  'xlsx_unsupported_compression',
  'xlsx_damaged',
  'xlsx_no_sheets',
  'sheet_not_found',
  'zip_not_workbook',
  // The file can be read; these are its errors and warnings.
  'text_named_xlsx',
  'no_header_row',
  'header_incomplete',
  'header_merged_cells',
  'merged_data_cells',
  'unknown_column',
  'year_column_out_of_range',
  'organisation_from_title',
  'no_organisation_column',
  'negative_emissions',
  'negative_population',
  'excel_error',
  'not_a_number',
  'year_missing',
  'not_a_year',
  'year_out_of_range',
  'sector_missing',
  'organisation_name_differs',
  'organisation_missing',
  'unknown_sector',
  'uncached_formula',
  'excluded_sector',
  'identical_duplicates',
  'skipped_notes',
  'blank_values',
  'conflicting_values',
  'population_differs',
  'subsectors_differ',
  'total_without_sectors',
  'total_differs',
  'no_data_rows',
  'no_values',
  'more_errors',
  'more_warnings',
  // Added by the API, which knows the earlier imports.
  'same_file_committed',
  // Added by the API, which knows the stored emissions and the published years.
  'partial_year',
  'partial_year_more',
  'published_year_changed',
  'published_year_rollback',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/** An issue's words: its code, the Swedish message and the English one. */
export interface IssueText {
  code: ImportIssueCode;
  message: string;
  messageEn: string;
}

const text = (code: ImportIssueCode, message: string, messageEn: string): IssueText => ({ code, message, messageEn });

/** A number as Swedish text writes it (12 345,6), for messages. */
export function formatSwedishNumber(value: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 }).format(value);
}

/** A number as English text writes it (12,345.6), for messages. */
export function formatEnglishNumber(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(value);
}

/** Both readings of a number, so a message can use each in its own language. */
function num(value: number): [string, string] {
  return [formatSwedishNumber(value), formatEnglishNumber(value)];
}

/** "1 tonne", "2 tonnes": English agrees with the figure (Swedish "ton" does not change). */
function tonnesEn(text: string): string {
  return `${text} ${/^[-−]?1$/.test(text) ? 'tonne' : 'tonnes'}`;
}

/** What the first bytes of a file say it is, in Swedish and English. */
const SNIFFED: Record<SniffedType, [string, string]> = {
  zip: ['en ZIP-fil', 'a ZIP file'],
  pdf: ['en PDF-fil', 'a PDF file'],
  png: ['en PNG-bild', 'a PNG image'],
  jpeg: ['en JPEG-bild', 'a JPEG image'],
  gif: ['en GIF-bild', 'a GIF image'],
  xls: [
    'en Excel-fil i det gamla formatet .xls (Excel 97–2003)',
    'an Excel file in the old .xls format (Excel 97–2003)',
  ],
  text: ['en textfil', 'a text file'],
  binary: ['en binärfil av okänt slag', 'a binary file of an unknown kind'],
};

/** A header column's role as a message names it (the headers it goes by), Swedish and English. */
const ROLE_NAMES: Record<ColumnRole, [string, string]> = {
  organisationName: ['organisation (Kommun/Organisation/Region)', 'organisation (Kommun/Organisation/Region)'],
  organisationCode: ['kod (Kommunkod/Kod)', 'code (Kommunkod/Kod)'],
  year: ['år (År/Year)', 'year (År/Year)'],
  sector: ['sektor (Sektor/Huvudsektor/Sector)', 'sector (Sektor/Huvudsektor/Sector)'],
  subSector: ['undersektor', 'sub-sector'],
  emissions: ['utsläpp (Utsläpp (ton CO2e)/Emissions (t CO2e))', 'emissions (Utsläpp (ton CO2e)/Emissions (t CO2e))'],
  population: ['invånare (Invånare/Befolkning/Population)', 'population (Invånare/Befolkning/Population)'],
};

const EXPECTED_HEADER: [string, string] = [
  'Förväntade en rubrikrad med kolumner för organisation (Kommun eller Kommunkod), år (År), sektor (Sektor) och utsläpp ' +
    '(Utsläpp (ton CO2e)), eller år (1990, 2005, …) eller sektorer (Transporter, Jordbruk, …) som kolumner.',
  'Expected a header row with columns for the organisation (Kommun or Kommunkod, or Municipality), year (År or Year), ' +
    'sector (Sektor or Sector) and emissions (Utsläpp (ton CO2e) or Emissions (t CO2e)), or with years (1990, 2005, …) ' +
    'or sectors (Transporter, Jordbruk, …) as columns.',
];

/** What a number cell should hold. */
export type NumberKind = 'emissions' | 'population';
const EXPECTED_NUMBER: Record<NumberKind, [string, string]> = {
  emissions: ['utsläpp i ton CO2e, t.ex. 12 345,6', 'emissions in tonnes CO2e, e.g. 12 345,6 or 12,345.6'],
  population: ['antal invånare, t.ex. 128 000', 'a number of inhabitants, e.g. 128 000'],
};

/** "Rad 4, kolumn D ("Utsläpp")" / "Row 4, column D ("Utsläpp")". */
function cellAt(row: number, letter: string, header: string): [string, string] {
  return [`Rad ${row}, kolumn ${letter} ("${header}")`, `Row ${row}, column ${letter} ("${header}")`];
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/**
 * How the reader picks a sheet, in the sentences that tell them to: the web console's "Flik" field
 * (what the API says, since the console shows its messages), or `npm run import`'s `--sheet`
 * option, which has no field (`forImportCli`). Swedish, English.
 */
const CHOOSE_SHEET = {
  console: {
    oneOfThem: ['Skriv en av dem i fältet "Flik".', 'Enter one of them in the "Sheet" field.'],
    withEmissions: [
      'Välj fliken med utsläppen i fältet "Flik".',
      'Choose the sheet with the emissions in the "Sheet" field.',
    ],
  },
  cli: {
    oneOfThem: ['Ange en av dem efter --sheet.', 'Pass one of them to --sheet.'],
    withEmissions: ['Ange fliken med utsläppen efter --sheet.', 'Pass the sheet with the emissions to --sheet.'],
  },
} as const;

/**
 * A message as `npm run import` shows it: the console's "choose in the Flik field" sentences become
 * the `--sheet` option's. Every other message is unchanged.
 */
export function forImportCli<T extends { message: string; messageEn?: string }>(issue: T): T {
  const reword = (message: string, lang: 0 | 1) =>
    (['oneOfThem', 'withEmissions'] as const).reduce(
      (text, which) => text.replaceAll(CHOOSE_SHEET.console[which][lang], CHOOSE_SHEET.cli[which][lang]),
      message,
    );
  return {
    ...issue,
    message: reword(issue.message, 0),
    ...(issue.messageEn === undefined ? {} : { messageEn: reword(issue.messageEn, 1) }),
  };
}

/** The words of every issue, by kind. Swedish texts are as the API has always sent them. */
export const issueText = {
  fileEmpty: (fileName: string) =>
    text(
      'file_empty',
      `Filen "${fileName}" är tom (0 byte). Exportera den på nytt och ladda upp den igen.`,
      `The file "${fileName}" is empty (0 bytes). Export it again and upload it again.`,
    ),
  sheetEmpty: (sheet: string, fileName: string) =>
    text(
      'sheet_empty',
      `Fliken "${sheet}" i filen "${fileName}" är tom.`,
      `The sheet "${sheet}" in the file "${fileName}" is empty.`,
    ),
  oldXls: (fileName: string) =>
    text(
      'old_xls',
      `Filen "${fileName}" är ${SNIFFED.xls[0]}, som inte kan läsas. Öppna den i Excel och spara den som .xlsx eller .csv.`,
      `The file "${fileName}" is ${SNIFFED.xls[1]}, which cannot be read. Open it in Excel and save it as .xlsx or .csv.`,
    ),
  notASpreadsheet: (fileName: string, sniffed: SniffedType, namedExcel: boolean) =>
    text(
      'not_a_spreadsheet',
      `Filen "${fileName}" är inte ett kalkylblad: den är ${SNIFFED[sniffed][0]}. ` +
        (namedExcel
          ? 'Den heter .xlsx men en Excel-fil (.xlsx) är en ZIP-fil som börjar med tecknen "PK".'
          : 'Förväntade en Excel-fil (.xlsx) eller en CSV-fil.'),
      `The file "${fileName}" is not a spreadsheet: it is ${SNIFFED[sniffed][1]}. ` +
        (namedExcel
          ? 'It is named .xlsx, but an Excel file (.xlsx) is a ZIP file that starts with the characters "PK".'
          : 'Expected an Excel file (.xlsx) or a CSV file.'),
    ),
  onlyBlankRows: (fileName: string) =>
    text(
      'only_blank_rows',
      `Filen "${fileName}" innehåller bara tomma rader.`,
      `The file "${fileName}" holds nothing but blank rows.`,
    ),
  xlsxUnsupportedCompression: () =>
    text(
      'xlsx_unsupported_compression',
      'Excel-filen använder en komprimering som inte stöds.',
      'The Excel file uses a kind of compression that is not supported.',
    ),
  xlsxDamaged: () =>
    text(
      'xlsx_damaged',
      'Excel-filen är skadad eller ofullständig och kan inte öppnas. Öppna den i Excel, spara den som .xlsx och försök igen.',
      'The Excel file is damaged or incomplete and cannot be opened. Open it in Excel, save it as .xlsx and try again.',
    ),
  sheetPartMissing: (sheet: string) =>
    text(
      'xlsx_damaged',
      `Fliken "${sheet}" saknas i Excel-filen; filen är skadad.`,
      `The sheet "${sheet}" is missing from the Excel file; the file is damaged.`,
    ),
  xlsxNoSheets: () => text('xlsx_no_sheets', 'Excel-filen innehåller inga flikar.', 'The Excel file has no sheets.'),
  sheetNotFound: (sheet: string | undefined, sheetNames: readonly string[]) => {
    const names = sheetNames.map((name) => `"${name}"`).join(', ');
    return text(
      'sheet_not_found',
      `Excel-filen har ingen flik som heter "${sheet}". Flikarna i filen är: ${names}. ${CHOOSE_SHEET.console.oneOfThem[0]}`,
      `The Excel file has no sheet named "${sheet}". The sheets in the file are: ${names}. ${CHOOSE_SHEET.console.oneOfThem[1]}`,
    );
  },
  zipNotWorkbook: () =>
    text(
      'zip_not_workbook',
      'Filen är en ZIP-fil men inte en Excel-arbetsbok (.xlsx).',
      'The file is a ZIP file but not an Excel workbook (.xlsx).',
    ),

  textNamedXlsx: (fileName: string) =>
    text(
      'text_named_xlsx',
      `Filen "${fileName}" heter .xlsx men innehåller text; den lästes som CSV.`,
      `The file "${fileName}" is named .xlsx but holds text; it was read as CSV.`,
    ),
  noHeaderRow: (limit: number) =>
    limit === 1
      ? text(
          'no_header_row',
          `Den enda raden är ingen rubrikrad. ${EXPECTED_HEADER[0]}`,
          `The only row is not a header row. ${EXPECTED_HEADER[1]}`,
        )
      : text(
          'no_header_row',
          `Hittade ingen rubrikrad bland de första ${limit} raderna. ${EXPECTED_HEADER[0]}`,
          `Found no header row among the first ${limit} rows. ${EXPECTED_HEADER[1]}`,
        ),
  /**
   * The same issue, read from one sheet of a workbook with others: names them and the field that
   * picks one, since the data is often on a later sheet than the first (the CLI's words: forImportCli).
   */
  withOtherSheetsHint: (issue: IssueText, sheet: string, others: readonly string[]) => {
    const names = others.map((name) => `"${name}"`).join(', ');
    return {
      ...issue,
      message: `${issue.message} Läste fliken "${sheet}"; filen har också ${plural(others.length, 'fliken', 'flikarna')} ${names}. ${CHOOSE_SHEET.console.withEmissions[0]}`,
      messageEn: `${issue.messageEn} Read the sheet "${sheet}"; the file also has the ${plural(others.length, 'sheet', 'sheets')} ${names}. ${CHOOSE_SHEET.console.withEmissions[1]}`,
    };
  },
  /** A row that names some columns but not enough to read emissions: what it has, in column order. */
  headerIncomplete: (
    row: number,
    found: { columns: Array<[ColumnRole, string]>; yearColumns: number; sectorColumns: number },
  ) => {
    const sv = found.columns.map(([role, letter]) => `${ROLE_NAMES[role][0]} i kolumn ${letter}`);
    const en = found.columns.map(([role, letter]) => `${ROLE_NAMES[role][1]} in column ${letter}`);
    if (found.yearColumns > 0) {
      sv.push(`${found.yearColumns} årskolumner`);
      en.push(`${found.yearColumns} ${plural(found.yearColumns, 'year column', 'year columns')}`);
    }
    if (found.sectorColumns > 0) {
      sv.push(`${found.sectorColumns} sektorkolumner`);
      en.push(`${found.sectorColumns} ${plural(found.sectorColumns, 'sector column', 'sector columns')}`);
    }
    return text(
      'header_incomplete',
      `Rad ${row} ser ut som en rubrikrad (${sv.join(', ')}) men räcker inte för att läsa utsläpp. ${EXPECTED_HEADER[0]}`,
      `Row ${row} looks like a header row (${en.join(', ')}) but is not enough to read emissions. ${EXPECTED_HEADER[1]}`,
    );
  },
  /** The same issue, with a note that merged cells near the top may hide the headers. */
  withMergedCellsHint: (issue: IssueText, refs: readonly string[]) => ({
    ...issue,
    message: `${issue.message} Filen har sammanslagna celler (${refs.join(', ')}), som kan dölja rubrikerna; dela upp dem.`,
    messageEn: `${issue.messageEn} The file has merged cells (${refs.join(', ')}), which may hide the headers; split them.`,
  }),
  headerMergedCells: (row: number, ref: string, title: string) =>
    text(
      'header_merged_cells',
      `Rubrikraden (rad ${row}) har sammanslagna celler ${ref}${title ? ` ("${title}")` : ''}. ` +
        'Förväntade en rubrik i varje kolumn; dela upp de sammanslagna cellerna och skriv en rubrik per kolumn.',
      `The header row (row ${row}) has merged cells ${ref}${title ? ` ("${title}")` : ''}. ` +
        'Expected a header in every column; split the merged cells and write one header per column.',
    ),
  mergedDataCells: (ref: string, value: string) =>
    text(
      'merged_data_cells',
      `Cellerna ${ref} är sammanslagna; värdet "${value}" lästes för varje rad och kolumn i området.`,
      `The cells ${ref} are merged; the value "${value}" was read for every row and column in the range.`,
    ),
  unknownColumn: (letter: string, header: string) =>
    text(
      'unknown_column',
      `Kolumn ${letter} ("${header}") känns inte igen och lästes inte.`,
      `Column ${letter} ("${header}") is not recognised and was not read.`,
    ),
  yearColumnOutOfRange: (letter: string, row: number, year: number, range: string) =>
    text(
      'year_column_out_of_range',
      `Kolumn ${letter} på rad ${row} gäller år ${year}, som ligger utanför ${range}. Kolumnen lästes inte.`,
      `Column ${letter} on row ${row} is for the year ${year}, which is outside ${range}. The column was not read.`,
    ),
  organisationFromTitle: (organisation: string, source: string) =>
    text(
      'organisation_from_title',
      `Filen har ingen kolumn för organisation; alla värden gäller ${organisation}, som står i "${source}".`,
      `The file has no organisation column; every value is for ${organisation}, named in "${source}".`,
    ),
  noOrganisationColumn: (row: number) =>
    text(
      'no_organisation_column',
      `Rubrikraden (rad ${row}) saknar kolumn för organisation, och ingen känd organisation nämns ovanför den. ` +
        'Förväntade en kolumn Kommun, Kommunkod, Organisation eller Region.',
      `The header row (row ${row}) has no organisation column, and no known organisation is named above it. ` +
        'Expected a column Kommun, Kommunkod, Organisation or Region (or Municipality, Code, Organization).',
    ),
  negativeEmissions: (row: number, letter: string, header: string, tonnes: number, sector: string) => {
    const [where, whereEn] = cellAt(row, letter, header);
    const [sv, en] = num(tonnes);
    return text(
      'negative_emissions',
      `${where}: utsläppet är negativt (${sv}) för "${sector}". Ingen av de nio huvudsektorerna kan ha negativa utsläpp; förväntade 0 eller mer.`,
      `${whereEn}: the emissions are negative (${en}) for "${sector}". None of the nine main sectors can have negative emissions; expected 0 or more.`,
    );
  },
  negativePopulation: (row: number, letter: string, header: string, population: number) => {
    const [where, whereEn] = cellAt(row, letter, header);
    const [sv, en] = num(population);
    return text(
      'negative_population',
      `${where}: antalet invånare är negativt (${sv}).`,
      `${whereEn}: the number of inhabitants is negative (${en}).`,
    );
  },
  excelError: (row: number, letter: string, header: string, error: string, kind: NumberKind) => {
    const [where, whereEn] = cellAt(row, letter, header);
    return text(
      'excel_error',
      `${where}: cellen innehåller Excel-felet ${error}. Förväntade ${EXPECTED_NUMBER[kind][0]}.`,
      `${whereEn}: the cell holds the Excel error ${error}. Expected ${EXPECTED_NUMBER[kind][1]}.`,
    );
  },
  notANumber: (row: number, letter: string, header: string, value: string, kind: NumberKind) => {
    const [where, whereEn] = cellAt(row, letter, header);
    return text(
      'not_a_number',
      `${where}: "${value}" är inte ett tal. Förväntade ${EXPECTED_NUMBER[kind][0]}; lämna cellen tom om värdet saknas.`,
      `${whereEn}: "${value}" is not a number. Expected ${EXPECTED_NUMBER[kind][1]}; leave the cell empty if the value is missing.`,
    );
  },
  /** A year cell that is empty (`value` ''), or holds something else than a year. */
  notAYear: (row: number, letter: string, header: string, value: string, range: string) => {
    const [where, whereEn] = cellAt(row, letter, header);
    return value === ''
      ? text(
          'year_missing',
          `${where}: året saknas. Förväntade ett år ${range}.`,
          `${whereEn}: the year is missing. Expected a year ${range}.`,
        )
      : text(
          'not_a_year',
          `${where}: "${value}" är inte ett årtal. Förväntade ett år ${range}.`,
          `${whereEn}: "${value}" is not a year. Expected a year ${range}.`,
        );
  },
  yearOutOfRange: (row: number, letter: string, header: string, year: number, range: string) => {
    const [where, whereEn] = cellAt(row, letter, header);
    return text(
      'year_out_of_range',
      `${where}: året ${year} ligger utanför ${range}.`,
      `${whereEn}: the year ${year} is outside ${range}.`,
    );
  },
  sectorMissing: (row: number, letter: string, header: string) => {
    const [where, whereEn] = cellAt(row, letter, header);
    return text(
      'sector_missing',
      `${where}: sektor saknas. Förväntade en av de nio huvudsektorerna.`,
      `${whereEn}: the sector is missing. Expected one of the nine main sectors.`,
    );
  },
  organisationNameDiffers: (row: number, code: string, organisation: string, name: string) =>
    text(
      'organisation_name_differs',
      `Rad ${row}: koden ${code} tillhör ${organisation} men namnet i filen är "${name}". Koden användes.`,
      `Row ${row}: the code ${code} belongs to ${organisation} but the name in the file is "${name}". The code was used.`,
    ),
  organisationMissing: (row: number, letter: string) =>
    text(
      'organisation_missing',
      `Rad ${row}, kolumn ${letter}: organisation saknas. Förväntade ett kommunnamn eller en kommunkod.`,
      `Row ${row}, column ${letter}: the organisation is missing. Expected a municipality's name or code.`,
    ),
  /** An unknown sector, first on `row` and on `count` rows in all; `sectors` are the main sectors' names. */
  unknownSector: (
    row: number,
    count: number,
    letter: string,
    label: string,
    sectors: { sv: readonly string[]; en: readonly string[] },
  ) => {
    const more = count - 1;
    return text(
      'unknown_sector',
      `Rad ${row}${more > 0 ? ` (och ${more} ${plural(more, 'rad', 'rader')} till)` : ''}, kolumn ${letter}: okänd sektor "${label}". ` +
        `Förväntade en av huvudsektorerna ${sectors.sv.join(', ')}, eller en undersektor som "Transporter - Personbilar".`,
      `Row ${row}${more > 0 ? ` (and ${more} more ${plural(more, 'row', 'rows')})` : ''}, column ${letter}: unknown sector "${label}". ` +
        `Expected one of the main sectors ${sectors.en.join(', ')}, or a sub-sector such as "Transporter - Personbilar".`,
    );
  },
  /** A formula without a saved result, first on `row` and in `count` cells of the column in all. */
  uncachedFormula: (row: number, count: number, letter: string, header: string, formula: string) => {
    const more = count - 1;
    return text(
      'uncached_formula',
      `Rad ${row}${more > 0 ? ` (och ${more} ${plural(more, 'cell', 'celler')} till i kolumnen)` : ''}, kolumn ${letter} ("${header}"): ` +
        `cellen innehåller formeln ${formula} men inget sparat resultat. ` +
        'Öppna filen i Excel och spara den igen så att resultaten sparas, eller klistra in cellerna som värden.',
      `Row ${row}${more > 0 ? ` (and ${more} more ${plural(more, 'cell', 'cells')} in the column)` : ''}, column ${letter} ("${header}"): ` +
        `the cell holds the formula ${formula} but no saved result. ` +
        'Open the file in Excel and save it again so that the results are saved, or paste the cells as values.',
    );
  },
  excludedSector: (label: string, row: number) =>
    text(
      'excluded_sector',
      `Sektorn "${label}" (första gången på rad ${row}) hör inte till de nio huvudsektorerna och importerades inte.`,
      `The sector "${label}" (first on row ${row}) is not one of the nine main sectors and was not imported.`,
    ),
  identicalDuplicates: (count: number) =>
    text(
      'identical_duplicates',
      `${count} ${plural(count, 'värde', 'värden')} fanns på flera rader med samma värde; de räknades en gång.`,
      `${count} ${plural(count, 'value was', 'values were')} on several rows with the same figure; each was counted once.`,
    ),
  skippedNotes: (count: number) =>
    text(
      'skipped_notes',
      `${count} ${plural(count, 'rad', 'rader')} under rubrikraden saknade värden (t.ex. fotnoter) och hoppades över.`,
      `${count} ${plural(count, 'row', 'rows')} below the header row had no values (footnotes, say) and ${plural(count, 'was', 'were')} skipped.`,
    ),
  blankValues: (count: number) =>
    text(
      'blank_values',
      `${count} ${plural(count, 'tom utsläppscell', 'tomma utsläppsceller')} hoppades över.`,
      `${count} empty emission ${plural(count, 'cell was', 'cells were')} skipped.`,
    ),
  conflictingValues: (
    row: number,
    earlierRow: number,
    organisation: string,
    year: number,
    sector: string,
    earlier: number,
    tonnes: number,
  ) => {
    const [earlierSv, earlierEn] = num(earlier);
    const [tonnesSv, tonnesText] = num(tonnes);
    return text(
      'conflicting_values',
      `Rad ${row} och rad ${earlierRow} anger olika utsläpp för ${organisation} år ${year}, sektor "${sector}": ` +
        `${earlierSv} respektive ${tonnesSv} ton CO2e. Förväntade samma värde eller bara en rad; ta bort den felaktiga raden.`,
      `Rows ${earlierRow} and ${row} give different emissions for ${organisation} in ${year}, sector "${sector}": ` +
        `${earlierEn} and ${tonnesEn(tonnesText)} CO2e. Expected the same value or only one row; remove the wrong one.`,
    );
  },
  populationDiffers: (
    row: number,
    population: number,
    organisation: string,
    year: number,
    earlierRow: number,
    earlier: number,
  ) => {
    const [populationSv, populationEn] = num(population);
    const [earlierSv, earlierEn] = num(earlier);
    return text(
      'population_differs',
      `Rad ${row} anger ${populationSv} invånare för ${organisation} år ${year}, men rad ${earlierRow} anger ${earlierSv}. ` +
        `Värdet från rad ${earlierRow} används.`,
      `Row ${row} gives ${populationEn} inhabitants for ${organisation} in ${year}, but row ${earlierRow} gives ${earlierEn}. ` +
        `The value from row ${earlierRow} is used.`,
    );
  },
  subsectorsDiffer: (
    row: number,
    sector: { sv: string; en: string },
    organisation: string,
    year: number,
    tonnes: number,
    firstSubRow: number,
    subSum: number,
  ) => {
    const [tonnesSv, tonnesText] = num(tonnes);
    const [sumSv, sumEn] = num(subSum);
    return text(
      'subsectors_differ',
      `Rad ${row}: ${sector.sv} för ${organisation} år ${year} är ${tonnesSv} ton CO2e men undersektorerna (från rad ${firstSubRow}) ` +
        `summerar till ${sumSv} ton CO2e. Huvudsektorns värde används.`,
      `Row ${row}: ${sector.en} for ${organisation} in ${year} is ${tonnesEn(tonnesText)} CO2e but the sub-sectors (from row ${firstSubRow}) ` +
        `add up to ${tonnesEn(sumEn)} CO2e. The main sector's value is used.`,
    );
  },
  totalWithoutSectors: (row: number, organisation: string, year: number) =>
    text(
      'total_without_sectors',
      `Rad ${row}: det finns ett totalvärde för ${organisation} år ${year} men inga sektorer; inget importerades.`,
      `Row ${row}: there is a total for ${organisation} in ${year} but no sectors; nothing was imported.`,
    ),
  totalDiffers: (
    row: number,
    organisation: string,
    year: number,
    total: number,
    sectors: number,
    withoutInternational: boolean,
    percent: number,
  ) => {
    const [totalSv, totalEn] = num(total);
    const [sectorsSv, sectorsEn] = num(sectors);
    const [percentSv, percentEn] = num(percent);
    return text(
      'total_differs',
      `Rad ${row}: totalen för ${organisation} år ${year} är ${totalSv} ton CO2e men sektorerna summerar till ` +
        `${sectorsSv} ton CO2e${withoutInternational ? ' utan utrikes transporter' : ''} (skillnad ${percentSv} %). ` +
        'Sektorerna importeras, totalen inte; kontrollera att alla sektorer finns med.',
      `Row ${row}: the total for ${organisation} in ${year} is ${tonnesEn(totalEn)} CO2e but the sectors add up to ` +
        `${tonnesEn(sectorsEn)} CO2e${withoutInternational ? ' without international transport' : ''} (a difference of ${percentEn} %). ` +
        'The sectors are imported, the total is not; check that every sector is there.',
    );
  },
  noDataRows: (headerRow: number) =>
    text(
      'no_data_rows',
      `Filen har en rubrikrad (rad ${headerRow}) men inga rader med värden under den. Exportera filen på nytt med data.`,
      `The file has a header row (row ${headerRow}) but no rows of values below it. Export the file again with its data.`,
    ),
  noValues: (rows: number) =>
    text(
      'no_values',
      `Filens ${rows} ${plural(rows, 'rad', 'rader')} under rubrikraden gav inga utsläppsvärden att importera: ` +
        'organisationerna är okända, cellerna tomma eller sektorerna utanför de nio huvudsektorerna. Se varningarna och de okända organisationerna.',
      `The file's ${rows} ${plural(rows, 'row', 'rows')} below the header row gave no emission values to import: ` +
        'the organisations are unknown, the cells empty or the sectors outside the nine main sectors. See the warnings and the unknown organisations.',
    ),
  moreErrors: (count: number) =>
    text(
      'more_errors',
      `… och ${count} fel till som inte visas.`,
      `… and ${count} more ${plural(count, 'error', 'errors')} not shown.`,
    ),
  moreWarnings: (count: number) =>
    text(
      'more_warnings',
      `… och ${count} ${plural(count, 'varning', 'varningar')} till som inte visas.`,
      `… and ${count} more ${plural(count, 'warning', 'warnings')} not shown.`,
    ),
  sameFileCommitted: (date: string, by: string) =>
    text(
      'same_file_committed',
      `Samma fil sparades redan ${date} av ${by}. Att spara den igen ändrar ingenting.`,
      `The same file was saved already on ${date} by ${by}. Saving it again changes nothing.`,
    ),
  /**
   * Years of one organisation that, with the file saved, lack sectors the organisation has in
   * other years; `latestYear` when the newest of them becomes its latest year.
   */
  partialYear: (
    organisation: string,
    years: readonly { year: number; present: readonly { sv: string; en: string }[]; expected: number }[],
    latestYear: number | null,
  ) => {
    const listSv = years
      .map(
        (y) =>
          `${y.year}: ${y.present.length} av ${y.expected}${y.present.length > 0 ? ` (${y.present.map((p) => p.sv).join(', ')})` : ''}`,
      )
      .join('; ');
    const listEn = years
      .map(
        (y) =>
          `${y.year}: ${y.present.length} of ${y.expected}${y.present.length > 0 ? ` (${y.present.map((p) => p.en).join(', ')})` : ''}`,
      )
      .join('; ');
    return text(
      'partial_year',
      `${organisation} får år med bara några av de sektorer organisationen har andra år, så årets summa blir ofullständig. ` +
        `Sektorer: ${listSv}.` +
        (latestYear === null
          ? ''
          : ` ${latestYear} blir organisationens senaste år, så dess utsläpp per invånare och Utfall räknas på den ofullständiga summan.`) +
        ' Ta med alla sektorer för året om det är möjligt.',
      `${organisation} gets years with only some of the sectors it has in other years, so the year's total is incomplete. ` +
        `Sectors: ${listEn}.` +
        (latestYear === null
          ? ''
          : ` ${latestYear} becomes its latest year, so its emissions per inhabitant and Utfall are computed from the incomplete total.`) +
        ' Include every sector for the year if you can.',
    );
  },
  partialYearMore: (count: number) =>
    text(
      'partial_year_more',
      `Ytterligare ${count} organisationer får år med bara några av sina sektorer.`,
      `${count} more organisations get years with only some of their sectors.`,
    ),
  /**
   * Saving the file changes emissions of organisations that responded in a published year.
   * `frozen`: that year's Utfall was frozen at publish (else its scorecards read current emissions).
   * A published Klimatläget is the record of its year: newer emissions belong in the next report, so
   * this informs and never suggests publishing the year again (docs/imports.md).
   */
  publishedYearChanged: (year: number, revision: number, date: string, count: number, frozen: boolean) =>
    text(
      'published_year_changed',
      `Klimatläget ${year} är publicerat (version ${revision}, ${date}), och ${count} av organisationerna vars utsläpp filen ändrar svarade det året. ` +
        (frozen
          ? `Det publicerade Utfallet ändras inte, och inte heller rapporten: ett publicerat Klimatläget redovisar sitt år, och resultatkort och exporter för ${year} visar det som publicerades. `
          : `${year} publicerades innan Utfall sparades vid publiceringen, så resultatkort och exporter för ${year} räknar Utfall från de aktuella utsläppen och ändras av importen, men den publicerade rapporten ändras inte. `) +
        // A correction changes scores only: it keeps the emission figures of the revision it replaces.
        (frozen
          ? `De nya värdena kommer med i nästa Klimatläget som publiceras, inte i ${year}: en rättelse av ${year} ändrar poängen och behåller Utfallet och utsläppssiffrorna som de publicerades.`
          : `De nya värdena kommer med i nästa Klimatläget som publiceras. En rättelse av ${year} behåller rapportens utsläppssiffror och sparar Utfallet från utsläppen som de är då.`),
      `Klimatläget ${year} is published (version ${revision}, ${date}), and ${count} of the organisations whose emissions the file changes responded that year. ` +
        (frozen
          ? `The published Utfall does not change, nor does the report: a published Klimatläget is the record of its year, and scorecards and exports for ${year} show what was published. `
          : `${year} was published before Utfall was stored at publishing, so scorecards and exports for ${year} compute Utfall from the current emissions and change with this import, while the published report does not. `) +
        (frozen
          ? `The new values are included in the next Klimatläget to be published, not in ${year}: a correction of ${year} changes the scores and keeps Utfall and the emission figures as published.`
          : `The new values are included in the next Klimatläget to be published. A correction of ${year} keeps the report's emission figures and stores Utfall from the emissions as they are then.`),
    ),
  /** Rolling back an import changes emissions of organisations a published year rests on. */
  publishedYearRollback: (year: number, revision: number, date: string, count: number, frozen: boolean) =>
    text(
      'published_year_rollback',
      frozen
        ? `Klimatläget ${year} (version ${revision}, ${date}) publicerades med värden från den här importen för ${count} organisationer. ` +
            `Det publicerade Utfallet och rapporten ändras inte när importen ångras, inte heller av en rättelse av ${year}: den behåller utsläppssiffrorna som de publicerades.`
        : `Klimatläget ${year} (version ${revision}, ${date}) publicerades innan Utfall sparades vid publiceringen, och ${count} av organisationerna som importen ändrade svarade det året. ` +
            `Deras Utfall i resultatkort och exporter för ${year} räknas från de aktuella utsläppen och ändras när importen ångras; den publicerade rapporten ändras inte.`,
      frozen
        ? `Klimatläget ${year} (version ${revision}, ${date}) was published with values from this import for ${count} organisations. ` +
            `The published Utfall and the report do not change when the import is rolled back, nor with a correction of ${year}: it keeps the emission figures as published.`
        : `Klimatläget ${year} (version ${revision}, ${date}) was published before Utfall was stored at publishing, and ${count} of the organisations this import changed responded that year. ` +
            `Their Utfall in scorecards and exports for ${year} is computed from the current emissions and changes when the import is rolled back; the published report does not.`,
    ),
} satisfies Record<string, (...args: never[]) => IssueText>;
