import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../../functions/features/campaigns/default-surveys';
import {
  type AggregateResponse,
  aggregateKlimatlaget,
  KlimatlagetReportSchema,
  median,
  NATIONAL_EMISSIONS_DEFAULT,
  stat,
} from '../../../shared/klimatlaget/index';
import { sampleAnswers } from '../../../shared/scoring/sample-answers';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';

/** The fixture survey (max 10): gates G1, G2; page a (q1 ja/delvis/nej, q2, q2b after q2, q3); page b (c1, n1). */
const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };
const PASS = { G1: true, G2: true };

function submitted(id: string, data: Record<string, unknown>, type: 'kommun' | 'region' = 'kommun'): AggregateResponse {
  return { organisationId: id, organisationType: type, status: 'submitted', data, score: score(survey, data) };
}

function draft(id: string, data: Record<string, unknown>, type: 'kommun' | 'region' = 'kommun'): AggregateResponse {
  return { organisationId: id, organisationType: type, status: 'draft', data };
}

const question = (report: ReturnType<typeof aggregateKlimatlaget>, name: string) =>
  report.byType.kommun.questions.find((q) => q.name === name)!;

describe('median and mean', () => {
  it.each([
    ['no values', [], 0],
    ['one value', [0.4], 0.4],
    ['an odd count takes the middle value', [0.9, 0.1, 0.5], 0.5],
    ['an even count takes the mean of the two middle values', [0.2, 0.8, 0.4, 0.6], 0.5],
    ['unsorted input with repeats', [1, 0, 0, 1, 1], 1],
  ])('gives the median of %s', (_case, values, expected) => {
    expect(median(values)).toBeCloseTo(expected, 10);
  });

  it('rounds mean and median to four decimals', () => {
    expect(stat([1, 0, 0])).toEqual({ mean: 0.3333, median: 0 });
  });
});

describe('aggregateKlimatlaget: yes-shares and distributions', () => {
  it('counts only submitted responses, so a non-respondent or a draft is never a "no"', () => {
    // Arrange: two submitted yes, one submitted no, a draft no, and an organisation without a response
    const responses = [
      submitted('0001', { ...PASS, q2: true }),
      submitted('0002', { ...PASS, q2: true }),
      submitted('0003', { ...PASS, q2: false }),
      draft('0004', { q2: false }),
    ];
    // Act
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses,
      organisations: ['0001', '0002', '0003', '0004', '0005'].map((id) => ({ id, type: 'kommun' as const })),
    });
    // Assert
    expect(question(report, 'q2')).toMatchObject({ n: 3, yes: { value: true, count: 2, share: 0.6667 } });
    expect(report).toMatchObject({ respondents: 3, organisations: 5 });
  });

  it.each([
    ['a boolean: yes is true', 'q3', [true, false, false, true], { value: true, count: 2, share: 0.5 }],
    [
      'a single choice: yes is the highest-scored choice',
      'q1',
      ['ja', 'delvis', 'nej', 'ja'],
      { value: 'ja', count: 2, share: 0.5 },
    ],
    [
      'a gate question counts its yes-share too',
      'G1',
      [true, true, true, false],
      { value: true, count: 3, share: 0.75 },
    ],
  ])('gives the yes-share of %s', (_case, name, answers, yes) => {
    // Arrange
    const responses = answers.map((answer, i) => submitted(`000${i}`, { ...PASS, [name]: answer }));
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(question(report, name)).toMatchObject({ n: 4, yes });
  });

  it('leaves unanswered and hidden questions out of n', () => {
    // Arrange: q2b is only shown after q2 = true; a stored answer to a hidden q2b is ignored
    const responses = [
      submitted('0001', { ...PASS, q2: true, q2b: true }),
      submitted('0002', { ...PASS, q2: false, q2b: true }),
      submitted('0003', { ...PASS, q2: true }),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(question(report, 'q2b')).toMatchObject({ n: 1, yes: { count: 1, share: 1 } });
  });

  it('gives the distribution of choices, where checkbox shares may sum above 1', () => {
    // Arrange
    const responses = [
      submitted('0001', { ...PASS, q1: 'ja', c1: ['x', 'y'] }),
      submitted('0002', { ...PASS, q1: 'delvis', c1: ['x'] }),
      submitted('0003', { ...PASS, c1: [] }),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(question(report, 'q1').distribution).toEqual([
      { value: 'ja', text: 'ja', count: 1, share: 0.5 },
      { value: 'delvis', text: 'delvis', count: 1, share: 0.5 },
      { value: 'nej', text: 'nej', count: 0, share: 0 },
    ]);
    expect(question(report, 'c1')).toMatchObject({ n: 2, yes: null });
    expect(question(report, 'c1').distribution?.map((d) => [d.value, d.count, d.share])).toEqual([
      ['x', 2, 1],
      ['y', 1, 0.5],
      ['z', 0, 0],
    ]);
  });

  it('distributes a scored number question over its bands', () => {
    const responses = [10, 60, 79.9, 80, 500].map((n1, i) => submitted(`000${i}`, { ...PASS, n1 }));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    expect(question(report, 'n1').distribution?.map((d) => [d.text, d.count])).toEqual([
      ['< 50', 1],
      ['50–80', 2],
      ['≥ 80', 2],
    ]);
  });
});

