/** The member scorecard: own points per section against the network, last year, and lost points. */
import { emissionOutcome } from '../scoring/emission-outcome';
import type { EmissionRow } from '../scoring/emission-outcome.schema';
import type { ScoreResult } from '../scoring/score.schema';
import { compileScoring } from '../scoring/scoring-plan';
import { sectionStats } from './aggregate';
import type { NetworkFigures, Scorecard, SectionAggregate, Stat, TypeAggregate } from './report.schema';
import { round, stat } from './stats';

function inPoints(sections: readonly SectionAggregate[], total: Stat, max: number, respondents: number) {
  return {
    respondents,
    total: { mean: round(total.mean * max, 2), median: round(total.median * max, 2) },
    sections: sections.map((s) => ({
      name: s.name,
      mean: round(s.mean * s.max, 2),
      median: round(s.median * s.max, 2),
      meanShare: s.mean,
      medianShare: s.median,
    })),
  };
}

/** The network's figures for one organisation type from a published snapshot, in points. */
export function networkFromReport(aggregate: TypeAggregate, revision: number): NetworkFigures {
  return {
    source: 'published',
    revision,
    ...inPoints(aggregate.sections, aggregate.total, aggregate.max, aggregate.respondents),
  };
}

/** The network's figures computed now from the stored scores of one type's submitted responses. */
export function networkLive(survey: object, scores: readonly ScoreResult[]): NetworkFigures {
  const max = compileScoring(survey).max;
  return {
    source: 'live',
    ...inPoints(sectionStats(survey, scores), stat(scores.map((s) => s.share)), max, scores.length),
  };
}

export interface ScorecardInput {
  year: number;
  organisationId: string;
  organisationType: 'kommun' | 'region';
  survey: object;
  score: ScoreResult;
  network: NetworkFigures;
  lastYear?: { year: number; score: ScoreResult };
  emissions?: readonly EmissionRow[];
}

/** Assembles the scorecard. The emission outcome stands beside the score and is never added into it. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const plan = compileScoring(input.survey);
  const { score } = input;
  const lostPoints = score.questions
    .filter((q) => q.points < q.max)
    .map((q) => {
      const question = plan.byName.get(q.name);
      return {
        name: q.name,
        title: question?.title ?? q.name,
        section: question ? (plan.pages[question.pageIndex]?.name ?? '') : '',
        points: q.points,
        max: q.max,
        ...(q.computedPoints === undefined ? {} : { computedPoints: q.computedPoints }),
      };
    });
  return {
    year: input.year,
    organisationId: input.organisationId,
    organisationType: input.organisationType,
    total: score.total,
    max: score.max,
    share: score.share,
    band: score.band,
    gatePassed: score.gatePassed,
    sections: score.sections,
    network: input.network,
    ...(input.lastYear
      ? {
          lastYear: {
            year: input.lastYear.year,
            total: input.lastYear.score.total,
            max: input.lastYear.score.max,
            share: input.lastYear.score.share,
            band: input.lastYear.score.band,
            sections: input.lastYear.score.sections,
          },
        }
      : {}),
    lostPoints,
    emissionOutcome: input.emissions && input.emissions.length > 0 ? emissionOutcome(input.emissions) : null,
  };
}
