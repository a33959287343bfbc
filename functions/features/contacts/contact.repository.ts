import { type Contact, ContactSchema } from '../../../shared/schemas/contact.schema';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** Contacts live in their organisation's partition and are found by email through gsi2. */
export class ContactRepository {
  constructor(private readonly store: TableStore) {}

  async get(organisationId: string, contactId: string): Promise<Contact | undefined> {
    const item = await this.store.get(keys.contact(organisationId, contactId));
    return item ? ContactSchema.parse(item) : undefined;
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

  async create(contact: Contact): Promise<void> {
    await this.store.put(this.toItem(contact), { kind: 'absent' });
  }

  async replace(contact: Contact): Promise<void> {
    await this.store.put(this.toItem(contact), { kind: 'exists' });
  }

  async delete(organisationId: string, contactId: string): Promise<void> {
    await this.store.delete(keys.contact(organisationId, contactId), { kind: 'exists' });
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
