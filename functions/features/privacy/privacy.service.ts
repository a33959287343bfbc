import type { Contact } from '../../../shared/schemas/contact.schema';
import { OutboxEntrySchema } from '../../../shared/schemas/outbox.schema';
import {
  type AddressErasureResult,
  type ContactExport,
  ERASED_EDITOR,
  type ErasureResult,
} from '../../../shared/schemas/privacy.schema';
import { NotFoundError, StateConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Item, TableStore } from '../../ports/table-store';
import { keys, normaliseEmail, parseReminderKey } from '../../store/table-design';
import type { AdminAddresses } from '../admins/admin-addresses';
import type { AuditLog } from '../audit/audit.log';
import type { SessionService } from '../auth/session.service';
import type { ContactRepository, RemovedContact } from '../contacts/contact.repository';
import { findAuditEntriesOf, personalValuesOf, redactionOf } from './audit-redaction';

/**
 * Audit entries one erasure request rewrites at most. An erasure with more left answers 409
 * `erasure_incomplete` before deleting anything else, and running it again continues where it
 * stopped (entries already redacted are skipped), so no request's work grows without bound.
 */
export const AUDIT_REDACTIONS_PER_RUN = 200;

/** Attributes a reminder-log entry may carry about the person (a send error can quote the address); erasure removes them. */
const REMINDER_PERSONAL_ATTRIBUTES = ['email', 'name', 'to', 'recipient', 'error'];

/** Raised inside the service when an editor field no longer names the person: nothing to redact. */
class NotTheirs extends Error {}

/** What an erasure did, in counts (the shape both erasure routes answer). */
type ErasureCounts = Omit<AddressErasureResult, 'contacts'>;

/**
 * One contact record erasure takes away: a contact in the register (`inRegister`; its name known),
 * or one removed earlier, known by its removal record (id, organisation, address, never the name).
 */
interface ErasureTarget {
  id: string;
  organisationId: string;
  email: string;
  name?: string;
  inRegister: boolean;
}

interface PrivacyDeps {
  store: TableStore;
  contacts: ContactRepository;
  sessions: SessionService;
  audit: AuditLog;
  clock: Clock;
  /** Admins' addresses, which erasure never touches. */
  adminAddresses: AdminAddresses;
  /** Audit entries rewritten per erasure request (default AUDIT_REDACTIONS_PER_RUN). */
  auditRedactionsPerRun?: number;
}

/**
 * GDPR for one person: export everything stored about a contact, and erase them, by contact id
 * (in the register or removed earlier) or by address (no longer in the register). Every read is a
 * named access pattern (no Scan) and every change a single-item write. Erasure removes the contact
 * records last, so an erasure that fails part-way completes when it is run again.
 */
export class PrivacyService {
  constructor(private readonly deps: PrivacyDeps) {}

