import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffEmissions } from '../../../shared/emissions-import/diff';
import { emissionKey, parseEmissionKey } from '../../../shared/emissions-import/emission-key';
import { type EmissionValue, SECTOR_IDS, type StoredEmission } from '../../../shared/emissions-import/index';

const value = (overrides: Partial<EmissionValue> = {}): EmissionValue => ({
  organisationId: '1281',
  year: 2020,
  sector: 'transporter',
  tonnesCO2e: 1000,
  ...overrides,
});

describe('emissionKey', () => {
  it('joins organisation, year and sector into a stable key that parses back', () => {
    // Arrange
    const parts = { organisationId: '0180', year: 2020, sector: 'jordbruk' as const };
    // Act
    const key = emissionKey(parts);
    // Assert
    expect(key).toBe('0180#2020#jordbruk');
    expect(parseEmissionKey(key)).toEqual(parts);
    expect(parseEmissionKey('0180#2020#fiske')).toBeNull();
  });
});

describe('diffEmissions', () => {
  it('counts new, changed and unchanged values and keeps the value each change replaces', () => {
    // Arrange
    const stored: StoredEmission[] = [
      { ...value({ sector: 'transporter', tonnesCO2e: 1000 }), importId: 'imp-1' },
      { ...value({ sector: 'jordbruk', tonnesCO2e: 500 }), importId: 'imp-1' },
    ];
    const incoming = [
      value({ sector: 'transporter', tonnesCO2e: 1000 }),
      value({ sector: 'jordbruk', tonnesCO2e: 550.5 }),
      value({ sector: 'avfall', tonnesCO2e: 20 }),
    ];
    // Act
    const diff = diffEmissions(incoming, stored);
    // Assert
    expect(diff).toEqual({
      new: 1,
      changed: 1,
      unchanged: 1,
      changes: [
        { key: '1281#2020#jordbruk', before: stored[1], after: incoming[1] },
        { key: '1281#2020#avfall', after: incoming[2] },
      ],
    });
  });

  it('sees a changed population as a change, and a population left out as none', () => {
    // Arrange
    const stored: StoredEmission[] = [value({ population: 120000 }), value({ year: 2021, population: 121000 })];
    const incoming = [value({ population: 125000 }), value({ year: 2021 })];
    // Act
    const diff = diffEmissions(incoming, stored);
    // Assert
    expect([diff.new, diff.changed, diff.unchanged]).toEqual([0, 1, 1]);
  });

  it('ignores floating-point noise below a gram', () => {
    // Arrange
    const stored = [value({ tonnesCO2e: 0.3 })];
    const incoming = [value({ tonnesCO2e: 0.1 + 0.2 })];
    // Act
    const diff = diffEmissions(incoming, stored);
    // Assert
    expect(diff.unchanged).toBe(1);
  });

  it('reports nothing to change when the same values are committed again', () => {
    // Arrange
    const values = fc.uniqueArray(
      fc.record({
        organisationId: fc.constantFrom('0180', '1281', '12'),
        year: fc.integer({ min: 1990, max: 2024 }),
        sector: fc.constantFrom(...SECTOR_IDS),
        tonnesCO2e: fc.double({ min: 0, max: 1e7, noNaN: true }),
      }),
      { selector: (v) => emissionKey(v) },
    );
    // Act and Assert
    fc.assert(
      fc.property(values, (incoming) => {
        const first = diffEmissions(incoming, []);
        const committed = first.changes.map((change) => ({ ...change.after, importId: 'imp-1' }));
        const second = diffEmissions(incoming, committed);
        expect(first.new).toBe(incoming.length);
        expect(second).toEqual({ new: 0, changed: 0, unchanged: incoming.length, changes: [] });
      }),
    );
  });
});
