import type { Contact } from '../../../shared/schemas/contact.schema';
import { OutboxEntrySchema } from '../../../shared/schemas/outbox.schema';
import { type ContactExport, ERASED_EDITOR, type ErasureResult } from '../../../shared/schemas/privacy.schema';
import { NotFoundError, StateConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Item, TableStore } from '../../ports/table-store';
import { keys, parseReminderKey } from '../../store/table-design';
import type { AuditLog } from '../audit/audit.log';
import type { SessionService } from '../auth/session.service';
import type { ContactRepository } from '../contacts/contact.repository';
import { findAuditEntriesOf, personalValuesOf, redactionOf } from './audit-redaction';

/**
 * Audit entries one erasure request rewrites at most. An erasure with more left answers 409
 * `erasure_incomplete` before deleting anything else, and running it again continues where it
 * stopped (entries already redacted are skipped), so no request's work grows without bound.
 */
export const AUDIT_REDACTIONS_PER_RUN = 200;

/** What erasure answers: the shared result, and how many audit entries no longer name the person. */

/** Attributes a reminder-log entry may carry about the person (a send error can quote the address); erasure removes them. */
const REMINDER_PERSONAL_ATTRIBUTES = ['email', 'name', 'to', 'recipient', 'error'];

/** Raised inside the service when an editor field no longer names the person: nothing to redact. */
class NotTheirs extends Error {}

interface PrivacyDeps {
  store: TableStore;
  contacts: ContactRepository;
  sessions: SessionService;
  audit: AuditLog;
  clock: Clock;
  /** Audit entries rewritten per erasure request (default AUDIT_REDACTIONS_PER_RUN). */
  auditRedactionsPerRun?: number;
}

/**
 * GDPR for one contact: export everything stored about them, and erase them. Every read is a
 * named access pattern (no Scan) and every change a single-item write. Erasure removes the
 * contact last, so an erasure that fails part-way completes when it is run again.
 */
export class PrivacyService {
  constructor(private readonly deps: PrivacyDeps) {}

  async exportContact(contactId: string, actor: string): Promise<ContactExport> {
    const contact = await this.find(contactId);
    const now = this.deps.clock.now().toISOString();
    const [sessions, outbox, reminderLog, responses, audit] = await Promise.all([
      this.sessionItems(contact.email),
      this.outboxItems(contact.email),
      this.reminderItems(contact.id),
      this.editedResponses(contact.email),
      this.auditMentioning(contact),
    ]);
    await this.deps.audit.record({
      actor,
      action: 'contact.export',
      target: `contact:${contact.id}`,
      organisationId: contact.organisationId,
    });
    return {
      exportedAt: now,
      contact,
      sessions: sessions.map((item) => ({
        createdAt: String(item.gsi1sk ?? ''),
        expiresAt: String(item.expiresAt ?? ''),
        active: String(item.expiresAt ?? '') > now,
      })),
      outbox: outbox.map((item) => OutboxEntrySchema.parse(item)),
      reminderLog: reminderLog.map(withoutKeys),
      responses: responses.map(({ item, lastEditor, submitter }) => ({
        year: Number(item.year),
        organisationId: String(item.organisationId),
        lastEditor,
        submitter,
        updatedAt: item.updatedAt as string | undefined,
        submittedAt: item.submittedAt as string | undefined,
      })),
      audit: audit.map(withoutKeys),
    };
  }

  /**
   * Erases a contact: ends their sessions, deletes the email sent to them, strips their address
   * from the reminder log, shows responses they edited as edited by "raderad kontakt", takes their
   * name and address out of earlier audit entries, deletes the contact with its lookup and email
   * claim, and records the erasure without personal data. Throws StateConflictError
   * `erasure_incomplete` when more audit entries are left than one request rewrites; run it again.
   */
  async erase(contactId: string, actor: string): Promise<ErasureResult> {
    const contact = await this.find(contactId);
    const sessionsEnded = await this.deps.sessions.endAllFor(contact.email);

    const outbox = await this.outboxItems(contact.email);
    for (const item of outbox) await this.deps.store.delete({ pk: item.pk, sk: item.sk });

    let reminderLogRedacted = 0;
    for (const item of await this.reminderItems(contact.id)) {
      try {
        await this.deps.store.update(
          { pk: item.pk, sk: item.sk },
          { set: { erasedAt: this.deps.clock.now().toISOString() }, remove: REMINDER_PERSONAL_ATTRIBUTES },
          { kind: 'exists' },
        );
        reminderLogRedacted++;
      } catch (error) {
        // Deleted meanwhile (the retention job): nothing left to redact.
        if (!(error instanceof NotFoundError)) throw error;
      }
    }

    let responsesRedacted = 0;
    for (const { item, lastEditor, submitter } of await this.editedResponses(contact.email)) {
      const key = { pk: item.pk, sk: item.sk };
      const changed = [
        lastEditor && (await this.redactEditor(key, 'updatedBy', contact.email)),
        submitter && (await this.redactEditor(key, 'submittedBy', contact.email)),
      ];
      if (changed.some(Boolean)) responsesRedacted++;
    }

    // Before the contact goes: a re-run after a failure (or after erasure_incomplete) finds it and continues.
    const auditRedacted = await this.redactAudit(contact);

    const result: ErasureResult = {
      contactId: contact.id,
      organisationId: contact.organisationId,
      sessionsEnded,
      outboxDeleted: outbox.length,
      reminderLogRedacted,
      responsesRedacted,
      auditRedacted,
    };
    const { contactId: _id, organisationId: _org, ...counts } = result;
    // Audited before the contact goes, so a re-run after a failure below still finds the contact.
    await this.deps.audit.record({
      actor,
      action: 'contact.erase',
      target: `contact:${contact.id}`,
      organisationId: contact.organisationId,
      after: counts,
    });
    // The email claim's key is the address itself: release it first, so no failure can strand it.
    await this.releaseEmailClaim(contact);
    await this.deps.contacts.remove(contact);
    // A link redeemed while this ran could have opened a session; the contact is gone, so end it too.
    await this.deps.sessions.endAllFor(contact.email);
    return result;
  }

