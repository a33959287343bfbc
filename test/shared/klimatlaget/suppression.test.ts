import { describe, expect, it } from 'vitest';
import {
  type AggregateResponse,
  aggregateKlimatlaget,
  type KlimatlagetReport,
  KlimatlagetReportSchema,
  MIN_GROUP_SIZE,
  ReportRevisionSchema,
  scoringRulesOf,
  stat,
  type TypeAggregate,
  withholdSmallGroups,
  withReportDefaults,
} from '../../../shared/klimatlaget/index';
import type { EmissionRow } from '../../../shared/scoring/emission-outcome.schema';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';

/** The fixture survey (max 10): gates G1, G2; page a (q1, q2, q2b after q2, q3); page b (c1, n1). */
const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };
const PASS = { G1: true, G2: true };
/** 8 of 10 points: band A. */
const STRONG = { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, n1: 90 };
/** 1 of 10 points and a failed basic requirement: no band. */
const WEAK = { G1: true, G2: false, q1: 'delvis' };

type Type = 'kommun' | 'region';

function submitted(id: string, type: Type, data: Record<string, unknown>): AggregateResponse {
  return { organisationId: id, organisationType: type, status: 'submitted', data, score: score(survey, data) };
}

/** `n` organisations of a type, each with the same answers. */
function group(type: Type, n: number, data: Record<string, unknown>, prefix = type === 'kommun' ? '10' : '2') {
  return Array.from({ length: n }, (_, i) => submitted(`${prefix}${i}`, type, data));
}

describe('MIN_GROUP_SIZE', () => {
  it("is 3: with 2, each of the two would learn the other one's answers", () => {
    expect(MIN_GROUP_SIZE).toBe(3);
  });
});

describe('aggregateKlimatlaget: a type with too few respondents', () => {
  it.each([1, 2])('publishes no score, band, area or answer figure of %i region(s), only how many answered', (n) => {
    // Arrange: three kommuner and n regions; Region Skåne's case in the review was n = 1
    const responses = [...group('kommun', 3, STRONG), ...group('region', n, WEAK)];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    const region = report.byType.region;
    expect(region).toMatchObject({ respondents: n, suppressed: true, total: null, gatePassed: null, bands: null });
    expect(region.sections.map((s) => [s.mean, s.median])).toEqual([
      [null, null],
      [null, null],
    ]);
    for (const q of region.questions) {
      // n too: a follow-up's n would tell how many gave the answer that opens it
      expect(q).toMatchObject({ n: null, suppressed: true });
      if (q.yes) expect(q.yes).toEqual({ value: q.yes.value, count: null, share: null });
      for (const choice of q.distribution ?? []) expect(choice).toMatchObject({ count: null, share: null });
    }
    // The basic requirement the review found: its texts stay, its answers do not
    expect(region.questions.find((q) => q.name === 'G2')).toEqual({
      name: 'G2',
      title: 'G2',
      section: 'baskrav',
      type: 'boolean',
      gate: true,
      n: null,
      yes: { value: true, count: null, share: null },
      distribution: null,
      suppressed: true,
    });
    expect(KlimatlagetReportSchema.parse(report)).toEqual(report);
  });

  it('shows every figure of a type with 3 respondents', () => {
    const responses = [...group('kommun', 3, STRONG), ...group('region', 3, WEAK)];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    expect(report.byType.region).toMatchObject({
      respondents: 3,
      total: { mean: 0.1, median: 0.1 },
      gatePassed: 0,
      bands: [
        { band: 'A', count: 0 },
        { band: 'B', count: 0 },
        { band: 'C', count: 0 },
        { band: 'D', count: 0 },
        { band: null, count: 3 },
      ],
    });
    expect(report.byType.region.suppressed).toBeUndefined();
    expect(report.byType.region.questions.find((q) => q.name === 'G2')).toMatchObject({
      n: 3,
      yes: { count: 0, share: 0 },
    });
    expect(report.byType.region.questions.every((q) => q.suppressed === undefined)).toBe(true);
    expect(report.excludedTypes).toBeUndefined();
    expect(report.total).toEqual({ mean: 0.45, median: 0.45 });
  });

  it('leaves the withheld type out of the network figures, which would otherwise give it away by subtraction', () => {
    // Arrange: the network over 4 minus the kommuner over 3 would be the one region's score and band
    const responses = [...group('kommun', 3, STRONG), ...group('region', 1, WEAK)];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert: the network's figures are the kommuner's; the counts of who answered still hold everyone
    expect(report).toMatchObject({ respondents: 4, excludedTypes: ['region'], minGroupSize: 3 });
    expect(report.total).toEqual(report.byType.kommun.total);
    expect(report.total).toEqual({ mean: 0.8, median: 0.8 });
    expect(report.gatePassed).toBe(3);
    expect(report.bands).toEqual(report.byType.kommun.bands);
    expect(report.bands?.find((b) => b.band === null)?.count).toBe(0);
  });

  it('shows the network over 3 when both types are too few, as no published figure can be subtracted from it', () => {
    const responses = [...group('kommun', 2, STRONG), ...group('region', 1, WEAK)];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    expect(report).toMatchObject({ respondents: 3, gatePassed: 2, total: { mean: 0.5667, median: 0.8 } });
    expect(report.excludedTypes).toBeUndefined();
    expect(report.byType.kommun).toMatchObject({ suppressed: true, total: null });
    expect(report.byType.region).toMatchObject({ suppressed: true, total: null });
  });

  it.each([
    ['one', 1],
    ['two', 2],
  ])('withholds the network itself when only %s organisation(s) answered', (_case, n) => {
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses: group('kommun', n, STRONG) });
    expect(report).toMatchObject({ respondents: n, suppressed: true, total: null, gatePassed: null, bands: null });
  });

  it('gives no mean or median of 0 for a type nobody answered, and nothing to withhold', () => {
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses: group('kommun', 3, STRONG) });
    const region = report.byType.region;
    expect(region).toMatchObject({ respondents: 0, total: null, gatePassed: null, bands: null });
    expect(region.suppressed).toBeUndefined();
    expect(region.sections.every((s) => s.n === 0 && s.mean === null && s.median === null)).toBe(true);
    expect(region.questions.every((q) => q.n === 0 && q.suppressed === undefined && q.yes?.share !== 0)).toBe(true);
    expect(report.excludedTypes).toBeUndefined();
  });
});

