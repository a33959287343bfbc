import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedEmissionValues } from '../../../scripts/generate-emission-fixtures';
import { MAX_IMPORT_BYTES } from '../../../shared/emissions-import/index';
import {
  DEMO_DATASET,
  inSwedish,
  parseFixture as parseFixtureOf,
  parseText,
  parseUpload,
  withFixtureFiles,
} from '../../helpers/emission-files';

const files = withFixtureFiles('emission-broken-');
const parseFixture = (fileName: string) => parseFixtureOf(files, fileName);

function defectOf(fileName: string): { row: number; column: string } {
  const defect = files.fixtures.find((fixture) => fixture.fileName === fileName)?.defect;
  if (!defect) throw new Error(`${fileName} has no defect`);
  return defect;
}

const noDataErrors = (message: string) => [{ row: null, column: null, message }];

describe('files that cannot be read at all', () => {
  it('says an empty CSV file is empty', async () => {
    // Arrange
    const fileName = 'tom.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed).toMatchObject({ layout: null, fileType: null, values: [], rows: 0, years: null });
    expect(inSwedish(parsed.errors)).toEqual(
      noDataErrors('Filen "tom.csv" är tom (0 byte). Exportera den på nytt och ladda upp den igen.'),
    );
  });

  it('says an empty file named .xlsx is empty', async () => {
    // Arrange
    const fileName = 'tom.xlsx';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(inSwedish(parsed.errors)).toEqual(
      noDataErrors('Filen "tom.xlsx" är tom (0 byte). Exportera den på nytt och ladda upp den igen.'),
    );
  });

  it('says a PDF renamed to .xlsx is a PDF and what an xlsx file looks like', async () => {
    // Arrange
    const fileName = 'rapport-pdf.xlsx';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(parsed.values).toEqual([]);
    expect(inSwedish(parsed.errors)).toEqual(
      noDataErrors(
        'Filen "rapport-pdf.xlsx" är inte ett kalkylblad: den är en PDF-fil. ' +
          'Den heter .xlsx men en Excel-fil (.xlsx) är en ZIP-fil som börjar med tecknen "PK".',
      ),
    );
  });

  it('says an image renamed to .xlsx is an image', async () => {
    // Arrange
    const fileName = 'skarmdump.xlsx';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(inSwedish(parsed.errors)).toEqual(
      noDataErrors(
        'Filen "skarmdump.xlsx" är inte ett kalkylblad: den är en PNG-bild. ' +
          'Den heter .xlsx men en Excel-fil (.xlsx) är en ZIP-fil som börjar med tecknen "PK".',
      ),
    );
  });

  it('asks for .xlsx when given an Excel 97–2003 file', async () => {
    // Arrange
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'gammal.xls' });
    // Assert
    expect(inSwedish(parsed.errors)).toEqual(
      noDataErrors(
        'Filen "gammal.xls" är en Excel-fil i det gamla formatet .xls (Excel 97–2003), som inte kan läsas. ' +
          'Öppna den i Excel och spara den som .xlsx eller .csv.',
      ),
    );
  });

  it('says a damaged xlsx (a truncated ZIP) cannot be opened', async () => {
    // Arrange
    const whole = readFileSync(join(files.dir, 'export.xlsx'));
    const bytes = new Uint8Array(whole.subarray(0, 2000));
    // Act
    const parsed = await parseUpload({ bytes, fileName: 'trasig.xlsx' });
    // Assert
    expect(inSwedish(parsed.errors)).toEqual(
      noDataErrors(
        'Excel-filen är skadad eller ofullständig och kan inte öppnas. Öppna den i Excel, spara den som .xlsx och försök igen.',
      ),
    );
  });

  it('says a CSV file of blank lines has nothing in it', async () => {
    // Arrange and Act
    const parsed = await parseText(';;;\r\n\r\n;;\r\n');
    // Assert
    expect(inSwedish(parsed.errors)).toEqual(noDataErrors('Filen "x.csv" innehåller bara tomma rader.'));
  });

  it('says what it found and what it expected when no header row is recognisable', async () => {
    // Arrange and Act
    const parsed = await parseText('Kommun;Värde A;Värde B\nLund;1;2\n');
    // Assert
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 1,
        column: null,
        message:
          'Rad 1 ser ut som en rubrikrad (organisation (Kommun/Organisation/Region) i kolumn A) men räcker inte för att läsa utsläpp. ' +
          'Förväntade en rubrikrad med kolumner för organisation (Kommun eller Kommunkod), år (År), sektor (Sektor) och utsläpp ' +
          '(Utsläpp (ton CO2e)), eller år (1990, 2005, …) eller sektorer (Transporter, Jordbruk, …) som kolumner.',
      },
    ]);
  });

  it('exposes the 20 MB upload limit the API enforces', () => {
    // Arrange, Act and Assert
    expect(MAX_IMPORT_BYTES).toBe(20_971_520);
  });
});

