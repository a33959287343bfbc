import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { type AggregateResponse, aggregateKlimatlaget } from '../../shared/klimatlaget/index';
import { score } from '../../shared/scoring/score';
import type { PublishedReport, QuestionAggregate, TypeAggregate } from '../../web/src/api/types';
import { barChartHeight, wrapLabel } from '../../web/src/components/charts/chart-spec';
import { formatPointChange } from '../../web/src/lib/format';
import {
  areasOf,
  bandLegend,
  choiceTextOf,
  countedAnswer,
  countedChoice,
  distributionQuestions,
  extremes,
  hasEnglishTitles,
  isWithheld,
  latestCoverage,
  localised,
  scoredRespondents,
  titleOf,
  trendColumns,
  trendLabel,
  yesQuestions,
} from '../../web/src/pages/klimatlaget/report-model';
import { completeKommunAnswers } from '../helpers/complete-answers';

function question(overrides: Partial<QuestionAggregate>): QuestionAggregate {
  return {
    name: 'Q',
    title: 'Fråga?',
    section: 'mal',
    type: 'boolean',
    gate: false,
    n: 10,
    yes: { value: true, count: 5, share: 0.5 },
    distribution: null,
    ...overrides,
  };
}

const aggregate = (questions: QuestionAggregate[]): TypeAggregate =>
  ({
    respondents: 10,
    organisations: 12,
    excused: 0,
    total: { mean: 0.5, median: 0.5 },
    gatePassed: 4,
    bands: [],
    yearOnYear: null,
    emissions: null,
    max: 20,
    sections: [
      { name: 'mal', title: 'Mål', max: 15, n: 10, mean: 0.5, median: 0.5 },
      { name: 'energi', title: 'Energi', max: 5, n: 10, mean: 0.4, median: 0.4 },
    ],
    questions,
  }) as TypeAggregate;

describe('Klimatläget report model', () => {
  it('groups questions by area in survey order, naming the gate page that has no points', () => {
    // Arrange
    const questions = [
      question({ name: 'B1', section: 'baskrav', gate: true }),
      question({ name: 'M1', section: 'mal' }),
      question({ name: 'E1', section: 'energi' }),
      question({ name: 'M2', section: 'mal' }),
    ];
    // Act
    const areas = areasOf(aggregate(questions), () => 'Baskrav');
    // Assert
    expect(areas.map((a) => [a.name, a.title, a.max, a.questions.map((q) => q.name)])).toEqual([
      ['baskrav', 'Baskrav', 0, ['B1']],
      ['mal', 'Mål', 15, ['M1', 'M2']],
      ['energi', 'Energi', 5, ['E1']],
    ]);
  });

  it('charts questions with a yes-share and tables those with a distribution', () => {
    // Arrange
    const radio = question({
      name: 'M4',
      type: 'radiogroup',
      yes: { value: 'ja', count: 8, share: 0.38 },
      distribution: [
        { value: 'ja', text: 'Ja, beslutad', count: 8, share: 0.38 },
        { value: 'nej', text: 'Nej', count: 13, share: 0.62 },
      ],
    });
    const checkbox = question({
      name: 'M7',
      type: 'checkbox',
      yes: null,
      distribution: [{ value: 'a', text: 'A', count: 3, share: 0.3 }],
    });
    const [area] = areasOf(aggregate([question({ name: 'M1' }), radio, checkbox]), () => '');
    // Act and assert
    expect(yesQuestions(area!).map((q) => q.name)).toEqual(['M1', 'M4']);
    expect(distributionQuestions(area!).map((q) => q.name)).toEqual(['M4', 'M7']);
    expect(countedAnswer(radio)).toBe('Ja, beslutad');
    expect(countedAnswer(question({}))).toBeNull();
  });

  it('finds the highest and lowest yes-share among answered questions only', () => {
    // Arrange: C nobody answered; D's answers are withheld (its share is not a 0 %)
    const questions = [
      question({ name: 'A', yes: { value: true, count: 9, share: 0.9 } }),
      question({ name: 'B', yes: { value: true, count: 1, share: 0.1 } }),
      question({ name: 'C', n: 0, yes: { value: true, count: 0, share: 0 } }),
      question({ name: 'D', n: 2, yes: { value: true, count: null, share: null }, suppressed: true }),
    ];
    // Act
    const ends = extremes(questions);
    // Assert
    expect([ends?.highest.name, ends?.lowest.name]).toEqual(['A', 'B']);
    expect(extremes([])).toBeNull();
  });
});

