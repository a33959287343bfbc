import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../../shared/contacts-import/parse-contacts-csv';
import { decodeText } from '../../../shared/text-encoding/decode-text';

/** Saved as Swedish Excel's "CSV (semikolonavgränsad)" does: Windows-1252, CRLF, å/ä/ö as single bytes. */
const WINDOWS_1252_FILE = readFileSync(path.join(__dirname, 'fixtures/kontakter-windows-1252.csv'));

const EXPECTED_ROWS = [
  { row: 2, organisationId: '1281', name: 'Åsa Öberg', email: 'asa.oberg@lund.se', role: 'politician' },
  { row: 3, organisationId: '1280', name: 'Björn Ärlig', email: 'bjorn.arlig@malmo.se', role: 'official' },
  { row: 4, organisationId: '12', name: 'Märta Ström', email: 'marta.strom@skane.se', role: 'official' },
];

const UNREADABLE = {
  code: 'unreadable_characters',
  message: "Filen har tecken som inte kunde läsas. Spara den som 'CSV UTF-8' i Excel och försök igen.",
  messageEn: "The file has characters that could not be read. Save it as 'CSV UTF-8' in Excel and try again.",
};

describe('the contacts file in the encodings Excel saves', () => {
  it('reads a Windows-1252 file with å, ä and ö as the names and roles written', () => {
    // Arrange: the fixture really is single-byte (Å is 0xC5), not UTF-8
    expect(WINDOWS_1252_FILE.includes(0xc5)).toBe(true);
    // Act
    const decoded = decodeText(WINDOWS_1252_FILE);
    const parsed = parseContactsCsv(decoded.text);
    // Assert
    expect(decoded.encoding).toBe('windows-1252');
    expect(parsed.errors).toEqual([]);
    expect(parsed.valid).toEqual(EXPECTED_ROWS);
  });

  it.each([
    ['UTF-8 with a byte-order mark', 'utf-8-bom', true],
    ['UTF-8 without one', 'utf-8', false],
  ])('reads the same contacts from %s', (_case, encoding, bom) => {
    // Arrange
    const text = new TextDecoder('windows-1252').decode(WINDOWS_1252_FILE);
    const utf8 = new TextEncoder().encode(text);
    const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
    // Act
    const decoded = decodeText(bytes);
    // Assert
    expect(decoded.encoding).toBe(encoding);
    expect(parseContactsCsv(decoded.text).valid).toEqual(EXPECTED_ROWS);
  });
});

describe('a contacts file read in the wrong encoding', () => {
  it('refuses every row that holds U+FFFD, with one message in Swedish and English, and commits no name', () => {
    // Arrange: the Windows-1252 file read as UTF-8, as the page's file.text() did
    const misread = new TextDecoder('utf-8').decode(WINDOWS_1252_FILE);
    expect(misread).toContain('\uFFFDsa \uFFFDberg');
    // Act
    const parsed = parseContactsCsv(misread);
    // Assert: "tj\uFFFDnsteperson" is not reported as a wrong role, only as unreadable
    expect(parsed.valid).toEqual([]);
    expect(parsed.rows).toBe(3);
    expect(parsed.errors).toEqual([
      { row: 2, column: 'namn', ...UNREADABLE },
      { row: 3, column: 'namn', ...UNREADABLE },
      { row: 4, column: 'namn', ...UNREADABLE },
    ]);
  });

  it('refuses a row whose only unreadable cell is the role, even in a file of politicians', () => {
    // Arrange
    const csv = '1281;Anna Berg;anna@lund.se;politiker\n1281;Bo Ek;bo@lund.se;tj\uFFFDnsteperson';
    // Act
    const parsed = parseContactsCsv(csv);
    // Assert
    expect(parsed.valid.map((row) => row.name)).toEqual(['Anna Berg']);
    expect(parsed.errors).toEqual([{ row: 2, column: 'roll', ...UNREADABLE }]);
  });
});

describe('a contacts file in mixed encodings', () => {
  it('reads a UTF-8 file without a byte-order mark as UTF-8 when one pasted line is Windows-1252, refusing only that line', () => {
    // Arrange: two UTF-8 rows with å/ä/ö, and one row pasted from an Excel "CSV" (ö as the single byte 0xF6)
    const utf8 = new TextEncoder().encode(
      '1281;Åsa Öberg;asa@lund.se;politiker\n1280;Märta Ärlig;marta@malmo.se;politiker\n',
    );
    const pasted = new Uint8Array([
      ...new TextEncoder().encode('12;Bj'),
      0xf6,
      ...new TextEncoder().encode('rn Lind;bjorn@skane.se;politiker'),
    ]);
    // Act
    const decoded = decodeText(new Uint8Array([...utf8, ...pasted]));
    const parsed = parseContactsCsv(decoded.text);
    // Assert: no "Ã…sa Ã–berg" saved with 0 errors
    expect(decoded.encoding).toBe('utf-8');
    expect(parsed.valid.map((row) => row.name)).toEqual(['Åsa Öberg', 'Märta Ärlig']);
    expect(parsed.errors).toEqual([{ row: 3, column: 'namn', ...UNREADABLE }]);
  });

  it('refuses a Windows-1252 line with a byte that encoding leaves undefined, rather than storing an invisible character', () => {
    // Arrange: 0x81 decodes to the control character U+0081 by the standard
    const bytes = new Uint8Array([
      ...WINDOWS_1252_FILE,
      ...new TextEncoder().encode('12;Bj'),
      0x81,
      ...new TextEncoder().encode('rn Lind;bjorn@skane.se;politiker'),
    ]);
    // Act
    const decoded = decodeText(bytes);
    const parsed = parseContactsCsv(decoded.text);
    // Assert
    expect(decoded.encoding).toBe('windows-1252');
    expect(parsed.valid).toEqual(EXPECTED_ROWS);
    expect(parsed.errors).toEqual([{ row: 5, column: 'namn', ...UNREADABLE }]);
  });
});
