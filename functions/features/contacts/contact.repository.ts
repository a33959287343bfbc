import { type Contact, ContactSchema } from '../../../shared/schemas/contact.schema';
import { AlreadyExistsError } from '../../errors/domain-errors';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/**
 * Contacts live in their organisation's partition and are found by email through gsi2.
 *
 * Two small items keep the rules that span organisations, each with a single conditional write:
 * a lookup item per id (`contactById`: where the contact lives, and ids are unique) and a claim
 * per address (`contactEmailClaim`: no two contacts share an email). Writes go claim → lookup →
 * contact, so a write interrupted half-way completes when re-run, and a claim left behind by one
 * is taken over once the check shows its contact no longer holds the address.
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
   * the new address belongs to another contact, NotFoundError when the contact is gone.
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
        onFail: () => new AlreadyExistsError('Kontakten finns redan i den organisationen.'),
      });
      await this.putLookup(after, { move: true });
      await this.store.delete(keys.contact(before.organisationId, before.id));
    }
    if (emailChanged) await this.releaseEmail(before);
  }

  /** Removes the contact, then its lookup and email claim. Throws NotFoundError when it is gone already. */
  async remove(contact: Contact): Promise<void> {
    await this.store.delete(keys.contact(contact.organisationId, contact.id), { kind: 'exists' });
    await this.store.delete(keys.contactLookup(contact.id));
    await this.releaseEmail(contact);
  }

  /**
   * Claims the address for this contact. A claim held by another contact that no longer has the
   * address (a write interrupted half-way) is taken over; a live one throws AlreadyExistsError.
   */
  private async claimEmail(contact: Contact): Promise<void> {
    const key = keys.contactEmailClaim(contact.email);
    const item = { ...key, entity: 'ContactEmailClaim', contactId: contact.id };
    const taken = () => new AlreadyExistsError('E-postadressen används redan av en annan kontakt.');
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
    if (holder && holder.email === contact.email) throw taken();
    await this.store.put(item, {
      kind: 'expression',
      expression: 'attribute_not_exists(pk) OR contactId = :stale',
      values: { ':stale': holderId ?? '' },
      onFail: taken,
    });
  }

  private async releaseEmail(contact: Contact): Promise<void> {
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

  private async putLookup(contact: Contact, options: { move?: boolean } = {}): Promise<void> {
    await this.store.put(
      {
        ...keys.contactLookup(contact.id),
        entity: 'ContactLookup',
        contactId: contact.id,
        organisationId: contact.organisationId,
      },
      options.move
        ? undefined
        : {
            kind: 'expression',
            expression: 'attribute_not_exists(pk) OR organisationId = :org',
            values: { ':org': contact.organisationId },
            onFail: () => new AlreadyExistsError('Det finns redan en kontakt med det id:t.'),
          },
    );
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