describe('aggregateKlimatlaget: sections, bands and types', () => {
  it('gives the mean and median share of maximum per section with points', () => {
    // Arrange: page a (max 5) at 5, 2 and 1 points; page b (max 5) at 0, 0 and 5
    const responses = [
      submitted('0001', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true }),
      submitted('0002', { ...PASS, q1: 'ja' }),
      submitted('0003', { ...PASS, q1: 'delvis', c1: ['x', 'y'], n1: 90 }),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(report.byType.kommun.sections).toEqual([
      { name: 'a', title: 'a', max: 5, n: 3, mean: 0.5333, median: 0.4 },
      { name: 'b', title: 'b', max: 5, n: 3, mean: 0.3333, median: 0 },
    ]);
  });

  it.each([
    ['A at exactly 0.8', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, c1: ['x', 'y'], n1: 60 }, 'A'],
    ['B at 0.6', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, n1: 60 }, 'B'],
    ['C at 0.4', { ...PASS, q1: 'ja', q2: true, q2b: true }, 'C'],
    ['D at 0.3', { ...PASS, q1: 'ja', q2: true }, 'D'],
    ['no band when a gate fails', { G1: true, G2: false, q1: 'ja', q2: true, q2b: true, q3: true, n1: 90 }, null],
  ])('counts a respondent with %s in its band', (_case, data, band) => {
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses: [submitted('0001', data)] });
    const counts = Object.fromEntries(report.bands.map((b) => [String(b.band), b.count]));
    expect(counts).toEqual({ A: 0, B: 0, C: 0, D: 0, null: 0, [String(band)]: 1 });
    expect(report.gatePassed).toBe(band === null ? 0 : 1);
  });

  it('gives the same figures by organisation type', () => {
    // Arrange
    const responses = [
      submitted('0001', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, n1: 90 }),
      submitted('0002', { ...PASS }),
      submitted('01', { ...PASS, q1: 'delvis' }, 'region'),
    ];
    const organisations = [
      { id: '0001', type: 'kommun' as const },
      { id: '0002', type: 'kommun' as const },
      { id: '0003', type: 'kommun' as const },
      { id: '01', type: 'region' as const },
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, organisations });
    // Assert
    expect(report).toMatchObject({ respondents: 3, organisations: 4, total: { mean: 0.3, median: 0.1 } });
    expect(report.byType.kommun).toMatchObject({ respondents: 2, organisations: 3, total: { mean: 0.4, median: 0.4 } });
    expect(report.byType.region).toMatchObject({ respondents: 1, organisations: 1, total: { mean: 0.1, median: 0.1 } });
    expect(report.byType.region.questions.find((q) => q.name === 'q1')?.n).toBe(1);
  });

  it('leaves an excused organisation out of the organisations asked, unless it submitted', () => {
    const responses: AggregateResponse[] = [
      { ...draft('0002', {}), excused: true },
      { ...submitted('0003', { ...PASS }), excused: true },
    ];
    const organisations = ['0001', '0002', '0003'].map((id) => ({ id, type: 'kommun' as const }));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, organisations });
    expect(report).toMatchObject({ respondents: 1, organisations: 2, excused: 1 });
  });
});

