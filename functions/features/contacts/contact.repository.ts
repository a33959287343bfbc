import { z } from 'zod';
import {
  type Contact,
  ContactRoleSchema,
  ContactSchema,
  type EmailHolderDetails,
  EmailSchema,
  EmailStateSchema,
} from '../../../shared/schemas/contact.schema';
import { AlreadyExistsError, NotFoundError } from '../../errors/domain-errors';
import type { TableStore } from '../../ports/table-store';
import { keys, normaliseEmail } from '../../store/table-design';
import { contactChangedMeanwhile, contactNotFound } from '../organisations/register-errors';

/**
 * How long a removal record is kept: as long as the outbox and reminder log that name the id
 * (RETENTION_YEARS of the retention job), so erasure by address can reach them after a removal.
 */
export const REMOVAL_RECORD_YEARS = 2;

/** The id lookup as stored; a removed contact's lookup also holds its removal record. */
const ContactLookupSchema = z.object({
  contactId: z.string(),
  organisationId: z.string(),
  removedAt: z.string().optional(),
  removalComplete: z.boolean().optional(),
  email: EmailSchema.optional(),
  role: ContactRoleSchema.optional(),
  emailState: EmailStateSchema.optional(),
});

/**
 * A contact removed from the register, as its removal record keeps it: the id, organisation, role
 * and address (never the name), when the removal began, and whether every step of it is done.
 */
export interface RemovedContact {
  id: string;
  organisationId: string;
  email: string;
  role: Contact['role'];
  emailState: Contact['emailState'];
  removedAt: string;
  complete: boolean;
}

/** Where a contact lives, and its removal record once a removal has begun. */
export interface ContactLookup {
  contactId: string;
  organisationId: string;
  removal?: RemovedContact;
}

/**
 * Contacts live in their organisation's partition and are found by email through gsi2.
 *
 * Two small items keep the rules that span organisations, each with a single conditional write:
 * a lookup item per id (`contactById`: where the contact lives, and ids are unique) and a claim
 * per address (`contactEmailClaim`: no two contacts share an email). Writes go claim → lookup →
 * contact, so a write interrupted half-way completes when re-run, and a claim left behind by one
 * is taken over once the check shows its contact no longer holds the address.
 *
 * Removal turns the lookup into the contact's removal record (`beginRemoval`) before the contact
 * item goes, so a removal that dies half-way is found and finished by the next attempt, and an
 * erasure after the removal finds the person's id by their address (`removedContactsOfEmail`).
 */
export class ContactRepository {
  constructor(private readonly store: TableStore) {}

  async get(organisationId: string, contactId: string): Promise<Contact | undefined> {
    const item = await this.store.get(keys.contact(organisationId, contactId));
    return item ? ContactSchema.parse(item) : undefined;
  }

  /** The contact with this id, wherever it lives: two reads (lookup, contact). */
  async findById(contactId: string): Promise<Contact | undefined> {
    const lookup = await this.store.get(keys.contactLookup(contactId));
    if (typeof lookup?.organisationId !== 'string') return undefined;
    return this.get(lookup.organisationId, contactId);
  }

  /**
   * The organisation's contacts and its name in one Query: the partition's items from `CONTACT#` to
   * `META` (the organisation item sorts right after its contacts, its responses after that), so a
   * change that emails someone needs no read of the organisation besides the one for its warnings.
   */
  async listWithOrganisationName(
    organisationId: string,
  ): Promise<{ contacts: Contact[]; organisationName: string | undefined }> {
    const meta = keys.organisation(organisationId);
    const items = await this.store.queryAll({ partition: meta.pk, between: [keys.contactPrefix, meta.sk] });
    const contacts = items.filter((item) => item.entity === 'Contact').map((item) => ContactSchema.parse(item));
    const organisation = items.find((item) => item.sk === meta.sk);
    const name = typeof organisation?.name === 'string' ? organisation.name : undefined;
    return { contacts, organisationName: name };
  }

  async listByOrganisation(organisationId: string): Promise<Contact[]> {
    const items = await this.store.queryAll({
      partition: keys.organisation(organisationId).pk,
      beginsWith: keys.contactPrefix,
    });
    return items.map((item) => ContactSchema.parse(item));
  }

