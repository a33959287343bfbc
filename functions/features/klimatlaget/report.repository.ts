import {
  OutcomesFrozenBySchema,
  type PublishedYear,
  PublishedYearSchema,
  type ReportRevision,
  ReportRevisionSchema,
} from '../../../shared/klimatlaget/report.schema';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/**
 * Klimatläget snapshots: one immutable item per revision (`REPORT#<year> / REV#<nnnn>`), created
 * with a conditional put and never updated, plus one small item per published year for the list.
 */
export class ReportRepository {
  constructor(private readonly store: TableStore) {}

  /** The newest revision of a year, or undefined when the year is unpublished. One query, limit 1. */
  async latest(year: number): Promise<ReportRevision | undefined> {
    const item = await this.newest(year);
    return item ? ReportRevisionSchema.parse(item) : undefined;
  }

  /**
   * The newest revision's number, date and frozen respondents' codes (the keys of its
   * `emissionOutcomes`; null for a snapshot published before outcomes were frozen), and when the
   * emissions of its Utfall were read (`outcomesFrozenAt`: the publish of the revision a correction
   * kept them from, else its own), without sending the report itself. One query, limit 1.
   */
  async latestRespondents(
    year: number,
  ): Promise<
    { revision: number; publishedAt: string; outcomesFrozenAt: string; respondents: string[] | null } | undefined
  > {
    const item = await this.newest(year, ['revision', 'publishedAt', 'emissionOutcomes', 'emissionOutcomesFrom']);
    if (!item) return undefined;
    const outcomes = item.emissionOutcomes as Record<string, unknown> | undefined;
    const from = OutcomesFrozenBySchema.safeParse(item.emissionOutcomesFrom);
    const publishedAt = String(item.publishedAt);
    return {
      revision: Number(item.revision),
      publishedAt,
      outcomesFrozenAt: from.success ? from.data.publishedAt : publishedAt,
      respondents: outcomes && typeof outcomes === 'object' ? Object.keys(outcomes) : null,
    };
  }

  /** The newest revision's item (only `attributes`, when given): one consistent query, limit 1. */
  private async newest(year: number, attributes?: string[]) {
    const page = await this.store.query({
      partition: keys.reportPk(year),
      beginsWith: keys.reportRevisionPrefix,
      newestFirst: true,
      limit: 1,
      consistent: true,
      ...(attributes ? { attributes } : {}),
    });
    return page.items[0];
  }

  async get(year: number, revision: number): Promise<ReportRevision | undefined> {
    const item = await this.store.get(keys.reportRevision(year, revision));
    return item ? ReportRevisionSchema.parse(item) : undefined;
  }

  /** Creates the revision; throws AlreadyExistsError when that number is taken. */
  async create(revision: ReportRevision): Promise<void> {
    await this.store.put(this.toItem(revision), { kind: 'absent' });
  }

  /** The stored size of a revision item in bytes (JSON), to stay well under DynamoDB's 400 KB. */
  sizeOf(revision: ReportRevision): number {
    return Buffer.byteLength(JSON.stringify(this.toItem(revision)), 'utf8');
  }

  /** Records the year as published at `revision`, unless a newer revision is already recorded. */
  async markYearPublished(entry: PublishedYear): Promise<void> {
    try {
      await this.store.put(
        { ...keys.publishedReport(entry.year), entity: 'PublishedReport', ...entry },
        {
          kind: 'expression',
          expression: 'attribute_not_exists(pk) OR #revision < :revision',
          names: { '#revision': 'revision' },
          values: { ':revision': entry.revision },
          onFail: () => new NewerRevisionRecorded(),
        },
      );
    } catch (error) {
      if (!(error instanceof NewerRevisionRecorded)) throw error;
    }
  }

  /** Every published year, newest first. One query over small items. */
  async publishedYears(): Promise<PublishedYear[]> {
    const items = await this.store.queryAll({ partition: keys.publishedReportsPk, newestFirst: true });
    return items.map((item) => PublishedYearSchema.parse(item));
  }

  private toItem(revision: ReportRevision) {
    return { ...keys.reportRevision(revision.year, revision.revision), entity: 'ReportRevision', ...revision };
  }
}

class NewerRevisionRecorded extends Error {}
