/** Pure helpers that shape a member's scorecard for the page: no React, no chart.js. */
import {
  CHANGE_5Y_STEPS,
  CHANGE_SINCE_1990_STEPS,
  PER_INHABITANT_STEPS,
} from '../../../../shared/scoring/emission-outcome';
import type { PublishedYear, Scorecard } from '../../api/types';
import type { TextPart } from '../../components/charts/chart-spec';
import { type Lang, type Localised, type Translate, titleOf } from '../../i18n';
import { formatDecimal, formatPercent, formatPointChange } from '../../lib/format';

export { titleOf };

export interface GateExplanation {
  /** The basic requirements not met, in survey order, titled in the page's language. */
  failed: Array<{ name: string; title: Localised; answered: boolean }>;
  /** The band the points would have reached with every basic requirement met, and that band's threshold. */
  band: { label: string; minShare: number } | null;
  /**
   * Whether the points are compared with the network below: not when its figures are withheld (too
   * few of the type answered), so the text must not promise a comparison.
   */
  compared: boolean;
}

/**
 * Why the scorecard has no band: which basic requirements were not met, and what the points would
 * otherwise have given (the threshold from the survey's own bands, as the API sends them). Null when
 * every basic requirement was met.
 */
export function gateExplanation(scorecard: Scorecard, lang: Lang): GateExplanation | null {
  if (scorecard.gatePassed) return null;
  const label = scorecard.bandIfGatePassed ?? null;
  const threshold = label === null ? undefined : scorecard.scoreBands.find((b) => b.label === label);
  return {
    failed: scorecard.failedGates.map((gate) => ({
      name: gate.name,
      title: titleOf(gate, lang),
      answered: gate.answered,
    })),
    band: label === null || threshold === undefined ? null : { label, minShare: threshold.minShare },
    compared: scorecard.network.total !== null,
  };
}

/** Why there is no scorecard, in words: the key for the API's 404 code or the page's own reason. */
export function missingKey(
  missing: string | undefined,
):
  | 'scorecard.noResponse'
  | 'scorecard.nonePublished'
  | 'scorecard.notYear'
  | 'scorecard.noSurvey'
  | 'scorecard.notPublished' {
  switch (missing) {
    case 'no_submitted_response':
      return 'scorecard.noResponse';
    case 'none_published':
      return 'scorecard.nonePublished';
    case 'not_a_year':
      return 'scorecard.notYear';
    // The API's answer for a year without a campaign: not "not published yet", which promises a result.
    case 'not_found':
      return 'scorecard.noSurvey';
    default:
      return 'scorecard.notPublished';
  }
}

/**
 * Why the scorecard has no Utfall, so a member can tell it from a missing feature: no emissions
 * were imported for the organisation, by the publish (`publishedAt`, the figures frozen then) or
 * at all (`publishedAt` null: read now). Null when there is an Utfall.
 */
export function missingOutcome(scorecard: Scorecard): { publishedAt: string | null } | null {
  if (scorecard.emissionOutcome) return null;
  const source = scorecard.emissionOutcomeSource;
  return { publishedAt: source?.source === 'published' && source.publishedAt ? source.publishedAt : null };
}

/**
 * The range of share of maximum that the scorecard's band covers: at least `min` (null for the
 * lowest band, which starts at 0) and under `below` (null for the highest). Null without a band.
 */
export function bandRange(scorecard: Scorecard): { min: number | null; below: number | null } | null {
  if (scorecard.band === null) return null;
  const sorted = [...scorecard.scoreBands].sort((a, b) => b.minShare - a.minShare);
  const i = sorted.findIndex((b) => b.label === scorecard.band);
  if (i < 0) return null;
  const band = sorted[i]!;
  return { min: band.minShare > 0 ? band.minShare : null, below: sorted[i - 1]?.minShare ?? null };
}

export interface LostSummary {
  /** Questions where points were lost, and how many points. */
  questions: number;
  questionPoints: number;
  /** Points of an area that only the kansli awards in review (S6) and did not award. */
  reviewPoints: number;
}

/** The lost points as the page states them: questions apart from review points; together max − total. */
export function lostSummary(scorecard: Scorecard): LostSummary {
  const summary = { questions: 0, questionPoints: 0, reviewPoints: 0 };
  for (const row of scorecard.lostPoints) {
    const lost = row.max - row.points;
    if (row.setInReview) summary.reviewPoints += lost;
    else {
      summary.questions += 1;
      summary.questionPoints += lost;
    }
  }
  return summary;
}

/** How Utfall is scored, per part, from the scoring constants themselves (docs/scoring.md). */
export function outcomeScale() {
  return [
    { part: 'level', steps: PER_INHABITANT_STEPS },
    { part: 'since1990', steps: CHANGE_SINCE_1990_STEPS },
    { part: 'fiveYears', steps: CHANGE_5Y_STEPS },
  ] as const;
}

/**
 * The areas chart's text alternative: beside the network's mean, and its median only when one is
 * shown (a median is withheld below 5 organisations); without the network when it is withheld.
 */
export function sectionsSummary(
  network: { compared: boolean; medians: boolean; ahead: number; count: number },
  t: Translate,
  lang: Lang,
): string {
  if (!network.compared) return t('scorecard.sections.summaryOwn');
  const figures = network.medians ? t('report.meanMedian') : t('report.mean').toLocaleLowerCase(lang);
  return t('scorecard.sections.summary', { ahead: network.ahead, count: network.count, figures });
}

/**
 * Last year's points in the areas table: "7", or "7 av 15" when last year's maximum differs from
 * this year's beside it, so the points are not read against a maximum they were never out of;
 * '–' for an area last year did not have.
 */