describe('aggregateKlimatlaget: a question shown to fewer than 3', () => {
  it.each([
    [1, true],
    [2, true],
    [3, false],
  ])('withholds the answers to a follow-up %i answered, but says how many (withheld: %s)', (n, withheld) => {
    // Arrange: five kommuner; q2b is asked only after q2 = Ja, which n of them answered
    const responses = Array.from({ length: 5 }, (_, i) =>
      submitted(`100${i}`, 'kommun', { ...PASS, q2: i < n, ...(i < n ? { q2b: true } : {}) }),
    );
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    const q2b = report.byType.kommun.questions.find((q) => q.name === 'q2b')!;
    const q2 = report.byType.kommun.questions.find((q) => q.name === 'q2')!;
    // q2's own split is published, so the follow-up's n tells nothing new
    expect(q2).toMatchObject({ n: 5, yes: { count: n } });
    if (withheld) expect(q2b).toMatchObject({ n, suppressed: true, yes: { value: true, count: null, share: null } });
    else expect(q2b).toMatchObject({ n, yes: { count: n, share: 1 } });
  });

  it('withholds the distribution of a choice question 2 answered', () => {
    const responses = [
      submitted('1001', 'kommun', { ...PASS, q1: 'ja', c1: ['x'] }),
      submitted('1002', 'kommun', { ...PASS, q1: 'nej', c1: ['y'] }),
      submitted('1003', 'kommun', { ...PASS }),
    ];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    const q1 = report.byType.kommun.questions.find((q) => q.name === 'q1')!;
    expect(q1.distribution?.map((c) => [c.text, c.count, c.share])).toEqual([
      ['ja', null, null],
      ['delvis', null, null],
      ['nej', null, null],
    ]);
    expect(q1).toMatchObject({ n: 2, suppressed: true });
  });
});

