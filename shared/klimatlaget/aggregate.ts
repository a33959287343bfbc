/**
 * Klimatläget: aggregates over the organisations that submitted. Pure (no I/O); the publish
 * endpoint feeds it stored responses and freezes the result. Nothing per organisation leaves it:
 * no names, and no figure over fewer than `MIN_GROUP_SIZE` organisations (suppression.ts).
 */
import type { EmissionRow } from '../scoring/emission-outcome.schema';
import { scoreWithOverrides } from '../scoring/score';
import type { ScoreOverride, ScoreResult } from '../scoring/score.schema';
import { yesValueOf } from '../scoring/scored-questions';
import { compileScoring, type QuestionPlan } from '../scoring/scoring-plan';
import { choiceItems, isEmptyValue, localText } from '../scoring/survey-json';
import { resolveVisibility } from '../scoring/visibility';
import { nationalReference, networkEmissions } from './emissions';
import type {
  BandCount,
  KlimatlagetReport,
  NationalEmissions,
  NetworkEmissions,
  QuestionAggregate,
  SectionAggregate,
  TypeAggregate,
  YearOnYear,
} from './report.schema';
import { round, stat } from './stats';
import { networkEmissionsOf, withholdSmallGroups } from './suppression';
import { englishPageTitles, withEnglish } from './titles';

export type OrganisationTypeKey = 'kommun' | 'region';
export const ORGANISATION_TYPES: readonly OrganisationTypeKey[] = ['kommun', 'region'];

/** A stored response as the aggregation needs it. Only `status: 'submitted'` counts. */
export interface AggregateResponse {
  organisationId: string;
  organisationType: OrganisationTypeKey;
  status: string;
  excused?: boolean;
  data: Record<string, unknown>;
  /** The stored score; computed from `data` (and `overrides`) with the survey when absent. */
  score?: ScoreResult;
  overrides?: readonly ScoreOverride[];
}

export interface SurveysByType {
  kommun: object;
  region: object;
}

export interface AggregateInput {
  year: number;
  surveys: SurveysByType;
  responses: readonly AggregateResponse[];
  /** The member organisations asked to answer; without it, the organisations that have a response item. */
  organisations?: ReadonlyArray<{ id: string; type: OrganisationTypeKey }>;
  /** Last year's responses, for the year-on-year change; their stored scores are used. */
  previous?: { responses: readonly AggregateResponse[]; surveys?: SurveysByType };
  /** Imported emission rows by organisation id. */
  emissions?: Readonly<Record<string, readonly EmissionRow[]>>;
  /** The national figure, or national rows to compute it from; the documented constant when absent. */
  nationalEmissions?: NationalEmissions | readonly EmissionRow[];
}

interface Scored {
  response: AggregateResponse;
  score: ScoreResult;
}

/** Tolerance under which a change in share counts as unchanged (half a tenth of a percentage point). */
const UNCHANGED_WITHIN = 0.0005;

/** The score of a submitted response: the stored one, else computed with the survey. */
export function scoreOfResponse(response: AggregateResponse, survey: object | undefined): ScoreResult | undefined {
  if (response.score) return response.score;
  return survey ? scoreWithOverrides(survey, response.data, response.overrides ?? []) : undefined;
}

function submittedScored(responses: readonly AggregateResponse[], surveys: SurveysByType | undefined): Scored[] {
  const out: Scored[] = [];
  for (const response of responses) {
    if (response.status !== 'submitted') continue;
    const scored = scoreOfResponse(response, surveys?.[response.organisationType]);
    if (scored) out.push({ response, score: scored });
  }
  return out;
}

/** Band counts in the order of `labels`, then the respondents without a band (failed gate). */
export function bandCounts(scores: readonly ScoreResult[], labels: readonly string[]): BandCount[] {
  const counts = new Map<string | null, number>([...labels.map((label) => [label, 0] as const), [null, 0]]);
  for (const s of scores) counts.set(s.band, (counts.get(s.band) ?? 0) + 1);
  return [...counts]
    .map(([band, count]) => ({ band, count }))
    .sort((a, b) => (a.band === null ? 1 : b.band === null ? -1 : 0));
}

/** Mean and median share of maximum per section (pages with points), over the given scores. */
export function sectionStats(survey: object, scores: readonly ScoreResult[]): SectionAggregate[] {
  const plan = compileScoring(survey);
  const english = englishPageTitles(survey);
  return plan.pages
    .filter((page) => page.max > 0)
    .map((page) => {
      const shares: number[] = [];
      for (const s of scores) {
        const section = s.sections.find((candidate) => candidate.name === page.name);
        if (section && section.max > 0) shares.push(Math.min(1, section.total / section.max));
      }
      const titleEn = english.get(page.name);
      return {
        name: page.name,
        title: page.title,
        ...(titleEn === undefined ? {} : { titleEn }),
        max: page.max,
        n: shares.length,
        ...stat(shares),
      };
    });
}

