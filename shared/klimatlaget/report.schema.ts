/**
 * zod schemas for Klimatläget (the published report), its snapshot's scoring rules and the member
 * scorecard. One schema per concept; the TypeScript types are inferred from them.
 */
import { z } from 'zod';
import { FromKansliSchema } from '../schemas/response.schema';
import {
  EmissionOutcomeSchema,
  EmissionOutcomeSourceSchema,
  FrozenEmissionOutcomesSchema,
} from '../scoring/emission-outcome.schema';
import { ScoreBandSchema, SectionScoreSchema } from '../scoring/score.schema';

export const OrganisationTypeKeySchema = z.enum(['kommun', 'region']);

/**
 * Mean and median of a set of values (shares of maximum 0–1, unless the field says otherwise).
 * The median is null when the set holds fewer than `minGroupSizeMedian` values: with 3 or 4, a
 * member's own value, the mean and the median give another's exactly (suppression.ts).
 */
export const StatSchema = z.object({ mean: z.number(), median: z.number().nullable() });
export type Stat = z.infer<typeof StatSchema>;

/**
 * Set on a group whose figures are withheld because it holds fewer organisations than the
 * report's `minGroupSize` (figures of one or two organisations would be their own answers).
 * The withheld figures are null, never 0; the counts of who responded stay.
 */
const Suppressed = z.boolean().optional();

/** How many respondents reached a band; `band: null` counts those without a band (failed gate). */
export const BandCountSchema = z.object({ band: z.string().nullable(), count: z.number().int().min(0) });
export type BandCount = z.infer<typeof BandCountSchema>;

/** One answer option's count among the `n` respondents who answered the question. */
export const ChoiceCountSchema = z.object({
  value: z.union([z.string(), z.number()]),
  text: z.string(),
  /** The English text when the survey has one; absent in snapshots published before English was stored. */
  textEn: z.string().optional(),
  /** Null when the question's answers are withheld (fewer than `minGroupSize` answered). */
  count: z.number().int().min(0).nullable(),
  share: z.number().min(0).max(1).nullable(),
});

/**
 * One scored (or gate) question. `n` counts the submitted responses in which the question was shown
 * and answered: non-respondents and unanswered questions are never counted as "no".
 * `yes` is set for booleans and single-choice questions (the highest-scored choice);
 * `distribution` for choice questions (checkbox shares may sum above 1) and scored numbers (by band).
 */
export const QuestionAggregateSchema = z.object({
  name: z.string(),
  title: z.string(),
  /** The English title when the survey has one; readers fall back to `title` (Swedish) without it. */
  titleEn: z.string().optional(),
  section: z.string(),
  type: z.string(),
  gate: z.boolean(),
  /**
   * True for a question shown only after certain answers (a `visibleIf`, e.g. M4b after M4 = Ja):
   * its `n` and shares are of the respondents it was shown to, not of all respondents.
   */
  followUp: z.boolean().optional(),
  /**
   * Null when the organisation type's figures are withheld: a follow-up's `n` would tell how many
   * gave the answer that opens it.
   */
  n: z.number().int().min(0).nullable(),
  /** Withheld (`count`/`share` null) when fewer than `minGroupSize` answered; `value` is kept. */
  yes: z
    .object({
      value: z.union([z.string(), z.number(), z.boolean()]),
      count: z.number().int().min(0).nullable(),
      share: z.number().nullable(),
    })
    .nullable(),
  distribution: z.array(ChoiceCountSchema).nullable(),
  suppressed: Suppressed,
});
export type QuestionAggregate = z.infer<typeof QuestionAggregateSchema>;

/** A section (survey page with points): mean and median share of its maximum over respondents. */
export const SectionAggregateSchema = z.object({
  name: z.string(),
  title: z.string(),
  /** The English title when the survey has one; readers fall back to `title` (Swedish) without it. */
  titleEn: z.string().optional(),
  max: z.number().min(0),
  n: z.number().int().min(0),
  /** Null when fewer than `minGroupSize` respondents have the section (the median under `minGroupSizeMedian`). */
  mean: z.number().nullable(),
  median: z.number().nullable(),
});
export type SectionAggregate = z.infer<typeof SectionAggregateSchema>;