export function lastYearCell(
  last: { total: number; max: number } | undefined,
  max: number,
  t: Translate,
  lang: Lang,
): string {
  if (!last) return '–';
  const points = formatDecimal(last.total, lang);
  return last.max === max ? points : t('report.ofTotal', { count: points, total: formatDecimal(last.max, lang) });
}

/**
 * The areas table's note when last year's maximum differs from this year's in an area or in total
 * (the survey changed), with the first such cell as its example; null when none differs or there
 * is no last year.
 */
export function lastYearMaxNote(scorecard: Scorecard, t: Translate, lang: Lang): string | null {
  const last = scorecard.lastYear;
  if (!last) return null;
  const before = new Map(last.sections.map((s) => [s.name, s]));
  const changed = [
    ...scorecard.sections.filter((s) => s.max > 0).map((s) => ({ last: before.get(s.name), max: s.max })),
    { last, max: scorecard.max },
  ].find((row) => row.last !== undefined && row.last.max !== row.max);
  if (!changed) return null;
  return t('scorecard.sections.lastMaxNote', {
    year: last.year,
    example: lastYearCell(changed.last, changed.max, t, lang),
  });
}

export interface HistoryRow {
  year: number;
  total: number;
  max: number;
  share: number;
  band: string | null;
  /** The members' of the same type that year, as its report shows it; null when withheld. */
  networkMean: number | null;
}

/**
 * The organisation's own result in each year it has a scorecard for, oldest first, beside its
 * type's mean that year (from the list of published years). Shown from two years on.
 */
export function scorecardHistory(
  scorecards: ReadonlyArray<Scorecard>,
  years: ReadonlyArray<PublishedYear>,
): HistoryRow[] {
  const figures = new Map(years.map((y) => [y.year, y.figures]));
  return [...scorecards]
    .sort((a, b) => a.year - b.year)
    .map((card) => ({
      year: card.year,
      total: card.total,
      max: card.max,
      share: card.share,
      band: card.band,
      networkMean: figures.get(card.year)?.[card.organisationType]?.mean ?? null,
    }));
}

/** The text alternative of the chart over the years: every year's share, and the members' mean. */
export function historySummary(
  rows: ReadonlyArray<HistoryRow>,
  organisation: string,
  t: Translate,
  lang: Lang,
): string {
  const list = (value: (row: HistoryRow) => number | null) =>
    rows
      .map((row) => {
        const v = value(row);
        return `${row.year} ${v === null ? t('report.withheld').toLocaleLowerCase(lang) : formatPercent(v, lang)}`;
      })
      .join(', ');
  return t('scorecard.history.summary', {
    organisation,
    own: list((row) => row.share),
    network: list((row) => row.networkMean),
  });
}

export type OwnAreas = NonNullable<Scorecard['areasOverTheYears']>;
type OwnArea = OwnAreas['areas'][number];

/** The two years the areas' chart sets side by side: the year before this one, and this one. */
export function ownChartYears(of: OwnAreas): { from: number; to: number } {
  return { from: of.years.at(-2)!, to: of.years.at(-1)! };
}

/** An area's share in a year, or null when that year's survey had no such area. */
export function ownShareIn(area: OwnArea, year: number): number | null {
  return area.years.find((cell) => cell?.year === year)?.share ?? null;
}

/**
 * A cell of the areas table: "7 av 15" and the share, or that the survey had no such area that year.
 * `max: false` leaves out "av 15", for a row that gives its maximum once (ownAreaMax).
 */
export function ownAreaCell(
  area: OwnArea,
  index: number,
  t: Translate,
  lang: Lang,
  { max = true }: { max?: boolean } = {},
): { points: string; share: string } | string {
  const cell = area.years[index];
  if (!cell) return t('report.areasYears.notInSurvey');
  const points = formatDecimal(cell.total, lang);
  return {
    points: max ? t('report.ofTotal', { count: points, total: formatDecimal(cell.max, lang) }) : points,
    share: formatPercent(cell.share, lang),
  };
}

/**
 * The area's maximum when it is the same in every year the area was in the survey, so a phone can
 * give it once, under the area, and each year's cell be as narrow as "7" over "47 %"; else null.
 */
export function ownAreaMax(area: OwnArea): number | null {
  const maxima = new Set(area.years.flatMap((cell) => (cell ? [cell.max] : [])));
  return maxima.size === 1 ? [...maxima][0]! : null;
}

/** The change column: share points since the year before, or why there is none, as on Klimatläget. */
export function ownAreaChange(area: OwnArea, t: Translate, lang: Lang): string {
  if (area.maxChanged) return t('report.areasYears.maxChangedCell');
  return area.change === null ? '–' : formatPointChange(area.change, lang);
}

/** The areas chart in words: each area's share in the two years, in the chart's order. */
export function ownAreasSummary(of: OwnAreas, t: Translate, lang: Lang): TextPart[] {
  const years = ownChartYears(of);
  const value = (share: number | null) =>
    share === null ? t('report.areasYears.notInSurvey') : formatPercent(share, lang);
  const parts: TextPart[] = [`${t('scorecard.areasYears.summary', { ...years, count: of.areas.length })} `];
  of.areas.forEach((area, i) => {
    parts.push(titleOf(area, lang));
    parts.push(
      `: ${years.from} ${value(ownShareIn(area, years.from))}, ${years.to} ${value(ownShareIn(area, years.to))}${i === of.areas.length - 1 ? '.' : '; '}`,
    );
  });
  return parts;
}
