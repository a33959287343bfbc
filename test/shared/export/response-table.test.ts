import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { responsesWorkbook } from '../../../functions/features/klimatlaget/xlsx-export';
import { aggregateRows, answerCell, responseTable } from '../../../shared/export/response-table';
import { aggregateKlimatlaget } from '../../../shared/klimatlaget/aggregate';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';
import { sheetRows } from '../../helpers/published-year-world';

const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };

/** A kommun's submitted answers for the aggregates, scored as submit scores them. */
const submitted = (id: string, data: Record<string, unknown> = { G1: true, G2: true, q1: 'ja' }) => ({
  organisationId: id,
  organisationType: 'kommun' as const,
  status: 'submitted' as const,
  data,
  score: score(survey, data),
});

/** Three kommuner submitted; no region did (`organisations`: the ones asked, else only the respondents). */
const threeKommunerNoRegion = (organisations?: Array<{ id: string; type: 'kommun' | 'region' }>) =>
  aggregateKlimatlaget({
    year: 2026,
    surveys,
    responses: [submitted('0001'), submitted('0002'), submitted('0003')],
    organisations,
  });

describe('responseTable', () => {
  it('has one row per organisation, a column per question and then the section scores and Utfall', () => {
    // Arrange
    const data = { G1: true, G2: true, q1: 'ja', c1: ['x', 'y'], n1: 60 };
    // Act
    const table = responseTable({
      surveys: {
        kommun: survey,
        region: makeSurvey({
          pages: [{ name: 'r', elements: [{ type: 'boolean', name: 'r1', title: 'Region?', scoreTrue: 1 }] }],
        }),
      },
      organisations: [
        { id: '0001', name: 'Ettkommun', type: 'kommun' },
        { id: '0002', name: 'Tvåkommun', type: 'kommun' },
      ],
      responses: new Map([
        ['0001', { status: 'submitted', submittedAt: '2026-03-10', data, score: score(survey, data) }],
      ]),
      emissionOutcomes: new Map([
        [
          '0001',
          {
            latestYear: 2023,
            perInhabitant: 3,
            changeSince1990: -0.5,
            change5y: null,
            changeBasis: 'perInhabitant' as const,
            points: 3,
            max: 6,
          },
        ],
      ]),
    });
    // Assert
    const column = (header: string) => table.header.indexOf(header);
    expect(table.header.slice(0, 7)).toEqual([
      'Kod',
      'Organisation',
      'Typ',
      'Status',
      'Befriad',
      'Inskickad (svensk tid)',
      'G1 – G1',
    ]);
    expect(table.header).toContain('r1 – Region?');
    expect(table.header).toContain('Poäng kommun: a – a');
    const [first, second] = table.rows;
    expect(first?.[column('q1 – q1')]).toBe('ja');
    expect(first?.[column('c1 – c1')]).toBe('x, y');
    expect(first?.[column('n1 – n1')]).toBe(60);
    expect(first?.[column('Poäng kommun: b – b')]).toBe(3);
    expect(first?.[column('Poäng totalt')]).toBe(5);
    // A percentage, as the header says: −0.5 stored is −50 %
    expect(first?.[column('Utfall: förändring sedan 1990 (%)')]).toBe(-50);
    expect(second?.slice(0, 4)).toEqual(['0002', 'Tvåkommun', 'kommun', 'Ej påbörjad']);
    expect(second?.[column('Poäng totalt')]).toBeNull();
  });

  it.each([
    ['in summer time', '2025-10-15T21:00:00.000Z', '2025-10-15 23:00'],
    ['in winter time, across midnight and the year', '2025-12-31T23:30:00Z', '2026-01-01 00:30'],
    ['on the night summer time begins', '2026-03-29T01:00:00Z', '2026-03-29 03:00'],
  ])('writes the submit time as Stockholm wall-clock time %s, never as a UTC instant', (_case, submittedAt, shown) => {
    // Act
    const table = responseTable({
      surveys: { kommun: survey, region: survey },
      organisations: [
        { id: '0001', name: 'Ettkommun', type: 'kommun' },
        { id: '0002', name: 'Tvåkommun', type: 'kommun' },
      ],
      responses: new Map([
        ['0001', { status: 'submitted', submittedAt, data: {} }],
        ['0002', { status: 'draft', submittedAt, data: {} }],
      ]),
    });
    // Assert
    const column = table.header.indexOf('Inskickad (svensk tid)');
    expect(column).toBe(5);
    expect(table.rows.map((row) => row[column])).toEqual([shown, null]);
  });

  it.each([
    ['a boolean', { type: 'boolean' }, true, 'Ja'],
    ['a boolean with its own label', { type: 'boolean', labelFalse: { default: 'Inte ännu' } }, false, 'Inte ännu'],
    [
      'a choice as its Swedish text',
      { choices: [{ value: 'ja', text: { default: 'Ja, antagen', en: 'Yes' } }] },
      'ja',
      'Ja, antagen',
    ],
    ['an unanswered question', {}, undefined, null],
  ])('writes %s readably', (_case, question, value, expected) => {
    expect(answerCell(question, value)).toBe(expected);
  });
});

