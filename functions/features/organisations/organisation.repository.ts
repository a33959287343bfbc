import { type Contact, ContactSchema } from '../../../shared/schemas/contact.schema';
import { type Organisation, OrganisationSchema } from '../../../shared/schemas/organisation.schema';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** Organisations: one item each, listed through gsi1 (`allOrganisations`). */
export class OrganisationRepository {
  constructor(private readonly store: TableStore) {}

  async get(code: string): Promise<Organisation | undefined> {
    const item = await this.store.get(keys.organisation(code));
    return item ? OrganisationSchema.parse(item) : undefined;
  }

  /** The registered organisations of these codes (unknown codes are left out): one BatchGetItem per 100. */
  async getMany(codes: readonly string[]): Promise<Organisation[]> {
    const unique = [...new Set(codes)];
    const organisations: Organisation[] = [];
    for (let start = 0; start < unique.length; start += 100) {
      const items = await this.store.batchGet(unique.slice(start, start + 100).map((code) => keys.organisation(code)));
      organisations.push(...items.map((item) => OrganisationSchema.parse(item)));
    }
    return organisations;
  }

  /**
   * The organisation and one of its contacts, with one BatchGetItem (consistent, like GetItem): what
   * sign-in checks, the contact still being there and the organisation's membership dates.
   */
  async withContact(code: string, contactId: string): Promise<{ organisation?: Organisation; contact?: Contact }> {
    const organisationKey = keys.organisation(code);
    const contactKey = keys.contact(code, contactId);
    const items = await this.store.batchGet([organisationKey, contactKey]);
    const organisation = items.find((item) => item.sk === organisationKey.sk);
    const contact = items.find((item) => item.sk === contactKey.sk);
    return {
      organisation: organisation ? OrganisationSchema.parse(organisation) : undefined,
      contact: contact ? ContactSchema.parse(contact) : undefined,
    };
  }

  /** All organisations, ordered by code. One query per 1 MB page. */
  async list(): Promise<Organisation[]> {
    return (await this.register()).map((entry) => entry.organisation);
  }

  /** Every organisation with its contacts, from one paged query of the register listing. */
  async register(): Promise<Array<{ organisation: Organisation; contacts: Contact[] }>> {
    const items = await this.store.queryAll({ index: 'gsi1', partition: keys.allOrganisationsPk });
    const byCode = new Map<string, { organisation: Organisation; contacts: Contact[] }>();
    const contacts: Contact[] = [];
    for (const item of items) {
      if (item.entity === 'Organisation') {
        const organisation = OrganisationSchema.parse(item);
        byCode.set(organisation.id, { organisation, contacts: [] });
      } else if (item.entity === 'Contact') contacts.push(ContactSchema.parse(item));
    }
    for (const contact of contacts) byCode.get(contact.organisationId)?.contacts.push(contact);
    return [...byCode.values()];
  }

  /** Creates the organisation; throws AlreadyExistsError when the code is taken. */
  async create(organisation: Organisation): Promise<void> {
    await this.store.put(this.toItem(organisation), { kind: 'absent' });
  }

  /** Replaces an existing organisation; throws NotFoundError when there is none. */
  async replace(organisation: Organisation): Promise<void> {
    await this.store.put(this.toItem(organisation), { kind: 'exists' });
  }

  /**
   * Replaces the organisation only if its editable fields are still as `read`: one conditional put.
   * Answers false, having written nothing, when someone changed (or removed) it meanwhile.
   */
  async replaceIfUnchanged(organisation: Organisation, read: Organisation): Promise<boolean> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const conditions = ['attribute_exists(pk)'];
    for (const field of EDITABLE_FIELDS) {
      names[`#${field}`] = field;
      const value = read[field];
      if (value === undefined) conditions.push(`attribute_not_exists(#${field})`);
      else {
        values[`:${field}`] = value;
        conditions.push(`#${field} = :${field}`);
      }
    }
    try {
      await this.store.put(this.toItem(organisation), {
        kind: 'expression',
        expression: conditions.join(' AND '),
        names,
        values,
        onFail: () => new OrganisationChanged(),
      });
      return true;
    } catch (error) {
      if (error instanceof OrganisationChanged) return false;
      throw error;
    }
  }

  private toItem(organisation: Organisation) {
    return {
      ...keys.organisation(organisation.id),
      ...keys.organisationListing(organisation.id),
      entity: 'Organisation',
      ...organisation,
    };
  }
}

/** What PATCH /api/admin/organisations/{code} may change: the fields a concurrent edit is checked on. */
const EDITABLE_FIELDS = ['name', 'population', 'memberSince', 'memberUntil'] as const;

class OrganisationChanged extends Error {}