describe('chart labels', () => {
  it('wraps at spaces within the width and never drops words', () => {
    // Act
    const lines = wrapLabel('Finns ett politiskt beslut om att kontinuerligt inventera växthusgasutsläppen?', 20);
    // Assert
    expect(lines.every((line) => line.length <= 20 || !line.includes(' '))).toBe(true);
    expect(lines.join(' ')).toBe('Finns ett politiskt beslut om att kontinuerligt inventera växthusgasutsläppen?');
  });

  it('gives every category band room for the label with the most lines', () => {
    // Act
    const oneLine = barChartHeight(['a', 'b'], 1);
    const threeLines = barChartHeight(['a', ['b', 'c', 'd']], 1);
    // Assert
    expect(threeLines - 60).toBe(2 * (3 * 13 * 1.25 + 12));
    expect(threeLines).toBeGreaterThan(oneLine);
  });
});

type Report = PublishedReport['report'];

/** A submitted response with its stored score, as publish aggregates it. */
function response(id: string, type: 'kommun' | 'region', data: Record<string, unknown>): AggregateResponse {
  return {
    organisationId: id,
    organisationType: type,
    status: 'submitted',
    data,
    score: score(DEFAULT_SURVEYS[type], data),
  };
}

/** Drops the kommun survey's answers on one page, so this year and last year differ by that page's points. */
function without(data: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith(prefix)));
}

describe('report texts in the page language', () => {
  it('shows English when the snapshot has it, else Swedish marked as Swedish', () => {
    expect(localised('en', 'Energi', 'Energy')).toEqual({ text: 'Energy', lang: undefined });
    expect(localised('en', 'Energi', undefined)).toEqual({ text: 'Energi', lang: 'sv' });
    expect(localised('en', 'Energi', ' ')).toEqual({ text: 'Energi', lang: 'sv' });
    expect(localised('sv', 'Energi', 'Energy')).toEqual({ text: 'Energi', lang: undefined });
    expect(titleOf({ title: 'Mål' }, 'en')).toEqual({ text: 'Mål', lang: 'sv' });
    expect(choiceTextOf({ text: 'Nej', textEn: 'No' }, 'en')).toEqual({ text: 'No', lang: undefined });
  });

  it('names the counted answer of a single choice in the page language', () => {
    // Arrange
    const radio = question({
      name: 'M4',
      type: 'radiogroup',
      yes: { value: 'ja', count: 1, share: 1 },
      distribution: [{ value: 'ja', text: 'Ja, beslutad', textEn: 'Yes, decided', count: 1, share: 1 }],
    });
    // Act and assert
    expect(countedChoice(radio, 'en')).toEqual({ text: 'Yes, decided', lang: undefined });
    expect(countedChoice(radio, 'sv')).toEqual({ text: 'Ja, beslutad', lang: undefined });
    expect(countedChoice(question({}), 'en')).toBeNull();
  });

  it('carries an area title in both languages, and tells whether a report has English at all', () => {
    // Arrange: the shipped surveys have English; strip it to get a report as published before
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: [response('1281', 'kommun', completeKommunAnswers())],
    });
    const old = JSON.parse(
      JSON.stringify(report, (key, value) => (/^(titleEn|textEn)$/.test(key) ? undefined : value)),
    );
    // Act
    const energy = areasOf(report.byType.kommun, () => 'Baskrav').find((a) => a.name === 'energi')!;
    const oldEnergy = areasOf(old.byType.kommun, () => 'Baskrav').find((a) => a.name === 'energi')!;
    // Assert
    expect(titleOf(energy, 'en')).toEqual({ text: 'Energy', lang: undefined });
    expect(titleOf(oldEnergy, 'en')).toEqual({ text: 'Energi', lang: 'sv' });
    expect([hasEnglishTitles(report), hasEnglishTitles(old)]).toEqual([true, false]);
  });

  it('names the gate area in the page language, never marked as Swedish (the name is the app’s own text)', () => {
    // Arrange: the gate page has no points, so no section aggregate: the app names it
    const areas = areasOf(
      aggregate([question({ name: 'B1', section: 'baskrav', gate: true })]),
      () => 'Basic requirements',
    );
    // Act
    const gates = titleOf(areas[0]!, 'en');
    // Assert: no lang="sv" on "Basic requirements"
    expect(gates).toEqual({ text: 'Basic requirements', lang: undefined });
    expect(titleOf(areasOf(aggregate([question({ section: 'baskrav' })]), () => 'Baskrav')[0]!, 'sv')).toEqual({
      text: 'Baskrav',
      lang: undefined,
    });
  });
});