describe('aggregateRows: the questions block of the xlsx export', () => {
  it('leaves the distribution empty for a type nobody answered, never "Ja: null"', () => {
    // Arrange: three kommuner answered, no region did
    const report = threeKommunerNoRegion();
    // Act
    const table = aggregateRows(report);
    // Assert
    const header = table.find((row) => row[0] === 'Typ' && row.includes('Fördelning'))!;
    const row = (type: string) => table.find((r) => r[0] === type && r[1] === 'q1')!;
    const distribution = header.indexOf('Fördelning');
    expect(row('region')[header.indexOf('n')]).toBe(0);
    expect(row('region')[distribution]).toBeNull();
    expect(row('kommun')[distribution]).toMatch(/: 3\b/);
    expect(table.flat().filter((cell) => typeof cell === 'string' && cell.includes('null'))).toEqual([]);
  });
});

describe('aggregateRows: the emissions block of the xlsx export', () => {
  const rows = (tonnes: number, population: number, year = 2023) => [
    { year, sector: 'transporter', tonnesCO2e: tonnes / 2, population },
    { year, sector: 'industri', tonnesCO2e: tonnes / 2, population },
  ];

  it("carries the change per inhabitant since 1990 beside Sweden's, as the report shows it", () => {
    // Arrange: 10 → 4 t per inhabitant (−60 %), 5 → 4 t (−20 %) and 8 → 4 t (−50 %); three, as
    // figures over fewer organisations are withheld
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: { kommun: survey, region: survey },
      responses: ['0001', '0002', '0003'].map((id) => submitted(id, { G1: true, G2: true })),
      emissions: {
        '0001': [...rows(1_000_000, 100_000, 1990), ...rows(400_000, 100_000)],
        '0002': [...rows(250_000, 50_000, 1990), ...rows(200_000, 50_000)],
        '0003': [...rows(800_000, 100_000, 1990), ...rows(400_000, 100_000)],
      },
    });
    // Act
    const table = aggregateRows(report);
    // Assert
    const header = table.find((row) => row[0] === 'Grupp' && row.includes('Organisationer med utsläppsdata'))!;
    const all = table[table.indexOf(header) + 1]!;
    const cell = (name: string) => all[header.indexOf(name)];
    // In % as the headers say, as the "Svar" sheet's Utfall: −43.3 %, not the fraction −0.4333
    expect(cell('Förändring per invånare sedan 1990, medel (%)')).toBe(-43.3);
    // A median needs 5 organisations (docs/klimatlaget.md)
    expect(cell('median (%)')).toBeNull();
    expect(cell('Organisationer med data för 1990')).toBe(3);
    expect(cell('Sverige sedan 1990 (%)')).toBe(-46);
  });
});

