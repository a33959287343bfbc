import { describe, expect, it } from 'vitest';
import {
  type AggregateResponse,
  aggregateKlimatlaget,
  type KlimatlagetReport,
  KlimatlagetReportSchema,
  MIN_GROUP_SIZE,
  MIN_GROUP_SIZE_MEDIAN,
  networkFromReport,
  networkLive,
  ReportRevisionSchema,
  round,
  scoringRulesOf,
  stat,
  type TypeAggregate,
  withholdSmallGroups,
  withReportDefaults,
} from '../../../shared/klimatlaget/index';
import { withheldNoteSv } from '../../../shared/klimatlaget/suppression';
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
      // The median of 3 needs MIN_GROUP_SIZE_MEDIAN (below): only the mean is shown
      total: { mean: 0.1, median: null },
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
    expect(report.total).toEqual({ mean: 0.8, median: null });
    expect(report.gatePassed).toBe(3);
    expect(report.bands).toEqual(report.byType.kommun.bands);
    expect(report.bands?.find((b) => b.band === null)?.count).toBe(0);
  });

  it('shows the network over 3 when both types are too few, as no published figure can be subtracted from it', () => {
    const responses = [...group('kommun', 2, STRONG), ...group('region', 1, WEAK)];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    expect(report).toMatchObject({ respondents: 3, gatePassed: 2, total: { mean: 0.5667, median: null } });
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
      // Arrange: three kommuner this year, n of them last year too, each 5 → 6 points
      const responses = Array.from({ length: 3 }, (_, i) => withShare(`100${i}`, 'kommun', 6));
      const previous = Array.from({ length: n }, (_, i) => withShare(`100${i}`, 'kommun', 5));
      // Act
      const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
      // Assert
      if (withheld) {
        expect(report.yearOnYear).toEqual({
          organisations: n,
          previousRespondents: n,
          previousMax: 10,
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
      perInhabitant: { mean: 3, median: null },
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

  it('uses the kommuner of 3 with data though more regions have data, and never mixes the two', () => {
    // Arrange: three kommuner at 2 t and four regions at 4 t
    const responses = [...kommuner(3), ...group('region', 4, PASS)];
    const emissions = {
      ...emissionsOf(
        responses.slice(0, 3).map((r) => r.organisationId),
        () => rows(2023, 2),
      ),
      ...emissionsOf(
        responses.slice(3).map((r) => r.organisationId),
        () => rows(2023, 4),
      ),
    };
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    // Assert
    expect(report.emissions).toEqual(report.byType.kommun.emissions);
    expect(report.emissions).toMatchObject({ basis: 'kommun', organisations: 3, weightedPerInhabitant: 2 });
  });

  it('names the kommuner that answered without emission figures, so the withheld regions are not read as too few answers', () => {
    // Arrange: four kommuner without emissions; one region with them
    const responses = [...kommuner(4), ...group('region', 1, PASS)];
    const emissions = emissionsOf(['20'], () => rows(2023, 4));
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    // Assert: the figure is the region's, withheld, and says the kommuner have none
    expect(report.emissions).toMatchObject({
      basis: 'region',
      organisations: 1,
      suppressed: true,
      weightedPerInhabitant: null,
      typesWithoutData: ['kommun'],
    });
    expect(report.byType.kommun.emissions).toBeNull();
    expect(KlimatlagetReportSchema.parse(report)).toEqual(report);
    expect(withheldNoteSv(report.emissions!)).toBe(
      'För få svar för att visa (färre än 3). Inga utsläppsdata för kommunerna som svarade',
    );
  });

  it('names the regions that answered without emission figures beside the kommuner shown', () => {
    const responses = [...kommuner(3), ...group('region', 2, PASS)];
    const emissions = emissionsOf(
      responses.slice(0, 3).map((r) => r.organisationId),
      () => rows(2023, 2),
    );
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    expect(report.emissions).toMatchObject({ basis: 'kommun', weightedPerInhabitant: 2, typesWithoutData: ['region'] });
    expect(withheldNoteSv(report.emissions!)).toBe('Inga utsläppsdata för regionerna som svarade');
  });

  it('names no type without respondents, nor one whose figures are only withheld', () => {
    // Arrange: three kommuner with data and no region; then one kommun with data of three
    const responses = kommuner(3);
    const ids = responses.map((r) => r.organisationId);
    const all = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses,
      emissions: emissionsOf(ids, () => rows(2023, 2)),
    });
    const one = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses,
      emissions: emissionsOf(ids.slice(0, 1), () => rows(2023, 2)),
    });
    // Assert
    expect(all.emissions?.typesWithoutData).toBeUndefined();
    expect(one.emissions).toMatchObject({ suppressed: true });
    expect(one.emissions?.typesWithoutData).toBeUndefined();
  });

  it('names them in a snapshot stored before the reason existed, when it is read', () => {
    // Arrange: the same report as stored without the field
    const responses = [...kommuner(4), ...group('region', 1, PASS)];
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses,
      emissions: emissionsOf(['20'], () => rows(2023, 4)),
    });
    const { typesWithoutData: _, ...stored } = report.emissions!;
    // Act
    const served = withReportDefaults({ ...report, emissions: stored });
    // Assert
    expect(served.emissions?.typesWithoutData).toEqual(['kommun']);
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
    expect(served.total).toEqual({ mean: 0.8, median: null });
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

/** A kommun or region at a given share of maximum (the stored score), for the arithmetic below. */
function atShare(id: string, type: Type, share: number): AggregateResponse {
  return {
    organisationId: id,
    organisationType: type,
    status: 'submitted',
    data: {},
    score: { ...score(survey, {}), share },
  };
}

describe('MIN_GROUP_SIZE_MEDIAN: own score, mean and median', () => {
  it('is 5', () => {
    expect(MIN_GROUP_SIZE_MEDIAN).toBe(5);
  });

  it('with 3, the old figures give a member both others; now the median is null and the mean alone is shown', () => {
    // Arrange: the member at 0.2; the others at 0.5 and 0.8
    const shares = [0.2, 0.5, 0.8];
    const responses = shares.map((s, i) => atShare(`100${i}`, 'kommun', s));
    const own = 0.2;
    // The attack on what was published before: the median is one other, the third is 3·mean − own − median
    const old = stat(shares);
    expect(old.median).toBe(0.5);
    expect(round(3 * old.mean - own - old.median)).toBe(0.8);
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    const network = networkFromReport(report.byType.kommun, 1);
    // Assert: the figure the attack needs is gone, the mean stays
    expect(report.byType.kommun.total).toEqual({ mean: old.mean, median: null });
    expect(report.total).toEqual({ mean: old.mean, median: null });
    expect(network.total).toEqual({ mean: round(old.mean * 10, 2), median: null });
    expect(report.minGroupSizeMedian).toBe(5);
  });

  it('with 4, the old figures give the lowest scorer the highest; now the median is null', () => {
    // Arrange: the member is the lowest, at 0.1
    const shares = [0.1, 0.4, 0.6, 0.95];
    const responses = shares.map((s, i) => atShare(`100${i}`, 'kommun', s));
    const old = stat(shares);
    expect(round(4 * old.mean - 0.1 - 2 * old.median)).toBe(0.95);
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(report.byType.kommun.total).toEqual({ mean: old.mean, median: null });
  });

  it("withholds a section's median of 3 or 4 in the report, the scorecard's network and live", () => {
    // Arrange: page a at 5, 2 and 1 of 5; a member at 1 would read 2 (the median) and 5 (3·mean − 1 − 2)
    const answers = [
      { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true },
      { ...PASS, q1: 'ja' },
      { ...PASS, q1: 'delvis' },
    ];
    const responses = answers.map((data, i) => submitted(`100${i}`, 'kommun', data));
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    const published = networkFromReport(report.byType.kommun, 1);
    const live = networkLive(
      survey,
      responses.map((r) => r.score!),
    );
    // Assert
    expect(report.byType.kommun.sections.find((s) => s.name === 'a')).toMatchObject({
      n: 3,
      mean: 0.5333,
      median: null,
    });
    for (const network of [published, live]) {
      expect(network.sections.find((s) => s.name === 'a')).toEqual({
        name: 'a',
        mean: 2.67,
        median: null,
        meanShare: 0.5333,
        medianShare: null,
      });
      expect(network.total?.median).toBeNull();
    }
  });

  it('shows the median of 5: own, mean and median fit more than one set of the others', () => {
    // Arrange: two networks of 5 with the same own score (0.2), mean and median, but other others
    const a = [0.2, 0.3, 0.5, 0.7, 0.8];
    const b = [0.2, 0.4, 0.5, 0.6, 0.8];
    expect(stat(a)).toEqual(stat(b));
    // Act
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: a.map((s, i) => atShare(`100${i}`, 'kommun', s)),
    });
    // Assert: shown, and nothing in it tells the member which of the two it is
    expect(report.byType.kommun.total).toEqual({ mean: 0.5, median: 0.5 });
    expect(networkFromReport(report.byType.kommun, 1).total).toEqual({ mean: 5, median: 5 });
  });

  it('withholds the medians of emissions and of the change since 1990 under 5, and shows them at 5', () => {
    const rows = (year: number, perInhabitant: number): EmissionRow[] => [
      { year, sector: 'transporter', tonnesCO2e: perInhabitant * 10_000, population: 10_000 },
    ];
    const of = (n: number) => {
      const responses = group('kommun', n, PASS);
      const emissions = Object.fromEntries(
        responses.map((r, i) => [r.organisationId, [...rows(1990, 10), ...rows(2023, 2 + i)]]),
      );
      return aggregateKlimatlaget({ year: 2026, surveys, responses, emissions }).emissions!;
    };
    expect(of(4).perInhabitant).toEqual({ mean: 3.5, median: null });
    expect(of(4).changeSince1990).toEqual({ organisations: 4, mean: -0.65, median: null });
    expect(of(5).perInhabitant).toEqual({ mean: 4, median: 4 });
    expect(of(5).changeSince1990).toEqual({ organisations: 5, mean: -0.6, median: -0.6 });
  });

  it('withholds the medians of a year-on-year change over 3 or 4 pairs', () => {
    const pairs = (n: number) => {
      const ids = Array.from({ length: n }, (_, i) => `100${i}`);
      return aggregateKlimatlaget({
        year: 2026,
        surveys,
        responses: ids.map((id, i) => atShare(id, 'kommun', 0.5 + i / 20)),
        previous: { responses: ids.map((id) => atShare(id, 'kommun', 0.5)) },
      }).yearOnYear!;
    };
    expect(pairs(4)).toMatchObject({ previous: { median: null }, current: { median: null }, change: { median: null } });
    expect(pairs(5)).toMatchObject({ previous: { median: 0.5 }, current: { median: 0.6 }, change: { median: 0.1 } });
  });

  it('withholds the medians of a stored snapshot of 3', () => {
    const now = aggregateKlimatlaget({ year: 2026, surveys, responses: group('kommun', 3, STRONG) });
    const stored = {
      ...now,
      total: { mean: 0.8, median: 0.8 },
      byType: { ...now.byType, kommun: { ...now.byType.kommun, total: { mean: 0.8, median: 0.8 } } },
    };
    delete (stored as Partial<KlimatlagetReport>).minGroupSizeMedian;
    const served = withReportDefaults(stored);
    expect(served.total).toEqual({ mean: 0.8, median: null });
    expect(served.byType.kommun.total).toEqual({ mean: 0.8, median: null });
    expect(served.minGroupSizeMedian).toBe(5);
  });
});

