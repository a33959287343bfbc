import { describe, expect, it } from 'vitest';
import {
  type AggregateResponse,
  aggregateKlimatlaget,
  outcomesFrozenBy,
  publishReadsEmissions,
  type ReplacedRevision,
  revisionEmissions,
} from '../../../shared/klimatlaget/index';
import type { EmissionOutcome, EmissionRow } from '../../../shared/scoring/emission-outcome.schema';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';

/** The fixture survey (max 10); see test/helpers/make-survey.ts. */
const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };
const IDS = ['0001', '0002', '0003'];

function submitted(id: string, data: Record<string, unknown>): AggregateResponse {
  return { organisationId: id, organisationType: 'kommun', status: 'submitted', data, score: score(survey, data) };
}

/** Every organisation's emissions of `year`: 250 000 t for 100 000 inhabitants. */
function rowsOf(year: number): Record<string, EmissionRow[]> {
  const row = { year, sector: 'transporter', tonnesCO2e: 250_000, population: 100_000 };
  return Object.fromEntries(IDS.map((id) => [id, [row]]));
}

function reportOf(data: Record<string, unknown>, emissions: Record<string, EmissionRow[]>) {
  return aggregateKlimatlaget({
    year: 2026,
    surveys,
    responses: IDS.map((id) => submitted(id, data)),
    organisations: IDS.map((id) => ({ id, type: 'kommun' as const })),
    emissions,
  });
}

const outcome = (latestYear: number): EmissionOutcome => ({
  latestYear,
  perInhabitant: 2.5,
  changeSince1990: null,
  change5y: null,
  changeBasis: 'perInhabitant',
  points: 0,
  max: 0,
});

/** Revision 1: answers without gates, emissions of 2022; one respondent had none. */
const first: ReplacedRevision = {
  revision: 1,
  publishedAt: '2026-03-10T09:00:00.000Z',
  report: reportOf({}, rowsOf(2022)),
  emissionOutcomes: { '0001': outcome(2022), '0002': outcome(2022), '0003': null },
};
/** Today: q1 answered "ja" (2 points more each), emissions of 2023 imported since. */
const now = reportOf({ q1: 'ja' }, rowsOf(2023));

describe('the emission figures and Utfall a revision stores', () => {
  it('reads today’s emissions for the first publish of a year', () => {
    const stored = revisionEmissions({
      report: now,
      respondents: IDS,
      outcomeNow: () => outcome(2023),
      latest: undefined,
    });
    expect(publishReadsEmissions(undefined)).toBe(true);
    expect(stored.report).toEqual(now);
    expect(stored.emissionOutcomes).toEqual({ '0001': outcome(2023), '0002': outcome(2023), '0003': outcome(2023) });
    expect(stored.emissionOutcomesFrom).toBeUndefined();
  });

  it('keeps the replaced revision’s emission figures and Utfall in a correction, and its new scores', () => {
    // Act
    const stored = revisionEmissions({
      report: now,
      respondents: IDS,
      outcomeNow: () => {
        throw new Error('a correction reads no emissions');
      },
      latest: first,
    });
    // Assert
    expect(publishReadsEmissions(first)).toBe(false);
    expect(stored.report.emissions).toEqual(first.report.emissions);
    expect(stored.report.emissions?.latestYear).toBe(2022);
    expect(stored.report.byType.kommun.emissions).toEqual(first.report.byType.kommun.emissions);
    expect(stored.report.byType.region.emissions).toEqual(first.report.byType.region.emissions);
    expect(stored.report.byType.kommun.total).toEqual(now.byType.kommun.total);
    expect(stored.report.byType.kommun.total).not.toEqual(first.report.byType.kommun.total);
    // No emissions then: none now either.
    expect(stored.emissionOutcomes).toEqual(first.emissionOutcomes);
    expect(stored.emissionOutcomesFrom).toEqual({ revision: 1, publishedAt: first.publishedAt });
  });

  it('names the revision that read the emissions through a chain of corrections', () => {
    const second = { ...first, revision: 2, publishedAt: '2026-04-01T09:00:00.000Z' };
    const kept = revisionEmissions({ report: now, respondents: IDS, outcomeNow: () => null, latest: second });
    const third = { ...second, ...kept, revision: 3, publishedAt: '2026-05-01T09:00:00.000Z' };
    // Act
    const again = revisionEmissions({ report: now, respondents: IDS, outcomeNow: () => null, latest: third });
    // Assert
    expect(again.emissionOutcomesFrom).toEqual({ revision: 2, publishedAt: second.publishedAt });
    expect(outcomesFrozenBy(third)).toEqual({ revision: 2, publishedAt: second.publishedAt });
    expect(outcomesFrozenBy(first)).toEqual({ revision: 1, publishedAt: first.publishedAt });
  });

  it('leaves out a respondent the replaced revision holds no Utfall for', () => {
    const stored = revisionEmissions({
      report: now,
      respondents: [...IDS, '0004'],
      outcomeNow: () => outcome(2023),
      latest: first,
    });
    expect(Object.keys(stored.emissionOutcomes ?? {}).sort()).toEqual(IDS);
  });

  it('keeps the emission figures of a revision published before Utfall was frozen, and freezes Utfall now', () => {
    const older: ReplacedRevision = { ...first, emissionOutcomes: undefined };
    // Act
    const stored = revisionEmissions({ report: now, respondents: IDS, outcomeNow: () => outcome(2023), latest: older });
    // Assert
    expect(publishReadsEmissions(older)).toBe(true);
    expect(stored.report.emissions).toEqual(first.report.emissions);
    expect(stored.emissionOutcomes?.['0003']).toEqual(outcome(2023));
    expect(stored.emissionOutcomesFrom).toBeUndefined();
  });
});