describe('files with defects in some cells', () => {
  it('uses cached formula results, and says which column lacks them when they were never saved', async () => {
    // Arrange
    const fileName = 'formler-utan-resultat.xlsx';
    const defect = defectOf(fileName);
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(defect).toEqual({ row: 5, column: 'M' });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET));
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 5,
        column: 'M',
        message:
          'Rad 5 (och 223 celler till i kolumnen), kolumn M ("Totalt"): cellen innehåller formeln =SUM(D5:L5) men inget sparat resultat. ' +
          'Öppna filen i Excel och spara den igen så att resultaten sparas, eller klistra in cellerna som värden.',
      },
    ]);
  });

  it('refuses merged header cells and names the range', async () => {
    // Arrange
    const fileName = 'sammanslagen-rubrik.xlsx';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(defectOf(fileName)).toEqual({ row: 4, column: 'A' });
    expect(parsed.values).toEqual([]);
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 4,
        column: 'A',
        message:
          'Rubrikraden (rad 4) har sammanslagna celler A4:B4 ("Kommun"). ' +
          'Förväntade en rubrik i varje kolumn; dela upp de sammanslagna cellerna och skriv en rubrik per kolumn.',
      },
    ]);
  });

  it('says which cell holds text in the emissions column and reads the other rows', async () => {
    // Arrange
    const fileName = 'text-i-talkolumn.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(defectOf(fileName)).toEqual({ row: 8, column: 'E' });
    expect(parsed.values).toHaveLength(2015);
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 8,
        column: 'E',
        message:
          'Rad 8, kolumn E ("Utsläpp (ton CO2e)"): "saknas" är inte ett tal. ' +
          'Förväntade utsläpp i ton CO2e, t.ex. 12 345,6; lämna cellen tom om värdet saknas.',
      },
    ]);
  });

  it('refuses a negative emission in a main sector', async () => {
    // Arrange
    const fileName = 'negativt-varde.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(defectOf(fileName)).toEqual({ row: 10, column: 'E' });
    expect(parsed.values).toHaveLength(2015);
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 10,
        column: 'E',
        message:
          'Rad 10, kolumn E ("Utsläpp (ton CO2e)"): utsläppet är negativt (\u22121\u00a0234,5) för ' +
          '"Egen uppvärmning av bostäder och lokaler". Ingen av de nio huvudsektorerna kan ha negativa utsläpp; förväntade 0 eller mer.',
      },
    ]);
  });

  it('accepts an identical duplicate row but refuses one with a different value, naming both rows', async () => {
    // Arrange
    const fileName = 'motstridiga-dubbletter.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(defectOf(fileName)).toEqual({ row: 2022, column: 'E' });
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 2022,
        column: 'E',
        message:
          'Rad 2022 och rad 7 anger olika utsläpp för Lund (1281) år 2015, sektor "Industri (energi + processer)": ' +
          '107\u00a0668,3 respektive 107\u00a0768,3 ton CO2e. Förväntade samma värde eller bara en rad; ta bort den felaktiga raden.',
      },
    ]);
    expect(inSwedish(parsed.warnings)).toEqual([
      { row: null, column: null, message: '1 värde fanns på flera rader med samma värde; de räknades en gång.' },
    ]);
  });

  it('refuses years before 1990 and after next year', async () => {
    // Arrange
    const fileName = 'ar-utanfor-intervall.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(defectOf(fileName)).toEqual({ row: 2021, column: 'C' });
    expect(parsed.years).toEqual([2015, 2022]);
    expect(inSwedish(parsed.errors)).toEqual([
      { row: 2021, column: 'C', message: 'Rad 2021, kolumn C ("År"): året 1985 ligger utanför 1990–2025.' },
      { row: 2022, column: 'C', message: 'Rad 2022, kolumn C ("År"): året 2026 ligger utanför 1990–2025.' },
    ]);
  });

  it('lists an unknown organisation once, without failing the other rows', async () => {
    // Arrange
    const fileName = 'okand-organisation.csv';
    // Act
    const parsed = await parseFixture(fileName);
    // Assert
    expect(defectOf(fileName)).toEqual({ row: 2021, column: 'A' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.organisations.unknown).toEqual([{ row: 2021, value: 'Atlantis kommun (9999)' }]);
    expect(parsed.organisations.matched).toHaveLength(28);
    expect(parsed.values).toEqual(expectedEmissionValues(DEMO_DATASET, { population: true }));
  });

  it('refuses a year column out of range once, in a wide file', async () => {
    // Arrange and Act
    const parsed = await parseText('Kommun;Sektor;1985;2020\nLund;Jordbruk;5;6\nLund;Avfall;1;2\n');
    // Assert
    expect(parsed.values.map((value) => value.year)).toEqual([2020, 2020]);
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 1,
        column: 'C',
        message: 'Kolumn C på rad 1 gäller år 1985, som ligger utanför 1990–2025. Kolumnen lästes inte.',
      },
    ]);
  });

  it('reports an unknown sector once with the first row and how many more', async () => {
    // Arrange and Act
    const parsed = await parseText(
      'Kommun;År;Sektor;Utsläpp\nLund;2020;Fiske;1\nLund;2021;Fiske;2\nLund;2021;Jordbruk;3\n',
    );
    // Assert
    expect(parsed.values).toEqual([{ organisationId: '1281', year: 2021, sector: 'jordbruk', tonnesCO2e: 3 }]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: 2, column: 'C' });
    expect(parsed.errors[0]?.message).toMatch(
      /^Rad 2 \(och 1 rad till\), kolumn C: okänd sektor "Fiske"\. Förväntade en av huvudsektorerna Transporter, /,
    );
  });

  it('says which cell is not a year', async () => {
    // Arrange and Act
    const parsed = await parseText('Kommun;År;Sektor;Utsläpp\nLund;20x0;Jordbruk;1\n');
    // Assert
    expect(inSwedish(parsed.errors)).toEqual([
      {
        row: 2,
        column: 'B',
        message: 'Rad 2, kolumn B ("År"): "20x0" är inte ett årtal. Förväntade ett år 1990–2025.',
      },
    ]);
  });

  it('lists at most 200 errors and counts the rest', async () => {
    // Arrange
    const rows = Array.from({ length: 250 }, (_, i) => `Lund;${1990 + (i % 30)};Sektor ${i};ingen siffra`).join('\n');
    // Act
    const parsed = await parseText(`Kommun;År;Sektor;Utsläpp\n${rows.replaceAll('Sektor ', 'Jordbruk - del ')}\n`);
    // Assert
    expect(parsed.errors).toHaveLength(201);
    expect(inSwedish(parsed.errors).at(-1)).toEqual({
      row: null,
      column: null,
      message: '… och 50 fel till som inte visas.',
    });
  });
});