  /** Every contact with this address (normally one). */
  async findByEmail(email: string): Promise<Contact[]> {
    const items = await this.store.queryAll({
      index: 'gsi2',
      partition: keys.emailPk(email),
      beginsWith: keys.contactPrefix,
    });
    return items.map((item) => ContactSchema.parse(item));
  }

  /**
   * Creates the contact with its email claim and id lookup.
   * Throws AlreadyExistsError when another contact has the address, the id is taken in another
   * organisation, or this contact already exists (so a re-run seed can ignore it).
   */
  async create(contact: Contact): Promise<void> {
    await this.claimEmail(contact);
    await this.putLookup(contact);
    await this.store.put(this.toItem(contact), { kind: 'absent' });
  }

  /**
   * Writes a changed contact: a new address is claimed first and the old one released last; a new
   * organisation gets the contact before the old partition loses it. Throws AlreadyExistsError when
   * the new address belongs to another contact, NotFoundError when the contact is gone (a move that
   * lost to a removal or erasure), VersionConflictError when a concurrent move took it elsewhere.
   */
  async update(before: Contact, after: Contact): Promise<void> {
    const emailChanged = before.email !== after.email;
    if (emailChanged) await this.claimEmail(after);
    if (before.organisationId === after.organisationId) {
      await this.store.put(this.toItem(after), { kind: 'exists' });
    } else {
      await this.store.put(this.toItem(after), {
        kind: 'expression',
        expression: 'attribute_not_exists(pk) OR #id = :id',
        names: { '#id': 'id' },
        values: { ':id': after.id },
        onFail: () =>
          new AlreadyExistsError(
            'Kontakten finns redan i den organisationen.',
            undefined,
            'The contact is already in that organisation.',
          ),
      });
      try {
        await this.repointLookup(before, after);
      } catch (error) {
        if (error instanceof LookupNotRepointed) throw await this.undoMove(after, emailChanged);
        throw error;
      }
      await this.store.delete(keys.contact(before.organisationId, before.id));
    }
    if (emailChanged) await this.releaseEmail(before);
  }

  /**
   * Points the id lookup at the contact's new organisation: one conditional PutItem, while the
   * lookup still points where the contact was read (or already at the new place: a concurrent or
   * repeated move there) and no removal has begun, so a move racing a removal never overwrites the
   * removal record, nor brings back the lookup of an erased contact. Throws LookupNotRepointed when
   * the condition fails.
   */
  private async repointLookup(before: Contact, after: Contact): Promise<void> {
    await this.store.put(this.lookupItem(after), {
      kind: 'expression',
      expression: 'organisationId IN (:from, :to) AND attribute_not_exists(removedAt)',
      values: { ':from': before.organisationId, ':to': after.organisationId },
      onFail: () => new LookupNotRepointed(),
    });
  }

  /**
   * A move that lost its lookup to a removal, an erasure or another move: the copy it wrote in the
   * new organisation goes again (unless the lookup points there, so that copy is the live contact or
   * a removal's to delete), as does the claim on a new address. Answers the error the move ends with.
   */
  private async undoMove(after: Contact, emailChanged: boolean): Promise<Error> {
    const lookup = await this.lookup(after.id);
    if (lookup?.organisationId !== after.organisationId) {
      await this.store.delete(keys.contact(after.organisationId, after.id));
    }
    if (emailChanged) await this.releaseEmail(after);
    return !lookup || lookup.removal
      ? new NotFoundError('Kontakten har tagits bort.', 'not_found', 'The contact has been removed.')
      : contactChangedMeanwhile();
  }

  /**
   * Removes the contact as the register's own steps do, leaving its removal record: begins the
   * removal, deletes the contact item, releases the address and marks the removal complete. The
   * console's removal (ContactService.remove) runs these steps itself, with sessions and audit
   * between them. Throws NotFoundError when the contact is gone already or has moved.
   */
  async remove(contact: Contact, removedAt = new Date().toISOString()): Promise<void> {
    const begun = await this.beginRemoval(contact, removedAt);
    if (!begun) throw contactNotFound();
    if (!(await this.deleteContactItem(contact))) throw contactNotFound();
    await this.releaseEmail(contact);
    await this.completeRemoval({ id: contact.id, removedAt: begun });
  }