  /**
   * Takes the person out of the audit trail: every entry about the contact, in every organisation
   * its entries name, and any entry of those organisations that holds the address, loses the
   * personal fields of its before/after (`AuditLog.redactErased`, one conditional write per entry,
   * the trail's one exception to append-only). Entries already redacted are skipped, so a re-run
   * continues where a failed or bounded run stopped. Answers how many entries are redacted now,
   * by this run or an earlier one of this erasure.
   */
  private async redactAudit(contact: Contact): Promise<number> {
    const entries = await findAuditEntriesOf(this.deps.store, contact);
    const personal = personalValuesOf(contact, entries);
    const limit = this.deps.auditRedactionsPerRun ?? AUDIT_REDACTIONS_PER_RUN;
    let written = 0;
    let redacted = 0;
    for (const entry of entries) {
      if (entry.item.erasedAt !== undefined) {
        redacted++;
        continue;
      }
      const redaction = redactionOf(entry, personal);
      if (!redaction) continue;
      if (written === limit) {
        throw new StateConflictError(
          'erasure_incomplete',
          'Raderingen är inte klar: fler händelser i loggen nämner kontakten. Radera igen för att fortsätta.',
          { auditRedacted: redacted },
        );
      }
      written++;
      // False: a concurrent erasure redacted it first; it is redacted either way.
      await this.deps.audit.redactErased(entry.key, redaction);
      redacted++;
    }
    return redacted;
  }

  private async find(contactId: string): Promise<Contact> {
    const contact = await this.deps.contacts.findById(contactId);
    if (!contact) throw new NotFoundError('Kontakten finns inte.', 'contact_not_found');
    return contact;
  }

  private async releaseEmailClaim(contact: Contact): Promise<void> {
    try {
      await this.deps.store.delete(keys.contactEmailClaim(contact.email), {
        kind: 'expression',
        expression: 'contactId = :id',
        values: { ':id': contact.id },
        onFail: () => new NotTheirs(),
      });
    } catch (error) {
      if (!(error instanceof NotTheirs)) throw error;
    }
  }

  /** Replaces one editor field only while it still names this person; answers whether it did. */
  private async redactEditor(key: { pk: string; sk: string }, field: string, email: string): Promise<boolean> {
    try {
      await this.deps.store.update(
        key,
        { set: { [field]: ERASED_EDITOR } },
        {
          kind: 'expression',
          expression: '#field.#email = :email',
          names: { '#field': field, '#email': 'email' },
          values: { ':email': email },
          onFail: () => new NotTheirs(),
        },
      );
      return true;
    } catch (error) {
      if (error instanceof NotTheirs) return false;
      throw error;
    }
  }

  private sessionItems(email: string): Promise<Item[]> {
    return this.deps.store.queryAll({ index: 'gsi1', partition: keys.sessionsOfUserPk(email) });
  }

  private outboxItems(email: string): Promise<Item[]> {
    return this.deps.store.queryAll({
      index: 'gsi2',
      partition: keys.emailPk(email),
      beginsWith: keys.outboxOfEmailPrefix,
    });
  }

  private async campaignYears(): Promise<number[]> {
    const items = await this.deps.store.queryAll({ index: 'gsi1', partition: keys.allCampaignsPk });
    return items.map((item) => Number(item.year)).filter(Number.isInteger);
  }

  /** The contact's entries in every campaign's reminder log (the key holds the contact id). */
  private async reminderItems(contactId: string): Promise<Item[]> {
    const found: Item[] = [];
    for (const year of await this.campaignYears()) {
      const items = await this.deps.store.queryAll({
        partition: keys.campaign(year).pk,
        beginsWith: keys.reminderPrefix,
      });
      found.push(...items.filter((item) => parseReminderKey(item.sk)?.contactId === contactId));
    }
    return found;
  }

  /** Responses of every campaign whose last editor or submitter is this address. */
  private async editedResponses(email: string) {
    const found: Array<{ item: Item; lastEditor: boolean; submitter: boolean }> = [];
    for (const year of await this.campaignYears()) {
      const items = await this.deps.store.queryAll({ index: 'gsi1', partition: keys.responsesOfCampaignPk(year) });
      for (const item of items) {
        const lastEditor = editorEmail(item.updatedBy) === email;
        const submitter = editorEmail(item.submittedBy) === email;
        if (lastEditor || submitter) found.push({ item, lastEditor, submitter });
      }
    }
    return found;
  }

  /**
   * Audit entries about the contact or naming its id or address, in its organisation and every
   * organisation its entries name (a contact that moved has entries in each).
   */
  private async auditMentioning(contact: Contact): Promise<Item[]> {
    return (await findAuditEntriesOf(this.deps.store, contact, { wholeItems: true })).map(({ item }) => item);
  }
}

function editorEmail(editor: unknown): string | undefined {
  const email = (editor as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.toLowerCase() : undefined;
}

/** An item as the export shows it: its attributes without the table's key and index fields. */
function withoutKeys(item: Item): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ttl: _ttl, ...rest } = item;
  return rest;
}
