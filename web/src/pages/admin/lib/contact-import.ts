/**
 * The contacts import page's file reading and counted sentences, apart from the page so tests can
 * run them as the page does.
 */
import { decodeText } from '../../../../../shared/text-encoding/decode-text';
import type { ContactImportCommitOutcome, ContactImportPlannedPreview, ContactImportPlannedRow } from '../api';
import type { AdminT } from '../i18n';
// The strings below are this part's; the page imports it too, but a file shows only what it imports.
import '../i18n/organisations';

/**
 * The text of a chosen file, UTF-8 (with or without BOM) or Windows-1252: Swedish Excel's
 * "CSV (semikolonavgränsad)" is Windows-1252, which `file.text()` (UTF-8 only) turns into U+FFFD.
 */
export async function readContactsFile(file: Blob): Promise<string> {
  return decodeText(new Uint8Array(await file.arrayBuffer())).text;
}

// Each number is put in its own counted words ("1 ny", "2 nya"), as a sentence's {count} alone takes
// the singular form.

/** "Förhandsgranskat: 1 rad, 0 fel. Kontakter: 1 ny, 0 ändrade." */
export function previewedMessage(t: AdminT, preview: Pick<ContactImportPlannedPreview, 'rows' | 'errors' | 'changes'>) {
  return t('contactImport.previewed', {
    rows: t('contactImport.rowCount', { count: preview.rows }),
    errors: t('contactImport.errorCount', { count: preview.errors.length }),
    new: t('contactImport.newCount', { count: preview.changes.new }),
    changed: t('contactImport.changedCount', { count: preview.changes.changed }),
  });
}

/** "Importen är sparad: 1 ny, 0 ändrade, 2 oförändrade. Ersatta och borttagna kontakter: 1." */
export function committedMessage(
  t: AdminT,
  outcome: Pick<ContactImportCommitOutcome, 'created' | 'updated' | 'unchanged' | 'replaced'>,
): string {
  return t('contactImport.committedWithReplaced', {
    created: t('contactImport.newCount', { count: outcome.created }),
    updated: t('contactImport.changedCount', { count: outcome.updated }),
    unchanged: t('contactImport.unchangedCount', { count: outcome.unchanged }),
    replaced: outcome.replaced,
  });
}

/** The rows that move an existing contact to another organisation (it keeps its id). */
export function movedRows(rows: ReadonlyArray<Pick<ContactImportPlannedRow, 'organisationId' | 'before'>>): number {
  return rows.filter((row) => row.before && row.before.organisationId !== row.organisationId).length;
}

/**
 * The note under a saved import: new contacts, and moved ones (the catch-up invitation after an
 * import move, docs/reminders.md), get the invitation with the next reminder run. Empty when
 * there are neither.
 */
export function invitationsNote(t: AdminT, created: number, moved: number): string[] {
  if (created === 0 && moved === 0) return [];
  const newContacts = t('contactImport.newContactCount', { count: created });
  const movedContacts = t('contactImport.movedContactCount', { count: moved });
  const contacts =
    created > 0 && moved > 0
      ? t('contactImport.invitedBoth', { new: newContacts, moved: movedContacts })
      : created > 0
        ? newContacts
        : movedContacts;
  const note = [t('contactImport.invitationsNext', { contacts })];
  if (moved > 0) note.push(t('contactImport.invitationsMoved'));
  return note;
}

/** The save button: "Spara 1 ändring", or "Spara 3 ändringar och ersätt 1 kontakt" when rows replace holders. */
export function commitLabel(t: AdminT, changes: number, replacing: number): string {
  return replacing > 0
    ? t('contactImport.commitReplacing', {
        changes: t('contactImport.changeCount', { count: changes }),
        replaced: t('contactImport.contactCount', { count: replacing }),
      })
    : t('contactImport.commit', { count: changes });
}