/** Change in share of maximum for the organisations that submitted both this year and last year. */
export const YearOnYearSchema = z.object({
  /** Organisations that submitted both years (the figures below are over them); always shown. */
  organisations: z.number().int().min(1),
  /** The figures below are null (`suppressed: true`) when `organisations` is under `minGroupSize`. */
  previous: StatSchema.nullable(),
  current: StatSchema.nullable(),
  /** Mean and median of (this year's share − last year's share), in share points (0.05 = 5 %-enheter). */
  change: StatSchema.nullable(),
  improved: z.number().int().min(0).nullable(),
  unchanged: z.number().int().min(0).nullable(),
  declined: z.number().int().min(0).nullable(),
  suppressed: Suppressed,
  /**
   * The organisations that submitted last year in this group; absent in snapshots published before
   * it was stored. With this year's respondents it tells whether the pairs differ from either year's
   * respondents by one or two organisations (`unmatched`).
   */
  previousRespondents: z.number().int().min(0).optional(),
  /**
   * The survey's maximum points last year, when all pairs had the same one; absent in snapshots
   * published before it was stored. When it differs from this year's `max`, the change compares
   * shares of different maxima, and the page says so.
   */
  previousMax: z.number().min(0).optional(),
  /**
   * True when this year's or last year's respondents number one or two more than the pairs (or last
   * year's count is unknown): `previous`, `current` and `change` are then null, since a year's total
   * over all respondents minus the pairs' mean would give those one or two organisations' scores.
   * The counts of improved/unchanged/declined stay: they are over the pairs alone.
   */
  unmatched: z.boolean().optional(),
  /** The whole network's change only: types left out because their own change is withheld (see the report). */
  excludedTypes: z.array(OrganisationTypeKeySchema).optional(),
});
export type YearOnYear = z.infer<typeof YearOnYearSchema>;

/** The national reference for emissions per inhabitant, with where the figure comes from. */
export const NationalEmissionsSchema = z.object({
  perInhabitant: z.number(),
  /** The year the figure is for; null when the source does not say (then `quotedIn` dates the source). */
  year: z.number().int().nullable(),
  source: z.string(),
  /** The year of the publication the figure is quoted from, for a figure whose own year is unknown. */
  quotedIn: z.number().int().optional(),
  /** The change since 1990 as a fraction (-0.46 = 46 % lower), when the source gives one. */
  changeSince1990: z.number().optional(),
});
export type NationalEmissions = z.infer<typeof NationalEmissionsSchema>;

/**
 * Emissions of the respondents that have imported emissions, in t CO2e per inhabitant.
 * `basis` says which organisations, never both (regions' territories contain their kommuner, so
 * mixing would count the same tonnes twice): the network's figure is the kommuner's when at least
 * `minGroupSize` kommuner have data, else the regions' when as many regions do, else the
 * kommuner's (withheld), else the regions' (withheld).
 */
export const NetworkEmissionsSchema = z.object({
  basis: OrganisationTypeKeySchema,
  organisations: z.number().int().min(1),
  latestYear: z.number().int(),
  /** Each figure below is null when it rests on fewer than `minGroupSize` organisations. */
  suppressed: Suppressed,
  /** Unweighted mean and median over the organisations' latest-year figures. */
  perInhabitant: StatSchema.nullable(),
  /** Sum of tonnes / sum of inhabitants in the latest year (population-weighted), over the trend's last count. */
  weightedPerInhabitant: z.number().nullable(),
  national: NationalEmissionsSchema,
  /**
   * The change in emissions per inhabitant since 1990, as a fraction: mean and median over the
   * organisations with per-inhabitant figures for 1990 and for their latest year (Klimatläget 2023:
   * "members' emissions per inhabitant fell on average 53 % since 1990"). Null when none has them;
   * absent in snapshots published before it was computed.
   */
  changeSince1990: z
    .object({ organisations: z.number().int().min(1), mean: z.number().nullable(), median: z.number().nullable() })
    .nullable()
    .optional(),
  /**
   * Population-weighted per-inhabitant figure per year over the organisations with data that year;
   * null for a year with fewer than `minGroupSize` of them.
   */
  trend: z.array(
    z.object({
      year: z.number().int(),
      perInhabitant: z.number().nullable(),
      organisations: z.number().int().min(1),
    }),
  ),
  /**
   * The whole network's emissions only: types with respondents of which none has emission figures.
   * The figure is not theirs, and a withheld one is withheld for the other type's few, not theirs.
   */
  typesWithoutData: z.array(OrganisationTypeKeySchema).optional(),
});
export type NetworkEmissions = z.infer<typeof NetworkEmissionsSchema>;