function numberFrom(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number band as an answer option. A band holds min ≤ value < max, so "50–80" beside "80–95"
 * would put 80 in both: the text says "50 till under 80" instead. Swedish writes a decimal comma.
 */
function bandText(band: { min?: number; max?: number }): { text: string; textEn: string } {
  const sv = (n: number) => String(n).replace('.', ',');
  const en = String;
  const { min, max } = band;
  if (min !== undefined && max !== undefined) {
    return { text: `${sv(min)} till under ${sv(max)}`, textEn: `${en(min)} to under ${en(max)}` };
  }
  if (max !== undefined) return { text: `under ${sv(max)}`, textEn: `under ${en(max)}` };
  if (min !== undefined) return { text: `${sv(min)} eller mer`, textEn: `${en(min)} or more` };
  return { text: 'alla', textEn: 'all' };
}

interface QuestionTally {
  plan: QuestionPlan;
  index: number;
  yesValue: string | number | boolean | null;
  n: number;
  yes: number;
  options: Array<{ value: string | number; text: string; textEn?: string; count: number }>;
}

function tallyFor(q: QuestionPlan, index: number): QuestionTally {
  const yesValue = q.kind === 'boolean' || q.kind === 'choice' ? yesValueOf(q.json) : null;
  let options: QuestionTally['options'] = [];
  if (q.kind === 'choice' || q.kind === 'checkbox') {
    options = choiceItems(q.json).map((item) => ({
      value: item.value,
      text: localText(item.text) ?? String(item.value),
      ...withEnglish('textEn', item.text),
      count: 0,
    }));
  } else if (q.kind === 'number') {
    options = q.numberBands.map((band, i) => ({ value: i, ...bandText(band), count: 0 }));
  }
  return { plan: q, index, yesValue, n: 0, yes: 0, options };
}

function countAnswer(tally: QuestionTally, value: unknown): void {
  const q = tally.plan;
  tally.n += 1;
  if (tally.yesValue !== null) {
    const isYes = q.kind === 'boolean' ? value === tally.yesValue : String(value) === String(tally.yesValue);
    if (isYes) tally.yes += 1;
  }
  if (q.kind === 'choice') {
    const option = tally.options.find((o) => String(o.value) === String(value));
    if (option) option.count += 1;
  } else if (q.kind === 'checkbox' && Array.isArray(value)) {
    const chosen = new Set(value.map(String));
    for (const option of tally.options) if (chosen.has(String(option.value))) option.count += 1;
  } else if (q.kind === 'number') {
    const n = numberFrom(value);
    if (n === undefined) return;
    const index = q.numberBands.findIndex(
      (b) => (b.min === undefined || n >= b.min) && (b.max === undefined || n < b.max),
    );
    const option = tally.options[index];
    if (option) option.count += 1;
  }
}

/**
 * Per scored or gate question: of the submitted responses that were shown the question and answered
 * it (`n`), the share answering yes and/or the distribution of choices.
 */
export function questionStats(survey: object, responses: readonly AggregateResponse[]): QuestionAggregate[] {
  const plan = compileScoring(survey);
  const tallies = plan.questions
    .map((q, index) => ({ q, index }))
    .filter(({ q }) => q.max > 0 || q.gate)
    .map(({ q, index }) => tallyFor(q, index));
  for (const response of responses) {
    if (response.status !== 'submitted') continue;
    const { visible, value } = resolveVisibility(plan, response.data);
    for (const tally of tallies) {
      const answer = value[tally.index];
      if (visible[tally.index] && !isEmptyValue(answer)) countAnswer(tally, answer);
    }
  }
  return tallies.map((tally) => {
    const q = tally.plan;
    const share = (count: number) => (tally.n > 0 ? round(count / tally.n) : 0);
    return {
      name: q.name,
      title: q.title,
      ...withEnglish('titleEn', q.json.title),
      section: plan.pages[q.pageIndex]?.name ?? '',
      type: q.type,
      gate: q.gate,
      // Shown only after some answers, so its shares are of fewer respondents than its neighbours'.
      ...(q.isVisible === null ? {} : { followUp: true as const }),
      n: tally.n,
      yes: tally.yesValue === null ? null : { value: tally.yesValue, count: tally.yes, share: share(tally.yes) },
      distribution:
        tally.options.length === 0
          ? null
          : tally.options.map((o) => ({
              value: o.value,
              text: o.text,
              ...(o.textEn === undefined ? {} : { textEn: o.textEn }),
              count: o.count,
              share: share(o.count),
            })),
    };
  });
}

/** The change in share of maximum for organisations that submitted in both years; null when none did. */
export function yearOnYear(current: readonly Scored[], previous: readonly Scored[]): YearOnYear | null {
  const before = new Map(previous.map((p) => [p.response.organisationId, p.score]));
  const pairs = current
    .filter((c) => before.has(c.response.organisationId))
    .map((c) => {
      const last = before.get(c.response.organisationId)!;
      return { previous: last.share, current: c.score.share, previousMax: last.max };
    });
  if (pairs.length === 0) return null;
  // Last year's maximum, so a reader can be told when the shares compared are of different maxima.
  const maxima = new Set(pairs.map((p) => p.previousMax));
  // Rounded so floating-point noise cannot move a change across the threshold (0.5005 − 0.5 is 0.000499…).
  const changes = pairs.map((p) => round(p.current - p.previous, 9));
  return {
    organisations: pairs.length,
    // Lets the suppression tell when the pairs are all but one or two of last year's respondents.
    previousRespondents: previous.length,
    ...(maxima.size === 1 ? { previousMax: [...maxima][0]! } : {}),
    previous: stat(pairs.map((p) => p.previous)),
    current: stat(pairs.map((p) => p.current)),
    change: stat(changes),
    improved: changes.filter((d) => d >= UNCHANGED_WITHIN).length,
    unchanged: changes.filter((d) => Math.abs(d) < UNCHANGED_WITHIN).length,
    declined: changes.filter((d) => d <= -UNCHANGED_WITHIN).length,
  };
}

interface GroupInput {
  scored: Scored[];
  previous: Scored[];
  organisationIds: Set<string>;
  excusedIds: Set<string>;
  bandLabels: string[];
  emissions: NetworkEmissions | null;
}

function groupFigures(group: GroupInput) {
  const scores = group.scored.map((s) => s.score);
  return {
    respondents: scores.length,
    organisations: group.organisationIds.size,
    excused: group.excusedIds.size,
    total: stat(scores.map((s) => s.share)),
    gatePassed: scores.filter((s) => s.gatePassed).length,
    bands: bandCounts(scores, group.bandLabels),
    yearOnYear: yearOnYear(group.scored, group.previous),
    emissions: group.emissions,
  };
}

/**
 * Builds Klimatläget for one year from the campaign's surveys and stored responses.
 * Only submitted responses count: a non-respondent is never counted as "no", and an unanswered or
 * hidden question is left out of that question's `n`. Figures over fewer than `MIN_GROUP_SIZE`
 * organisations are withheld (`withholdSmallGroups`), so nothing in the result is one organisation's.
 * @throws ScoringConfigError when a survey's scoring is malformed.
 */
export function aggregateKlimatlaget(input: AggregateInput): KlimatlagetReport {
  const scored = submittedScored(input.responses, input.surveys);
  const previous = submittedScored(input.previous?.responses ?? [], input.previous?.surveys);
  const submittedIds = new Set(scored.map((s) => s.response.organisationId));
  const excused = input.responses.filter((r) => r.excused === true && !submittedIds.has(r.organisationId));
  const excusedIds = new Set(excused.map((r) => r.organisationId));
  const members =
    input.organisations ?? input.responses.map((r) => ({ id: r.organisationId, type: r.organisationType }) as const);
  const national = nationalReference(input.nationalEmissions);
  const rowsOf = (list: Scored[]) =>
    list.map((s) => input.emissions?.[s.response.organisationId]).filter((rows) => rows !== undefined);

  const labelsOf = (type: OrganisationTypeKey) => compileScoring(input.surveys[type]).bands.map((b) => b.label);
  const byType = {} as Record<OrganisationTypeKey, TypeAggregate>;
  const emissionsByType = {} as Record<OrganisationTypeKey, NetworkEmissions | null>;
  for (const type of ORGANISATION_TYPES) {
    const survey = input.surveys[type];
    const ofType = scored.filter((s) => s.response.organisationType === type);
    const organisationIds = new Set([
      ...members.filter((m) => m.type === type && !excusedIds.has(m.id)).map((m) => m.id),
      ...ofType.map((s) => s.response.organisationId),
    ]);
    emissionsByType[type] = networkEmissions(type, rowsOf(ofType), national);
    byType[type] = {
      ...groupFigures({
        scored: ofType,
        previous: previous.filter((p) => p.response.organisationType === type),
        organisationIds,
        excusedIds: new Set(excused.filter((r) => r.organisationType === type).map((r) => r.organisationId)),
        bandLabels: labelsOf(type),
        emissions: emissionsByType[type],
      }),
      max: compileScoring(survey).max,
      scoreBands: compileScoring(survey).bands.map((b) => ({ minShare: b.minShare, label: b.label })),
      sections: sectionStats(
        survey,
        ofType.map((s) => s.score),
      ),
      questions: questionStats(
        survey,
        ofType.map((s) => s.response),
      ),
    };
  }

  const allIds = new Set([...members.filter((m) => !excusedIds.has(m.id)).map((m) => m.id), ...submittedIds]);
  const labels = [...new Set([...labelsOf('kommun'), ...labelsOf('region')])];
  return withholdSmallGroups({
    year: input.year,
    ...groupFigures({
      scored,
      previous,
      organisationIds: allIds,
      excusedIds,
      bandLabels: labels,
      // One type's, never both (regions contain kommuner), chosen as the docs say.
      emissions: networkEmissionsOf(emissionsByType.kommun, emissionsByType.region),
    }),
    byType,
  });
}
