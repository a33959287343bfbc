import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLISH_CSV, formatNumber, SWEDISH_CSV } from '../../../scripts/generate-emission-fixtures';
import { readNumber } from '../../../shared/emissions-import/cell-values';

describe('readNumber', () => {
  it.each([
    ['12345,6', 12345.6],
    ['12 345,6', 12345.6],
    ['12\u00a0345,6', 12345.6],
    ['1\u202f234\u202f567', 1234567],
    ['12.345,6', 12345.6],
    ['1.234.567', 1234567],
    ['0,5', 0.5],
    ['−3,2', -3.2],
    ['1,2E+05', 120000],
  ])('reads the Swedish "%s" as %d', (text, expected) => {
    // Arrange and Act
    const reading = readNumber(text, 'comma');
    // Assert
    expect(reading).toEqual({ kind: 'number', value: expected });
  });

  it.each([
    ['12345.6', 12345.6],
    ['12,345.6', 12345.6],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['-0.25', -0.25],
  ])('reads the English "%s" as %d', (text, expected) => {
    // Arrange and Act
    const reading = readNumber(text, 'point');
    // Assert
    expect(reading).toEqual({ kind: 'number', value: expected });
  });

  it('reads a lone "1,234" as a decimal in a Swedish file', () => {
    // Arrange and Act
    const reading = readNumber('1,234', 'comma');
    // Assert
    expect(reading).toEqual({ kind: 'number', value: 1.234 });
  });

  it('treats empty cells and the missing markers ".." and "-" as blank', () => {
    // Arrange
    const cells = [null, '', '  ', '..', '-', '–'];
    // Act
    const readings = cells.map((cell) => readNumber(cell, 'comma'));
    // Assert
    expect(readings.every((reading) => reading.kind === 'blank')).toBe(true);
  });

  it('rejects text, formulas without a cached value and Excel errors', () => {
    // Arrange
    const cells = [
      'saknas',
      '12 ton',
      'n/a',
      { kind: 'uncached-formula', formula: 'SUM(A1:A2)' } as const,
      { kind: 'excel-error', error: '#REF!' } as const,
    ];
    // Act
    const readings = cells.map((cell) => readNumber(cell, 'comma'));
    // Assert
    expect(readings).toEqual([
      { kind: 'invalid', reason: 'text' },
      { kind: 'invalid', reason: 'text' },
      { kind: 'invalid', reason: 'text' },
      { kind: 'invalid', reason: 'uncached-formula' },
      { kind: 'invalid', reason: 'excel-error' },
    ]);
  });

  it('reads back any one-decimal number the Swedish and English dialects write', () => {
    // Arrange
    const tenths = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 });
    // Act and Assert
    fc.assert(
      fc.property(tenths, (n) => {
        const value = n / 10;
        expect(readNumber(formatNumber(value, SWEDISH_CSV), 'comma')).toEqual({ kind: 'number', value });
        expect(readNumber(formatNumber(value, { ...ENGLISH_CSV, thousands: ',' }), 'point')).toEqual({
          kind: 'number',
          value,
        });
      }),
    );
  });
});