describe('aggregateKlimatlaget: year on year with too few pairs', () => {
  const withShare = (id: string, type: Type, points: number): AggregateResponse => ({
    organisationId: id,
    organisationType: type,
    status: 'submitted',
    data: {},
    score: { ...score(survey, {}), share: points / 10 },
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
  ])(
    'withholds the change of %i organisation(s) that answered both years, but says how many (withheld: %s)',
    (n, withheld) => {
      // Arrange: five kommuner this year, n of them last year too, each 5 → 6 points
      const responses = Array.from({ length: 5 }, (_, i) => withShare(`100${i}`, 'kommun', 6));
      const previous = Array.from({ length: n }, (_, i) => withShare(`100${i}`, 'kommun', 5));
      // Act
      const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
      // Assert
      if (withheld) {
        expect(report.yearOnYear).toEqual({
          organisations: n,
          previous: null,
          current: null,
          change: null,
          improved: null,
          unchanged: null,
          declined: null,
          suppressed: true,
        });
      } else {
        expect(report.yearOnYear).toMatchObject({ organisations: 3, change: { mean: 0.1 }, improved: 3 });
      }
      expect(report.byType.kommun.yearOnYear).toEqual(report.yearOnYear);
    },
  );

  it("leaves a type with too few pairs out of the network's change", () => {
    // Arrange: 3 kommuner 5 → 6 points, 1 region 5 → 1 point
    const responses = [
      ...['1001', '1002', '1003'].map((id) => withShare(id, 'kommun', 6)),
      withShare('21', 'region', 1),
    ];
    const previous = [
      ...['1001', '1002', '1003'].map((id) => withShare(id, 'kommun', 5)),
      withShare('21', 'region', 5),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    // Assert
    expect(report.byType.region.yearOnYear).toMatchObject({ organisations: 1, suppressed: true, change: null });
    expect(report.yearOnYear).toEqual({ ...report.byType.kommun.yearOnYear, excludedTypes: ['region'] });
    expect(report.yearOnYear).toMatchObject({ organisations: 3, declined: 0 });
  });
});

describe('aggregateKlimatlaget: emissions of too few organisations', () => {
  /** Tonnes and inhabitants of one year, as the import stores them. */
  const rows = (year: number, perInhabitant: number, population = 10_000): EmissionRow[] => [
    { year, sector: 'transporter', tonnesCO2e: perInhabitant * population, population },
  ];
  const kommuner = (n: number) => group('kommun', n, PASS);
  const emissionsOf = (ids: string[], of: (i: number) => EmissionRow[]) =>
    Object.fromEntries(ids.map((id, i) => [id, of(i)]));

  it.each([1, 2])(
    'withholds every emission figure of %i kommun(er), so one kommun is never shown as "the members"',
    (n) => {
      // Arrange: each kommun 2 t per inhabitant in 2023, 5 t in 1990
      const responses = kommuner(3);
      const ids = responses.slice(0, n).map((r) => r.organisationId);
      const emissions = emissionsOf(ids, () => [...rows(1990, 5), ...rows(2023, 2)]);
      // Act
      const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
      // Assert
      expect(report.emissions).toMatchObject({
        basis: 'kommun',
        organisations: n,
        latestYear: 2023,
        suppressed: true,
        perInhabitant: null,
        weightedPerInhabitant: null,
        changeSince1990: { organisations: n, mean: null, median: null },
        trend: [
          { year: 1990, perInhabitant: null, organisations: n },
          { year: 2023, perInhabitant: null, organisations: n },
        ],
      });
      expect(report.emissions?.national.perInhabitant).toBe(4.4);
    },
  );

  it('shows the figures of 3, and withholds only the years and the 1990 change that rest on fewer', () => {
    // Arrange: three kommuner with 2023; two of them with 2022 and 1990 as well
    const responses = kommuner(3);
    const ids = responses.map((r) => r.organisationId);
    const emissions = emissionsOf(ids, (i) =>
      i < 2 ? [...rows(1990, 5), ...rows(2022, 3), ...rows(2023, 2)] : rows(2023, 5),
    );
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    // Assert
    expect(report.emissions).toMatchObject({
      organisations: 3,
      perInhabitant: { mean: 3, median: 2 },
      weightedPerInhabitant: 3,
      changeSince1990: { organisations: 2, mean: null, median: null },
      trend: [
        { year: 1990, perInhabitant: null, organisations: 2 },
        { year: 2022, perInhabitant: null, organisations: 2 },
        { year: 2023, perInhabitant: 3, organisations: 3 },
      ],
    });
    expect(report.emissions?.suppressed).toBeUndefined();
  });

  it('withholds the key figure when its own year rests on fewer than 3, though more have data', () => {
    // Arrange: three kommuner with 2022; only one of them with 2023
    const responses = kommuner(3);
    const ids = responses.map((r) => r.organisationId);
    const emissions = emissionsOf(ids, (i) => (i === 0 ? [...rows(2022, 3), ...rows(2023, 2)] : rows(2022, 4)));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    expect(report.emissions).toMatchObject({
      organisations: 3,
      latestYear: 2023,
      perInhabitant: { mean: 3.333 },
      weightedPerInhabitant: null,
      trend: [
        { year: 2022, perInhabitant: 3.667, organisations: 3 },
        { year: 2023, perInhabitant: null, organisations: 1 },
      ],
    });
  });

  it('uses the regions for the network when too few kommuner have data and enough regions do', () => {
    // Arrange: one kommun and three regions with data
    const responses = [...kommuner(3), ...group('region', 3, PASS)];
    const emissions = {
      [responses[0]!.organisationId]: rows(2023, 2),
      ...emissionsOf(
        responses.slice(3).map((r) => r.organisationId),
        () => rows(2023, 4, 100_000),
      ),
    };
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    // Assert
    expect(report.byType.kommun.emissions).toMatchObject({ organisations: 1, suppressed: true });
    expect(report.emissions).toEqual(report.byType.region.emissions);
    expect(report.emissions).toMatchObject({ basis: 'region', organisations: 3, weightedPerInhabitant: 4 });
  });
});

/**
 * A snapshot as stored before small groups were withheld: three kommuner at 8 points and Region
 * Skåne alone at 1, with its own figures, and the network's figures over all four.
 */
function storedBeforeSuppression(): KlimatlagetReport {
  const shown = aggregateKlimatlaget({
    year: 2025,
    surveys,
    responses: [...group('kommun', 3, STRONG), ...group('region', 3, WEAK)],
  });
  // Three identical regions give one region's figures; its counts are a third of theirs.
  const one = (aggregate: TypeAggregate): TypeAggregate => ({
    ...aggregate,
    respondents: 1,
    organisations: 1,
    gatePassed: 0,
    bands: aggregate.bands!.map((b) => ({ ...b, count: b.count / 3 })),
    sections: aggregate.sections.map((s) => ({ ...s, n: 1 })),
    questions: aggregate.questions.map((q) => ({
      ...q,
      n: (q.n ?? 0) / 3,
      yes: q.yes && { ...q.yes, count: (q.yes.count ?? 0) / 3 },
      distribution: q.distribution === null ? null : q.distribution.map((c) => ({ ...c, count: (c.count ?? 0) / 3 })),
    })),
  });
  const kommun = shown.byType.kommun;
  return KlimatlagetReportSchema.parse({
    year: 2025,
    respondents: 4,
    organisations: 4,
    excused: 0,
    total: stat([0.8, 0.8, 0.8, 0.1]),
    gatePassed: 3,
    bands: kommun.bands!.map((b) => ({ ...b, count: b.count + (b.band === null ? 1 : 0) })),
    yearOnYear: null,
    emissions: null,
    byType: { kommun, region: one(shown.byType.region) },
  });
}

describe('snapshots stored before small groups were withheld', () => {
  it("still parse, so a stored report's own figures stay in the item", () => {
    const stored = storedBeforeSuppression();
    expect(stored.byType.region).toMatchObject({ respondents: 1, total: { mean: 0.1 }, gatePassed: 0 });
    expect(stored.byType.region.questions.find((q) => q.name === 'G2')).toMatchObject({ n: 1, yes: { share: 0 } });
    expect(stored.minGroupSize).toBeUndefined();
  });

  it('are served without the figures of the single region and without a network figure that reveals them', () => {
    // Arrange
    const stored = storedBeforeSuppression();
    const rules = { kommun: scoringRulesOf(survey, 'k'), region: scoringRulesOf(survey, 'r') };
    // Act
    const served = withReportDefaults(stored, rules);
    // Assert
    expect(served.byType.region).toMatchObject({ respondents: 1, suppressed: true, total: null, bands: null });
    expect(served.byType.region.questions.every((q) => q.n === null && q.suppressed)).toBe(true);
    expect(served).toMatchObject({ respondents: 4, excludedTypes: ['region'], minGroupSize: 3 });
    expect(served.total).toEqual({ mean: 0.8, median: 0.8 });
    expect(served.gatePassed).toBe(3);
    expect(served.bands?.find((b) => b.band === null)?.count).toBe(0);
    expect(JSON.stringify(served)).not.toContain('0.625');
    expect(ReportRevisionSchema.shape.report.parse(served)).toEqual(served);
  });

  it('are withheld the same way as a report published now, and withholding twice changes nothing', () => {
    const now = aggregateKlimatlaget({
      year: 2025,
      surveys,
      responses: [...group('kommun', 3, STRONG), ...group('region', 1, WEAK)],
    });
    const served = withholdSmallGroups(storedBeforeSuppression());
    expect(served.total).toEqual(now.total);
    expect(served.bands).toEqual(now.bands);
    expect(served.byType.region).toEqual(now.byType.region);
    expect(withholdSmallGroups(served)).toEqual(served);
    expect(withholdSmallGroups(now)).toEqual(now);
  });
});
