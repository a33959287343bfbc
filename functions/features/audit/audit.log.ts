import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../../shared/schemas/audit.schema';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

export type { AuditEntry };

/**
 * The append-only audit trail of admin mutations, as written. Entries are only ever created
 * (conditional put), and no route edits or deletes them. Reading them is `AuditTrail`'s
 * (audit-trail.ts), kept apart so the writers, which every API's core holds, do not load the
 * entry schema the reader validates with (docs/performance.md).
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
}
