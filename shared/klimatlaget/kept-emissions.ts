import type { EmissionOutcome, FrozenEmissionOutcomes } from '../scoring/emission-outcome.schema';
import type { KlimatlagetReport, OutcomesFrozenBy, ReportRevision } from './report.schema';

/**
 * A correction (a publish of a year that already has a revision) changes the scores it corrects and
 * keeps the emission figures and Utfall of the revision it replaces: a published report is the record
 * of its year, so emissions imported after the first publish never enter it (docs/klimatlaget.md,
 * "Utfall of a published year"; docs/imports.md, "A published year keeps its emissions").
 */

/** What a publish reads of the revision it would replace. */
export type ReplacedRevision = Pick<
  ReportRevision,
  'revision' | 'publishedAt' | 'report' | 'emissionOutcomes' | 'emissionOutcomesFrom'
>;

/**
 * Whether a publish after `latest` reads the stored emissions: the first publish of a year, or a
 * correction of a revision published before Utfall was frozen (its outcomes cannot be recovered).
 * A correction of any other revision reads none.
 */
export function publishReadsEmissions(latest: Pick<ReportRevision, 'emissionOutcomes'> | undefined): boolean {
  return !latest?.emissionOutcomes;
}

/** The revision whose publish froze the snapshot's Utfall: the one a correction kept it from, or itself. */
export function outcomesFrozenBy(snapshot: Pick<ReportRevision, 'revision' | 'publishedAt' | 'emissionOutcomesFrom'>) {
  return snapshot.emissionOutcomesFrom ?? { revision: snapshot.revision, publishedAt: snapshot.publishedAt };
}

/** The report with the published emission figures, for the network and each type. */
export function withPublishedEmissions(live: KlimatlagetReport, published: KlimatlagetReport): KlimatlagetReport {
  return {
    ...live,
    emissions: published.emissions,
    byType: {
      kommun: { ...live.byType.kommun, emissions: published.byType.kommun.emissions },
      region: { ...live.byType.region, emissions: published.byType.region.emissions },
    },
  };
}

export interface RevisionEmissionsInput {
  /** The report aggregated now (its emission figures from whatever emissions were read). */
  report: KlimatlagetReport;
  /** The organisations that have submitted, by code. */
  respondents: readonly string[];
  /**
   * A respondent's Utfall from the emissions read for this publish (null without emissions). Called
   * only when `publishReadsEmissions(latest)`.
   */
  outcomeNow: (organisationId: string) => EmissionOutcome | null;
  /** The latest revision of the year; undefined for its first publish. */
  latest: ReplacedRevision | undefined;
}

/**
 * The emission figures and Utfall a new revision stores:
 * - the first publish: the report as aggregated and every respondent's Utfall from today's emissions;
 * - a correction: the replaced revision's emission figures (the network's and each type's) and each
 *   respondent's Utfall as it froze it, null (no emissions then) included, with the revision that
 *   froze them (`emissionOutcomesFrom`). A respondent it holds no Utfall for is left out, so it reads
 *   the current emissions labelled as current, as for the revision it replaces;
 * - a correction of a revision published before Utfall was frozen: its emission figures, and Utfall
 *   from today's emissions (what that year's scorecards showed, labelled current, until now).
 */
export function revisionEmissions(
  input: RevisionEmissionsInput,
): Pick<ReportRevision, 'report' | 'emissionOutcomes' | 'emissionOutcomesFrom'> {
  const { latest, respondents } = input;
  const report = latest ? withPublishedEmissions(input.report, latest.report) : input.report;
  const kept = latest?.emissionOutcomes;
  if (!latest || !kept) {
    const emissionOutcomes: FrozenEmissionOutcomes = {};
    for (const id of respondents) emissionOutcomes[id] = input.outcomeNow(id);
    return { report, emissionOutcomes };
  }
  const emissionOutcomes: FrozenEmissionOutcomes = {};
  for (const id of respondents) if (Object.hasOwn(kept, id)) emissionOutcomes[id] = kept[id] ?? null;
  const from: OutcomesFrozenBy = outcomesFrozenBy(latest);
  return { report, emissionOutcomes, emissionOutcomesFrom: from };
}
