import { describe, expect, it } from 'vitest';
import {
  aggregateKlimatlaget,
  buildScorecard,
  canonicalJson,
  networkFromReport,
  networkLive,
  ScorecardSchema,
  scoringRulesOf,
} from '../../../shared/klimatlaget/index';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';

const survey = makeSurvey();
const PASS = { G1: true, G2: true };
const strong = { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, c1: ['x', 'y'], n1: 90 };
const weak = { ...PASS, q1: 'delvis' };

describe('network figures for the scorecard', () => {
  it('turns the published shares into points of each section', () => {
    // Arrange: page a at 5 and 1 of 5, page b at 5 and 0 of 5
    const responses = [strong, weak].map((data, i) => ({
      organisationId: `000${i}`,
      organisationType: 'kommun' as const,
      status: 'submitted',
      data,
      score: score(survey, data),
    }));
    const report = aggregateKlimatlaget({ year: 2026, surveys: { kommun: survey, region: survey }, responses });
    // Act
    const network = networkFromReport(report.byType.kommun, 2);
    // Assert
    expect(network).toEqual({
      source: 'published',
      revision: 2,
      respondents: 2,
      total: { mean: 5.5, median: 5.5 },
      sections: [
        { name: 'a', mean: 3, median: 3, meanShare: 0.6, medianShare: 0.6 },
        { name: 'b', mean: 2.5, median: 2.5, meanShare: 0.5, medianShare: 0.5 },
      ],
    });
  });

  it('gives the same figures live from stored scores', () => {
    const live = networkLive(survey, [score(survey, strong), score(survey, weak)]);
    expect(live).toMatchObject({
      source: 'live',
      respondents: 2,
      total: { mean: 5.5 },
      sections: [
        { name: 'a', mean: 3 },
        { name: 'b', mean: 2.5 },
      ],
    });
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