/** Counts and distributions over one set of respondents. */
const GroupFields = {
  /** Organisations that submitted. */
  respondents: z.number().int().min(0),
  /** Member organisations asked to answer (excused ones left out), plus any other that submitted. */
  organisations: z.number().int().min(0),
  excused: z.number().int().min(0),
  /** True when there are respondents, but fewer than `minGroupSize`: `total`, `gatePassed` and `bands` are null. */
  suppressed: Suppressed,
  /** Share of maximum over respondents; null without respondents or when withheld. */
  total: StatSchema.nullable(),
  gatePassed: z.number().int().min(0).nullable(),
  bands: z.array(BandCountSchema).nullable(),
  yearOnYear: YearOnYearSchema.nullable(),
  emissions: NetworkEmissionsSchema.nullable(),
};

/** One organisation type's survey: its sections and questions, and the figures above for that type. */
export const TypeAggregateSchema = z.object({
  ...GroupFields,
  /** The survey's maximum points. */
  max: z.number().min(0),
  /**
   * The survey's bands, highest first: a respondent that meets every basic requirement gets the first
   * band with share ≥ minShare. The same bands that scored the responses; snapshots published before
   * they were stored here get them from the snapshot's rules when read (`withReportDefaults`).
   */
  scoreBands: z.array(ScoreBandSchema).optional(),
  sections: z.array(SectionAggregateSchema),
  questions: z.array(QuestionAggregateSchema),
});
export type TypeAggregate = z.infer<typeof TypeAggregateSchema>;

/** Klimatläget for one year: aggregates over submitted responses only, nothing per organisation. */
export const KlimatlagetReportSchema = z.object({
  year: z.number().int(),
  /**
   * The smallest group whose medians are shown (`MIN_GROUP_SIZE_MEDIAN`); below it only the mean is.
   * Absent in snapshots published before, which get it, and the withholding, when read.
   */
  minGroupSizeMedian: z.number().int().min(1).optional(),
  /**
   * The smallest group whose figures are shown (`MIN_GROUP_SIZE`); absent in snapshots published
   * before, which get it, and the withholding, when read (`withReportDefaults`).
   */
  minGroupSize: z.number().int().min(1).optional(),
  ...GroupFields,
  /**
   * Types left out of the whole network's `total`, `gatePassed` and `bands` because their own are
   * withheld: the network's figure minus the other type's would give them away. The network's
   * figures are then those of the other type; `respondents` still counts everyone.
   */
  excludedTypes: z.array(OrganisationTypeKeySchema).optional(),
  byType: z.object({ kommun: TypeAggregateSchema, region: TypeAggregateSchema }),
});
export type KlimatlagetReport = z.infer<typeof KlimatlagetReportSchema>;

/** One question's scoring rule, as a snapshot records it. */
export const QuestionRuleSchema = z.object({
  name: z.string(),
  section: z.string(),
  max: z.number().min(0),
  gate: z.boolean().optional(),
  /** Choice value → points. */
  choices: z.record(z.string(), z.number()).optional(),
  scoreTrue: z.number().optional(),
  scoreFalse: z.number().optional(),
  cap: z.number().optional(),
  numberBands: z
    .array(z.object({ min: z.number().optional(), max: z.number().optional(), score: z.number() }))
    .optional(),
  visibleIf: z.boolean().optional(),
});

/** The scoring rules of one survey: a hash of its whole JSON and a summary of everything that gives points. */
export const SurveyRulesSchema = z.object({
  /** sha256 of the survey JSON with sorted keys. */
  hash: z.string(),
  max: z.number().min(0),
  bands: z.array(ScoreBandSchema),
  sections: z.array(z.object({ name: z.string(), max: z.number().min(0) })),
  questions: z.array(QuestionRuleSchema),
});
export type SurveyRules = z.infer<typeof SurveyRulesSchema>;

export const ScoringRulesSchema = z.object({ kommun: SurveyRulesSchema, region: SurveyRulesSchema });
export type ScoringRules = z.infer<typeof ScoringRulesSchema>;

/** GET /api/klimatlaget/{year}: a published revision, as anyone may read it. */
export const PublishedReportSchema = z.object({
  year: z.number().int(),
  revision: z.number().int().min(1),
  publishedAt: z.string(),
  report: KlimatlagetReportSchema,
});
export type PublishedReport = z.infer<typeof PublishedReportSchema>;

/** A revision whose publish froze Utfall: its number and when it was published. */
export const OutcomesFrozenBySchema = z.object({
  revision: z.number().int().min(1),
  publishedAt: z.string(),
});
export type OutcomesFrozenBy = z.infer<typeof OutcomesFrozenBySchema>;

