import type { ResponseRepository } from '../responses/response.repository';
import type { ReportRepository } from './report.repository';

/** A published year's latest revision and the organisations whose answers it counted. */
export interface PublishedYearRespondents {
  year: number;
  revision: number;
  publishedAt: string;
  /**
   * When the emissions its Utfall rests on were read: `publishedAt`, or for a correction, which
   * keeps the Utfall of the revision it replaces, the publish that froze it.
   */
  outcomesFrozenAt: string;
  /** True when the revision froze each respondent's Utfall; false for one published before that. */
  frozen: boolean;
  respondents: ReadonlySet<string>;
}

/**
 * Which organisations each published year rests on, for the import's warnings (docs/imports.md).
 * One query for the list, one projected query per published year for the frozen respondents, and
 * for a year published before outcomes were frozen the campaign's response summaries.
 */
export class PublishedRespondents {
  constructor(
    private readonly reports: Pick<ReportRepository, 'publishedYears' | 'latestRespondents'>,
    private readonly responses: Pick<ResponseRepository, 'listSummariesByCampaign'>,
  ) {}

  async list(): Promise<PublishedYearRespondents[]> {
    const years = await this.reports.publishedYears();
    const found = await Promise.all(
      years.map(async ({ year }): Promise<PublishedYearRespondents | undefined> => {
        const latest = await this.reports.latestRespondents(year);
        if (!latest) return undefined;
        if (latest.respondents) {
          return { year, ...latest, frozen: true, respondents: new Set(latest.respondents) };
        }
        const summaries = await this.responses.listSummariesByCampaign(year);
        const respondents = summaries.filter((r) => r.status === 'submitted').map((r) => r.organisationId);
        return {
          year,
          revision: latest.revision,
          publishedAt: latest.publishedAt,
          outcomesFrozenAt: latest.publishedAt,
          frozen: false,
          respondents: new Set(respondents),
        };
      }),
    );
    return found.filter((entry): entry is PublishedYearRespondents => entry !== undefined);
  }
}
