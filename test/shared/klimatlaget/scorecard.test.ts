import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../../functions/features/campaigns/default-surveys';
import {
  aggregateKlimatlaget,
  bandForShare,
  buildScorecard,
  canonicalJson,
  failedGates,
  networkFromReport,
  networkLive,
  ScorecardSchema,
  scoringRulesOf,
} from '../../../shared/klimatlaget/index';
import { sampleAnswers } from '../../../shared/scoring/sample-answers';
import { score } from '../../../shared/scoring/score';
import { compileScoring } from '../../../shared/scoring/scoring-plan';
import { bestAnswers, gate, makeSurvey, page, yesNo } from '../../helpers/make-survey';

const survey = makeSurvey();
const PASS = { G1: true, G2: true };
const strong = { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, c1: ['x', 'y'], n1: 90 };
const weak = { ...PASS, q1: 'delvis' };

/** Submitted kommuner with these answers, in order, scored on the fixture survey. */
const submittedKommuner = (answers: Array<Record<string, unknown>>) =>
  answers.map((data, i) => ({
    organisationId: `000${i}`,
    organisationType: 'kommun' as const,
    status: 'submitted',
    data,
    score: score(survey, data),
  }));

describe('network figures for the scorecard', () => {
  it('turns the published shares into points of each section', () => {
    // Arrange: page a at 5, 1, 5, 1 and 5 of 5, page b at 5, 0, 5, 0 and 5 of 5
    const responses = submittedKommuner([strong, weak, strong, weak, strong]);
    const report = aggregateKlimatlaget({ year: 2026, surveys: { kommun: survey, region: survey }, responses });
    // Act
    const network = networkFromReport(report.byType.kommun, 2);
    // Assert
    expect(network).toEqual({
      source: 'published',
      revision: 2,
      respondents: 5,
      minGroupSize: 3,
      minGroupSizeMedian: 5,
      total: { mean: 6.4, median: 10 },
      sections: [
        { name: 'a', mean: 3.4, median: 5, meanShare: 0.68, medianShare: 1 },
        { name: 'b', mean: 3, median: 5, meanShare: 0.6, medianShare: 1 },
      ],
    });
  });

  it('gives the same figures live from stored scores', () => {
    const live = networkLive(survey, [score(survey, strong), score(survey, weak), score(survey, strong)]);
    expect(live).toMatchObject({
      source: 'live',
      respondents: 3,
      total: { mean: 7 },
      sections: [
        { name: 'a', mean: 3.67 },
        { name: 'b', mean: 3.33 },
      ],
    });
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
  ])("withholds a network of %i, which would give the member the others' scores (withheld: %s)", (n, withheld) => {
    // Arrange: the member is one of them; its own figures are shown whatever the network's size
    const scores = [strong, weak, strong].slice(0, n).map((data) => score(survey, data));
    const responses = scores.map((s, i) => ({
      organisationId: `000${i}`,
      organisationType: 'kommun' as const,
      status: 'submitted',
      data: {},
      score: s,
    }));
    const report = aggregateKlimatlaget({ year: 2026, surveys: { kommun: survey, region: survey }, responses });
    // Act
    const published = networkFromReport(report.byType.kommun, 1);
    const live = networkLive(survey, scores);
    const card = buildScorecard({
      year: 2026,
      organisationId: '0000',
      organisationType: 'kommun',
      survey,
      data: strong,
      score: scores[0]!,
      network: published,
    });
    // Assert
    for (const network of [published, live]) {
      expect(network.respondents).toBe(n);
      if (withheld) expect(network).toMatchObject({ suppressed: true, total: null, sections: [] });
      // The median of 3 is withheld too (suppression.test.ts shows why)
      else expect(network.total).toEqual({ mean: expect.any(Number), median: null });
    }
    expect(card).toMatchObject({ total: 10, share: 1, band: 'A' });
    expect(card.sections.filter((s) => s.max > 0).map((s) => s.total)).toEqual([5, 5]);
    expect(ScorecardSchema.parse(card)).toEqual(card);
  });

  it('withholds a small network from a snapshot stored before small groups were withheld', () => {
    // Arrange: two kommuner, as an older snapshot stored them, with their mean and median
    const responses = submittedKommuner([strong, weak]);
    const report = aggregateKlimatlaget({ year: 2026, surveys: { kommun: survey, region: survey }, responses });
    const stored = {
      ...report.byType.kommun,
      suppressed: undefined,
      total: { mean: 0.55, median: 0.55 },
      sections: report.byType.kommun.sections.map((s) => ({ ...s, mean: 0.5, median: 0.5 })),
    };
    // Act and assert
    expect(networkFromReport(stored, 1)).toMatchObject({ respondents: 2, total: null, sections: [] });
  });
});

