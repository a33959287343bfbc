import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitLabel,
  committedMessage,
  invitationsNote,
  movedRows,
  previewedMessage,
  readContactsFile,
} from '../../web/src/pages/admin/lib/contact-import';
import { adminT } from '../helpers/translators';

const WINDOWS_1252_FILE = readFileSync(
  path.join(__dirname, '../shared/contacts-import/fixtures/kontakter-windows-1252.csv'),
);

describe('the contacts import page reading a file', () => {
  it('reads a file Swedish Excel saved in Windows-1252 with its å, ä and ö', async () => {
    // Act
    const text = await readContactsFile(new Blob([WINDOWS_1252_FILE], { type: 'text/csv' }));
    // Assert
    expect(text).toContain('1281;Åsa Öberg;asa.oberg@lund.se;politiker');
    expect(text).toContain('Björn Ärlig');
    expect(text).not.toContain('\uFFFD');
  });

  it('reads a UTF-8 file with a byte-order mark without the mark', async () => {
    // Arrange
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('kod;namn;e-post;roll\n')]);
    // Act
    const text = await readContactsFile(new Blob([bytes]));
    // Assert
    expect(text).toBe('kod;namn;e-post;roll\n');
  });
});

describe('the contacts import page’s counted sentences', () => {
  const sv = adminT('sv');
  const en = adminT('en');

  it('gives each number of the save button its own singular', () => {
    expect(commitLabel(sv, 3, 1)).toBe('Spara 3 ändringar och ersätt 1 kontakt');
    expect(commitLabel(sv, 1, 2)).toBe('Spara 1 ändring och ersätt 2 kontakter');
    expect(commitLabel(sv, 1, 0)).toBe('Spara 1 ändring');
    expect(commitLabel(en, 1, 1)).toBe('Save 1 change and replace 1 contact');
    expect(commitLabel(en, 2, 3)).toBe('Save 2 changes and replace 3 contacts');
  });

  it('says "1 ny" and "1 ändrad" once the import is saved', () => {
    const outcome = { created: 1, updated: 0, unchanged: 1, replaced: 1, alreadyCommitted: false };
    expect(committedMessage(sv, outcome)).toBe(
      'Importen är sparad: 1 ny, 0 ändrade, 1 oförändrad. Ersatta och borttagna kontakter: 1.',
    );
    expect(committedMessage(sv, { ...outcome, created: 2, updated: 1, unchanged: 3 })).toBe(
      'Importen är sparad: 2 nya, 1 ändrad, 3 oförändrade. Ersatta och borttagna kontakter: 1.',
    );
    expect(committedMessage(en, outcome)).toBe(
      'The import is saved: 1 new, 0 changed, 1 unchanged. Contacts replaced and removed: 1.',
    );
  });

  it('counts rows, errors and contacts of the preview in the singular where there is one', () => {
    const preview = { rows: 1, errors: [], changes: { new: 1, changed: 2, unchanged: 0, replacements: 0 } };
    expect(previewedMessage(sv, preview)).toBe('Förhandsgranskat: 1 rad, 0 fel. Kontakter: 1 ny, 2 ändrade.');
    expect(previewedMessage(en, preview)).toBe('Previewed: 1 row, 0 errors. Contacts: 1 new, 2 changed.');
  });

  it('counts the rows that move a contact to another organisation, not those that change it in place', () => {
    const rows = [
      { organisationId: '1280' },
      { organisationId: '1281', before: { organisationId: '1280', name: 'Anna', role: 'official' as const } },
      { organisationId: '1281', before: { organisationId: '1281', name: 'Bo', role: 'official' as const } },
    ];
    expect(movedRows(rows)).toBe(1);
  });

  it('says that moved contacts, as well as new ones, get the invitation with the next reminder run', () => {
    expect(invitationsNote(sv, 0, 0)).toEqual([]);
    expect(invitationsNote(sv, 2, 0)).toEqual([
      'Medan en kampanj är öppen får 2 nya kontakter inbjudan till enkäten vid nästa utskick av påminnelser, inte direkt.',
    ]);
    expect(invitationsNote(sv, 0, 1)).toEqual([
      'Medan en kampanj är öppen får 1 flyttad kontakt inbjudan till enkäten vid nästa utskick av påminnelser, inte direkt.',
      'En flyttad kontakt bjuds in för sin nya organisation, även om den redan fått inbjudan för den gamla.',
    ]);
    expect(invitationsNote(en, 1, 2)[0]).toBe(
      'While a campaign is open, 1 new contact and 2 moved contacts will get the invitation to the survey with the next reminder run, not at once.',
    );
  });
});
