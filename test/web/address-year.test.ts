import { describe, expect, it } from 'vitest';
import { addressYear } from '../../web/src/lib/address-year';

describe('the year in a report or scorecard address', () => {
  it('reads four digits within the years a survey can have as a year', () => {
    expect(addressYear('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(addressYear('2000')).toEqual({ kind: 'year', year: 2000 });
    expect(addressYear('2100')).toEqual({ kind: 'year', year: 2100 });
  });

  it('knows no survey for a year outside them, without asking the API (which would refuse it as invalid)', () => {
    expect(addressYear('1999')).toEqual({ kind: 'noSurvey', year: 1999 });
    expect(addressYear('2101')).toEqual({ kind: 'noSurvey', year: 2101 });
  });

  it('never takes something else for a year', () => {
    for (const segment of ['abc', '2025.5', '20255', '202', ' 2025', '2025a', '-2025']) {
      expect(addressYear(segment)).toEqual({ kind: 'invalid' });
    }
    expect(addressYear(undefined)).toEqual({ kind: 'none' });
  });
});
