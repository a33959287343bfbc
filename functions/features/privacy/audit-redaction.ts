import { isJsonObject } from '../../../shared/scoring/survey-json';
import type { Item, TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';
import type { AuditEntryKey, AuditRedaction } from '../audit/audit.log';
import { changedFields } from '../contacts/contact.service';

/** Keys of a contact's audit summary that identify the person (written before summaries left them out). */
const PERSONAL_KEYS = new Set(['name', 'email']);

/** The attributes an audit entry is read with here: enough to find, redact and count it. */
const AUDIT_ATTRIBUTES = ['pk', 'sk', 'at', 'id', 'target', 'organisationId', 'before', 'after', 'erasedAt'] as const;

/** Audit entries read per query page while looking for a contact's entries. */
const PAGE_SIZE = 200;

/**
 * Whom the trail is searched for: a contact's id, organisation and address, and its name while it
 * is in the register (a removed contact's record keeps no name; its old entries still tell it).
 */
export interface AuditSubject {
  id: string;
  organisationId: string;
  email: string;
  name?: string;
}

/** One audit entry about (or mentioning) the contact, as read. */
export interface FoundAuditEntry {
  key: AuditEntryKey;
  item: Item;
  /** The entry's target is `contact:<id>` of this contact. */
  aboutContact: boolean;
}

/**
 * The audit entries that are about the contact (target `contact:<id>`) or mention its address, in
 * every organisation they name: the contact's own, and every organisation named by an entry about
 * it (a move is recorded in both organisations, with the other one in before/after), followed
 * until no new one appears. Each organisation is one `auditOfOrganisation` query (gsi1
 * `AUDIT#ORG#<code>`), paged, only the attributes needed; no Scan.
 */
export async function findAuditEntriesOf(
  store: TableStore,
  contact: AuditSubject,
  options: { wholeItems?: boolean } = {},
): Promise<FoundAuditEntry[]> {
  const target = `contact:${contact.id}`;
  const email = contact.email.toLowerCase();
  const organisations = [contact.organisationId];
  const found = new Map<string, FoundAuditEntry>();
  for (let i = 0; i < organisations.length; i++) {
    let cursor: string | undefined;
    do {
      const page = await store.query({
        index: 'gsi1',
        partition: keys.auditOfOrganisationPk(organisations[i]!),
        limit: PAGE_SIZE,
        ...(options.wholeItems ? {} : { attributes: AUDIT_ATTRIBUTES }),
        cursor,
      });
      for (const item of page.items) {
        const aboutContact = item.target === target;
        const text = JSON.stringify([item.before, item.after]).toLowerCase();
        if (!aboutContact && !text.includes(email) && !text.includes(`"${contact.id}"`)) continue;
        found.set(`${item.pk}\n${item.sk}`, { key: { pk: item.pk, sk: item.sk }, item, aboutContact });
        if (!aboutContact) continue;
        for (const named of namedOrganisations(item)) {
          if (!organisations.includes(named)) organisations.push(named);
        }
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return [...found.values()];
}

/**
 * The entry without the person: `before`/`after` with the contact summary's name and address
 * removed (on an entry about the contact), and, on any entry, every value that holds the address
 * or one of the person's names. An update's `after` gains `changed` (the fields that differed,
 * personal ones by name only), as entries written now carry. Undefined when there is nothing to
 * remove: such an entry is left exactly as it is.
 */
export function redactionOf(entry: FoundAuditEntry, personal: PersonalValues): AuditRedaction | undefined {
  const { item, aboutContact } = entry;
  const before = strip(item.before, personal, aboutContact);
  const after = strip(item.after, personal, aboutContact);
  if (!before.changed && !after.changed) return undefined;
  let redactedAfter = after.value;
  if (
    isJsonObject(item.before) &&
    isJsonObject(item.after) &&
    isJsonObject(redactedAfter) &&
    !('changed' in item.after)
  ) {
    redactedAfter = { ...redactedAfter, changed: changedFields(item.before, item.after) };
  }
  return {
    target: String(item.target),
    ...(item.before !== undefined ? { before: before.value } : {}),
    ...(item.after !== undefined ? { after: redactedAfter } : {}),
  };
}

/** What identifies the person in an audit entry's values: the address, and every name they went by. */
export interface PersonalValues {
  email: string;
  names: string[];
}

/** The contact's address and names: the current one (if known) and any an entry about them recorded. */
export function personalValuesOf(contact: AuditSubject, entries: FoundAuditEntry[]): PersonalValues {
  const names = new Set(contact.name === undefined ? [] : [contact.name]);
  for (const { item, aboutContact } of entries) {
    if (!aboutContact) continue;
    for (const side of [item.before, item.after]) {
      if (isJsonObject(side) && typeof side.name === 'string') names.add(side.name);
    }
  }
  return { email: contact.email.toLowerCase(), names: [...names].filter((name) => name.trim().length > 0) };
}

function strip(value: unknown, personal: PersonalValues, aboutContact: boolean): { value: unknown; changed: boolean } {
  if (typeof value === 'string') {
    return identifies(value, personal, aboutContact) ? { value: undefined, changed: true } : { value, changed: false };
  }
  if (Array.isArray(value)) {
    const parts = value.map((part) => strip(part, personal, aboutContact));
    if (!parts.some((part) => part.changed)) return { value, changed: false };
    return { value: parts.filter((part) => part.value !== undefined).map((part) => part.value), changed: true };
  }
  if (!isJsonObject(value)) return { value, changed: false };
  let changed = false;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (aboutContact && PERSONAL_KEYS.has(key)) {
      changed = true;
      continue;
    }
    const part = strip(inner, personal, aboutContact);
    changed ||= part.changed;
    if (part.value !== undefined) kept[key] = part.value;
  }
  return changed ? { value: kept, changed } : { value, changed };
}

/**
 * A value holds the address (anywhere in it) or, in an entry about the contact, is exactly one of
 * the person's names (elsewhere a name alone may be someone else's).
 */
function identifies(value: string, personal: PersonalValues, aboutContact: boolean): boolean {
  if (value.toLowerCase().includes(personal.email)) return true;
  return aboutContact && personal.names.some((name) => value.trim() === name.trim());
}

/** The organisations an entry about the contact names: its own and those in its before/after. */
function namedOrganisations(item: Item): string[] {
  return [item.organisationId, field(item.before, 'organisationId'), field(item.after, 'organisationId')].filter(
    (code): code is string => typeof code === 'string' && code.length > 0,
  );
}

function field(value: unknown, name: string): unknown {
  return isJsonObject(value) ? value[name] : undefined;
}
