import { randomUUID } from 'node:crypto';
import { type AuditEntry, AuditEntrySchema } from '../../../shared/schemas/audit.schema';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

export { type AuditEntry, AuditEntrySchema };

/**
 * The append-only audit trail of admin mutations. Entries are only ever created (conditional
 * put), and no route edits or deletes them; they are listed by organisation or by campaign.
 */
export class AuditLog {
  constructor(
    private readonly store: TableStore,
    private readonly clock: Clock,
  ) {}

  async record(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<AuditEntry> {
    const full: AuditEntry = { ...entry, id: randomUUID(), at: this.clock.now().toISOString() };
    await this.store.put(
      {
        ...keys.audit(full.at, full.id),
        ...(full.organisationId ? keys.auditOfOrganisation(full.organisationId, full.at, full.id) : {}),
        ...(full.year !== undefined ? keys.auditOfCampaign(full.year, full.at, full.id) : {}),
        entity: 'Audit',
        ...full,
      },
      { kind: 'absent' },
    );
    return full;
  }

  /** Newest first, by organisation, by campaign, or (with neither) from the current and previous month. */
  async list(filter: { organisationId?: string; year?: number; limit?: number }): Promise<AuditEntry[]> {
    const limit = filter.limit ?? 200;
    let items: Record<string, unknown>[];
    if (filter.organisationId) {
      items = (
        await this.store.query({
          index: 'gsi1',
          partition: keys.auditOfOrganisationPk(filter.organisationId),
          newestFirst: true,
          limit,
        })
      ).items;
    } else if (filter.year !== undefined) {
      items = (
        await this.store.query({
          index: 'gsi2',
          partition: keys.auditOfCampaignPk(filter.year),
          newestFirst: true,
          limit,
        })
      ).items;
    } else {
      const now = this.clock.now();
      const months = [now, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))].map((d) =>
        d.toISOString(),
      );
      items = [];
      for (const month of months) {
        items.push(
          ...(await this.store.query({ partition: keys.audit(month, '').pk, newestFirst: true, limit })).items,
        );
        if (items.length >= limit) break;
      }
    }
    return items.slice(0, limit).map((item) => AuditEntrySchema.parse(item));
  }
}
