import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';

/**
 * A contacts file saved by Swedish Excel as "CSV (semikolonavgränsad)" is Windows-1252; read as
 * UTF-8 on its way (an older console, a script) its å, ä and ö arrive as U+FFFD. The API refuses
 * those rows instead of storing "\uFFFDsa \uFFFDberg" as a contact's name.
 */
const IMPORT = '/api/admin/contacts/import';
const LUND_CONTACTS = '/api/admin/organisations/1281/contacts';
const WINDOWS_1252_FILE = readFileSync(
  path.join(__dirname, '../shared/contacts-import/fixtures/kontakter-windows-1252.csv'),
);

describe('a contacts import whose text lost its å, ä and ö', () => {
  it('refuses the rows holding U+FFFD in Swedish and English, and the commit writes no contact', async () => {
    // Arrange: the Windows-1252 file read as UTF-8; every role of Lund's row is politiker
    const { ctx, admin } = await adminWorld();
    const csv = `kod;namn;e-post;roll\n1281;\uFFFDsa \uFFFDberg;asa.oberg@lund.se;politiker`;
    const before = (await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts;
    // Act
    const preview = await call(ctx, admin, 'POST', IMPORT, { csv });
    const commit = await call(ctx, admin, 'POST', `${IMPORT}/${preview.body.id}/commit`);
    // Assert
    expect(preview.status).toBe(201);
    expect(preview.body.valid).toEqual([]);
    expect(preview.body.errors).toEqual([
      {
        row: 2,
        column: 'namn',
        code: 'unreadable_characters',
        message: "Filen har tecken som inte kunde läsas. Spara den som 'CSV UTF-8' i Excel och försök igen.",
        messageEn: "The file has characters that could not be read. Save it as 'CSV UTF-8' in Excel and try again.",
      },
    ]);
    expect(commit.status).toBe(422);
    expect(commit.body.error.code).toBe('import_has_errors');
    expect((await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts).toEqual(before);
  });

  it('imports the names whole when the file is decoded as Windows-1252, as the console does', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld();
    const csv = new TextDecoder('windows-1252').decode(WINDOWS_1252_FILE);
    // Act
    const preview = await call(ctx, admin, 'POST', IMPORT, { csv });
    // Assert
    expect(preview.status).toBe(201);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.valid.map((row: { name: string }) => row.name)).toEqual([
      'Åsa Öberg',
      'Björn Ärlig',
      'Märta Ström',
    ]);
  });
});