describe('buildScorecard', () => {
  it('lists the questions where points were lost, with overridden points beside the computed ones', () => {
    // Arrange
    const own = score(survey, weak, { overrides: [{ question: 'q3', points: 1 }] });
    // Act
    const card = buildScorecard({
      year: 2026,
      organisationId: '0001',
      organisationType: 'kommun',
      survey,
      data: weak,
      score: own,
      network: networkLive(survey, [own]),
    });
    // Assert
    expect(ScorecardSchema.parse(card)).toEqual(card);
    expect(card.lostPoints.map((q) => [q.name, q.points, q.max])).toEqual([
      ['q1', 1, 2],
      ['q2', 0, 1],
      ['q2b', 0, 1],
      ['c1', 0, 2],
      ['n1', 0, 3],
    ]);
    expect(card).toMatchObject({ total: 2, max: 10, band: 'D', emissionOutcome: null });
    expect(card.lastYear).toBeUndefined();
  });

  it("shows last year's points and the emission outcome beside the score, never added into it", () => {
    const own = score(survey, strong);
    const card = buildScorecard({
      year: 2026,
      organisationId: '0001',
      organisationType: 'kommun',
      survey,
      data: strong,
      score: own,
      network: networkLive(survey, [own]),
      lastYear: { year: 2025, score: score(survey, weak) },
      emissions: [{ year: 2023, sector: 'transporter', tonnesCO2e: 150_000, population: 100_000 }],
    });
    expect(card.lastYear).toMatchObject({ year: 2025, total: 1, max: 10 });
    expect(card.emissionOutcome).toMatchObject({ latestYear: 2023, perInhabitant: 1.5, points: 2 });
    expect(card.total).toBe(10);
  });
});

/** The fixture survey with Swedish and English titles on the gate page, its gates and a scored page. */
const bilingual = makeSurvey({
  pages: [
    page('baskrav', [
      { ...gate('G1'), title: { default: 'Finns ett beslut?', en: 'Is there a decision?' } },
      { ...gate('G2'), title: 'Finns en plan?' },
      { ...gate('G3'), visibleIf: '{G1} = true', title: { default: 'Följs beslutet upp?', en: 'Is it followed up?' } },
    ]),
    page('a', [yesNo('q1', 3), yesNo('q2', 1)], { title: { default: 'Mål', en: 'Targets' } }),
  ],
});

function cardFor(surveyJson: object, data: Record<string, unknown>, organisationName?: string) {
  const own = score(surveyJson, data);
  return buildScorecard({
    year: 2026,
    organisationId: '1281',
    ...(organisationName === undefined ? {} : { organisationName }),
    organisationType: 'kommun',
    survey: surveyJson,
    data,
    score: own,
    network: networkLive(surveyJson, [own]),
  });
}