describe('the "Klimatläget" sheet: a type nobody answered', () => {
  /** Three kommuner and two regions asked. */
  const asked = [
    { id: '0001', type: 'kommun' as const },
    { id: '0002', type: 'kommun' as const },
    { id: '0003', type: 'kommun' as const },
    { id: '9901', type: 'region' as const },
    { id: '9902', type: 'region' as const },
  ];

  const NO_REGION = 'Inga svar att visa (ingen region har skickat in svar)';

  /** The block headed by the row that starts `first` and contains `column`, as objects by header. */
  function block(rows: readonly unknown[][], first: string, column: string) {
    const start = rows.findIndex((row) => row[0] === first && row.includes(column));
    const header = rows[start]!;
    const end = rows.findIndex((row, i) => i > start && row.length === 0);
    return rows
      .slice(start + 1, end === -1 ? undefined : end)
      .map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i] ?? null])));
  }

  it('has its counts and a note saying nobody answered, not a row of empty cells', () => {
    // Act
    const rows = aggregateRows(threeKommunerNoRegion(asked));
    // Assert: 0 respondents of the 2 asked, 0 with the basic requirements, the shares empty and why
    const groups = block(rows, 'Grupp', 'Svarande');
    expect(groups.find((row) => row.Grupp === 'Regioner')).toEqual({
      Grupp: 'Regioner',
      Svarande: 0,
      Organisationer: 2,
      Befriade: 0,
      'Andel av max, medel (%)': null,
      'Andel av max, median (%)': null,
      'Baskrav uppfyllda': 0,
      Anmärkning: NO_REGION,
    });
    // The bands and sections blocks say the same rather than leaving the regions out or blank
    expect(block(rows, 'Grupp', 'Betyg').filter((row) => row.Grupp === 'Regioner')).toEqual([
      { Grupp: 'Regioner', Betyg: NO_REGION, Antal: null },
    ]);
    const regionSections = block(rows, 'Typ', 'Max').filter((row) => row.Typ === 'region');
    expect(regionSections.map((row) => [row.n, row['Andel av max, medel (%)'], row.Anmärkning])).toEqual([
      [0, null, NO_REGION],
      [0, null, NO_REGION],
    ]);
  });

  it('says nobody answered on the network row when no organisation did', () => {
    // Arrange: the five asked, none submitted
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses: [], organisations: asked });
    // Act
    const groups = block(aggregateRows(report), 'Grupp', 'Svarande');
    // Assert
    expect(groups.map((row) => [row.Grupp, row.Svarande, row.Organisationer, row.Anmärkning])).toEqual([
      ['Alla', 0, 5, 'Inga svar att visa (ingen organisation har skickat in svar)'],
      ['Kommuner', 0, 3, 'Inga svar att visa (ingen kommun har skickat in svar)'],
      ['Regioner', 0, 2, NO_REGION],
    ]);
  });

  it('writes the counts as numbers and the note as text in the xlsx', async () => {
    // Arrange
    const report = threeKommunerNoRegion(asked);
    const table = responseTable({ surveys, organisations: [], responses: new Map() });
    // Act
    const bytes = await responsesWorkbook(table, report);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    // Assert: the cells as a reader opening the file gets them
    const sheet = workbook.getWorksheet('Klimatläget')!;
    const rows = sheetRows(sheet);
    const header = rows.find((row) => row[0] === 'Grupp' && row.includes('Svarande'))!;
    // sheetRows keeps the sheet's row numbers as indices
    const index = rows.findIndex((row) => row[0] === 'Regioner');
    const cell = (name: string) => sheet.getRow(index).getCell(header.indexOf(name) + 1);
    expect(['Svarande', 'Organisationer', 'Befriade', 'Baskrav uppfyllda'].map((name) => cell(name).value)).toEqual([
      0, 2, 0, 0,
    ]);
    expect(cell('Svarande').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('Andel av max, medel (%)').value).toBeNull();
    expect([cell('Anmärkning').value, cell('Anmärkning').type]).toEqual([NO_REGION, ExcelJS.ValueType.String]);
  });
});