describe('band legend', () => {
  const report = aggregateKlimatlaget({
    year: 2026,
    surveys: DEFAULT_SURVEYS,
    responses: [response('1281', 'kommun', completeKommunAnswers())],
  }) as Report;

  it('gives each band its share of maximum and the points it takes per type, from the snapshot bands', () => {
    // Act
    const rows = bandLegend(report, ['kommun', 'region'])!;
    // Assert: the points are the share of each survey's own maximum (66 and 42 points)
    const points = (share: number, max: number) => Math.ceil(share * max * 10 - 1e-6) / 10;
    const { max: kommunMax } = report.byType.kommun;
    const { max: regionMax } = report.byType.region;
    expect(rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(rows.map((r) => r.shares)).toEqual([
      [{ min: 0.8, below: null }],
      [{ min: 0.6, below: 0.8 }],
      [{ min: 0.4, below: 0.6 }],
      [{ min: null, below: 0.4 }],
    ]);
    expect(rows[0]!.points).toEqual({
      kommun: { min: points(0.8, kommunMax), below: null },
      region: { min: points(0.8, regionMax), below: null },
    });
    expect(rows[0]!.points.kommun?.min).toBe(52.8);
    expect(rows[1]!.points.region).toEqual({ min: 25.2, below: 33.6 });
    expect(rows[3]!.points.kommun).toEqual({ min: null, below: 26.4 });
    expect(bandLegend(report, ['kommun'])!.every((r) => r.points.region === undefined)).toBe(true);
  });

  it('follows custom bands, and gives one share per type when the types differ', () => {
    // Arrange: the regions use two bands of their own
    const custom = structuredClone(report);
    custom.byType.region.scoreBands = [
      { minShare: 0.75, label: 'A' },
      { minShare: 0, label: 'Godkänd' },
    ];
    // Act
    const rows = bandLegend(custom, ['kommun', 'region'])!;
    // Assert
    expect(rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'Godkänd']);
    expect(rows[0]!.shares).toEqual([
      { min: 0.8, below: null },
      { min: 0.75, below: null },
    ]);
    expect(rows[0]!.points.region).toEqual({ min: 31.5, below: null });
    expect(rows[1]!.shares).toEqual([{ min: 0.6, below: 0.8 }]);
    expect(rows[4]!).toEqual({
      label: 'Godkänd',
      shares: [{ min: null, below: 0.75 }],
      points: { region: { min: null, below: 31.5 } },
    });
  });

  it('rounds points up to a tenth, so "at least" never asks for less than the threshold', () => {
    const custom = structuredClone(report);
    custom.byType.kommun.scoreBands = [{ minShare: 1 / 3, label: 'X' }];
    custom.byType.kommun.max = 10;
    expect(bandLegend(custom, ['kommun'])![0]!.points.kommun?.min).toBe(3.4);
  });

  it('has no legend for a report without bands', () => {
    const old = structuredClone(report);
    delete old.byType.kommun.scoreBands;
    delete old.byType.region.scoreBands;
    expect(bandLegend(old, ['kommun', 'region'])).toBeNull();
  });
});

