/** The member scorecard: own points per section against the network, last year, and lost points. */

import { bandForShare } from '../scoring/bands';
import { emissionOutcome } from '../scoring/emission-outcome';
import type { EmissionOutcome, EmissionOutcomeSource, EmissionRow } from '../scoring/emission-outcome.schema';
import { passesGate } from '../scoring/score';
import type { ScoreResult, SectionScore } from '../scoring/score.schema';
import { compileScoring, type ScoringPlan } from '../scoring/scoring-plan';
import { isEmptyValue } from '../scoring/survey-json';
import { resolveVisibility } from '../scoring/visibility';
import { sectionStats } from './aggregate';
import { matchAreas } from './over-the-years';
import type {
  FailedGate,
  LostPoints,
  NetworkFigures,
  OwnAreasOverTheYears,
  Scorecard,
  SectionAggregate,
  Stat,
  TypeAggregate,
} from './report.schema';
import { round, stat } from './stats';
import { MIN_GROUP_SIZE, MIN_GROUP_SIZE_MEDIAN } from './suppression';
import { englishPageTitles, withEnglish } from './titles';

/**
 * The network in the member's own units. A network of fewer than `MIN_GROUP_SIZE` is withheld: with
 * two, a member would learn the other's score from its own and the mean. A median of fewer than
 * `MIN_GROUP_SIZE_MEDIAN` is withheld: with 3 or 4, own score, mean and median give another's.
 */
