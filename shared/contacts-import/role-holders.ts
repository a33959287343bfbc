/**
 * The statutes give every member one politician and one official. After an election the kansli
 * imports the new politician; this finds, for each new row, the contacts of the same organisation
 * who hold that role now, so the preview can say "Ersätter Anna Andersson" and the commit can
 * remove them when the kansli chooses to (the console's default). Pure: the caller passes the
 * register as it is.
 */
import { z } from 'zod';
import { type Contact, ContactSchema } from '../schemas/contact.schema';
import {
  ContactImportCommitResultSchema,
  ContactImportPreviewRowSchema,
  ContactImportPreviewSchema,
} from '../schemas/contact-import.schema';

/** A contact who holds the role a new row brings: the one the row would replace. */
export const ContactRoleHolderSchema = ContactSchema.pick({ id: true, name: true, email: true });
export type ContactRoleHolder = z.infer<typeof ContactRoleHolderSchema>;

/**
 * A preview row with the current holders of its role. `replaces` is set only on a `new` row whose
 * organisation already has a contact with that role who is not in the file itself (a contact the
 * file lists stays, changes or moves as its own row says, so it is never replaced).
 */
export const ContactImportPlannedRowSchema = ContactImportPreviewRowSchema.extend({
  replaces: z.array(ContactRoleHolderSchema).min(1).optional(),
});
export type ContactImportPlannedRow = z.infer<typeof ContactImportPlannedRowSchema>;

/** The preview answer, with `changes.replacements`: how many rows are replacement candidates. */
export const ContactImportPlannedPreviewSchema = ContactImportPreviewSchema.extend({
  valid: z.array(ContactImportPlannedRowSchema),
  changes: ContactImportPreviewSchema.shape.changes.extend({ replacements: z.number().int().min(0).default(0) }),
  /** The rows (line numbers) whose holders the first commit removes; stored by it, so a retry does the same. */
  replaceRows: z.array(z.number().int()).optional(),
});
export type ContactImportPlannedPreview = z.infer<typeof ContactImportPlannedPreviewSchema>;

/**
 * POST …/import/{id}/commit. `replace` lists the rows (line numbers in the file) whose current role
 * holders are removed; the other candidates keep both. Without `replace` nothing is removed, as
 * before this option existed: a client that never showed the holders cannot remove them. The
 * console sends every candidate unless the kansli picks "behåll båda".
 */
export const ContactImportCommitInputSchema = z.object({
  replace: z.array(z.number().int().min(1)).max(2000).optional(),
});
export type ContactImportCommitInput = z.infer<typeof ContactImportCommitInputSchema>;

/** The commit's answer, with `replaced`: contacts removed because a new row took their role. */
export const ContactImportCommitOutcomeSchema = ContactImportCommitResultSchema.extend({
  replaced: z.number().int().min(0).default(0),
});
export type ContactImportCommitOutcome = z.infer<typeof ContactImportCommitOutcomeSchema>;

type PlanRow = Pick<ContactImportPlannedRow, 'organisationId' | 'email' | 'role' | 'change'>;

/**
 * Adds `replaces` to every new row whose role is held in its organisation by a contact the file
 * does not list.
 * @param rows the preview's valid rows (emails lower-cased, as the parser gives them)
 * @param contacts the register's contacts (at least those of the rows' organisations)
 * @returns the rows in the same order; rows without a holder are returned as they were
 */
export function planRoleHolders<T extends PlanRow>(
  rows: ReadonlyArray<T>,
  contacts: ReadonlyArray<Pick<Contact, 'id' | 'organisationId' | 'name' | 'email' | 'role'>>,
): Array<T & { replaces?: ContactRoleHolder[] }> {
  const inFile = new Set(rows.map((row) => row.email));
  const holders = new Map<string, ContactRoleHolder[]>();
  for (const contact of contacts) {
    if (inFile.has(contact.email)) continue;
    const key = `${contact.organisationId}#${contact.role}`;
    const list = holders.get(key) ?? [];
    list.push({ id: contact.id, name: contact.name, email: contact.email });
    holders.set(key, list);
  }
  return rows.map((row) => {
    if (row.change !== 'new') return row;
    const current = holders.get(`${row.organisationId}#${row.role}`);
    return current && current.length > 0 ? { ...row, replaces: current.map((holder) => ({ ...holder })) } : row;
  });
}

/**
 * The holders a commit removes: those of the chosen rows, each once (two new rows may name the same
 * holder). Returns the row numbers asked for that are not candidates as `unknownRows`.
 */
export function chosenReplacements(
  rows: ReadonlyArray<Pick<ContactImportPlannedRow, 'row' | 'organisationId' | 'role' | 'replaces'>>,
  replaceRows: ReadonlyArray<number>,
): {
  holders: Array<ContactRoleHolder & Pick<ContactImportPlannedRow, 'organisationId' | 'role'>>;
  unknownRows: number[];
} {
  const byRow = new Map(rows.filter((row) => row.replaces).map((row) => [row.row, row]));
  const unknownRows = [...new Set(replaceRows)].filter((row) => !byRow.has(row));
  const seen = new Set<string>();
  const holders: Array<ContactRoleHolder & Pick<ContactImportPlannedRow, 'organisationId' | 'role'>> = [];
  for (const number of [...new Set(replaceRows)].sort((a, b) => a - b)) {
    const row = byRow.get(number);
    for (const holder of row?.replaces ?? []) {
      if (seen.has(holder.id) || !row) continue;
      seen.add(holder.id);
      holders.push({ ...holder, organisationId: row.organisationId, role: row.role });
    }
  }
  return { holders, unknownRows };
}