describe('year-on-year change in the published report', () => {
  // Lund full answers last year and without the energy page this year; Malmö the other way round;
  // Uppsala full both years.
  const full = completeKommunAnswers();
  const previous = [
    response('1281', 'kommun', full),
    response('1280', 'kommun', without(full, 'E')),
    response('0380', 'kommun', full),
  ];
  const energyShare = () => {
    const { sections, max } = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses: [] }).byType
      .kommun;
    return sections.find((s) => s.name === 'energi')!.max / max;
  };

  it('compares only those that answered both years, so a newcomer does not move the change', () => {
    // Arrange: Lund loses the energy points, Malmö gains them, Stockholm, Göteborg and Umeå are new
    // (three: with one or two new, the change's means are withheld, suppression.test.ts)
    const current = [
      response('1281', 'kommun', without(full, 'E')),
      response('1280', 'kommun', full),
      response('0380', 'kommun', full),
      response('0180', 'kommun', full),
      response('1480', 'kommun', full),
      response('2480', 'kommun', full),
    ];
    // Act
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: current,
      previous: { responses: previous },
    });
    // Assert: the energy page's share of the maximum, once up and once down
    expect(report.yearOnYear).toMatchObject({ organisations: 3, improved: 1, declined: 1, unchanged: 1 });
    expect(report.yearOnYear!.change!.mean).toBeCloseTo(0, 4);
    expect(report.yearOnYear!.current!.mean).toBeCloseTo(report.yearOnYear!.previous!.mean, 4);
    const lund = previous[0]!.score!.share - score(DEFAULT_SURVEYS.kommun, without(full, 'E')).share;
    expect(lund).toBeCloseTo(energyShare(), 4);
    expect(report.byType.kommun.yearOnYear).toEqual(report.yearOnYear);
    expect(report.byType.region.yearOnYear).toBeNull();
  });

  it('shows the mean change in percentage points with its sign, as the key figure does', () => {
    // Arrange: all three gain the energy page
    const ids = ['1281', '1280', '0380'];
    const before = ids.map((id) => response(id, 'kommun', without(full, 'E')));
    const after = ids.map((id) => response(id, 'kommun', full));
    // Act
    const up = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: after,
      previous: { responses: before },
    });
    const down = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: before,
      previous: { responses: after },
    });
    // Assert
    const points = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      energyShare() * 100,
    );
    expect(up.yearOnYear).toMatchObject({ organisations: 3, improved: 3, declined: 0 });
    expect(formatPointChange(up.yearOnYear!.change!.mean, 'sv')).toBe(`+${points.replace('.', ',')}`);
    expect(formatPointChange(down.yearOnYear!.change!.mean, 'en')).toBe(`-${points}`);
    expect(down.yearOnYear).toMatchObject({ improved: 0, declined: 3 });
  });

  it('splits the change by type, and has none without last year', () => {
    // Arrange: three regions answer both years too, the same way
    const regions = ['12', '13', '14'].map((id) => response(id, 'region', {}));
    const current = [...previous, ...regions];
    // Act
    const both = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: current,
      previous: { responses: [...previous, ...regions] },
    });
    const first = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses: current });
    // Assert
    expect(both.yearOnYear?.organisations).toBe(6);
    expect(both.byType.kommun.yearOnYear).toMatchObject({ organisations: 3, unchanged: 3 });
    expect(both.byType.region.yearOnYear).toMatchObject({ organisations: 3, unchanged: 3 });
    expect(first.yearOnYear).toBeNull();
  });
});

