import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../../shared/schemas/audit.schema';
import { AlreadyExistsError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

export type { AuditEntry };

/** An entry's place in the table, as `keys.audit(at, id)` gives it. */
export type AuditEntryKey = ReturnType<typeof keys.audit>;

/** The one rewrite the trail allows: an entry's before/after with the erased person's data taken out. */
export interface AuditRedaction {
  /** The entry's target as read; the write is conditioned on it. */
  target: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The append-only audit trail of admin mutations, as written. Entries are only ever created
 * (conditional put), and no route edits or deletes them. Reading them is `AuditTrail`'s
 * (audit-trail.ts), kept apart so the writers, which every API's core holds, do not load the
 * entry schema the reader validates with (docs/performance.md).
 *
 * One exception, for GDPR erasure only (`redactErased`): an entry written before contacts' audit
 * summaries left out the name and address may name an erased person, and erasure must not leave
 * them identifiable. It rewrites that entry's `before`/`after` once, without the personal fields,
 * and stamps it `erasedAt`; who did what, when, to which target and organisation stays as written.
 */
export class AuditLog {
  constructor(
    private readonly store: TableStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry. With `once`, the entry's id and time are the caller's, so its key is the
   * same on every run: a step that runs twice (a retry, or two runs at once) writes one entry, and
   * the second write is a no-op. Without it, every call is a new entry.
   */
  async record(entry: Omit<AuditEntry, 'id' | 'at'>, once?: { id: string; at: string }): Promise<AuditEntry> {
    const full: AuditEntry = {
      ...entry,
      id: once?.id ?? randomUUID(),
      at: once?.at ?? this.clock.now().toISOString(),
    };
    try {
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
    } catch (error) {
      if (!(once && error instanceof AlreadyExistsError)) throw error;
    }
    return full;
  }

  /**
   * Replaces one entry's `before`/`after` with the redacted ones the caller made from the entry as
   * read, and stamps `erasedAt`: one conditional UpdateItem, only while the entry exists, still has
   * this target and was not redacted before. Answers false when it was redacted already (an earlier,
   * interrupted erasure, or a concurrent one), so a re-run skips it; the actor, action, time, target
   * and organisation are never written.
   */
  async redactErased(key: AuditEntryKey, redaction: AuditRedaction): Promise<boolean> {
    const set: Record<string, unknown> = { erasedAt: this.clock.now().toISOString() };
    if (redaction.before !== undefined) set.before = redaction.before;
    if (redaction.after !== undefined) set.after = redaction.after;
    try {
      await this.store.update(
        key,
        { set },
        {
          kind: 'expression',
          expression: 'attribute_exists(pk) AND #target = :target AND attribute_not_exists(erasedAt)',
          names: { '#target': 'target' },
          values: { ':target': redaction.target },
          onFail: () => new AlreadyRedacted(),
        },
      );
      return true;
    } catch (error) {
      if (error instanceof AlreadyRedacted) return false;
      throw error;
    }
  }
}

/** The entry was redacted already (or is not the one read): nothing to write. */
class AlreadyRedacted extends Error {}
