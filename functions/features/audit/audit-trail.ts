import { type AuditEntry, AuditEntrySchema } from '../../../shared/schemas/audit.schema';
import { InputValidationError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { type IndexName, keys } from '../../store/table-design';

export interface AuditFilter {
  organisationId?: string;
  year?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Present when older entries follow: pass it back as `cursor` for the next page. */
  nextCursor?: string;
}

/** An entry's place in every audit listing: its sort key in the month, organisation and campaign collections. */
const POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9-]{1,64}$/;
/** Sorts below every `<at>#<id>`: the lower end of "older than the cursor". */
const OLDEST = '0';

/**
 * Reads the audit trail that `AuditLog` writes: pages for the kansli's audit view and whole lists
 * by organisation or campaign. Every entry is validated against the entry schema on the way out.
 */
export class AuditTrail {
  constructor(
    private readonly store: TableStore,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of entries, newest first, by organisation, by campaign, both (the organisation's entries
   * of that campaign) or neither (this month and last month). `cursor` is the opaque `nextCursor` of
   * the page before: it holds the last entry's position and the filter it was made for, and is
   * checked against this request's filter; anything else throws InputValidationError (400). Each
   * page is a query from the cursor's position down (`sk BETWEEN '0' AND <position>`), never a scan
   * from the start.
   */
  async page(filter: AuditFilter & { limit: number; cursor?: string }): Promise<AuditPage> {
    const position = filter.cursor === undefined ? undefined : decodeAuditCursor(filter.cursor, filter);
    const keep =
      filter.organisationId !== undefined && filter.year !== undefined
        ? (entry: AuditEntry) => entry.year === filter.year
        : () => true;
    const entries: AuditEntry[] = [];
    for (const source of this.sources(filter, position)) {
      let storeCursor: string | undefined;
      do {
        const page = await this.store.query({
          index: source.index,
          partition: source.partition,
          newestFirst: true,
          limit: filter.limit + 2,
          ...(position && source.fromPosition ? { between: [OLDEST, position] as [string, string] } : {}),
          cursor: storeCursor,
        });
        for (const item of page.items) {
          const entry = AuditEntrySchema.parse(item);
          if (!keep(entry) || positionOf(entry) === position) continue;
          if (entries.length === filter.limit) {
            return { entries, nextCursor: encodeAuditCursor(filter, positionOf(entries.at(-1)!)) };
          }
          entries.push(entry);
        }
        storeCursor = page.cursor;
      } while (storeCursor);
    }
    return { entries };
  }

  /** Where a listing reads from, newest first; `fromPosition` marks the collection the cursor's position is in. */
  private sources(
    filter: AuditFilter,
    position: string | undefined,
  ): Array<{ index?: IndexName; partition: string; fromPosition: boolean }> {
    if (filter.organisationId !== undefined) {
      return [{ index: 'gsi1', partition: keys.auditOfOrganisationPk(filter.organisationId), fromPosition: true }];
    }
    if (filter.year !== undefined) {
      return [{ index: 'gsi2', partition: keys.auditOfCampaignPk(filter.year), fromPosition: true }];
    }
    const now = this.clock.now();
    const months = [now, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))].map((d) =>
      d.toISOString(),
    );
    const positionMonth = position?.slice(0, 7);
    return months
      .filter((month) => !positionMonth || month.slice(0, 7) <= positionMonth)
      .map((month) => ({ partition: keys.audit(month, '').pk, fromPosition: month.slice(0, 7) === positionMonth }));
  }

  /** Newest first, by organisation, by campaign, or (with neither) from the current and previous month. */
  async list(filter: { organisationId?: string; year?: number; limit?: number }): Promise<AuditEntry[]> {
    const limit = filter.limit ?? 200;
    const items: Record<string, unknown>[] = [];
    // An empty organisation id lists by campaign or month, as a missing one does.
    for (const source of this.sources({ ...filter, organisationId: filter.organisationId || undefined }, undefined)) {
      items.push(
        ...(await this.store.query({ index: source.index, partition: source.partition, newestFirst: true, limit }))
          .items,
      );
      if (items.length >= limit) break;
    }
    return items.slice(0, limit).map((item) => AuditEntrySchema.parse(item));
  }
}

function positionOf(entry: AuditEntry): string {
  return `${entry.at}#${entry.id}`;
}

interface AuditCursor {
  v: 1;
  /** The filter the cursor belongs to. */
  o: string | null;
  c: number | null;
  /** The last entry of the page before. */
  p: string;
}

function encodeAuditCursor(filter: AuditFilter, position: string): string {
  const cursor: AuditCursor = { v: 1, o: filter.organisationId ?? null, c: filter.year ?? null, p: position };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The position a cursor holds, if it is one this log made for the same filter; else 400. */
function decodeAuditCursor(cursor: string, filter: AuditFilter): string {
  let parsed: Partial<AuditCursor> | undefined;
  try {
    if (/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    parsed.v === 1 &&
    typeof parsed.p === 'string' &&
    POSITION.test(parsed.p) &&
    parsed.o === (filter.organisationId ?? null) &&
    parsed.c === (filter.year ?? null);
  if (!valid || !parsed?.p) {
    throw new InputValidationError('Markören för nästa sida är ogiltig. Börja om från första sidan.', [
      {
        path: ['cursor'],
        code: 'invalid_cursor',
        message: 'Ogiltig markör, eller en markör från en annan filtrering.',
      },
    ]);
  }
  return parsed.p;
}
