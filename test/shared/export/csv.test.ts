import { describe, expect, it } from 'vitest';
import { csvCell, formatDecimal, neutraliseCell, toCsv, UTF8_BOM } from '../../../shared/export/csv';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","klicka")', `'=HYPERLINK("http://evil","klicka")`],
    ['+46 70 123', "'+46 70 123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tgömd', "'\tgömd"],
    ['\rgömd', "'\rgömd"],
    ['Lund', 'Lund'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('turns %j into %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });
});

describe('formatDecimal', () => {
  it.each([
    [0.75, '0,75'],
    [3, '3'],
    [-0.125, '-0,125'],
    [1 / 3, '0,333333'],
    [1234567.5, '1234567,5'],
    [-0, '0'],
    [Number.NaN, ''],
  ])('writes %d as %s', (value, expected) => {
    expect(formatDecimal(value)).toBe(expected);
  });
});

describe('csvCell and toCsv', () => {
  it('writes numbers with a decimal comma and leaves negative numbers as numbers', () => {
    expect([csvCell(-0.5), csvCell(true), csvCell(false), csvCell(null), csvCell(undefined)]).toEqual([
      '-0,5',
      'Ja',
      'Nej',
      '',
      '',
    ]);
  });

  it('quotes text with semicolons, quotes or line breaks, after neutralising it', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvCell('=1;2')).toBe(`"'=1;2"`);
    expect(csvCell('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
  });

  it('replaces control characters in text cells, keeps tab and line breaks quoted and still neutralises', () => {
    expect(csvCell('Lu\u0000nd')).toBe('Lu\uFFFDnd');
    expect(csvCell('\u0000\u0007\u001b\u007f\u0085')).toBe('\uFFFD'.repeat(5));
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('rad 1\r\nrad 2')).toBe('"rad 1\r\nrad 2"');
    expect(csvCell('=1\u0000')).toBe("'=1\uFFFD");
    expect(toCsv([['\u0000;x']])).toBe(`${UTF8_BOM}"\uFFFD;x"\r\n`);
  });

  it('starts with a byte order mark, separates by semicolons and ends lines with CRLF', () => {
    // Arrange
    const rows = [
      ['Kod', 'Andel'],
      ['0180', 0.5],
    ];
    // Act
    const csv = toCsv(rows);
    // Assert
    expect(csv).toBe(`${UTF8_BOM}Kod;Andel\r\n0180;0,5\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