  /** The id's lookup item with its removal record, if any: one read. */
  async lookup(contactId: string): Promise<ContactLookup | undefined> {
    const item = await this.store.get(keys.contactLookup(contactId));
    return item ? lookupOf(item) : undefined;
  }

  /**
   * The first step of a removal, before the contact item goes: the lookup becomes the removal
   * record (address, role, time; found by the address through gsi2). One conditional UpdateItem on
   * the lookup still pointing at the contact's organisation. Answers the removal's time as stored:
   * `removedAt`, or the earlier one a concurrent or failed removal of the contact wrote first (kept,
   * so `removalAudited` finds that removal's entry); undefined when the lookup no longer points
   * here (the contact moved meanwhile, or is gone). No TTL yet: a removal that stops here leaves a
   * live contact, whose lookup must not expire (`completeRemoval` sets it).
   */
  async beginRemoval(contact: Contact, removedAt: string): Promise<string | undefined> {
    const record = {
      removalComplete: false,
      email: contact.email,
      role: contact.role,
      emailState: contact.emailState,
      ...keys.removedContactByEmail(contact.email, contact.id),
    };
    const here = { ':org': contact.organisationId };
    const notHere = () => new NotFoundError('Kontakten finns inte här.');
    try {
      await this.store.update(
        keys.contactLookup(contact.id),
        { set: { ...record, removedAt } },
        {
          kind: 'expression',
          expression: 'organisationId = :org AND attribute_not_exists(removedAt)',
          values: here,
          onFail: notHere,
        },
      );
      return removedAt;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    // Rare: a removal began already (concurrent, or one that failed), or the contact is not here.
    try {
      const item = await this.store.update(
        keys.contactLookup(contact.id),
        { set: record },
        { kind: 'expression', expression: 'organisationId = :org', values: here, onFail: notHere },
      );
      return typeof item.removedAt === 'string' ? item.removedAt : removedAt;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** Deletes the contact item; false when it was gone already (an earlier attempt deleted it). */
  async deleteContactItem(contact: { id: string; organisationId: string }): Promise<boolean> {
    try {
      await this.store.delete(keys.contact(contact.organisationId, contact.id), { kind: 'exists' });
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /**
   * The last step of a removal: its record says every step is done (a later DELETE answers 404) and
   * gets its TTL, REMOVAL_RECORD_YEARS after the removal began (then the retention job has deleted
   * the mail and reminder log it leads to).
   */
  async completeRemoval(removal: { id: string; removedAt: string }): Promise<void> {
    const expires = new Date(removal.removedAt);
    expires.setUTCFullYear(expires.getUTCFullYear() + REMOVAL_RECORD_YEARS);
    try {
      await this.store.update(
        keys.contactLookup(removal.id),
        { set: { removalComplete: true, ttl: Math.floor(expires.getTime() / 1000) } },
        {
          kind: 'expression',
          expression: 'attribute_exists(removedAt)',
          onFail: () => new NotFoundError('Ingen borttagning att slutföra.'),
        },
      );
    } catch (error) {
      // Erased meanwhile: the record is gone, which is more than complete.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  /**
   * The removal records kept under an address (normally none or one), whose contact item is gone.
   * One gsi2 query, then one read per record: a record whose contact is still stored (a removal
   * that died before the contact went, and was not repeated) is not a removal.
   */
  async removedWithEmail(email: string): Promise<RemovedContact[]> {
    const items = await this.store.queryAll({
      index: 'gsi2',
      partition: keys.emailPk(email),
      beginsWith: keys.removedContactPrefix,
    });
    const removed: RemovedContact[] = [];
    for (const item of items) {
      const record = lookupOf(item)?.removal;
      if (!record || record.email !== normaliseEmail(email)) continue;
      if (await this.get(record.organisationId, record.id)) continue;
      removed.push(record);
    }
    return removed;
  }

  /**
   * Whether the audit trail holds this removal's `contact.delete` entry, so a resumed removal records
   * it once: one query of the organisation's entries written since the removal began (a handful).
   */
  async removalAudited(removed: RemovedContact): Promise<boolean> {
    const items = await this.store.queryAll({
      index: 'gsi1',
      partition: keys.auditOfOrganisationPk(removed.organisationId),
      // Sort keys are `<at>#<id>`: '~' sorts after every one of them.
      between: [removed.removedAt, '~'],
      attributes: ['action', 'target'],
    });
    return items.some((item) => item.action === 'contact.delete' && item.target === `contact:${removed.id}`);
  }

  /** Deletes the id lookup (and with it any removal record): erasure's last step for a contact. */
  async deleteLookup(contactId: string): Promise<void> {
    await this.store.delete(keys.contactLookup(contactId));
  }

  /**
   * Claims the address for this contact. A claim held by another contact that no longer has the
   * address (a write interrupted half-way) is taken over; a live one throws AlreadyExistsError.
   */
  private async claimEmail(contact: Contact): Promise<void> {
    const key = keys.contactEmailClaim(contact.email);
    const item = { ...key, entity: 'ContactEmailClaim', contactId: contact.id };
    const taken = () =>
      new AlreadyExistsError(
        'E-postadressen används redan av en annan kontakt.',
        undefined,
        'The address is already used by another contact.',
      );
    try {
      await this.store.put(item, {
        kind: 'expression',
        expression: 'attribute_not_exists(pk) OR contactId = :id',
        values: { ':id': contact.id },
        onFail: taken,
      });
      return;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    const claim = await this.store.get(key);
    const holderId = typeof claim?.contactId === 'string' ? claim.contactId : undefined;
    const holder = holderId ? await this.findById(holderId) : undefined;
    if (holder && holder.email === contact.email) {
      const details: EmailHolderDetails = { contactId: holder.id, organisationId: holder.organisationId };
      throw new AlreadyExistsError(
        `E-postadressen används redan av en kontakt hos organisation ${holder.organisationId}.`,
        details,
        `The address is already used by a contact of organisation ${holder.organisationId}.`,
      );
    }
    await this.store.put(item, {
      kind: 'expression',
      expression: 'attribute_not_exists(pk) OR contactId = :stale',
      values: { ':stale': holderId ?? '' },
      onFail: taken,
    });
  }

  /** Deletes the address's claim while it is this contact's; a claim someone else holds now stays. */
  async releaseEmail(contact: { id: string; email: string }): Promise<void> {
    try {
      await this.store.delete(keys.contactEmailClaim(contact.email), {
        kind: 'expression',
        expression: 'contactId = :id',
        values: { ':id': contact.id },
        onFail: () => new AlreadyExistsError('claimed by another contact'),
      });
    } catch (error) {
      // Someone else holds the address now, or the claim is gone: nothing of ours to release.
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }

  private async putLookup(contact: Contact): Promise<void> {
    await this.store.put(this.lookupItem(contact), {
      kind: 'expression',
      expression: 'attribute_not_exists(pk) OR organisationId = :org',
      values: { ':org': contact.organisationId },
      onFail: () =>
        new AlreadyExistsError(
          'Det finns redan en kontakt med det id:t.',
          undefined,
          'A contact with that id already exists.',
        ),
    });
  }

  private lookupItem(contact: Contact) {
    return {
      ...keys.contactLookup(contact.id),
      entity: 'ContactLookup',
      contactId: contact.id,
      organisationId: contact.organisationId,
    };
  }

  private toItem(contact: Contact) {
    return {
      ...keys.contact(contact.organisationId, contact.id),
      ...keys.contactByEmail(contact.email, contact.id),
      ...keys.contactListing(contact.organisationId, contact.id),
      entity: 'Contact',
      ...contact,
    };
  }
}

/** A move's lookup write lost its condition; `update` turns it into the domain error that fits. */
class LookupNotRepointed extends Error {}

function lookupOf(item: Record<string, unknown>): ContactLookup | undefined {
  const parsed = ContactLookupSchema.safeParse(item);
  if (!parsed.success) return undefined;
  const { contactId, organisationId, removedAt, removalComplete, email, role, emailState } = parsed.data;
  if (!removedAt || !email || !role) return { contactId, organisationId };
  const removal: RemovedContact = {
    id: contactId,
    organisationId,
    email,
    role,
    emailState: emailState ?? 'ok',
    removedAt,
    complete: removalComplete === true,
  };
  return { contactId, organisationId, removal };
}
