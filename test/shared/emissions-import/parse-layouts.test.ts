import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ENGLISH_CSV,
  expectedEmissionValues,
  longTable,
  SWEDISH_CSV,
  toCsvBytes,
  toXlsxBytes,
} from '../../../scripts/generate-emission-fixtures';
import { type ParsedImport, SECTOR_IDS } from '../../../shared/emissions-import/index';
import {
  DEMO_DATASET,
  DEMO_ORGANISATIONS,
  inSwedish,
  parseFixture as parseFixtureOf,
  parseUpload,
  withFixtureFiles,
} from '../../helpers/emission-files';

const allCodes = DEMO_ORGANISATIONS.map((organisation) => organisation.code).sort();
const files = withFixtureFiles('emission-fixtures-');
const parseFixture = (fileName: string, sheet?: string, onProgress?: (done: number, total: number) => void) =>
  parseFixtureOf(files, fileName, sheet, onProgress);

function expectCleanImport(parsed: ParsedImport): void {
  expect(parsed.errors).toEqual([]);
  expect(parsed.organisations).toEqual({ matched: allCodes, unknown: [] });
  expect(parsed.years).toEqual([2015, 2022]);
  expect(parsed.sectors).toEqual([...SECTOR_IDS]);
}

describe('parseEmissionsFile with the Swedish CSV dialect', () => {
  it('reads a Windows-1252 long file with title rows, decimal commas and no-break-space thousands', async () => {
    // Arrange
    const raw = readFileSync(join(files.dir, 'lang-sv-1252.csv'));
    // Act
    const parsed = await parseFixture('lang-sv-1252.csv');
    // Assert
    expect(raw.includes(0xa0)).toBe(true);
    expect(raw.includes(Buffer.from('Utsläpp', 'latin1'))).toBe(true);
    expect(parsed).toMatchObject({
      layout: 'long',
      fileType: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      headerRow: 4,
      rows: 2016,
    });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expect(parsed.warnings).toEqual([]);
    expectCleanImport(parsed);
  });

  it('reads the same file saved as UTF-8 with a byte-order mark', async () => {
    // Arrange
    const fileName = 'lang-sv-bom.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed).toMatchObject({ layout: 'long', encoding: 'utf-8-bom', delimiter: ';', headerRow: 4 });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expectCleanImport(parsed);
  });

  it('reads a tab-separated file', async () => {
    // Arrange
    const fileName = 'lang-sv-tab.txt';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed).toMatchObject({ layout: 'long', encoding: 'utf-8', delimiter: '\t' });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expectCleanImport(parsed);
  });

  it('sums sub-sector rows into their main sector, checks the Totalt rows and pads Excel-stripped codes', async () => {
    // Arrange
    const fileName = 'lang-undersektorer.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed.rows).toBe(28 * 8 * (9 + 4 + 1 + 1));
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expect(parsed.warnings).toEqual([]);
    expectCleanImport(parsed);
  });

  it('reads years as columns with sectors, sub-sectors and totals as rows', async () => {
    // Arrange
    const fileName = 'bred-ar.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed).toMatchObject({ layout: 'wide-years', headerRow: 4 });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET));
    expect(parsed.warnings).toEqual([]);
    expectCleanImport(parsed);
  });

  it('reads sectors as columns with a Totalt and an Invånare column', async () => {
    // Arrange
    const fileName = 'bred-sektorer.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed).toMatchObject({ layout: 'wide-sectors', headerRow: 4, rows: 28 * 8 });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expect(parsed.warnings).toEqual([]);
    expectCleanImport(parsed);
  });
});

describe('parseEmissionsFile with the English CSV dialect', () => {
  it('reads a comma-separated UTF-8 file with decimal points and English headers', async () => {
    // Arrange
    const fileName = 'long-en.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed).toMatchObject({ layout: 'long', encoding: 'utf-8', delimiter: ',', headerRow: 1 });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expectCleanImport(parsed);
  });

  it('reads quoted numbers with comma thousands separators and a quoted title containing commas', async () => {
    // Arrange
    const table = longTable(DEMO_DATASET, { language: 'en', titleRows: true });
    const bytes = toCsvBytes(table, { ...ENGLISH_CSV, thousands: ',' });
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'export.csv' });
    // Assert
    expect(new TextDecoder().decode(bytes)).toContain('"Territorial greenhouse gas emissions, by sector and year"');
    expect(new TextDecoder().decode(bytes)).toMatch(/"\d{1,3},\d{3}(\.\d)?"/);
    expect(parsed).toMatchObject({ delimiter: ',', headerRow: 3 });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET));
    expectCleanImport(parsed);
  });
});