describe('aggregateKlimatlaget: year on year', () => {
  const share = (points: number) => ({ ...score(survey, {}), share: points / 10 });
  const withShare = (id: string, points: number, status = 'submitted'): AggregateResponse => ({
    organisationId: id,
    organisationType: 'kommun',
    status,
    data: {},
    score: share(points),
  });

  it.each([
    ['nobody answered last year', [], null],
    [
      'only organisations that submitted both years count',
      [withShare('0001', 4), withShare('0002', 8), withShare('0009', 1), withShare('0003', 2, 'draft')],
      {
        organisations: 2,
        previous: { mean: 0.6 },
        current: { mean: 0.6 },
        change: { mean: 0 },
        improved: 1,
        unchanged: 0,
        declined: 1,
      },
    ],
    [
      'an unchanged share is neither better nor worse',
      [withShare('0001', 6), withShare('0002', 2), withShare('0003', 5)],
      { organisations: 3, change: { mean: 0.0667, median: 0 }, improved: 1, unchanged: 1, declined: 1 },
    ],
  ])('compares with last year when %s', (_case, previous, expected) => {
    // Arrange: this year 0001 at 6, 0002 at 6, 0003 at 3 (0003 only a draft last year in case 2)
    const responses = [withShare('0001', 6), withShare('0002', 6), withShare('0003', 3)];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    // Assert
    if (expected === null) expect(report.yearOnYear).toBeNull();
    else expect(report.yearOnYear).toMatchObject(expected);
    expect(report.byType.kommun.yearOnYear).toEqual(report.yearOnYear);
  });
});

describe('aggregateKlimatlaget: emissions', () => {
  const rows = (tonnes: number, population: number, year = 2023) => [
    { year, sector: 'transporter', tonnesCO2e: tonnes / 2, population },
    { year, sector: 'industri', tonnesCO2e: tonnes / 2, population },
    { year, sector: 'utrikes-transporter', tonnesCO2e: 999_999, population },
  ];

  it('compares the network per inhabitant with the documented national figure', () => {
    // Arrange: 2 t and 4 t per inhabitant; a non-respondent's emissions are ignored
    const responses = [submitted('0001', PASS), submitted('0002', PASS), draft('0003', {})];
    const emissions = { '0001': rows(200_000, 100_000), '0002': rows(40_000, 10_000), '0003': rows(1, 1) };
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    // Assert
    expect(report.emissions).toMatchObject({
      basis: 'kommun',
      organisations: 2,
      latestYear: 2023,
      perInhabitant: { mean: 3, median: 3 },
      weightedPerInhabitant: 2.182,
      national: NATIONAL_EMISSIONS_DEFAULT,
      trend: [{ year: 2023, perInhabitant: 2.182, organisations: 2 }],
    });
  });

  it('computes the national figure from imported national rows when given', () => {
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: [submitted('0001', PASS)],
      emissions: { '0001': rows(30_000, 10_000) },
      nationalEmissions: rows(44_000_000, 10_500_000, 2022),
    });
    expect(report.emissions?.national).toMatchObject({ perInhabitant: 4.1905, year: 2022 });
  });

  it('has no emissions section when nothing is imported', () => {
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses: [submitted('0001', PASS)] });
    expect(report.emissions).toBeNull();
  });
});

describe('aggregateKlimatlaget: the shape of the report', () => {
  it('names no organisation and stays far below the 400 KB item limit with 300 respondents', () => {
    // Arrange: the shipped surveys, 290 kommuner and 10 regions with random answers
    const kommun = sampleAnswers(DEFAULT_SURVEYS.kommun, 290, 7);
    const region = sampleAnswers(DEFAULT_SURVEYS.region, 10, 8);
    const responses: AggregateResponse[] = [
      ...kommun.map((data, i) => ({
        organisationId: String(1000 + i),
        organisationType: 'kommun' as const,
        status: 'submitted',
        data,
        score: score(DEFAULT_SURVEYS.kommun, data),
      })),
      ...region.map((data, i) => ({
        organisationId: String(10 + i),
        organisationType: 'region' as const,
        status: 'submitted',
        data,
        score: score(DEFAULT_SURVEYS.region, data),
      })),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses });
    const json = JSON.stringify(report);
    // Assert
    expect(KlimatlagetReportSchema.parse(report)).toEqual(report);
    expect(report.respondents).toBe(300);
    expect(json).not.toMatch(/"1000"|organisationId/);
    expect(Buffer.byteLength(json)).toBeLessThan(60 * 1024);
  });
});
