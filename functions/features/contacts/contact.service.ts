import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { statuteWarnings } from '../../../shared/domain/statute-roles';
import type {
  Contact,
  ContactWarning,
  CreateContactInputSchema,
  EmailHolderDetails,
  UpdateContactInputSchema,
} from '../../../shared/schemas/contact.schema';
import { AlreadyExistsError, DomainRuleError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import type { AdminAddresses } from '../admins/admin-addresses';
import type { AuditLog } from '../audit/audit.log';
import type { SessionService } from '../auth/session.service';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import { contactChangedMeanwhile, contactNotFound, organisationNotFound } from '../organisations/register-errors';
import { type AccessEndedReason, accessEndedEmail, sendNotice } from './access-ended.email';
import type { ContactRepository, RemovedContact } from './contact.repository';

type CreateInput = z.infer<typeof CreateContactInputSchema>;
type UpdateInput = z.infer<typeof UpdateContactInputSchema>;

interface ContactServiceDeps {
  contacts: ContactRepository;
  organisations: OrganisationRepository;
  sessions: SessionService;
  audit: AuditLog;
  /** Admins' addresses (stored and ADMIN_EMAILS): none of them may be a contact's. */
  adminAddresses: AdminAddresses;
  /** Stamps a removal's record, from which a retry resumes it. */
  clock: Clock;
  /** Tells a person who lost access (removed, replaced, address changed) by email, after the change. */
  notices: ContactNotices;
  /** Invites a contact added, moved or readdressed while a campaign is open; none when absent. */
  invitations?: ContactInvitations;
}

/**
 * The campaign's invitation to a contact the kansli just added, moved or gave a new address
 * (RemindersService.inviteContact): true sent, false due but not sent (logged), undefined when none
 * is due (no open campaign, submitted, excused, invited already…). Never throws.
 */
export interface ContactInvitations {
  inviteContact(input: { contact: Contact; newAddress: boolean }): Promise<boolean | undefined>;
}

/** What the access notices need: the mail port, a log for a failed send, and whom to ask. */
export interface ContactNotices {
  mail: Mail;
  log: (entry: Record<string, unknown>) => void;
  /** The kansli's address the email names (the first configured admin address). */
  kansliAddress: string;
}

/** How the removed person is told: the organisation's name when already read, and why. */
export interface RemovalNotice {
  organisationName?: string;
  reason: AccessEndedReason;
}

/**
 * Whether the person who lost access was emailed: true sent, false not (the send failed, logged, or
 * the address bounces); absent when no email was due (nobody lost access, or a resumed removal).
 */
export interface Notified {
  notified?: boolean;
}

/** What a removal this run made answers: whether the person was emailed, and the contacts left when read. */
export interface RemovalOutcome extends Notified {
  remaining?: Contact[];
}

/** What a removal answers: the contact's id and organisation, and the organisation's warnings afterwards. */
export interface ContactRemoval extends Notified {
  id: string;
  organisationId: string;
  warnings: ContactWarning[];
}

/**
 * Whether the contact was sent the campaign's invitation at once: true sent, false due but not sent
 * (the next reminder run sends it); absent when none was due.
 */
export interface Invited {
  invited?: boolean;
}

/** What a contact change answers: the contact, and its organisation's statute warnings afterwards. */
export interface ContactChange extends Notified, Invited {
  contact: Contact;
  warnings: ContactWarning[];
}

/**
 * The kansli's contact register: add, edit, move and remove contacts. Every change is audit-logged,
 * and removing or moving a contact, or changing its address, ends that person's sessions at once.
 *
 * Sessions are ended before the write and again after it (and after its audit entry). Before: if
 * that fails, nothing has been written and the request can simply be repeated. After: a session
 * opened while the write was under way (its sign-in read the contact as it was) ends too. If the
 * second pass fails, the request answers 503 with the change written and audited; repeating a move
 * finds nothing to change and sweeps the contact's sessions outside its organisation now.
 */
export class ContactService {
  constructor(private readonly deps: ContactServiceDeps) {}

  /** The organisation's contacts and warnings. Throws NotFoundError for an unknown organisation. */
  async listForOrganisation(organisationId: string) {
    await this.requireOrganisation(organisationId);
    const contacts = await this.deps.contacts.listByOrganisation(organisationId);
    return { organisationId, contacts, warnings: statuteWarnings(contacts) };
  }

  /**
   * Adds a contact to an organisation. Throws NotFoundError for an unknown organisation,
   * AlreadyExistsError when the address belongs to a contact, StateConflictError `email_is_admin`
   * when it is an admin's.
   */
  async create(organisationId: string, input: CreateInput, actor: string): Promise<ContactChange> {
    await this.requireOrganisation(organisationId);
    const contact: Contact = { id: randomUUID(), organisationId, ...input, emailState: 'ok' };
    await this.deps.adminAddresses.assertNotAdmin(contact.email);
    await this.assertEmailFree(contact.email, contact.id);
    await this.deps.contacts.create(contact);
    // While a campaign is open the new person is invited now, after the write and before the audit
    // entry, which records whether it went; a failed send leaves the contact added.
    const invited = await this.invite(contact, false);
    await this.deps.audit.record({
      actor,
      action: 'contact.create',
      target: `contact:${contact.id}`,
      organisationId,
      after: invited === undefined ? auditSummary(contact) : { ...auditSummary(contact), invited },
    });
    return { contact, warnings: await this.warningsOf(organisationId), ...(invited === undefined ? {} : { invited }) };
  }

  /**
   * Changes a contact. A new `organisationId` moves it (422 unknown_organisation if there is no such
   * organisation). Throws NotFoundError for an unknown id, AlreadyExistsError for an address in use,
   * StateConflictError `email_is_admin` for an admin's address.
   */
  async update(contactId: string, patch: UpdateInput, actor: string): Promise<ContactChange> {
    const before = await this.require(contactId);
    const patched: Contact = { ...before, ...definedOnly(patch) };
    // A bounce, complaint or unsubscribe belongs to the old address: a new one starts as `ok`
    // unless the change says otherwise.
    const after: Contact =
      patched.email !== before.email && patch.emailState === undefined ? { ...patched, emailState: 'ok' } : patched;
    const moved = after.organisationId !== before.organisationId;
    if (moved && !(await this.deps.organisations.get(after.organisationId))) {
      throw new DomainRuleError(
        'unknown_organisation',
        `Organisationen ${after.organisationId} finns inte.`,
        undefined,
        `Organisation ${after.organisationId} does not exist.`,
      );
    }
    const emailChanged = after.email !== before.email;
    if (emailChanged) {
      await this.deps.adminAddresses.assertNotAdmin(after.email);
      await this.assertEmailFree(after.email, after.id);
    }
    if (!changed(before, after)) {
      // Perhaps the retry of a move whose sessions were not all ended: end those that no longer match.
      await this.deps.sessions.endContactSessions(before, { keepOrganisationId: before.organisationId });
      return { contact: before, warnings: await this.warningsOf(before.organisationId) };
    }

    if (moved || emailChanged) await this.deps.sessions.endContactSessions(before);
    await this.deps.contacts.update(before, after);
    // The old address no longer signs in: its holder is told, after the write and before the audit
    // entry, which records whether the email went. A new name as well means another person. The
    // organisation's name comes with its contacts, read now for the warnings (no extra request).
    let roster: Contact[] | undefined;
    let notified: boolean | undefined;
    if (emailChanged) {
      const reason: AccessEndedReason =
        after.name !== before.name ? { kind: 'replaced', role: after.role } : { kind: 'address-changed' };
      let organisationName: string | undefined;
      if (!moved)
        ({ contacts: roster, organisationName } = await this.deps.contacts.listWithOrganisationName(
          after.organisationId,
        ));
      notified = await this.notify(before, { ...(organisationName ? { organisationName } : {}), reason });
    }
    // Someone new to the organisation, or at a new address, gets the open campaign's invitation now.
    const invited = moved || emailChanged ? await this.invite(after, emailChanged) : undefined;
    const change = auditChange(before, after);
    const entry = {
      actor,
      target: `contact:${contactId}`,
      before: change.before,
      after: {
        ...change.after,
        ...(notified === undefined ? {} : { notified }),
        ...(invited === undefined ? {} : { invited }),
      },
    };
    await this.deps.audit.record({
      ...entry,
      action: moved ? 'contact.move' : 'contact.update',
      organisationId: after.organisationId,
    });
    if (moved)
      await this.deps.audit.record({ ...entry, action: 'contact.move', organisationId: before.organisationId });
    // After the audit, so that a failure here leaves the change recorded; the retry sweeps.
    await this.deps.sessions.endContactSessions(
      before,
      emailChanged ? {} : { keepOrganisationId: after.organisationId },
    );
    const warnings = roster ? statuteWarnings(roster) : await this.warningsOf(after.organisationId);
    return {
      contact: after,
      warnings,
      ...(notified === undefined ? {} : { notified }),
      ...(invited === undefined ? {} : { invited }),
    };
  }

  /** The campaign's invitation to `contact` as it now is; undefined without the port or when none is due. */
  private invite(contact: Contact, newAddress: boolean): Promise<boolean | undefined> {
    return this.deps.invitations?.inviteContact({ contact, newAddress }) ?? Promise.resolve(undefined);
  }

  /**
   * Removes a contact and ends their sessions, before the removal (so a failure leaves the contact
   * and the request can be repeated) and after it. A removal that failed part-way (503) is finished
   * by repeating it: the contact's removal record (its id lookup, written before the contact item
   * goes) says what is left. Throws NotFoundError for an unknown id and for a removal that is done.
   */
  async remove(contactId: string, actor: string, attempt = 1): Promise<ContactRemoval> {
    const lookup = await this.deps.contacts.lookup(contactId);
    const contact = lookup && (await this.deps.contacts.get(lookup.organisationId, contactId));
    let removed: RemovalOutcome | undefined;
    if (contact) {
      removed = (await this.removeContact(contact, actor)) || undefined;
      if (!removed) {
        // Moved (or removed) between the reads and the first write: read it again.
        if (attempt === 3) throw contactChangedMeanwhile();
        return this.remove(contactId, actor, attempt + 1);
      }
    } else if (lookup?.removal && !lookup.removal.complete) {
      await this.finishRemoval(lookup.removal, actor, { audited: 'unknown' });
    } else {
      throw contactNotFound();
    }
    const organisationId = lookup.organisationId;
    const warnings = removed?.remaining ? statuteWarnings(removed.remaining) : await this.warningsOf(organisationId);
    const notified = removed?.notified;
    return { id: contactId, organisationId, warnings, ...(notified === undefined ? {} : { notified }) };
  }

  /**
   * Removes a contact as already read (the contacts import passes the register's copy, so nothing is
   * read again): sessions ended, removal record written, contact item deleted, audited, address
   * released, sessions ended again, record completed. Each step is a single-item write that a repeat
   * (`remove`, `finishRemovalOf`) skips or redoes harmlessly. Answers false, having changed nothing
   * but ending sessions, when the contact is no longer in the organisation it was read in.
   *
   * The run that deletes the contact item emails the person (`notice`) right after, and its audit
   * entry records whether the email went (`after.notified`). A failed send is logged and answered,
   * never thrown. A resumed removal sends nothing: whether the first run did is unknown, and a
   * second notice is worse than none (the kansli sees `notified` absent).
   *
   * Without `notice` (the console's removal) the organisation's contacts left and its name are read
   * (one Query, answered as `remaining` for the warnings): another contact holding the same role
   * means the person was replaced (the kansli added the new one first, as the statutes' warning
   * asks), else removed.
   */
  async removeContact(contact: Contact, actor: string, notice?: RemovalNotice): Promise<false | RemovalOutcome> {
    await this.deps.sessions.endContactSessions(contact);
    // An earlier time when a removal began already: its audit entry is looked for from then.
    const removedAt = await this.deps.contacts.beginRemoval(contact, this.deps.clock.now().toISOString());
    if (!removedAt) return false;
    // False: a concurrent removal deleted it first; the rest is the same either way.
    const deleted = await this.deps.contacts.deleteContactItem(contact);
    let notified: boolean | undefined;
    let remaining: Contact[] | undefined;
    if (deleted) {
      let told = notice;
      if (!told) {
        const roster = await this.deps.contacts.listWithOrganisationName(contact.organisationId);
        remaining = roster.contacts;
        const successor = remaining.some((other) => other.id !== contact.id && other.role === contact.role);
        told = {
          ...(roster.organisationName ? { organisationName: roster.organisationName } : {}),
          reason: successor ? { kind: 'replaced', role: contact.role } : { kind: 'removed' },
        };
      }
      notified = await this.notify(contact, told);
    }
    await this.finishRemoval({ ...contact, removedAt, complete: false }, actor, {
      audited: deleted ? 'no' : 'unknown',
      ...(notified === undefined ? {} : { notified }),
    });
    return { ...(notified === undefined ? {} : { notified }), ...(remaining ? { remaining } : {}) };
  }

  /**
   * Emails the person at the contact's (old) address that they no longer have access, unless the
   * address bounces or complained (SES would refuse it; answered false). One GetItem for the
   * organisation's name when the notice has none.
   */
  private async notify(contact: Contact, notice: RemovalNotice): Promise<boolean> {
    const { notices } = this.deps;
    if (contact.emailState === 'bounced' || contact.emailState === 'complained') {
      notices.log({ level: 'info', msg: 'access notice not sent', contactId: contact.id, reason: contact.emailState });
      return false;
    }
    const organisationName =
      notice.organisationName ??
      (await this.deps.organisations.get(contact.organisationId))?.name ??
      contact.organisationId;
    const email = accessEndedEmail({
      name: contact.name,
      organisationName,
      reason: notice.reason,
      kansliAddress: notices.kansliAddress,
    });
    return sendNotice(notices, contact.email, email, { contactId: contact.id });
  }

  /**
   * For a contact that is gone from the register (the contacts import's holder removed by an earlier
   * attempt): finishes its removal if that stopped part-way, else ends any session left under its
   * address. One read, plus the remaining steps when there are any.
   */
  async finishRemovalOf(contact: { id: string; email: string }, actor: string): Promise<void> {
    const removal = (await this.deps.contacts.lookup(contact.id))?.removal;
    if (removal && !removal.complete) await this.finishRemoval(removal, actor, { audited: 'unknown' });
    else if (!removal) await this.deps.sessions.endContactSessions(contact);
  }

  /** The steps after the contact item is gone; `audited: 'unknown'` asks the audit trail first (a resumed removal). */
  private async finishRemoval(
    removed: RemovedContact,
    actor: string,
    options: { audited: 'no' | 'unknown'; notified?: boolean },
  ) {
    if (options.audited === 'no' || !(await this.deps.contacts.removalAudited(removed))) {
      await this.deps.audit.record({
        actor,
        action: 'contact.delete',
        target: `contact:${removed.id}`,
        organisationId: removed.organisationId,
        before: auditSummary(removed),
        ...(options.notified === undefined ? {} : { after: { notified: options.notified } }),
      });
    }
    await this.deps.contacts.releaseEmail(removed);
    // A session opened while the removal ran (its sign-in read the contact just before) ends too.
    await this.deps.sessions.endContactSessions(removed);
    await this.deps.contacts.completeRemoval(removed);
  }

  /**
   * Throws AlreadyExistsError when another contact has the address (claims catch races; this
   * catches older data), naming the organisation that contact belongs to, in the message and in
   * `details` (EmailHolderDetails), so the console can link to it: one more read, on the error
   * path only. Only admins reach this, and they see every organisation's contacts anyway.
   */
  async assertEmailFree(email: string, contactId: string): Promise<void> {
    const holders = await this.deps.contacts.findByEmail(email);
    const holder = holders.find((candidate) => candidate.id !== contactId);
    if (!holder) return;
    const organisation = await this.deps.organisations.get(holder.organisationId);
    const where = organisation ? `${organisation.name} (${organisation.id})` : holder.organisationId;
    const details: EmailHolderDetails = {
      contactId: holder.id,
      organisationId: holder.organisationId,
      ...(organisation ? { organisationName: organisation.name } : {}),
    };
    throw new AlreadyExistsError(
      `E-postadressen ${email} används redan av en kontakt hos ${where}.`,
      details,
      `The address ${email} is already used by a contact of ${where}.`,
    );
  }

  private async require(contactId: string): Promise<Contact> {
    const contact = await this.deps.contacts.findById(contactId);
    if (!contact) throw contactNotFound();
    return contact;
  }

  private async requireOrganisation(organisationId: string): Promise<void> {
    if (!(await this.deps.organisations.get(organisationId))) {
      throw organisationNotFound(organisationId);
    }
  }

  private async warningsOf(organisationId: string): Promise<ContactWarning[]> {
    return statuteWarnings(await this.deps.contacts.listByOrganisation(organisationId));
  }
}

/** The fields an audit entry compares to say what changed. */
const COMPARED_FIELDS = ['organisationId', 'name', 'email', 'role', 'emailState'] as const;

/**
 * What the audit log keeps of a contact: its organisation, role and email state. Never its name
 * or address (the entry's target, `contact:<id>`, says which contact it is), so an entry stays
 * useful after the person is erased and holds nothing to erase (docs/security.md, Privacy).
 */
export function auditSummary(contact: Pick<Contact, 'organisationId' | 'role' | 'emailState'>) {
  return { organisationId: contact.organisationId, role: contact.role, emailState: contact.emailState };
}

/**
 * An update's before and after: the summaries, and in `after.changed` every field that changed,
 * the name and address by name only ("changed: name, email"), never their values.
 */
export function auditChange(before: Contact, after: Contact) {
  return {
    before: auditSummary(before),
    after: { ...auditSummary(after), changed: changedFields(before, after) },
  };
}

/** The compared fields whose values differ, in a fixed order. */
export function changedFields(before: Partial<Record<string, unknown>>, after: Partial<Record<string, unknown>>) {
  return COMPARED_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function changed(before: Contact, after: Contact): boolean {
  return changedFields(before, after).length > 0;
}