describe('parseEmissionsFile with XLSX', () => {
  it('reads the first sheet when no sheet is named', async () => {
    // Arrange
    const fileName = 'export.xlsx';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed).toMatchObject({ layout: 'long', fileType: 'xlsx', sheet: 'Lång', headerRow: 4 });
    expect(parsed.encoding).toBeUndefined();
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expectCleanImport(parsed);
  });

  it('reads a named sheet, ignoring case', async () => {
    // Arrange
    const fileName = 'export.xlsx';
    // Act
    const wideYears = await parseFixture(fileName, 'År som kolumner');
    const wideSectors = await parseFixture(fileName, 'sektorer SOM kolumner');
    // Assert
    expect(wideYears).toMatchObject({ layout: 'wide-years', sheet: 'År som kolumner' });
    expect(wideYears.values).toEqual(expectedEmissionValues(DEMO_DATASET));
    expect(wideSectors).toMatchObject({ layout: 'wide-sectors', sheet: 'Sektorer som kolumner' });
    expect(wideSectors.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expectCleanImport(wideYears);
    expectCleanImport(wideSectors);
  });

  it('names the sheets there are when the asked-for sheet is missing', async () => {
    // Arrange
    const fileName = 'export.xlsx';
    // Act
    const parsed = await parseFixture(fileName, 'Blad1');
    // Assert
    expect(parsed.values).toEqual([]);
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: null,
        column: null,
        message:
          'Excel-filen har ingen flik som heter "Blad1". Flikarna i filen är: "Lång", "År som kolumner", "Sektorer som kolumner". Skriv en av dem i fältet "Flik".',
      },
    ]);
  });

  it('uses the cached results of formulas', async () => {
    // Arrange
    const fileName = 'formler-med-resultat.xlsx';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed.layout).toBe('wide-sectors');
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET));
    expect(parsed.warnings).toEqual([]);
    expectCleanImport(parsed);
  });
});

describe('parseEmissionsFile matching organisations', () => {
  it('matches official names without codes ("Stockholms stad", "Göteborgs Stad", "Malmö stad", "Region Skåne")', async () => {
    // Arrange
    const table = longTable(DEMO_DATASET, { language: 'sv', names: 'official', codes: 'none' });
    const bytes = toCsvBytes(table, SWEDISH_CSV);
    const text = new TextDecoder('windows-1252').decode(bytes);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'namn.csv' });
    // Assert
    expect(text).toContain('Stockholms stad;2015');
    expect(text).toContain('Göteborgs stad;2015');
    expect(text).toContain('Region Skåne;2015');
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET));
    expectCleanImport(parsed);
  });

  it("matches a region written as Kolada's 0012 and a kommun written as 180", async () => {
    // Arrange
    const header = 'Kommun;Kod;År;Sektor;Utsläpp';
    const bytes = new TextEncoder().encode(
      `${header}\nSkåne;0012;2020;Jordbruk;1 000\nStockholm;180;2020;Jordbruk;20\n`,
    );
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'kolada.csv' });
    // Assert
    expect(parsed.values).toEqual([
      { organisationId: '0180', year: 2020, sector: 'jordbruk', tonnesCO2e: 20 },
      { organisationId: '12', year: 2020, sector: 'jordbruk', tonnesCO2e: 1000 },
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('takes the organisation from a title row when the file has no organisation column', async () => {
    // Arrange
    const csv =
      'Lunds kommun – utsläpp per år\n\nSektor;2020;2021\nJordbruk;1 200,5;1 100\nTransporter;9 000;8 800,25\n';
    const bytes = new TextEncoder().encode(csv);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'lund.csv' });
    // Assert
    expect(parsed.layout).toBe('wide-years');
    expect(parsed.values).toEqual([
      { organisationId: '1281', year: 2020, sector: 'transporter', tonnesCO2e: 9000 },
      { organisationId: '1281', year: 2020, sector: 'jordbruk', tonnesCO2e: 1200.5 },
      { organisationId: '1281', year: 2021, sector: 'transporter', tonnesCO2e: 8800.25 },
      { organisationId: '1281', year: 2021, sector: 'jordbruk', tonnesCO2e: 1100 },
    ]);
    expect(parsed.errors).toEqual([]);
    expect(inSwedish(parsed.warnings)).toEqual([
      {
        row: null,
        column: null,
        message:
          'Filen har ingen kolumn för organisation; alla värden gäller Lund (1281), som står i "Lunds kommun – utsläpp per år".',
      },
    ]);
  });
});

