/** The member scorecard: own points per section against the network, last year, and lost points. */

import { bandForShare } from '../scoring/bands';
import { emissionOutcome } from '../scoring/emission-outcome';
import type { EmissionRow } from '../scoring/emission-outcome.schema';
import { passesGate } from '../scoring/score';
import type { ScoreResult } from '../scoring/score.schema';
import { compileScoring } from '../scoring/scoring-plan';
import { isEmptyValue } from '../scoring/survey-json';
import { resolveVisibility } from '../scoring/visibility';
import { sectionStats } from './aggregate';
import type { FailedGate, NetworkFigures, Scorecard, SectionAggregate, Stat, TypeAggregate } from './report.schema';
import { round, stat } from './stats';
import { englishPageTitles, withEnglish } from './titles';

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
  /** The name in the register; the code is shown when it is missing. */
  organisationName?: string;
  organisationType: 'kommun' | 'region';
  survey: object;
  /** The submitted answers: which basic requirements were not met is read from them. */
  data: Record<string, unknown>;
  score: ScoreResult;
  network: NetworkFigures;
  lastYear?: { year: number; score: ScoreResult };
  emissions?: readonly EmissionRow[];
}

/**
 * The basic requirements (gate questions) that were shown and not met, in survey order: the same
 * test as `score()`'s gate, so the list is empty exactly when the gate passed.
 */
export function failedGates(survey: object, data: Record<string, unknown>): FailedGate[] {
  const plan = compileScoring(survey);
  const { visible, value } = resolveVisibility(plan, data);
  const failed: FailedGate[] = [];
  plan.questions.forEach((q, i) => {
    if (!q.gate || !visible[i] || passesGate(q, value[i])) return;
    failed.push({
      name: q.name,
      title: q.title,
      ...withEnglish('titleEn', q.json.title),
      answered: !isEmptyValue(value[i]),
    });
  });
  return failed;
}

/** Assembles the scorecard. The emission outcome stands beside the score and is never added into it. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const plan = compileScoring(input.survey);
  const english = englishPageTitles(input.survey);
  const { score } = input;
  const lostPoints = score.questions
    .filter((q) => q.points < q.max)
    .map((q) => {
      const question = plan.byName.get(q.name);
      return {
        name: q.name,
        title: question?.title ?? q.name,
        ...(question ? withEnglish('titleEn', question.json.title) : {}),
        section: question ? (plan.pages[question.pageIndex]?.name ?? '') : '',
        points: q.points,
        max: q.max,
        ...(q.computedPoints === undefined ? {} : { computedPoints: q.computedPoints }),
      };
    });
  return {
    year: input.year,
    organisationId: input.organisationId,
    organisationName: input.organisationName ?? input.organisationId,
    organisationType: input.organisationType,
    total: score.total,
    max: score.max,
    share: score.share,
    band: score.band,
    gatePassed: score.gatePassed,
    failedGates: score.gatePassed ? [] : failedGates(input.survey, input.data),
    ...(score.gatePassed ? {} : { bandIfGatePassed: score.max > 0 ? bandForShare(plan.bands, score.share) : null }),
    scoreBands: plan.bands.map((b) => ({ minShare: b.minShare, label: b.label })),
    sections: score.sections.map((section) => {
      const titleEn = english.get(section.name);
      return titleEn === undefined ? section : { ...section, titleEn };
    }),
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
