import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../../../scripts/generate-emission-fixtures';
import { decodeText, detectDelimiter, readCsv } from '../../../shared/emissions-import/read-csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('detects UTF-8 with a byte-order mark and removes the mark', () => {
    // Arrange
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Kommun;År\r\nHöör;2020\r\n')]);
    // Act
    const decoded = decodeText(bytes);
    // Assert
    expect(decoded).toEqual({ encoding: 'utf-8-bom', text: 'Kommun;År\r\nHöör;2020\r\n' });
  });

  it('detects Windows-1252 from bytes that are not valid UTF-8, keeping å, ä and ö', () => {
    // Arrange
    const bytes = encodeWindows1252('Kommun;Utsläpp\r\nMalmö;1,5\r\nSkåne;2\r\n');
    // Act
    const decoded = decodeText(bytes);
    // Assert
    expect(decoded).toEqual({ encoding: 'windows-1252', text: 'Kommun;Utsläpp\r\nMalmö;1,5\r\nSkåne;2\r\n' });
  });

  it('reads UTF-8 without a byte-order mark as UTF-8', () => {
    // Arrange
    const bytes = utf8('Kommun,Year\nÖrebro,2020\n');
    // Act
    const decoded = decodeText(bytes);
    // Assert
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('Örebro');
  });

  it('reads UTF-16 little-endian, as Excel saves "Unicode text"', () => {
    // Arrange
    const text = 'Kommun\tÅr\nHöör\t2020\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    // Act
    const decoded = decodeText(bytes);
    // Assert
    expect(decoded).toEqual({ encoding: 'utf-16le', text });
  });
});

describe('detectDelimiter', () => {
  it('picks semicolon over the decimal commas of a Swedish file', () => {
    // Arrange
    const text = 'Kommun;År;Sektor;Utsläpp\nLund;2020;Jordbruk;1,5\nLund;2021;Jordbruk;2,5\n';
    // Act
    const delimiter = detectDelimiter(text);
    // Assert
    expect(delimiter).toBe(';');
  });

  it('picks comma in an English file and ignores commas inside quotes', () => {
    // Arrange
    const text = '"Emissions, t CO2e"\nOrganisation,Year,Sector,Emissions\n"Lund, kommun",2020,Agriculture,1.5\n';
    // Act
    const delimiter = detectDelimiter(text);
    // Assert
    expect(delimiter).toBe(',');
  });

  it('picks tab in a tab-separated file', () => {
    // Arrange
    const text = 'Kommun\tÅr\tUtsläpp\nLund\t2020\t1,5\nMalmö\t2020\t2,5\n';
    // Act
    const delimiter = detectDelimiter(text);
    // Assert
    expect(delimiter).toBe('\t');
  });

  it('is not misled by title rows above the header', () => {
    // Arrange
    const text = 'Utsläpp, per kommun\nKälla: SMHI, Naturvårdsverket\n\nKommun;År;Utsläpp\nLund;2020;1\nMalmö;2020;2\n';
    // Act
    const delimiter = detectDelimiter(text);
    // Assert
    expect(delimiter).toBe(';');
  });
});

describe('readCsv', () => {
  it('keeps quoted fields that contain the separator and doubled quotes, with one row per record', () => {
    // Arrange
    const bytes = utf8('"Källa: SMHI; ""RUS"""\r\nKommun;Sektor\r\n"Lund; kommun";"Industri; energi"\r\n');
    // Act
    const table = readCsv(bytes);
    // Assert
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([['Källa: SMHI; "RUS"'], ['Kommun', 'Sektor'], ['Lund; kommun', 'Industri; energi']]);
  });

  it('keeps blank lines as rows so row numbers match Excel', () => {
    // Arrange
    const bytes = utf8('Titel\n\nKommun;År\nLund;2020\n');
    // Act
    const table = readCsv(bytes);
    // Assert
    expect(table.rows).toEqual([['Titel'], [''], ['Kommun', 'År'], ['Lund', '2020']]);
  });
});