function inPoints(
  sections: readonly SectionAggregate[],
  total: Stat | null,
  max: number,
  respondents: number,
): Omit<NetworkFigures, 'source' | 'revision'> {
  const base = { respondents, minGroupSize: MIN_GROUP_SIZE, minGroupSizeMedian: MIN_GROUP_SIZE_MEDIAN };
  // Checked here too, not only when aggregating, so it holds for any stored aggregate.
  const medianOf = (median: number | null, n: number) => (median === null || n < MIN_GROUP_SIZE_MEDIAN ? null : median);
  if (respondents < MIN_GROUP_SIZE || total === null) {
    return { ...base, ...(respondents > 0 ? { suppressed: true } : {}), total: null, sections: [] };
  }
  return {
    ...base,
    total: {
      mean: round(total.mean * max, 2),
      median: ((m) => (m === null ? null : round(m * max, 2)))(medianOf(total.median, respondents)),
    },
    sections: sections.flatMap((s) => {
      if (s.mean === null || s.n < MIN_GROUP_SIZE) return [];
      const median = medianOf(s.median, s.n);
      return [
        {
          name: s.name,
          mean: round(s.mean * s.max, 2),
          median: median === null ? null : round(median * s.max, 2),
          meanShare: s.mean,
          medianShare: median,
        },
      ];
    }),
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

/**
 * The network's figures computed now from the stored scores of one type's submitted responses,
 * withheld below the same minimum as the published ones, so the kansli sees what the member will.
 */
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
  /**
   * The organisation's responses of its years, as stored (this year's may be among them): the
   * submitted ones with a score before `year`, of the same type, give its areas over the years.
   */
  responses?: ReadonlyArray<StoredResponse>;
  emissions?: readonly EmissionRow[];
  /**
   * The Utfall frozen at publish; when given, `emissions` is not read. A published year shows the
   * outcome it was published with, whatever was imported since.
   */
  frozenOutcome?: { outcome: EmissionOutcome | null; source: EmissionOutcomeSource };
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

const REVIEW_TITLE = 'Poäng som kansliet sätter vid granskningen';
const REVIEW_TITLE_EN = 'Points the secretariat awards in its review';

/**
 * The points lost per question, in survey order, and for a section whose maximum is above the sum
 * of its questions' (Samhällsplanering: 10, of which S1–S5 give 9 and the kansli awards the last
 * in review, docs/scoring.md) the part of that remainder not awarded, as a row of its own.
 * Without it the rows would add up to less than `max − total`.
 */
function lostPointsOf(plan: ScoringPlan, score: ScoreResult): LostPoints[] {
  const rows: LostPoints[] = [];
  const lostInQuestions = new Map<string, number>();
  for (const q of score.questions) {
    if (q.points >= q.max) continue;
    const question = plan.byName.get(q.name);
    const section = question ? (plan.pages[question.pageIndex]?.name ?? '') : '';
    lostInQuestions.set(section, (lostInQuestions.get(section) ?? 0) + q.max - q.points);
    rows.push({
      name: q.name,
      title: question?.title ?? q.name,
      ...(question ? withEnglish('titleEn', question.json.title) : {}),
      section,
      points: q.points,
      max: q.max,
      ...(q.computedPoints === undefined ? {} : { computedPoints: q.computedPoints }),
    });
  }
  const pageIndex = new Map(plan.pages.map((page, index) => [page.name, index]));
  plan.pages.forEach((page, index) => {
    const reviewMax = round(
      page.max - plan.questions.filter((q) => q.pageIndex === index).reduce((sum, q) => sum + q.max, 0),
      6,
    );
    const section = score.sections.find((s) => s.name === page.name);
    if (reviewMax <= 0 || !section) return;
    const notAwarded = round(section.max - section.total - (lostInQuestions.get(page.name) ?? 0), 6);
    if (notAwarded <= 0) return;
    const missing = Math.min(notAwarded, reviewMax);
    // After the page's own questions, so the table reads in survey order.
    const later = rows.findIndex((row) => (pageIndex.get(row.section) ?? -1) > index);
    rows.splice(later < 0 ? rows.length : later, 0, {
      name: page.name,
      title: REVIEW_TITLE,
      titleEn: REVIEW_TITLE_EN,
      section: page.name,
      points: round(reviewMax - missing, 6),
      max: reviewMax,
      setInReview: true,
    });
  });
  return rows;
}

/** What the areas over the years read of a stored response. */
export interface StoredResponse {
  year: number;
  status: string;
  organisationType?: 'kommun' | 'region';
  score?: ScoreResult;
}

/**
 * The organisation's own areas over its years: each area's points of its maximum in this year and
 * in every earlier year it submitted (the stored score; a draft, a reopened answer or a year without
 * a score is skipped), matched and titled by Klimatläget's rule (`matchAreas`; this year's sections
 * carry this year's survey's titles, an earlier year's those its score was stored with: the English
 * one only in scores stored since sections kept it, else none, and the page shows the Swedish), with
 * the change from the year before this one. Undefined when no area is in two of the years (this is
 * the organisation's first year, say).
 */
export function ownAreasOverTheYears(
  thisYear: {
    year: number;
    organisationType: 'kommun' | 'region';
    sections: readonly SectionScore[];
  },
  responses: ReadonlyArray<StoredResponse>,
): OwnAreasOverTheYears | undefined {
  const earlier = responses.flatMap((r) =>
    r.year < thisYear.year &&
    r.status === 'submitted' &&
    r.score &&
    // Another type's survey has other areas under the same names.
    (r.organisationType ?? thisYear.organisationType) === thisYear.organisationType
      ? [{ year: r.year, sections: r.score.sections }]
      : [],
  );
  const years = [...earlier.sort((a, b) => a.year - b.year), thisYear];
  if (years.length < 2) return undefined;
  // An area without points that year is not scored in it, as the report's areas leave it out.
  const matched = matchAreas(years.map((entry) => entry.sections.filter((section) => section.max > 0)));
  if (matched.length === 0) return undefined;
  return {
    years: years.map((entry) => entry.year),
    areas: matched.map(({ cells, ...area }) => {
      const shown = cells.map((cell, i) =>
        cell
          ? { year: years[i]!.year, total: cell.total, max: cell.max, share: Math.min(1, cell.total / cell.max) }
          : null,
      );
      const [before, now] = shown.slice(-2);
      const maxChanged = !!before && !!now && before.max !== now.max;
      return {
        ...area,
        years: shown,
        maxChanged,
        change: before && now && !maxChanged ? now.share - before.share : null,
      };
    }),
  };
}

/** Assembles the scorecard. The emission outcome stands beside the score and is never added into it. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const plan = compileScoring(input.survey);
  const english = englishPageTitles(input.survey);
  const { score } = input;
  const lostPoints = lostPointsOf(plan, score);
  const sections = score.sections.map((section) => {
    const titleEn = english.get(section.name);
    return titleEn === undefined ? section : { ...section, titleEn };
  });
  const areasOverTheYears = ownAreasOverTheYears(
    { year: input.year, organisationType: input.organisationType, sections },
    input.responses ?? [],
  );
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
    sections,
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
    ...(areasOverTheYears ? { areasOverTheYears } : {}),
    lostPoints,
    ...(input.frozenOutcome
      ? { emissionOutcome: input.frozenOutcome.outcome, emissionOutcomeSource: input.frozenOutcome.source }
      : {
          emissionOutcome: input.emissions && input.emissions.length > 0 ? emissionOutcome(input.emissions) : null,
          emissionOutcomeSource: { source: 'live' as const },
        }),
  };
}
