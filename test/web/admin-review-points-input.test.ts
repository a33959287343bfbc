import { describe, expect, it } from 'vitest';
import { formatPointsInput, parsePoints } from '../../web/src/pages/admin/lib/points-input';

describe("the point override's number (Justera)", () => {
  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    [' 2,5 ', 2.5],
    ['0,5', 0.5],
    [',5', 0.5],
    ['3', 3],
    ['0', 0],
    ['-0', 0],
    ['1\u00a0', 1],
    ['2,25', 2.25],
  ])('reads %j as %d', (text, value) => {
    expect(parsePoints(text, 3)).toEqual({ ok: true, value });
  });

  it.each(['abc', '2,5,1', '2.5.1', '1.000,5', '2,', '.', ',', '1e3', '0x2', 'Infinity', '2 poäng', '--1', '½'])(
    'refuses %j as not a number',
    (text) => {
      expect(parsePoints(text, 3)).toEqual({ ok: false, reason: 'not_a_number' });
    },
  );

  it('refuses an empty field, and a number outside 0…max', () => {
    expect(parsePoints('', 3)).toEqual({ ok: false, reason: 'empty' });
    expect(parsePoints('   ', 3)).toEqual({ ok: false, reason: 'empty' });
    expect(parsePoints('3,5', 3)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parsePoints('-1', 3)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parsePoints('\u22121', 3)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parsePoints('3', 3)).toEqual({ ok: true, value: 3 });
  });

  it("shows the points back in the reader's format, without grouping", () => {
    expect(formatPointsInput(2.5, 'sv')).toBe('2,5');
    expect(formatPointsInput(2.5, 'en')).toBe('2.5');
    expect(formatPointsInput(3, 'sv')).toBe('3');
    expect(formatPointsInput(12345.5, 'sv')).toBe('12345,5');
    // What is shown reads back as the same number in either language.
    for (const lang of ['sv', 'en'] as const) {
      for (const value of [0, 0.5, 1, 2.25, 1 / 3]) {
        const shown = formatPointsInput(value, lang);
        const read = parsePoints(shown, 3);
        expect(read.ok && Math.abs(read.value - value) < 1e-6, `${lang} ${shown}`).toBe(true);
      }
    }
  });
});