describe('buildScorecard: the basic requirements and the name', () => {
  it('names each basic requirement not met, in Swedish and English, and whether it was answered no or not at all', () => {
    // Act: G1 answered no (so G3, shown only after G1 = yes, is hidden); G2 left unanswered
    const card = cardFor(bilingual, { G1: false, q1: true, q2: true }, 'Lund');
    // Assert
    expect(ScorecardSchema.parse(card)).toEqual(card);
    expect(card).toMatchObject({ organisationName: 'Lund', band: null, gatePassed: false });
    expect(card.failedGates).toEqual([
      { name: 'G1', title: 'Finns ett beslut?', titleEn: 'Is there a decision?', answered: true },
      { name: 'G2', title: 'Finns en plan?', answered: false },
    ]);
  });

  it('lists a follow-up requirement only when it was shown', () => {
    const card = cardFor(bilingual, { G1: true, G2: true, G3: false, q1: true });
    expect(card.failedGates.map((g) => g.name)).toEqual(['G3']);
    expect(card.organisationName).toBe('1281');
  });

  it('says which band the points would have given with every requirement met, from the survey bands', () => {
    // Arrange: 3 of 4 points = 0.75; default bands give B (≥ 0.6), custom bands give "Hög" (≥ 0.7)
    const data = { G1: false, q1: true };
    const custom = makeSurvey({
      ...bilingual,
      scoreBands: [
        { minShare: 0.7, label: 'Hög' },
        { minShare: 0, label: 'Låg' },
      ],
    });
    // Act
    const standard = cardFor(bilingual, data);
    const banded = cardFor(custom, data);
    const passed = cardFor(bilingual, { G1: true, G2: true, G3: true, q1: true });
    // Assert
    expect([standard.band, standard.bandIfGatePassed]).toEqual([null, 'B']);
    expect(standard.scoreBands.map((b) => [b.label, b.minShare])).toEqual([
      ['A', 0.8],
      ['B', 0.6],
      ['C', 0.4],
      ['D', 0],
    ]);
    expect([banded.bandIfGatePassed, banded.scoreBands.map((b) => b.label)]).toEqual(['Hög', ['Hög', 'Låg']]);
    expect(passed).toMatchObject({ band: 'B', gatePassed: true, failedGates: [] });
    expect(passed.bandIfGatePassed).toBeUndefined();
  });

  it('lists no failed requirement exactly when score() passes the gate, on the shipped surveys', () => {
    for (const type of ['kommun', 'region'] as const) {
      const surveyJson = DEFAULT_SURVEYS[type];
      for (const data of sampleAnswers(surveyJson, 60, 11)) {
        expect(failedGates(surveyJson, data).length === 0, type).toBe(score(surveyJson, data).gatePassed);
      }
    }
  });

  it('gives the English titles of the sections and the lost points', () => {
    const card = cardFor(bilingual, { G1: true, G2: true, G3: true, q1: true });
    expect(card.sections.find((s) => s.name === 'a')).toMatchObject({ title: 'Mål', titleEn: 'Targets' });
    expect(card.sections.find((s) => s.name === 'baskrav')?.titleEn).toBeUndefined();
    expect(card.lostPoints).toEqual([{ name: 'q2', title: 'q2', section: 'a', points: 0, max: 1 }]);
    const shipped = cardFor(DEFAULT_SURVEYS.kommun, {});
    expect(shipped.lostPoints.find((q) => q.name === 'M1')).toMatchObject({
      title: 'Vilket territoriellt klimatmål har kommunen beslutat?',
      titleEn: 'Which territorial climate target has the municipality decided?',
    });
  });
});