  async exportContact(contactId: string, actor: string): Promise<ContactExport> {
    const contact = await this.find(contactId);
    const now = this.deps.clock.now().toISOString();
    const [sessions, outbox, reminderLog, responses, audit] = await Promise.all([
      this.sessionItems(contact.email),
      this.outboxItems(contact.email),
      this.reminderItems(new Set([contact.id]), contact.email),
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
      reminderLog: reminderLog.map((item) => ownReminderEntry(item, contact.email)),
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
   * Erases a contact, whether it is in the register or was removed earlier (its removal record is
   * kept for that), together with every other removed contact record under the same address: ends
   * their sessions, deletes the email sent to them and their sign-in links, strips their address
   * from the reminder log, shows responses they edited as edited by "raderad kontakt", takes their
   * name and address out of earlier audit entries, deletes the contact with its lookup, removal
   * record and email claim, and records the erasure without personal data. Throws NotFoundError
   * `contact_not_found` for an id with neither contact nor removal record (an erasure that is done),
   * StateConflictError `erasure_incomplete` when more audit entries are left than one request
   * rewrites; run it again. For a removed contact's id, as erasure by address: `address_in_register`
   * when a contact in the register has the address now (erase that contact, which takes this record
   * too), `email_is_admin` when an admin has it; either before anything is touched.
   */
  async erase(contactId: string, actor: string): Promise<ErasureResult> {
    const lookup = await this.deps.contacts.lookup(contactId);
    const contact = lookup && (await this.deps.contacts.get(lookup.organisationId, contactId));
    let target: ErasureTarget;
    if (contact) target = { ...contact, inRegister: true };
    else if (lookup?.removal) target = removedTarget(lookup.removal);
    else throw new NotFoundError('Kontakten finns inte.', 'contact_not_found', 'The contact does not exist.');
    // Every step after this one goes by the address, which may be someone else's now.
    if (!target.inRegister) await this.assertAddressErasable(target.email);
    const earlier = (await this.deps.contacts.removedWithEmail(target.email))
      .filter((removed) => removed.id !== target.id)
      .map(removedTarget);
    const targets = [target, ...earlier];
    const counts = await this.eraseTargets(targets, target.email, actor);
    return {
      contactId: target.id,
      organisationId: target.organisationId,
      ...counts,
      contacts: targets.map(erasedContact),
    };
  }

  /**
   * Erases what is stored under an address whose contact is no longer in the register (art. 17 for
   * a person the kansli knows by their address only): every removed contact record kept under it,
   * with everything tied to those ids (reminder log, audit entries), and everything found by the
   * address itself (sessions, sign-in links, email sent, responses they edited), whether or not a
   * record is left. The same steps, bounds and order as `erase`, so a repeat after a failure or
   * `erasure_incomplete` continues, and a repeat after success finds nothing and answers zeros.
   * Throws StateConflictError `address_in_register` when a contact in the register has the address
   * (that contact is erased through `erase`, which takes its earlier records too), `email_is_admin`
   * when an admin has it; either before anything is touched.
   */
  async eraseAddress(email: string, actor: string): Promise<AddressErasureResult> {
    const address = normaliseEmail(email);
    await this.assertAddressErasable(address);
    const targets = (await this.deps.contacts.removedWithEmail(address)).map(removedTarget);
    const counts = await this.eraseTargets(targets, address, actor, { byAddress: true });
    return { contacts: targets.map(erasedContact), ...counts };
  }

  /**
   * Refuses, before anything is touched, an address that is not only a removed contact's: an admin's
   * (StateConflictError `email_is_admin`: erasing would end their sessions and strip their edits;
   * remove the admin first), or one a contact in the register has (`address_in_register`, with the
   * holders in details: erasing that contact by id takes the earlier records too). Two reads.
   */
  private async assertAddressErasable(address: string): Promise<void> {
    if (await this.deps.adminAddresses.isAdmin(address)) {
      throw new StateConflictError(
        'email_is_admin',
        `E-postadressen ${address} tillhör en administratör. Ta bort administratören först om uppgifterna under adressen ska raderas.`,
        undefined,
        `The address ${address} belongs to an administrator. Remove the administrator first if the data under the address is to be erased.`,
      );
    }
    const registered = await this.deps.contacts.findByEmail(address);
    if (registered.length > 0) {
      throw new StateConflictError(
        'address_in_register',
        'Adressen tillhör en kontakt i medlemsregistret. Radera kontakten under Personuppgifter på organisationens sida, så raderas även tidigare uppgifter under adressen.',
        { contacts: registered.map((c) => ({ contactId: c.id, organisationId: c.organisationId })) },
      );
    }
  }

  /**
   * The erasure itself, for one address and the contact records under it. Everything found by the
   * address or an id goes first (each step idempotent); then the bounded audit redaction, which may
   * stop with `erasure_incomplete`; then the audit entries of the erasure; and last the records
   * themselves (the one a retry starts from last of all), so a failure anywhere leaves the way in.
   */
  private async eraseTargets(
    targets: ErasureTarget[],
    email: string,
    actor: string,
    options: { byAddress?: boolean } = {},
  ): Promise<ErasureCounts> {
    const sessionsEnded = await this.deps.sessions.endAllFor(email);

    const outbox = await this.outboxItems(email);
    for (const item of outbox) await this.deps.store.delete({ pk: item.pk, sk: item.sk });
    const tokens = await this.loginTokenItems(email);
    for (const item of tokens) await this.deps.store.delete({ pk: item.pk, sk: item.sk });

    let reminderLogRedacted = 0;
    const ids = new Set(targets.map((target) => target.id));
    // Under their ids, and anywhere the address is recorded as the recipient (a contact id another
    // person has taken over since keeps what went to this one).
    for (const item of await this.reminderItems(ids, email)) {
      const erasedAt = this.deps.clock.now().toISOString();
      const whole = ids.has(parseReminderKey(item.sk)?.contactId ?? '');
      const own = whole || recordsAddress(item.email, email);
      const previous = Array.isArray(item.previous)
        ? item.previous.map((earlier: Record<string, unknown>) =>
            whole || recordsAddress(earlier.email, email) ? redactedRecipient(earlier, erasedAt) : earlier,
          )
        : undefined;
      try {
        await this.deps.store.update(
          { pk: item.pk, sk: item.sk },
          {
            set: { ...(own ? { erasedAt } : {}), ...(previous ? { previous } : {}) },
            ...(own ? { remove: REMINDER_PERSONAL_ATTRIBUTES } : {}),
          },
          { kind: 'exists' },
        );
        reminderLogRedacted++;
      } catch (error) {
        // Deleted meanwhile (the retention job): nothing left to redact.
        if (!(error instanceof NotFoundError)) throw error;
      }
    }

    let responsesRedacted = 0;
    for (const { item, lastEditor, submitter } of await this.editedResponses(email)) {
      const key = { pk: item.pk, sk: item.sk };
      const changed = [
        lastEditor && (await this.redactEditor(key, 'updatedBy', email)),
        submitter && (await this.redactEditor(key, 'submittedBy', email)),
      ];
      if (changed.some(Boolean)) responsesRedacted++;
    }

    // Before any record goes: a re-run after a failure (or after erasure_incomplete) finds them and continues.
    const budget = { written: 0, redacted: 0 };
    for (const target of targets) await this.redactAudit(target, budget);

    const counts: ErasureCounts = {
      sessionsEnded,
      outboxDeleted: outbox.length,
      loginTokensDeleted: tokens.length,
      reminderLogRedacted,
      responsesRedacted,
      auditRedacted: budget.redacted,
    };
    // Audited before the records go, so a re-run after a failure below still finds them.
    for (const target of targets) {
      await this.deps.audit.record({
        actor,
        action: 'contact.erase',
        target: `contact:${target.id}`,
        organisationId: target.organisationId,
        after: {
          ...counts,
          ...(target.inRegister ? {} : { removedBefore: true }),
          ...(options.byAddress ? { byAddress: true } : {}),
        },
      });
    }
    if (targets.length === 0) {
      // Nothing of the register was left: the entry says an address was erased, never which.
      await this.deps.audit.record({ actor, action: 'contact.erase-address', target: 'address', after: counts });
    }
    // The first target is the one a retry by id starts from: it goes last.
    for (const target of [...targets].reverse()) {
      // The email claim's key is the address itself: released first, so no failure can strand it.
      await this.deps.contacts.releaseEmail(target);
      if (target.inRegister) await this.deps.contacts.deleteContactItem(target);
      await this.deps.contacts.deleteLookup(target.id);
    }
    // A link redeemed while this ran could have opened a session; the contact is gone, so end it too.
    await this.deps.sessions.endAllFor(email);
    return counts;
  }

  /**
   * Takes the person out of the audit trail: every entry about the contact, in every organisation
   * its entries name, and any entry of those organisations that holds the address, loses the
   * personal fields of its before/after (`AuditLog.redactErased`, one conditional write per entry,
   * the trail's one exception to append-only). Entries already redacted are skipped, so a re-run
   * continues where a failed or bounded run stopped. Adds to `budget.redacted` the entries redacted
   * now, by this run or an earlier one of this erasure; `budget.written` counts this request's
   * rewrites, shared by every record of one erasure.
   */
  private async redactAudit(target: ErasureTarget, budget: { written: number; redacted: number }): Promise<void> {
    const entries = await findAuditEntriesOf(this.deps.store, target);
    const personal = personalValuesOf(target, entries);
    const limit = this.deps.auditRedactionsPerRun ?? AUDIT_REDACTIONS_PER_RUN;
    for (const entry of entries) {
      if (entry.item.erasedAt !== undefined) {
        budget.redacted++;
        continue;
      }
      const redaction = redactionOf(entry, personal);
      if (!redaction) continue;
      if (budget.written === limit) {
        throw new StateConflictError(
          'erasure_incomplete',
          'Raderingen är inte klar: fler händelser i loggen nämner kontakten. Radera igen för att fortsätta.',
          { auditRedacted: budget.redacted },
        );
      }
      budget.written++;
      // False: a concurrent erasure redacted it first; it is redacted either way.
      await this.deps.audit.redactErased(entry.key, redaction);
      budget.redacted++;
    }
  }

  private async find(contactId: string): Promise<Contact> {
    const contact = await this.deps.contacts.findById(contactId);
    if (!contact) throw new NotFoundError('Kontakten finns inte.', 'contact_not_found', 'The contact does not exist.');
    return contact;
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

  /** A person's sign-in links, used or not, until they expire (gsi2 `EMAIL#<email>` / `TOKEN#`). */
  private loginTokenItems(email: string): Promise<Item[]> {
    return this.deps.store.queryAll({
      index: 'gsi2',
      partition: keys.emailPk(email),
      beginsWith: keys.loginTokensOfEmailPrefix,
    });
  }

  /**
   * The contacts' entries in every campaign's reminder log (the key holds the contact id), and with
   * `email` every entry that records the address as a recipient (its own or an earlier one's: a
   * contact replaced by another person under the same id keeps what went to the first).
   */
  private async reminderItems(contactIds: ReadonlySet<string>, email?: string): Promise<Item[]> {
    if (contactIds.size === 0 && email === undefined) return [];
    const found: Item[] = [];
    for (const year of await this.campaignYears()) {
      const items = await this.deps.store.queryAll({
        partition: keys.campaign(year).pk,
        beginsWith: keys.reminderPrefix,
      });
      found.push(
        ...items.filter(
          (item) =>
            contactIds.has(parseReminderKey(item.sk)?.contactId ?? '') ||
            (email !== undefined && mentionsAddress(item, email)),
        ),
      );
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
/** Whether a recorded recipient address is this one (stored addresses are normalised; older entries have none). */
function recordsAddress(recorded: unknown, email: string): boolean {
  return typeof recorded === 'string' && normaliseEmail(recorded) === normaliseEmail(email);
}

/** Whether a reminder-log entry names the address as its recipient or an earlier one's. */
function mentionsAddress(item: Item, email: string): boolean {
  if (recordsAddress(item.email, email)) return true;
  return Array.isArray(item.previous) && item.previous.some((earlier) => recordsAddress(earlier?.email, email));
}

/** An earlier recipient's send with the person taken out; that it went stays. */
function redactedRecipient(earlier: Record<string, unknown>, erasedAt: string): Record<string, unknown> {
  const kept = Object.fromEntries(
    Object.entries(earlier).filter(([key]) => !REMINDER_PERSONAL_ATTRIBUTES.includes(key)),
  );
  return { ...kept, erasedAt };
}

/**
 * A reminder-log entry in a person's export: what was sent to them. An entry (or earlier send) that
 * records another address went to someone else under the same contact id; its step and state stay,
 * that person's name and address do not.
 */
function ownReminderEntry(item: Item, email: string): Record<string, unknown> {
  const foreign = (recorded: unknown) => typeof recorded === 'string' && !recordsAddress(recorded, email);
  const entry = withoutKeys(item);
  const strip = (value: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(value).filter(([key]) => !REMINDER_PERSONAL_ATTRIBUTES.includes(key)));
  const top = foreign(item.email) ? strip(entry) : entry;
  if (!Array.isArray(item.previous)) return top;
  return {
    ...top,
    previous: item.previous.map((earlier: Record<string, unknown>) =>
      foreign(earlier.email) ? strip(earlier) : earlier,
    ),
  };
}

function withoutKeys(item: Item): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ttl: _ttl, ...rest } = item;
  return rest;
}

function removedTarget(removed: RemovedContact): ErasureTarget {
  return { id: removed.id, organisationId: removed.organisationId, email: removed.email, inRegister: false };
}

function erasedContact(target: ErasureTarget) {
  return { contactId: target.id, organisationId: target.organisationId, removedBefore: !target.inRegister };
}