describe('parseEmissionsFile headers, sums and progress', () => {
  it('matches headers in any order and case, and reads kiloton columns as tonnes', async () => {
    // Arrange
    const csv = 'UTSLÄPP (KTON CO2E);sektor;ÅR;kommunkod\n1,5;Jordbruk;2020;1281\n';
    const bytes = new TextEncoder().encode(csv);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'x.csv' });
    // Assert
    expect(parsed.values).toEqual([{ organisationId: '1281', year: 2020, sector: 'jordbruk', tonnesCO2e: 1500 }]);
  });

  it('warns with both numbers when a Totalt row differs from the sum of the sectors by more than 0.5 %', async () => {
    // Arrange
    const csv = 'Kommun;År;Sektor;Utsläpp\nLund;2020;Jordbruk;100\nLund;2020;Avfall;50\nLund;2020;Totalt;160\n';
    const bytes = new TextEncoder().encode(csv);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'x.csv' });
    // Assert
    expect(parsed.values.map((value) => value.tonnesCO2e)).toEqual([100, 50]);
    expect(parsed.errors).toEqual([]);
    expect(inSwedish(parsed.warnings)).toEqual([
      {
        row: 4,
        column: 'D',
        message:
          'Rad 4: totalen för Lund (1281) år 2020 är 160 ton CO2e men sektorerna summerar till 150 ton CO2e (skillnad 6,3 %). ' +
          'Sektorerna importeras, totalen inte; kontrollera att alla sektorer finns med.',
      },
    ]);
  });

  it('takes a Totalt row without international transport, as the national database counts it, with no warning', async () => {
    // Arrange: 100 + 50 territorial, 30 international; totals with and without it both agree
    const csv =
      'Kommun;År;Sektor;Utsläpp\nLund;2020;Jordbruk;100\nLund;2020;Avfall;50\nLund;2020;Utrikes transporter;30\nLund;2020;Totalt;150\n' +
      'Malmö;2020;Jordbruk;100\nMalmö;2020;Utrikes transporter;30\nMalmö;2020;Totalt;130\n';
    const bytes = new TextEncoder().encode(csv);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'x.csv' });
    // Assert
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('names the sum without international transport when a Totalt row matches neither', async () => {
    const csv =
      'Kommun;År;Sektor;Utsläpp\nLund;2020;Jordbruk;100\nLund;2020;Utrikes transporter;30\nLund;2020;Totalt;200\n';
    const parsed = await parseUpload({ bytes: new TextEncoder().encode(csv), fileName: 'x.csv' });
    expect(parsed.warnings.map((warning) => warning.message)).toEqual([
      'Rad 4: totalen för Lund (1281) år 2020 är 200 ton CO2e men sektorerna summerar till 100 ton CO2e utan utrikes transporter (skillnad 50 %). ' +
        'Sektorerna importeras, totalen inte; kontrollera att alla sektorer finns med.',
    ]);
  });

  it('uses a main-sector row over its sub-sector rows and warns when they disagree', async () => {
    // Arrange
    const csv =
      'Kommun;År;Sektor;Utsläpp\nLund;2020;Transporter;1000\nLund;2020;Transporter - Personbilar;600\nLund;2020;Transporter - Bussar;300\n';
    const bytes = new TextEncoder().encode(csv);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'x.csv' });
    // Assert
    expect(parsed.values).toEqual([{ organisationId: '1281', year: 2020, sector: 'transporter', tonnesCO2e: 1000 }]);
    expect(inSwedish(parsed.warnings)).toEqual([
      {
        row: 2,
        column: null,
        message:
          'Rad 2: Transporter för Lund (1281) år 2020 är 1\u00a0000 ton CO2e men undersektorerna (från rad 3) summerar till 900 ton CO2e. ' +
          'Huvudsektorns värde används.',
      },
    ]);
  });

  it('reports progress and ends with all rows done', async () => {
    // Arrange
    const calls: [number, number][] = [];
    // Act
    await parseFixture('lang-sv-1252.csv', undefined, (done, total) => calls.push([done, total]));
    // Assert
    expect(calls.at(-1)).toEqual([2016, 2016]);
  });

  it('reads an xlsx with a header merged over the row above it as title and skips the LULUCF sector', async () => {
    // Arrange
    const table = {
      titleRows: [['Utsläpp', null, null, null], []],
      header: ['Kommun', 'År', 'Sektor', 'ton CO2e'],
      rows: [
        ['Lund', 2020, 'Jordbruk', 10],
        ['Lund', 2020, 'LULUCF', -40],
      ],
    };
    const bytes = await toXlsxBytes([{ name: 'Data', table, merges: ['A1:D1'] }]);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'x.xlsx' });
    // Assert
    expect(parsed.values).toEqual([{ organisationId: '1281', year: 2020, sector: 'jordbruk', tonnesCO2e: 10 }]);
    expect(parsed.errors).toEqual([]);
    expect(inSwedish(parsed.warnings)).toEqual([
      {
        row: 5,
        column: null,
        message:
          'Sektorn "LULUCF" (första gången på rad 5) hör inte till de nio huvudsektorerna och importerades inte.',
      },
    ]);
  });

  it('names the other sheets and the sheet field when the first sheet is an info page without a header row', async () => {
    // Arrange: the export's first sheet says where the figures come from; they are on "Utsläpp"
    const info = { titleRows: [], header: ['Källa: Sustainable Advantage'], rows: [] };
    const data = {
      titleRows: [],
      header: ['Kommun', 'År', 'Sektor', 'Utsläpp (ton CO2e)'],
      rows: [['Lund', 2020, 'Jordbruk', 10]],
    };
    const bytes = await toXlsxBytes([
      { name: 'Info', table: info },
      { name: 'Utsläpp', table: data },
    ]);
    // Act
    const first = await parseUpload({ bytes, fileName: 'x.xlsx' });
    const chosen = await parseUpload({ bytes, fileName: 'x.xlsx', sheet: 'Utsläpp' });
    // Assert
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0]?.code).toBe('no_header_row');
    expect(first.errors[0]?.message).toMatch(/^Den enda raden är ingen rubrikrad\. /);
    expect(first.errors[0]?.message).not.toContain('de första 1 raderna');
    expect(first.errors[0]?.message).toMatch(
      /Läste fliken "Info"; filen har också fliken "Utsläpp"\. Välj fliken med utsläppen i fältet "Flik"\.$/,
    );
    expect(first.errors[0]?.messageEn).toMatch(
      /^The only row is not a header row\. .*Read the sheet "Info"; the file also has the sheet "Utsläpp"\. Choose the sheet with the emissions in the "Sheet" field\.$/,
    );
    expect(chosen.errors).toEqual([]);
    expect(chosen.values).toEqual([{ organisationId: '1281', year: 2020, sector: 'jordbruk', tonnesCO2e: 10 }]);
  });

  it('reads an organisation name merged down over its data rows as the name of each row', async () => {
    // Arrange
    const table = {
      titleRows: [],
      header: ['Kommun', 'År', 'Sektor', 'Utsläpp (ton CO2e)'],
      rows: [
        ['Malmö stad', 2020, 'Jordbruk', 10],
        [null, 2020, 'Avfall', 20],
        [null, 2021, 'Avfall', 30],
      ],
    };
    const bytes = await toXlsxBytes([{ name: 'Data', table, merges: ['A2:A4'] }]);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'x.xlsx' });
    // Assert
    expect(parsed.values).toEqual([
      { organisationId: '1280', year: 2020, sector: 'jordbruk', tonnesCO2e: 10 },
      { organisationId: '1280', year: 2020, sector: 'avfall', tonnesCO2e: 20 },
      { organisationId: '1280', year: 2021, sector: 'avfall', tonnesCO2e: 30 },
    ]);
    expect(parsed.errors).toEqual([]);
    expect(inSwedish(parsed.warnings)).toEqual([
      {
        row: 2,
        column: 'A',
        message: 'Cellerna A2:A4 är sammanslagna; värdet "Malmö stad" lästes för varje rad och kolumn i området.',
      },
    ]);
  });

  it('reads CSV text saved under a .xlsx name, with a warning', async () => {
    // Arrange
    const bytes = new TextEncoder().encode('Kommun;År;Sektor;Utsläpp\nLund;2020;Jordbruk;1\n');
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'export.xlsx' });
    // Assert
    expect(parsed).toMatchObject({ fileType: 'csv', layout: 'long' });
    expect(parsed.values).toEqual([{ organisationId: '1281', year: 2020, sector: 'jordbruk', tonnesCO2e: 1 }]);
    expect(inSwedish(parsed.warnings)).toEqual([
      { row: null, column: null, message: 'Filen "export.xlsx" heter .xlsx men innehåller text; den lästes som CSV.' },
    ]);
  });
});
