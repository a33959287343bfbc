import { createHash } from 'node:crypto';
import { fromKansli } from '../../../shared/domain/kansli-messages';
import { isCampaignMember, isListedInCampaign } from '../../../shared/domain/membership';
import type { ResponseTable } from '../../../shared/export/response-table';
import { responseTable } from '../../../shared/export/response-table';
import {
  aggregateKlimatlaget,
  ORGANISATION_TYPES,
  type OrganisationTypeKey,
} from '../../../shared/klimatlaget/aggregate';
import type { PublishPreview, PublishResult } from '../../../shared/klimatlaget/api.schema';
import {
  outcomesFrozenBy,
  publishReadsEmissions,
  revisionEmissions,
  withPublishedEmissions,
} from '../../../shared/klimatlaget/kept-emissions';
import { yearFigures } from '../../../shared/klimatlaget/over-the-years';
import {
  type KlimatlagetReport,
  KlimatlagetReportSchema,
  type PublishedReport,
  type PublishedYear,
  type ReportRevision,
  type Scorecard,
  type ScoringRules,
} from '../../../shared/klimatlaget/report.schema';
import { withReportDefaults } from '../../../shared/klimatlaget/report-defaults';
import { buildScorecard, networkFromReport, networkLive } from '../../../shared/klimatlaget/scorecard';
import { canonicalJson, scoringRulesOf } from '../../../shared/klimatlaget/scoring-rules';
import { formatStockholm } from '../../../shared/reminders/send-window';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';
import type { SurveyData, SurveyResponse } from '../../../shared/schemas/response.schema';
import { emissionOutcome } from '../../../shared/scoring/emission-outcome';
import type {
  EmissionOutcome,
  EmissionOutcomeSource,
  EmissionRow,
} from '../../../shared/scoring/emission-outcome.schema';
import { sameStoredScore, score, scoreWithOverrides, UnknownOverrideError } from '../../../shared/scoring/score';
import type { ScoreOverride, ScoreResult } from '../../../shared/scoring/score.schema';
import { compileScoring, ScoringConfigError, scoringProblemText } from '../../../shared/scoring/scoring-plan';
import { AlreadyExistsError, DomainRuleError, NotFoundError, VersionConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { AuditLog } from '../audit/audit.log';
import type { CampaignService } from '../campaigns/campaign.service';
import { type EmissionRepository, forEachLimited, toEmissionRow } from '../emissions/emission.repository';
import { answersWithEmissionPrefill, emissionPrefillQuestions } from '../emissions/emissions-prefill';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import type { ResponseRepository } from '../responses/response.repository';
import { organisationTypeOf } from '../responses/response.service';
import type { ReportRepository } from './report.repository';
import { type ReportChangeCauses, reportChangeCauses } from './report-change-causes';
import { ScoreWriteRefused, type ScoreWriter } from './score.writer';

/** A snapshot must fit DynamoDB's 400 KB item limit; refuse well before it. */
export const MAX_SNAPSHOT_BYTES = 350 * 1024;
/** Re-scoring writes this many responses at a time. */
const RESCORE_CONCURRENCY = 8;
const WRITE_ATTEMPTS = 3;

interface Deps {
  campaigns: CampaignService;
  responses: ResponseRepository;
  organisations: OrganisationRepository;
  reports: ReportRepository;
  /** Imported emissions, written by the import feature. */
  emissions: Pick<EmissionRepository, 'ofOrganisation' | 'byOrganisation'>;
  scores: ScoreWriter;
  audit: AuditLog;
  clock: Clock;
}

/** What the export's "Klimatläget" sheet shows: the latest published revision, or figures of now. */
export type ExportReportSource =
  | {
      source: 'published';
      revision: number;
      publishedAt: string;
      /** Organisations whose scores differ from the revision's; null when the revision cannot tell. */
      changedScores: number | null;
      /** Whether publishing now would change the report's figures (a correction keeps its emission figures). */
      figuresChanged: boolean;
      /** Besides the scores, what publishing now would change: who was asked, the change since last year. */
      causes?: ReportChangeCauses;
    }
  | { source: 'live' };

export interface ExportData {
  campaign: Campaign;
  table: ResponseTable;
  report: KlimatlagetReport;
  reportSource: ExportReportSource;
}

/** Everything an export or a publish reads about one campaign. */
interface CampaignData {
  campaign: Campaign;
  /** The organisations in the campaign, asked to answer (`isCampaignMember`). */
  members: Organisation[];
  /** Members in scope plus any other organisation with a response item, by code. */
  organisations: Organisation[];
  responses: SurveyResponse[];
  previous: SurveyResponse[];
  emissions: Record<string, EmissionRow[]>;
  /** The organisations whose emissions were read (`emissions` leaves out those that have none). */
  emissionsRead: ReadonlySet<string>;
}

/**
 * Klimatläget: re-scoring, publishing immutable snapshots, the public report, scorecards and the
 * kansli's exports. Aggregation itself is the pure `aggregateKlimatlaget` in shared/.
 */
export class KlimatlagetService {
  constructor(private readonly deps: Deps) {}

  /** score() for the kansli's survey editor. Throws DomainRuleError invalid_scoring with the reason. */
  preview(survey: object, data: SurveyData, overrides: ScoreOverride[] = []): ScoreResult {
    try {
      return scoringOrRuleError(() => score(survey, data, { overrides }));
    } catch (error) {
      // An override of a question that is not in the survey: said in both languages, not the log's English.
      if (error instanceof UnknownOverrideError) {
        throw new DomainRuleError('invalid_scoring', error.text.sv, undefined, error.text.en);
      }
      throw error;
    }
  }

  /**
   * Re-scores every submitted response of the campaign with its current survey and stored
   * overrides. Each changed score is one conditional write on the response's version; re-running
   * changes nothing that is already current. Audit-logged.
   */
  async rescore(year: number, actor: string): Promise<{ rescored: number; unchanged: number }> {
    const campaign = await this.deps.campaigns.get(year);
    const result = await this.refreshScores(campaign);
    await this.deps.audit.record({
      actor,
      action: 'campaign.rescore',
      target: `campaign:${year}`,
      year,
      after: { ...result, rules: hashesOf(campaign) },
    });
    return result;
  }

  /**
   * Freezes Klimatläget for the year as the next revision. Scores are first brought up to date
   * with the campaign's survey, so the snapshot and the members' scorecards agree with the rules
   * the snapshot records. The first publish of a year freezes each respondent's Utfall and the
   * emission figures from the emissions as they are; a correction (a later revision) keeps those of
   * the revision it replaces and reads no emissions (`revisionEmissions`). Sets the campaign
   * published. Audit-logged.
   */
  async publish(year: number, actor: string): Promise<PublishResult> {
    const campaign = await this.deps.campaigns.get(year);
    if (campaign.status === 'draft') {
      throw new DomainRuleError(
        'campaign_not_started',
        'Kampanjen har inte öppnats och kan inte publiceras.',
        undefined,
        'The campaign has not been opened and cannot be published.',
      );
    }
    // A campaign opened ahead of its start takes no answers yet: publishing it would lock the
    // year for good with an empty report.
    if (new Date(campaign.opensAt) > this.deps.clock.now()) {
      const opens = formatStockholm(new Date(campaign.opensAt));
      throw new DomainRuleError(
        'campaign_not_started',
        `Kampanjen tar emot svar först ${opens} och kan inte publiceras innan dess.`,
        { opensAt: campaign.opensAt },
        `The campaign takes answers only from ${opens} (Stockholm time) and cannot be published before that.`,
      );
    }
    const rules = scoringOrRuleError(() => rulesOf(campaign));
    // The revision this publish would replace decides whether the emissions are read at all: a
    // correction keeps the emission figures and Utfall of the revision it replaces.
    const [{ rescored }, replaced] = await Promise.all([this.refreshScores(campaign), this.deps.reports.latest(year)]);
    let readEmissions = publishReadsEmissions(replaced);
    const data = await this.campaignData(campaign, () => readEmissions);
    // Publishing is final: a report of nobody would lock the year before anyone answered.
    if (!data.responses.some((response) => response.status === 'submitted')) {
      throw new DomainRuleError(
        'nothing_to_publish',
        `Inga svar är inskickade för ${year}, så Klimatläget ${year} kan inte publiceras.`,
        undefined,
        `No responses have been submitted for ${year}, so Klimatläget ${year} cannot be published.`,
      );
    }
    const aggregated = this.aggregate(data);
    const respondents = data.responses.filter((r) => r.status === 'submitted').map((r) => r.organisationId);
    // Each respondent's score as published, so the export can tell which scores changed since.
    const scoreFingerprints = scoreFingerprintsOf(data.campaign, data.responses);
    const publishedAt = this.deps.clock.now().toISOString();

    let revision = 0;
    let report = aggregated;
    for (let attempt = 1; ; attempt++) {
      const latest = attempt === 1 ? replaced : await this.deps.reports.latest(year);
      // Only if a concurrent publish stored a revision without Utfall, which publish never does.
      if (publishReadsEmissions(latest) && !readEmissions) {
        readEmissions = true;
        Object.assign(data.emissions, await this.emissionsOf(respondents));
      }
      revision = (latest?.revision ?? 0) + 1;
      // Each respondent's Utfall kept with the snapshot: the year's scorecards and exports show it,
      // not whatever is imported later; a correction keeps the replaced revision's.
      const emissions = revisionEmissions({
        report: aggregated,
        respondents,
        outcomeNow: (id) => outcomeOfRows(data.emissions[id]),
        latest,
      });
      report = emissions.report;
      const snapshot: ReportRevision = {
        year,
        revision,
        publishedAt,
        publishedBy: actor,
        rules,
        rescored,
        scoreFingerprints,
        ...emissions,
      };
      // Nothing new to freeze (a publish sent twice at once, or again with no correction since):
      // another revision would only repeat the latest.
      if (latest && sameSnapshotContent(latest, snapshot)) return this.alreadyPublished(latest, actor);
      const size = this.deps.reports.sizeOf(snapshot);
      if (size > MAX_SNAPSHOT_BYTES) {
        throw new DomainRuleError(
          'report_too_large',
          `Rapporten blir för stor att spara (${Math.round(size / 1024)} kB). Minska antalet frågor eller svarsalternativ.`,
          undefined,
          `The report is too large to store (${Math.round(size / 1024)} kB). Reduce the number of questions or choices.`,
        );
      }
      try {
        await this.deps.reports.create(snapshot);
        break;
      } catch (error) {
        // Someone published at the same moment: the next round compares with what they froze.
        if (!(error instanceof AlreadyExistsError) || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
    await this.deps.reports.markYearPublished({
      year,
      revision,
      publishedAt,
      respondents: report.respondents,
      organisations: report.organisations,
      figures: yearFigures(report),
    });
    await this.markCampaignPublished(year, actor, revision);
    await this.deps.audit.record({
      actor,
      action: 'klimatlaget.publish',
      target: `campaign:${year}`,
      year,
      after: {
        revision,
        respondents: report.respondents,
        organisations: report.organisations,
        rescored,
        rules: { kommun: rules.kommun.hash, region: rules.region.hash },
      },
    });
    return {
      year,
      revision,
      publishedAt,
      respondents: report.respondents,
      organisations: report.organisations,
      rescored,
      unchanged: false,
    };
  }

  /**
   * The answer to a publish with nothing new: the latest revision stands. The year's list entry and
   * the campaign are marked published at it in case the publish that made it stopped before that.
   */
  private async alreadyPublished(latest: ReportRevision, actor: string): Promise<PublishResult> {
    const { year, revision } = latest;
    const { respondents, organisations } = latest.report;
    await this.deps.reports.markYearPublished({
      year,
      revision,
      publishedAt: latest.publishedAt,
      respondents,
      organisations,
      figures: yearFigures(latest.report),
    });
    if ((await this.deps.campaigns.get(year)).status !== 'published') {
      await this.markCampaignPublished(year, actor, revision);
    }
    return {
      year,
      revision,
      publishedAt: latest.publishedAt,
      respondents,
      organisations,
      rescored: latest.rescored,
      unchanged: true,
    };
  }

  /**
   * Marks the campaign published at `revision`. Two publishes of the same figures may both be here
   * at once; whichever loses the campaign's conditional write finds it published and is done.
   */
  private async markCampaignPublished(year: number, actor: string, revision: number): Promise<void> {
    const { status } = await this.deps.campaigns.get(year);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.campaigns.markPublished(year, actor, revision);
        return;
      } catch (error) {
        const changed = error instanceof DomainRuleError && error.code === 'campaign_changed';
        if (!changed || attempt >= WRITE_ATTEMPTS) throw error;
        const now = (await this.deps.campaigns.get(year)).status;
        if (now === 'published' && status !== 'published') return;
      }
    }
  }

  /**
   * The public report: the latest revision, or the one asked for. Throws NotFoundError `no_survey`
   * for a year no survey ran (no campaign, or one still a draft: the public never saw it), else
   * `not_published`.
   */
  async published(year: number, revision?: number): Promise<PublishedReport> {
    const snapshot =
      revision === undefined ? await this.deps.reports.latest(year) : await this.deps.reports.get(year, revision);
    if (!snapshot) throw (await this.surveyRan(year)) ? notPublished(year, revision) : noSurvey(year);
    return {
      year: snapshot.year,
      revision: snapshot.revision,
      publishedAt: snapshot.publishedAt,
      // An older snapshot gets the bands from its own rules; the stored item is never changed.
      report: withReportDefaults(snapshot.report, snapshot.rules),
    };
  }

  /**
   * Whether a survey ran for the year: its campaign exists and has opened. Read only when there is
   * no report to serve (one GetItem, or none while the campaign is cached), so a served report
   * costs nothing more. It tells the public no more than the members were told: that a survey ran.
   */
  private async surveyRan(year: number): Promise<boolean> {
    try {
      return (await this.deps.campaigns.getCached(year)).status !== 'draft';
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /** The stored snapshot with who published it and its scoring rules (kansli only). */
  async snapshot(year: number, revision: number): Promise<ReportRevision> {
    const snapshot = await this.deps.reports.get(year, revision);
    if (!snapshot) throw notPublished(year, revision);
    return { ...snapshot, report: withReportDefaults(snapshot.report, snapshot.rules) };
  }

  /**
   * The published years, newest first, each with its headline figures per type. A year published
   * before the figures (or their areas) were kept with it gets them from its snapshot (one GetItem
   * per such year); every later publish stores them, so a served list is one query.
   */
  async publishedYears(): Promise<PublishedYear[]> {
    const years = await this.deps.reports.publishedYears();
    return Promise.all(
      years.map(async (entry) => {
        if (entry.figures?.kommun.sections && entry.figures.region.sections) return entry;
        const snapshot = await this.deps.reports.get(entry.year, entry.revision);
        return snapshot
          ? { ...entry, figures: yearFigures(withReportDefaults(snapshot.report, snapshot.rules)) }
          : entry;
      }),
    );
  }

  /**
   * A member's scorecard. Members see it once the year is published, with the network figures of
   * the latest snapshot; their own points are the stored (current) score. With what the kansli told
   * them about the year's answers (`fromKansli`), from the response item it reads anyway: a review
   * note's email links here once the year is published.
   */
  async memberScorecard(organisationId: string, year: number): Promise<Scorecard> {
    const campaign = await this.deps.campaigns.getCached(year);
    const snapshot = await this.deps.reports.latest(year);
    if (!snapshot) {
      throw new NotFoundError(
        `Resultatet för ${year} är inte publicerat ännu.`,
        'not_published',
        `The results for ${year} are not published yet.`,
      );
    }
    return this.scorecard(campaign, organisationId, snapshot, { forMember: true });
  }

  /** The kansli's view of any organisation's scorecard, at any time: live network figures before publishing. */
  async adminScorecard(year: number, organisationId: string): Promise<Scorecard> {
    const campaign = await this.deps.campaigns.get(year);
    const snapshot = await this.deps.reports.latest(year);
    return this.scorecard(campaign, organisationId, snapshot);
  }

  /** Every organisation in scope with its response (status, data, score, overrides), by code. */
  async responsesExport(year: number) {
    const campaign = await this.deps.campaigns.get(year);
    const [register, responses] = await Promise.all([
      this.deps.organisations.list(),
      this.deps.responses.listByCampaign(year),
    ]);
    const { organisations } = scope(register, responses, campaign);
    const byCode = new Map(responses.map((r) => [r.organisationId, r]));
    return {
      year: campaign.year,
      responses: organisations.map((organisation) => {
        const response = byCode.get(organisation.id);
        return {
          organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
          status: response?.status ?? ('not_started' as const),
          excused: response?.excused ?? false,
          version: response?.version ?? 0,
          ...(response?.submittedAt ? { submittedAt: response.submittedAt } : {}),
          data: response?.data ?? {},
          ...(response?.score ? { score: response.score } : {}),
          overrides: response?.overrides ?? [],
        };
      }),
    };
  }

  /**
   * The export table (one row per organisation) and the aggregates, for the CSV and xlsx exports.
   * Utfall of a published year is the one its latest snapshot froze; only a respondent the snapshot
   * has no outcome for (a year published before outcomes were frozen, a response submitted after the
   * publish, an unpublished year) gets its outcome from the stored emissions, read a few at a time.
   * The prefilled answers (M0) are the ones the stored emissions give now, whatever the response
   * stored, so every response's emissions are read (`withServerPrefill`).
   * The aggregates of a published year are its latest revision's, with how many organisations'
   * scores differ from it now; of an unpublished year, computed now.
   */
  async exportData(year: number): Promise<ExportData> {
    const [campaign, snapshot] = await Promise.all([this.deps.campaigns.get(year), this.deps.reports.latest(year)]);
    const frozen = snapshot?.emissionOutcomes;
    const data = await this.campaignData(campaign, frozen ? (id) => !Object.hasOwn(frozen, id) : undefined);
    const outcomes = new Map<string, EmissionOutcome | null>();
    const sources = new Map<string, EmissionOutcomeSource>();
    for (const response of data.responses) {
      if (response.status !== 'submitted') continue;
      const id = response.organisationId;
      const published = snapshot ? frozenOutcomeOf(snapshot, id) : undefined;
      if (published) {
        outcomes.set(id, published.outcome);
        sources.set(id, published.source);
      } else {
        const rows = data.emissions[id];
        outcomes.set(id, rows ? emissionOutcome(rows) : null);
        sources.set(id, { source: 'live' });
      }
    }
    const table = responseTable({
      surveys: campaign.surveys,
      organisations: data.organisations,
      responses: new Map((await this.withServerPrefill(data)).map((r) => [r.organisationId, r])),
      emissionOutcomes: outcomes,
      emissionOutcomeSources: sources,
    });
    // A published year's sheet is the latest revision as published, not the scores of today: a
    // correction shows there only once it is published. How many scores differ is said beside it.
    if (snapshot) {
      const published = withReportDefaults(snapshot.report, snapshot.rules);
      // What a publish now would show: a correction keeps the emission figures as published, so
      // later imports are no reason for a new revision (docs/imports.md).
      const now = withReportDefaults(withPublishedEmissions(this.aggregate(data), published), snapshot.rules);
      return {
        campaign,
        table,
        report: published,
        reportSource: {
          source: 'published',
          revision: snapshot.revision,
          publishedAt: snapshot.publishedAt,
          changedScores: changedScoresSince(snapshot, campaign, data.responses),
          figuresChanged: canonicalJson(now) !== canonicalJson(published),
          causes: reportChangeCauses(published, now),
        },
      };
    }
    return { campaign, table, report: this.aggregate(data), reportSource: { source: 'live' } };
  }

  /**
   * The report a publish now would store, beside the latest revision: the scores brought up to date
   * with the survey in memory as publish would write them, and a correction's emission figures kept
   * from the revision it replaces. Reads what publish reads and writes nothing.
   */
  async publishPreview(year: number): Promise<PublishPreview> {
    const [campaign, latest] = await Promise.all([this.deps.campaigns.get(year), this.deps.reports.latest(year)]);
    const rules = scoringOrRuleError(() => rulesOf(campaign));
    const readEmissions = publishReadsEmissions(latest);
    const data = await this.campaignData(campaign, () => readEmissions);
    const responses = data.responses.map((response) =>
      response.status === 'submitted' ? { ...response, score: rescoreOf(campaign, response) } : response,
    );
    const aggregated = this.aggregate({ ...data, responses });
    if (!latest) return { latest: null, next: withReportDefaults(aggregated, rules) };
    const published = withReportDefaults(latest.report, latest.rules);
    return {
      latest: { year, revision: latest.revision, publishedAt: latest.publishedAt, report: published },
      next: withReportDefaults(withPublishedEmissions(aggregated, published), rules),
    };
  }

  private aggregate(data: CampaignData): KlimatlagetReport {
    const report = scoringOrRuleError(() =>
      aggregateKlimatlaget({
        year: data.campaign.year,
        surveys: data.campaign.surveys,
        responses: data.responses,
        organisations: data.members.map((m) => ({ id: m.id, type: m.type })),
        previous: { responses: data.previous },
        emissions: data.emissions,
      }),
    );
    return KlimatlagetReportSchema.parse(report);
  }

  private async scorecard(
    campaign: Campaign,
    organisationId: string,
    snapshot: ReportRevision | undefined,
    options: { forMember?: boolean } = {},
  ): Promise<Scorecard> {
    const year = campaign.year;
    const bundle = await this.deps.responses.bundle(organisationId);
    const type: OrganisationTypeKey = bundle.organisation?.type ?? organisationTypeOf(organisationId);
    const response = bundle.responses.get(year);
    if (response?.status !== 'submitted') {
      throw new NotFoundError(
        `Det finns inga inskickade svar för ${year}.`,
        'no_submitted_response',
        `There are no submitted responses for ${year}.`,
      );
    }
    const survey = campaign.surveys[type];
    // The stored score is the effective one, overrides included; computed only when none is stored.
    const own =
      response.score ?? scoringOrRuleError(() => scoreWithOverrides(survey, response.data, response.overrides));
    const network = snapshot
      ? networkFromReport(snapshot.report.byType[type], snapshot.revision)
      : networkLive(survey, await this.liveScores(year, type));
    const previous = bundle.responses.get(year - 1);
    // A published year's Utfall is the one frozen at publish; otherwise the stored emissions now.
    const frozen = snapshot ? frozenOutcomeOf(snapshot, organisationId) : undefined;
    const card = buildScorecard({
      year,
      organisationId,
      ...(bundle.organisation ? { organisationName: bundle.organisation.name } : {}),
      organisationType: type,
      survey,
      data: response.data,
      score: own,
      network,
      ...(previous?.status === 'submitted' && previous.score
        ? { lastYear: { year: year - 1, score: previous.score } }
        : {}),
      // From the bundle already read: the areas over the years cost no request of their own.
      responses: [...bundle.responses.values()],
      ...(frozen
        ? { frozenOutcome: frozen }
        : { emissions: (await this.deps.emissions.ofOrganisation(organisationId)).map(toEmissionRow) }),
    });
    return options.forMember ? { ...card, fromKansli: fromKansli(response) } : card;
  }

  private async liveScores(year: number, type: OrganisationTypeKey): Promise<ScoreResult[]> {
    const responses = await this.deps.responses.listByCampaign(year);
    return responses
      .filter((r) => r.status === 'submitted' && r.organisationType === type && r.score)
      .map((r) => r.score!);
  }

  /** `readEmissionsOf`: which respondents' emissions to read (default all of them). */
  private async campaignData(
    campaign: Campaign,
    readEmissionsOf: (organisationId: string) => boolean = () => true,
  ): Promise<CampaignData> {
    const year = campaign.year;
    const [register, responses, previous] = await Promise.all([
      this.deps.organisations.list(),
      this.deps.responses.listByCampaign(year),
      this.deps.responses.listByCampaign(year - 1),
    ]);
    const { members, organisations } = scope(register, responses, campaign);
    const submitted = responses
      .filter((r) => r.status === 'submitted')
      .map((r) => r.organisationId)
      .filter(readEmissionsOf);
    const emissions = await this.emissionsOf(submitted);
    return { campaign, members, organisations, responses, previous, emissions, emissionsRead: new Set(submitted) };
  }

  /**
   * The responses with their prefilled answers (M0) as the member's page is given them from the
   * imported emissions (`EmissionsPrefillSource`), not as stored: a caller of the API can store any
   * number there. Uses the emissions read for the aggregates and reads only the rest (drafts, and
   * the respondents whose Utfall a published year froze), a few at a time like those.
   */
  private async withServerPrefill(data: CampaignData): Promise<SurveyResponse[]> {
    const { campaign } = data;
    const questionsOf = (response: SurveyResponse) =>
      emissionPrefillQuestions(campaign.surveys[response.organisationType]);
    const unread = data.responses
      .filter((r) => questionsOf(r).length > 0 && !data.emissionsRead.has(r.organisationId))
      .map((r) => r.organisationId);
    const more = await this.emissionsOf(unread);
    return data.responses.map((response) => {
      const rows = data.emissions[response.organisationId] ?? more[response.organisationId] ?? [];
      const survey = campaign.surveys[response.organisationType];
      return { ...response, data: answersWithEmissionPrefill(survey, response.data, rows, campaign.year) };
    });
  }

  /** The stored emissions of these organisations, one query each, a few at a time. */
  private async emissionsOf(organisationIds: readonly string[]): Promise<Record<string, EmissionRow[]>> {
    const emissions: Record<string, EmissionRow[]> = {};
    for (const [id, records] of await this.deps.emissions.byOrganisation(organisationIds)) {
      emissions[id] = records.map(toEmissionRow);
    }
    return emissions;
  }

  /** Brings every submitted response's stored score up to date with the campaign's survey. */
  private async refreshScores(campaign: Campaign): Promise<{ rescored: number; unchanged: number }> {
    for (const type of ORGANISATION_TYPES) scoringOrRuleError(() => compileScoring(campaign.surveys[type]));
    const responses = (await this.deps.responses.listByCampaign(campaign.year)).filter((r) => r.status === 'submitted');
    let rescored = 0;
    let unchanged = 0;
    await forEachLimited(responses, RESCORE_CONCURRENCY, async (first) => {
      let response: SurveyResponse | undefined = first;
      for (let attempt = 1; response?.status === 'submitted'; attempt++) {
        const fresh = rescoreOf(campaign, response);
        if (sameStoredScore(response.score, fresh)) {
          unchanged += 1;
          return;
        }
        try {
          await this.deps.scores.write(
            campaign.year,
            response.organisationId,
            response.version,
            fresh,
            this.deps.clock.now().toISOString(),
          );
          rescored += 1;
          return;
        } catch (error) {
          if (!(error instanceof ScoreWriteRefused)) throw error;
          if (attempt >= WRITE_ATTEMPTS) {
            throw new VersionConflictError(
              'Svaren ändrades medan poängen räknades om. Försök igen.',
              undefined,
              'The answers changed while the points were being recalculated. Try again.',
            );
          }
          // Changed meanwhile (an override, a reopen): read it again; a reopened response is skipped.
          response = await this.deps.responses.get(campaign.year, response.organisationId);
        }
      }
    });
    return { rescored, unchanged };
  }
}

/**
 * The score a response gets now: its survey, its data, and the stored overrides of questions still
 * in the survey, as submit and the review's adjustments store it (`scoreWithOverrides`).
 */
function rescoreOf(campaign: Campaign, response: SurveyResponse): ScoreResult {
  return scoreWithOverrides(campaign.surveys[response.organisationType], response.data, response.overrides);
}

/** A respondent's Utfall from its emissions as read; null without emissions. */
function outcomeOfRows(rows: readonly EmissionRow[] | undefined): EmissionOutcome | null {
  return rows && rows.length > 0 ? emissionOutcome(rows) : null;
}

/** A stored score's fingerprint: 16 hex digits of the sha256 of its canonical JSON. */
function scoreFingerprint(score: ScoreResult): string {
  return sha256(canonicalJson(score)).slice(0, 16);
}

/** Every respondent's stored score (computed when none is stored), fingerprinted, by code. */
function scoreFingerprintsOf(campaign: Campaign, responses: readonly SurveyResponse[]): Record<string, string> {
  const fingerprints: Record<string, string> = {};
  for (const response of responses) {
    if (response.status !== 'submitted') continue;
    fingerprints[response.organisationId] = scoreFingerprint(response.score ?? rescoreOf(campaign, response));
  }
  return fingerprints;
}

/**
 * How many organisations' scores differ from what the snapshot published: a score changed since
 * (an adjustment), a response reopened (no longer counted) or submitted after it (not yet counted).
 * Null for a snapshot published before the scores were fingerprinted: it cannot be told.
 */
function changedScoresSince(
  snapshot: ReportRevision,
  campaign: Campaign,
  responses: readonly SurveyResponse[],
): number | null {
  const published = snapshot.scoreFingerprints;
  if (!published) return null;
  const now = scoreFingerprintsOf(campaign, responses);
  const codes = new Set([...Object.keys(published), ...Object.keys(now)]);
  return [...codes].filter((code) => published[code] !== now[code]).length;
}

/**
 * The organisation's Utfall as the snapshot froze it, or undefined when the snapshot has none for
 * it (published before outcomes were frozen, or the organisation submitted after the publish). Its
 * source names the revision whose publish read the emissions: for a correction, the one it kept
 * them from, so "as published on {date}" gives the date the emissions are as of.
 */
function frozenOutcomeOf(
  snapshot: ReportRevision,
  organisationId: string,
): { outcome: EmissionOutcome | null; source: EmissionOutcomeSource } | undefined {
  const frozen = snapshot.emissionOutcomes;
  if (!frozen || !Object.hasOwn(frozen, organisationId)) return undefined;
  const { revision, publishedAt } = outcomesFrozenBy(snapshot);
  return { outcome: frozen[organisationId] ?? null, source: { source: 'published', revision, publishedAt } };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function rulesOf(campaign: Campaign): ScoringRules {
  return {
    kommun: scoringRulesOf(campaign.surveys.kommun, sha256(canonicalJson(campaign.surveys.kommun))),
    region: scoringRulesOf(campaign.surveys.region, sha256(canonicalJson(campaign.surveys.region))),
  };
}

function hashesOf(campaign: Campaign) {
  return {
    kommun: sha256(canonicalJson(campaign.surveys.kommun)),
    region: sha256(canonicalJson(campaign.surveys.region)),
  };
}

/**
 * The campaign's members, asked to answer (in the campaign: a member on one of its answer days, not
 * merely some day of the calendar year), and for the exports those plus any organisation with a
 * response item whatever its membership. A submission always counts: `aggregateKlimatlaget` counts
 * every submitted response, members or not. See shared/domain/membership.ts.
 */
function scope(register: Organisation[], responses: SurveyResponse[], campaign: Campaign) {
  const members = register.filter((o) => isCampaignMember(o, campaign));
  const answered = new Set(responses.map((r) => r.organisationId));
  const organisations = register.filter((o) => isListedInCampaign(o, campaign, answered.has(o.id)));
  return { members, organisations };
}

/** Runs scoring code, turning a malformed survey into a 422 with the reason. */
function scoringOrRuleError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ScoringConfigError) {
      // Both languages name the question, property and value; `details` lets the editor point at it.
      throw new DomainRuleError(
        'invalid_scoring',
        `Poängsättningen i enkäten är felaktig: ${scoringProblemText(error.problem, 'sv')}.`,
        error.problem,
        `The survey's scoring is not valid: ${scoringProblemText(error.problem, 'en')}.`,
      );
    }
    throw error;
  }
}

/**
 * Whether two snapshots freeze the same figures, rules and Utfall, whoever made them and when. The
 * scores' fingerprints are left out: a correction that moves no published figure (a type too small
 * to show) needs no new revision.
 */
function sameSnapshotContent(a: ReportRevision, b: ReportRevision): boolean {
  const content = (s: ReportRevision) =>
    canonicalJson({ report: s.report, rules: s.rules, emissionOutcomes: s.emissionOutcomes ?? null });
  return content(a) === content(b);
}

function notPublished(year: number, revision?: number) {
  return new NotFoundError(
    revision === undefined
      ? `Klimatläget ${year} är inte publicerat ännu.`
      : `Det finns ingen version ${revision} av Klimatläget ${year}.`,
    'not_published',
    revision === undefined
      ? `Klimatläget ${year} is not published yet.`
      : `There is no version ${revision} of Klimatläget ${year}.`,
  );
}

/** A year no survey ran, so no report will come: not "not published yet". */
function noSurvey(year: number) {
  return new NotFoundError(
    `Det finns inget Klimatläget för ${year}: inget medlemstest har genomförts för det året.`,
    'no_survey',
    `There is no Klimatläget for ${year}: no member survey was run that year.`,
  );
}