describe('year on year against the totals of the same report', () => {
  it.each([1, 2])(
    'withholds the means when %i kommun(er) answered only this year: n·total − pairs·current is their score',
    (newcomers) => {
      // Arrange: three kommuner both years, and newcomers at 0.9 (and 0.3)
      const pairs = [0.4, 0.5, 0.6].map((s, i) => atShare(`100${i}`, 'kommun', s));
      const fresh = [0.9, 0.3].slice(0, newcomers).map((s, i) => atShare(`109${i}`, 'kommun', s));
      const responses = [...pairs, ...fresh];
      const previous = pairs.map((p) => atShare(p.organisationId, 'kommun', 0.4));
      // The attack on the old figures: the newcomers' sum (with one, its score; with two, each learns the other's)
      const n = responses.length;
      const oldTotal = stat(responses.map((r) => r.score!.share));
      const oldCurrent = stat(pairs.map((r) => r.score!.share));
      const newcomersSum = round(n * oldTotal.mean - 3 * oldCurrent.mean);
      expect(newcomersSum).toBe(round(fresh.reduce((sum, r) => sum + r.score!.share, 0)));
      // Act
      const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
      // Assert: the total is shown, so the pairs' means are not; the counts of the pairs stay
      const kommun = report.byType.kommun;
      expect(kommun.total?.mean).toBe(oldTotal.mean);
      expect(kommun.yearOnYear).toEqual({
        organisations: 3,
        previousRespondents: 3,
        previousMax: 10,
        previous: null,
        current: null,
        change: null,
        improved: 2,
        unchanged: 1,
        declined: 0,
        unmatched: true,
      });
      expect(report.yearOnYear).toEqual(kommun.yearOnYear);
      expect(KlimatlagetReportSchema.parse(report)).toEqual(report);
    },
  );

  it.each([1, 2])(
    "withholds the means when %i kommun(er) answered only last year: last year's total against `previous`",
    (dropped) => {
      // Arrange: three kommuner both years; last year also ones that did not answer this year
      const ids = ['1000', '1001', '1002'];
      const lastYear = [
        ...ids.map((id, i) => atShare(id, 'kommun', 0.3 + i / 10)),
        ...[0.85, 0.15].slice(0, dropped).map((s, i) => atShare(`109${i}`, 'kommun', s)),
      ];
      const responses = ids.map((id) => atShare(id, 'kommun', 0.6));
      const m = lastYear.length;
      // The attack: last year's published total over m minus this year's `previous` over the pairs
      const published = aggregateKlimatlaget({ year: 2025, surveys, responses: lastYear });
      const oldPrevious = stat(ids.map((_, i) => 0.3 + i / 10));
      expect(round(m * published.byType.kommun.total!.mean - 3 * oldPrevious.mean)).toBe(
        round(lastYear.slice(3).reduce((sum, r) => sum + r.score!.share, 0)),
      );
      // Act
      const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: lastYear } });
      // Assert
      expect(report.byType.kommun.yearOnYear).toMatchObject({
        organisations: 3,
        previousRespondents: m,
        previous: null,
        current: null,
        change: null,
        improved: 3,
        unmatched: true,
      });
      expect(report.yearOnYear?.previous).toBeNull();
    },
  );

  it.each([
    ['no organisation differs', 0, 0],
    ['3 answered only this year', 3, 0],
    ['3 answered only last year', 0, 3],
  ])('shows the means when %s', (_case, fresh, gone) => {
    const ids = ['1000', '1001', '1002'];
    const responses = [
      ...ids.map((id) => atShare(id, 'kommun', 0.6)),
      ...Array.from({ length: fresh }, (_, i) => atShare(`108${i}`, 'kommun', 0.9)),
    ];
    const previous = [
      ...ids.map((id) => atShare(id, 'kommun', 0.5)),
      ...Array.from({ length: gone }, (_, i) => atShare(`109${i}`, 'kommun', 0.1)),
    ];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    expect(report.byType.kommun.yearOnYear).toMatchObject({
      organisations: 3,
      previous: { mean: 0.5, median: null },
      current: { mean: 0.6, median: null },
      change: { mean: 0.1, median: null },
      improved: 3,
    });
    expect(report.byType.kommun.yearOnYear?.unmatched).toBeUndefined();
  });

  it("leaves a type whose means are withheld out of the network's change, which would give them away", () => {
    // Arrange: kommuner 3 pairs + 1 newcomer; regions 3 pairs
    const responses = [
      ...['1000', '1001', '1002'].map((id) => atShare(id, 'kommun', 0.6)),
      atShare('1009', 'kommun', 0.95),
      ...['20', '21', '22'].map((id) => atShare(id, 'region', 0.4)),
    ];
    const previous = [
      ...['1000', '1001', '1002'].map((id) => atShare(id, 'kommun', 0.5)),
      ...['20', '21', '22'].map((id) => atShare(id, 'region', 0.5)),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    // Assert: over all 6 pairs, minus the regions' 3, the kommuner's pairs' mean would be back
    expect(report.byType.kommun.yearOnYear).toMatchObject({ unmatched: true, current: null });
    expect(report.byType.region.yearOnYear?.current?.mean).toBe(0.4);
    expect(report.yearOnYear).toEqual({ ...report.byType.region.yearOnYear, excludedTypes: ['kommun'] });
  });

  it('withholds the means of a stored snapshot by the same rule, and of one that did not store last year', () => {
    // Arrange: a snapshot as stored before the rule: 4 kommuner, 3 pairs, their means in the item
    const responses = [
      ...['1000', '1001', '1002'].map((id) => atShare(id, 'kommun', 0.6)),
      atShare('1009', 'kommun', 0.9),
    ];
    const previous = ['1000', '1001', '1002'].map((id) => atShare(id, 'kommun', 0.5));
    const now = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    const oldYoy = {
      organisations: 3,
      previous: stat([0.5]),
      current: stat([0.6]),
      change: stat([0.1]),
      improved: 3,
      unchanged: 0,
      declined: 0,
    };
    const stored: KlimatlagetReport = {
      ...now,
      yearOnYear: { ...oldYoy, previousRespondents: 3 },
      byType: { ...now.byType, kommun: { ...now.byType.kommun, yearOnYear: { ...oldYoy, previousRespondents: 3 } } },
    };
    // Act
    const served = withReportDefaults(stored);
    // Assert
    // A snapshot this old did not store last year's maximum either.
    const { previousMax: _, ...nowYoy } = now.byType.kommun.yearOnYear!;
    expect(served.byType.kommun.yearOnYear).toEqual(nowYoy);
    expect(served.yearOnYear).toEqual(nowYoy);
    expect(now.yearOnYear).toEqual({ ...nowYoy, previousMax: 10 });
    // Without last year's count, the dropped-out case cannot be ruled out: fail closed
    const matched: KlimatlagetReport = {
      ...now,
      respondents: 3,
      yearOnYear: oldYoy,
      byType: { ...now.byType, kommun: { ...now.byType.kommun, respondents: 3, yearOnYear: oldYoy } },
    };
    expect(withReportDefaults(matched).byType.kommun.yearOnYear).toMatchObject({ unmatched: true, current: null });
    expect(withholdSmallGroups(served)).toEqual(served);
  });
});
