import type { Clock } from '../../ports/clock';
import type { Item, TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** Outbox and reminder-log entries are kept this many years, then deleted. */
export const RETENTION_YEARS = 2;
const PAGE_SIZE = 100;

export interface RetentionResult {
  cutoff: string;
  outboxDeleted: number;
  reminderLogDeleted: number;
  campaignsChecked: number;
}

/**
 * The retention job: deletes outbox messages and reminder-log entries older than two years.
 * Queries only (no Scan): the outbox by its partition with `sk < cutoff` (the sort key starts
 * with the send time), and each campaign's reminder log found through the campaign list.
 * Deletes are single-item and idempotent, so a run that fails part-way completes when re-run.
 * Login tokens and sessions need no job: their expiry is checked in code on every use.
 */
export class RetentionService {
  constructor(
    private readonly store: TableStore,
    private readonly clock: Clock,
  ) {}

  cutoff(): string {
    const at = this.clock.now();
    at.setUTCFullYear(at.getUTCFullYear() - RETENTION_YEARS);
    return at.toISOString();
  }

  async run(): Promise<RetentionResult> {
    const cutoff = this.cutoff();
    // Sort keys are `<sentAt>#<id>`, so everything sent before the cutoff sorts below it.
    const outboxDeleted = await this.deleteWhere({ partition: keys.outboxPk, between: ['0', cutoff] }, () => true);

    const campaigns = await this.store.queryAll({ index: 'gsi1', partition: keys.allCampaignsPk });
    let reminderLogDeleted = 0;
    let campaignsChecked = 0;
    for (const campaign of campaigns) {
      // Reminders are sent after a campaign opens: a campaign opened after the cutoff has none old enough.
      if (typeof campaign.opensAt === 'string' && campaign.opensAt >= cutoff) continue;
      campaignsChecked++;
      reminderLogDeleted += await this.deleteWhere(
        { partition: keys.campaign(Number(campaign.year)).pk, beginsWith: keys.reminderPrefix },
        (item) => {
          const at = entryTime(item);
          return at !== undefined && at < cutoff;
        },
      );
    }
    return { cutoff, outboxDeleted, reminderLogDeleted, campaignsChecked };
  }

  private async deleteWhere(
    query: { partition: string; between?: [string, string]; beginsWith?: string },
    expired: (item: Item) => boolean,
  ): Promise<number> {
    let deleted = 0;
    let cursor: string | undefined;
    do {
      const page = await this.store.query({ ...query, limit: PAGE_SIZE, cursor });
      for (const item of page.items.filter(expired)) {
        await this.store.delete({ pk: item.pk, sk: item.sk });
        deleted++;
      }
      cursor = page.cursor;
    } while (cursor);
    return deleted;
  }
}

/** When a reminder-log entry last changed (its send time once sent); undefined when it has none. */
function entryTime(item: Item): string | undefined {
  for (const name of ['at', 'sentAt', 'updatedAt', 'claimedAt']) {
    const value = item[name];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}