/** A stored snapshot: the public part plus who published it and the scoring rules it used. */

export const ReportRevisionSchema = PublishedReportSchema.extend({
  publishedBy: z.string(),
  rules: ScoringRulesSchema,
  /** Stored responses whose score was refreshed with the current survey before aggregating. */
  rescored: z.number().int().min(0).default(0),
  /**
   * Every respondent's Utfall at publish (kansli only, never in the public report). Absent in
   * snapshots published before outcomes were frozen: those years read the current emissions.
   */
  emissionOutcomes: FrozenEmissionOutcomesSchema.optional(),
  /**
   * The revision whose publish read the emissions of `emissionOutcomes` and of the report's emission
   * figures, when this revision is a correction that kept them from it (docs/klimatlaget.md, "Utfall
   * of a published year"). Absent when this revision's own publish read them, and in older snapshots.
   */
  emissionOutcomesFrom: OutcomesFrozenBySchema.optional(),
  /**
   * Every respondent's stored score at publish as a short fingerprint, by organisation code (kansli
   * only), so the export can say how many scores changed since. Absent in older snapshots.
   */
  scoreFingerprints: z.record(z.string(), z.string()).optional(),
});
export type ReportRevision = z.infer<typeof ReportRevisionSchema>;

/** GET /api/klimatlaget: one entry per published year, newest first. */
/**
 * One type's headline figures in a published year, for Klimatläget over the years: shares of that
 * year's maximum (`max`, as the survey can change), null when withheld or without respondents.
 * Nothing the year's own report does not already show.
 */
export const YearFiguresSchema = z.object({
  respondents: z.number().int().min(0),
  max: z.number().min(0),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  /**
   * Each area's mean share of its own maximum, as the year's report shows it (null when withheld).
   * Absent in entries stored before it was kept; the service fills it from the snapshot.
   */
  sections: z
    .array(SectionAggregateSchema.pick({ name: true, title: true, titleEn: true, max: true, mean: true }))
    .optional(),
});
export type YearFigures = z.infer<typeof YearFiguresSchema>;

export const PublishedYearSchema = z.object({
  year: z.number().int(),
  revision: z.number().int().min(1),
  publishedAt: z.string(),
  respondents: z.number().int().min(0),
  organisations: z.number().int().min(0),
  /** Per type, from the revision's report. Stored at publish; filled from the snapshot for older years. */
  figures: z.object({ kommun: YearFiguresSchema, region: YearFiguresSchema }).optional(),
});
export type PublishedYear = z.infer<typeof PublishedYearSchema>;

/** The network's figures for one organisation type, in points (the member's own units). */
export const NetworkFiguresSchema = z.object({
  /** `published`: from the latest snapshot; `live`: computed now from stored responses (kansli only). */
  source: z.enum(['published', 'live']),
  revision: z.number().int().min(1).optional(),
  respondents: z.number().int().min(0),
  /** The smallest group whose figures are shown. */
  minGroupSize: z.number().int().min(1),
  /** The smallest group whose median is shown; below it `median` and `medianShare` are null. */
  minGroupSizeMedian: z.number().int().min(1),
  /** True when the type has respondents, but fewer than `minGroupSize`: `total` is null, `sections` empty. */
  suppressed: Suppressed,
  /** Null when withheld or without respondents. */
  total: StatSchema.nullable(),
  /** The sections whose figures are shown. */
  sections: z.array(
    z.object({
      name: z.string(),
      mean: z.number(),
      median: z.number().nullable(),
      meanShare: z.number(),
      medianShare: z.number().nullable(),
    }),
  ),
});
export type NetworkFigures = z.infer<typeof NetworkFiguresSchema>;

/**
 * A question where points were lost; `computedPoints` is present when the kansli overrode the points.
 * A row with `setInReview` is not a question: it is the part of a section's maximum that no question
 * gives by itself and only the kansli awards in review (S6 in Samhällsplanering); `name` is then the
 * section's. With it the rows add up to `max − total`.
 */
export const LostPointsSchema = z.object({
  name: z.string(),
  title: z.string(),
  titleEn: z.string().optional(),
  section: z.string(),
  points: z.number().min(0),
  max: z.number().min(0),
  computedPoints: z.number().min(0).optional(),
  setInReview: z.boolean().optional(),
});
export type LostPoints = z.infer<typeof LostPointsSchema>;