describe('buildScorecard: the points lost add up to what is missing from the maximum', () => {
  const lostSum = (card: ReturnType<typeof cardFor>) => card.lostPoints.reduce((sum, q) => sum + (q.max - q.points), 0);

  it("lists the area's point that only the kansli awards in review (S6), so the lost points add up", () => {
    // Arrange: every best answer, which the member alone can bring to 65 of 66
    const card = cardFor(DEFAULT_SURVEYS.kommun, bestAnswers(DEFAULT_SURVEYS.kommun));
    // Assert
    expect(card).toMatchObject({ total: 65, max: 66 });
    expect(card.lostPoints).toEqual([
      {
        name: 'samhallsplanering',
        title: 'Poäng som kansliet sätter vid granskningen',
        titleEn: 'Points the secretariat awards in its review',
        section: 'samhallsplanering',
        points: 0,
        max: 1,
        setInReview: true,
      },
    ]);
    expect(lostSum(card)).toBe(card.max - card.total);
  });

  it('shows the review point as given once the kansli has set it', () => {
    const data = bestAnswers(DEFAULT_SURVEYS.kommun);
    const own = score(DEFAULT_SURVEYS.kommun, data, { overrides: [{ question: 'S6', points: 1 }] });
    const card = buildScorecard({
      year: 2026,
      organisationId: '1281',
      organisationType: 'kommun',
      survey: DEFAULT_SURVEYS.kommun,
      data,
      score: own,
      network: networkLive(DEFAULT_SURVEYS.kommun, [own]),
    });
    expect(card).toMatchObject({ total: 66, lostPoints: [] });
  });

  it('adds up for random answers on the shipped surveys', () => {
    for (const type of ['kommun', 'region'] as const) {
      for (const data of sampleAnswers(DEFAULT_SURVEYS[type], 60, 3)) {
        const card = cardFor(DEFAULT_SURVEYS[type], data);
        expect(ScorecardSchema.parse(card)).toEqual(card);
        expect(lostSum(card), type).toBeCloseTo(card.max - card.total, 9);
      }
    }
  });
});

describe('bandForShare', () => {
  it.each([
    [0.8, 'A'],
    [0.79, 'B'],
    [0.6, 'B'],
    [0.4, 'C'],
    [0.39, 'D'],
    [0, 'D'],
  ])('gives share %s the band %s with the default bands', (share, band) => {
    expect(bandForShare(compileScoring(makeSurvey()).bands, share)).toBe(band);
  });

  it('gives null when custom bands leave the share uncovered, whatever their order', () => {
    const bands = [
      { minShare: 0.5, label: 'Godkänd' },
      { minShare: 0.9, label: 'Utmärkt' },
    ];
    expect([bandForShare(bands, 0.95), bandForShare(bands, 0.6), bandForShare(bands, 0.4)]).toEqual([
      'Utmärkt',
      'Godkänd',
      null,
    ]);
  });

  it('agrees with score() for every response that passes the gate, on the shipped surveys', () => {
    for (const type of ['kommun', 'region'] as const) {
      const surveyJson = DEFAULT_SURVEYS[type];
      const plan = compileScoring(surveyJson);
      const gatesMet = Object.fromEntries(plan.questions.filter((q) => q.gate).map((q) => [q.name, true]));
      const seen = new Set<string | null>();
      for (const data of sampleAnswers(surveyJson, 80, 5)) {
        const result = score(surveyJson, { ...data, ...gatesMet });
        expect(result.gatePassed, type).toBe(true);
        expect(bandForShare(plan.bands, result.share), type).toBe(result.band);
        seen.add(result.band);
      }
      // The random answers reach several bands, so the comparison covers more than one threshold.
      expect(seen.size, type).toBeGreaterThan(1);
    }
  });
});

describe('scoringRulesOf', () => {
  it('records per question the maximum and the points of each choice, the sections and the bands', () => {
    const rules = scoringRulesOf(survey, 'abc');
    expect(rules).toMatchObject({
      hash: 'abc',
      max: 10,
      sections: [
        { name: 'a', max: 5 },
        { name: 'b', max: 5 },
      ],
    });
    expect(rules.bands.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(rules.questions.find((q) => q.name === 'q1')).toEqual({
      name: 'q1',
      section: 'a',
      max: 2,
      choices: { ja: 2, delvis: 1, nej: 0 },
    });
    expect(rules.questions.find((q) => q.name === 'G1')).toMatchObject({ gate: true, max: 0 });
    expect(rules.questions.find((q) => q.name === 'q2b')).toMatchObject({ visibleIf: true, scoreTrue: 1 });
  });

  it('hashes the same survey the same whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }] })).toBe(canonicalJson({ a: [{ x: null, y: 2 }], b: 1 }));
  });
});
