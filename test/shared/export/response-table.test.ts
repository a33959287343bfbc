import { describe, expect, it } from 'vitest';
import { aggregateRows, answerCell, responseTable } from '../../../shared/export/response-table';
import { aggregateKlimatlaget } from '../../../shared/klimatlaget/aggregate';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';

const survey = makeSurvey();

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
    const data = { G1: true, G2: true, q1: 'ja' };
    const submitted = (id: string) => ({
      organisationId: id,
      organisationType: 'kommun' as const,
      status: 'submitted' as const,
      data,
      score: score(survey, data),
    });
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: { kommun: survey, region: survey },
      responses: [submitted('0001'), submitted('0002'), submitted('0003')],
    });
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
  const submitted = (id: string) => {
    const data = { G1: true, G2: true };
    return {
      organisationId: id,
      organisationType: 'kommun' as const,
      status: 'submitted' as const,
      data,
      score: score(survey, data),
    };
  };

  it("carries the change per inhabitant since 1990 beside Sweden's, as the report shows it", () => {
    // Arrange: 10 → 4 t per inhabitant (−60 %), 5 → 4 t (−20 %) and 8 → 4 t (−50 %); three, as
    // figures over fewer organisations are withheld
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: { kommun: survey, region: survey },
      responses: [submitted('0001'), submitted('0002'), submitted('0003')],
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