/** Last year's result of the same organisation. */
export const LastYearScoreSchema = z.object({
  year: z.number().int(),
  total: z.number(),
  max: z.number(),
  share: z.number(),
  band: z.string().nullable(),
  sections: z.array(SectionScoreSchema),
});

/**
 * A basic requirement (gate question) that was shown and not met: answered no (`answered: true`) or
 * left unanswered. One such question is enough to give no band.
 */
export const FailedGateSchema = z.object({
  name: z.string(),
  title: z.string(),
  titleEn: z.string().optional(),
  answered: z.boolean(),
});
export type FailedGate = z.infer<typeof FailedGateSchema>;

/** One of the organisation's own areas in one year: its points of the area's maximum that year. */
export const OwnAreaYearSchema = z.object({
  year: z.number().int(),
  total: z.number().min(0),
  max: z.number().min(0),
  /** `total / max`, at most 1. */
  share: z.number().min(0).max(1),
});

/**
 * One area of the scorecard's `areasOverTheYears`, matched across the years as Klimatläget's areas
 * over the years are (`matchAreas`: by the survey page's name, titled as the latest year titles it,
 * i.e. this year's survey for an area it has).
 */
export const OwnAreaOverTheYearsSchema = z.object({
  name: z.string(),
  title: z.string(),
  titleEn: z.string().optional(),
  /** One entry per year of `areasOverTheYears.years`, oldest first; null in a year whose survey had no such area. */
  years: z.array(OwnAreaYearSchema.nullable()),
  /** The area's maximum differs between this year and the year before it in `years`: no change is given. */
  maxChanged: z.boolean(),
  /**
   * This year's share minus that of the year before it in `years`, in share points (0.05 = 5
   * procentenheter); null when either year lacked the area or the maximum changed.
   */
  change: z.number().nullable(),
});
export type OwnAreaOverTheYears = z.infer<typeof OwnAreaOverTheYearsSchema>;

/** The organisation's own areas over the years it submitted, up to the scorecard's year. */
export const OwnAreasOverTheYearsSchema = z.object({
  /** The years with a submitted, scored response, oldest first; the last is the scorecard's year. */
  years: z.array(z.number().int()).min(2),
  /** The areas in at least two of the years: in this year's survey order, then those only earlier years had. */
  areas: z.array(OwnAreaOverTheYearsSchema).min(1),
});
export type OwnAreasOverTheYears = z.infer<typeof OwnAreasOverTheYearsSchema>;

/** GET /api/campaigns/{year}/scorecard and the kansli's view of any organisation's scorecard. */
export const ScorecardSchema = z.object({
  year: z.number().int(),
  organisationId: z.string(),
  /** The organisation's name in the register (its code when the register has no entry). */
  organisationName: z.string(),
  organisationType: OrganisationTypeKeySchema,
  total: z.number().min(0),
  max: z.number().min(0),
  share: z.number().min(0).max(1),
  band: z.string().nullable(),
  gatePassed: z.boolean(),
  /** The basic requirements not met, in survey order; empty when the gate passed. */
  failedGates: z.array(FailedGateSchema),
  /**
   * The band the points would have given had every basic requirement been met; set only when the
   * gate failed (null when even then no band would be given).
   */
  bandIfGatePassed: z.string().nullable().optional(),
  /** The survey's bands, highest first, as in the report. */
  scoreBands: z.array(ScoreBandSchema),
  sections: z.array(SectionScoreSchema.extend({ titleEn: z.string().optional() })),
  network: NetworkFiguresSchema,
  lastYear: LastYearScoreSchema.optional(),
  /**
   * Each area's points in every year the organisation submitted (the stored scores), up to this
   * one; absent when no area is in two of its years (e.g. this is its first year).
   */
  areasOverTheYears: OwnAreasOverTheYearsSchema.optional(),
  lostPoints: z.array(LostPointsSchema),
  /** Utfall: reported beside the survey score, never added into it; null without imported emissions. */
  emissionOutcome: EmissionOutcomeSchema.nullable(),
  /** Whether `emissionOutcome` is the one frozen at publish or computed now from the stored emissions. */
  emissionOutcomeSource: EmissionOutcomeSourceSchema.optional(),
  /**
   * What the kansli told the organisation about that year's answers (reopens, review notes), in the
   * member's own scorecard only (its organisation comes from the session); the kansli's view of a
   * scorecard leaves it out, as the review page shows it all.
   */
  fromKansli: FromKansliSchema.optional(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