describe('emissions as the page states them', () => {
  const trend = [
    { year: 2022, perInhabitant: 3.1, organisations: 6 },
    { year: 2023, perInhabitant: 2.8, organisations: 4 },
  ];

  it("names the headline year's own count: the weighted figure covers only those with data that year", () => {
    expect(latestCoverage({ trend })).toEqual({ year: 2023, organisations: 4 });
    expect(latestCoverage({ trend: [] })).toBeNull();
  });

  it('marks missing years with a gap column, so 1990 does not stand beside 2010 as its neighbour', () => {
    const columns = trendColumns([
      { year: 1990, perInhabitant: 7.4, organisations: 4 },
      { year: 2010, perInhabitant: 5.2, organisations: 6 },
      { year: 2011, perInhabitant: 5, organisations: 6 },
      { year: 2015, perInhabitant: 4.1, organisations: 6 },
    ]);
    expect(columns).toEqual([
      { year: 1990, perInhabitant: 7.4, organisations: 4 },
      { gapFrom: 1991, gapTo: 2009 },
      { year: 2010, perInhabitant: 5.2, organisations: 6 },
      { year: 2011, perInhabitant: 5, organisations: 6 },
      { gapFrom: 2012, gapTo: 2014 },
      { year: 2015, perInhabitant: 4.1, organisations: 6 },
    ]);
    expect(trendColumns(trend)).toEqual(trend);
  });

  it('puts the number of organisations under each year, as each year rests on its own set of them', () => {
    // Arrange: 1990 from 2 organisations (withheld), 2010 on from 6
    const columns = trendColumns([
      { year: 1990, perInhabitant: null, organisations: 2 },
      { year: 2010, perInhabitant: 5.2, organisations: 6 },
    ]);
    // Act
    const labels = columns.map((c) => trendLabel(c));
    // Assert: the gap column keeps its "…"; a withheld year has its count but no value
    expect(labels).toEqual([['1990', 'n = 2'], '…', ['2010', 'n = 6']]);
    expect(columns.map((c) => trendLabel(c, true))).toEqual(['1990 (n = 2)', '…', '2010 (n = 6)']);
    expect(columns[0]).toMatchObject({ perInhabitant: null });
    expect(barChartHeight(labels, 1)).toBeGreaterThan(barChartHeight(['1990', '…', '2010'], 1));
  });

  it("computes the key figure's count from the published report, not from every organisation with data", () => {
    // Arrange: three kommuner with data for 2023, a fourth whose latest year is 2022
    const rows = (year: number, tonnes: number) => [
      { year, sector: 'transporter', tonnesCO2e: tonnes, population: 1000 },
    ];
    const responses: AggregateResponse[] = ['0001', '0002', '0003', '0004'].map((id) => ({
      organisationId: id,
      organisationType: 'kommun',
      status: 'submitted',
      data: {},
    }));
    const report = aggregateKlimatlaget({
      year: 2024,
      surveys: DEFAULT_SURVEYS,
      responses,
      emissions: {
        '0001': rows(2023, 3000),
        '0002': rows(2023, 2000),
        '0004': rows(2023, 1000),
        '0003': rows(2022, 9000),
      },
    });
    // Act and assert
    expect(report.emissions?.organisations).toBe(4);
    expect(latestCoverage(report.emissions!)).toEqual({ year: 2023, organisations: 3 });
    expect(report.emissions?.weightedPerInhabitant).toBe(2);
  });
});

describe('withheld figures as the page reads them', () => {
  const full = completeKommunAnswers();
  const kommuner = ['1281', '1280', '0380'].map((id) => response(id, 'kommun', full));

  it('marks a type with too few respondents as withheld, and one without respondents as not', () => {
    // Arrange: three kommuner and one region
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: [...kommuner, response('12', 'region', {})],
    }) as Report;
    const none = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses: kommuner }) as Report;
    // Act and assert
    expect(isWithheld(report.byType.region)).toBe(true);
    expect(isWithheld(report.byType.kommun)).toBe(false);
    expect(isWithheld(none.byType.region)).toBe(false);
    expect(none.byType.region.total).toBeNull();
  });

  it("counts the network's basic requirements and bands over the respondents they rest on", () => {
    // Arrange: the region is too few, so the network's figures are the three kommuner's
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: [...kommuner, response('12', 'region', {})],
    }) as Report;
    // Act and assert: "3 av 3", not "3 av 4"
    expect(report.respondents).toBe(4);
    expect(scoredRespondents(report)).toBe(3);
    expect(report.bands?.reduce((sum, b) => sum + b.count, 0)).toBe(3);
    expect(report.gatePassed).toBe(3);
  });

  it('leaves a withheld question out of the area chart, and charts no 0 % for it', () => {
    // Arrange: a shown type in which two answered a follow-up
    const [area] = areasOf(
      aggregate([
        question({ name: 'M4', yes: { value: true, count: 2, share: 0.2 } }),
        question({
          name: 'M4b',
          followUp: true,
          n: 2,
          yes: { value: true, count: null, share: null },
          suppressed: true,
        }),
      ]),
      () => '',
    );
    // Act
    const charted = yesQuestions(area!);
    // Assert: still listed (its title and why it has no bar), its value null
    expect(charted.map((q) => [q.name, q.yes?.share])).toEqual([
      ['M4', 0.2],
      ['M4b', null],
    ]);
    expect(extremes(charted)).toMatchObject({ highest: { name: 'M4' }, lowest: { name: 'M4' } });
  });
});
