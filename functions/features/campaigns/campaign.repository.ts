import { type Campaign, CampaignSchema } from '../../../shared/schemas/campaign.schema';
import { DomainRuleError } from '../../errors/domain-errors';
import type { Item, TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** A response as re-scoring sees it. */
export interface ScoringInput {
  organisationType: 'kommun' | 'region';
  status: string;
  data: Record<string, unknown>;
  score: object | undefined;
  overrides: Array<{ question: string; points: number }>;
}

/** Campaigns, one item per year, plus the lock item that allows one open campaign at a time. */
export class CampaignRepository {
  constructor(private readonly store: TableStore) {}

  async get(year: number): Promise<Campaign | undefined> {
    const item = await this.store.get(keys.campaign(year));
    return item ? fromItem(item) : undefined;
  }

  /** Every campaign, oldest first. */
  async list(): Promise<Campaign[]> {
    const items = await this.store.queryAll({ index: 'gsi1', partition: keys.allCampaignsPk });
    return items.map(fromItem);
  }

  /**
   * Whether the campaign has any stored response (draft, submitted or excused): one Query of the
   * campaign's response collection, one key long, instead of counting or reading responses.
   */
  async hasResponses(year: number): Promise<boolean> {
    const page = await this.store.query({
      index: 'gsi1',
      partition: keys.responsesOfCampaignPk(year),
      limit: 1,
      attributes: ['pk'],
    });
    return page.items.length > 0;
  }

  /**
   * What re-scoring reads of each response of the campaign (type, status, answers, stored score,
   * overrides), for counting stale scores after a survey save: one Query of the campaign's response
   * collection (one request per 1 MB page), never a Scan; contacts, notes and the rest stay unread.
   */
  async scoringInputs(year: number): Promise<ScoringInput[]> {
    const items = await this.store.queryAll({
      index: 'gsi1',
      partition: keys.responsesOfCampaignPk(year),
      attributes: ['organisationType', 'status', 'data', 'score', 'overrides'],
    });
    return items.map((item) => ({
      organisationType: item.organisationType as ScoringInput['organisationType'],
      status: String(item.status ?? ''),
      data: (item.data as Record<string, unknown> | undefined) ?? {},
      score: item.score as object | undefined,
      overrides: (item.overrides as ScoringInput['overrides'] | undefined) ?? [],
    }));
  }

  async create(campaign: Campaign): Promise<void> {
    await this.store.put(this.toItem(campaign), { kind: 'absent' });
  }

  /**
   * Replaces the campaign only if nobody changed it since `expectedUpdatedAt`: one conditional put.
   * A failed condition throws `onChanged()`, by default DomainRuleError campaign_changed.
   */
  async replace(
    campaign: Campaign,
    expectedUpdatedAt: string,
    onChanged: () => Error = () =>
      new DomainRuleError('campaign_changed', 'Kampanjen ändrades av någon annan. Ladda om och försök igen.'),
  ): Promise<void> {
    await this.store.put(this.toItem(campaign), {
      kind: 'expression',
      expression: 'updatedAt = :expected',
      values: { ':expected': expectedUpdatedAt },
      onFail: onChanged,
    });
  }

  /** The year holding the open lock, if any. */
  async openYear(): Promise<number | undefined> {
    return (await this.openLock())?.year;
  }

  /** The open lock as stored: the year holding it and when it was taken. */
  async openLock(): Promise<OpenLock | undefined> {
    const lock = await this.store.get(keys.campaignOpenLock);
    return typeof lock?.year === 'number'
      ? { year: lock.year, at: typeof lock.at === 'string' ? lock.at : '' }
      : undefined;
  }

  /**
   * Takes the one-open-campaign lock for `year`. Taking it again for the same year succeeds,
   * so an open that crashed after the lock completes when re-run. Held by another year, it throws
   * DomainRuleError another_campaign_open.
   */
  async takeOpenLock(year: number, at: string): Promise<void> {
    await this.store.put(
      { ...keys.campaignOpenLock, year, at },
      {
        kind: 'expression',
        expression: 'attribute_not_exists(pk) OR #year = :year',
        names: { '#year': 'year' },
        values: { ':year': year },
        onFail: anotherCampaignOpen,
      },
    );
  }

  /**
   * Takes the lock over from `stale`, a holder the caller found no longer open, only if the lock is
   * still exactly what the caller read (same year, same `at`): a holder that took it again meanwhile
   * (a reopen) keeps it, and the caller gets another_campaign_open.
   */
  async takeOverOpenLock(year: number, at: string, stale: OpenLock): Promise<void> {
    await this.store.put(
      { ...keys.campaignOpenLock, year, at },
      {
        kind: 'expression',
        expression: '#year = :heldBy AND #at = :heldAt',
        names: { '#year': 'year', '#at': 'at' },
        values: { ':heldBy': stale.year, ':heldAt': stale.at },
        onFail: anotherCampaignOpen,
      },
    );
  }

  async releaseOpenLock(year: number): Promise<void> {
    try {
      await this.store.delete(keys.campaignOpenLock, {
        kind: 'expression',
        expression: '#year = :year',
        names: { '#year': 'year' },
        values: { ':year': year },
        onFail: () => new Error('lock held by another year'),
      });
    } catch (error) {
      if ((error as Error).message !== 'lock held by another year') throw error;
    }
  }

  private toItem(campaign: Campaign) {
    const { surveys, ...rest } = campaign;
    return {
      ...keys.campaign(campaign.year),
      ...keys.campaignListing(campaign.year),
      entity: 'Campaign',
      ...rest,
      surveysJson: JSON.stringify(surveys),
    };
  }
}

/** The one-open-campaign lock: the year holding it and when that year took it. */
export interface OpenLock {
  year: number;
  at: string;
}

function anotherCampaignOpen(): Error {
  return new DomainRuleError('another_campaign_open', 'En annan kampanj är redan öppen. Stäng den först.');
}

/**
 * The surveys are stored as one JSON string, not as a DynamoDB map: the ~100 KB tree of nested
 * attribute values cost a cold autosave ~15 ms of CPU to deserialise and unmarshal, the string
 * ~5 ms (docs/performance.md). Items written before that hold the map in `surveys`.
 */
function fromItem(item: Item): Campaign {
  const { surveysJson, ...rest } = item;
  // jitless: an instance parses a campaign once per cache period, so compiling zod's fast path for
  // it costs more (~1.5 ms on a cold autosave) than it ever saves.
  return CampaignSchema.parse(typeof surveysJson === 'string' ? { ...rest, surveys: JSON.parse(surveysJson) } : rest, {
    jitless: true,
  });
}
