import { describe, expect, it } from 'vitest';
import {
  expectedEmissionValues,
  readDemoOrganisations,
  scaleFixtures,
  scaleOrganisations,
  toRegister,
} from '../../../scripts/generate-emission-fixtures';
import { isValidKommunkod } from '../../../shared/domain/organisation-codes';
import { parseEmissionsFile } from '../../../shared/emissions-import/index';

const now = new Date('2024-06-01T12:00:00Z');

describe('the 311-organisation export', () => {
  it('pads the demo organisations with unique, valid made-up municipalities', () => {
    // Arrange
    const demo = readDemoOrganisations();
    // Act
    const organisations = scaleOrganisations(demo, 311);
    // Assert
    expect(organisations).toHaveLength(311);
    expect(new Set(organisations.map((organisation) => organisation.code)).size).toBe(311);
    expect(new Set(organisations.map((organisation) => organisation.name)).size).toBe(311);
    expect(organisations.slice(demo.length).every((organisation) => isValidKommunkod(organisation.code))).toBe(true);
  });

  it('previews about 95,000 values from CSV and from XLSX, logging the time each took', async () => {
    // Arrange
    const { dataset, csv, xlsx } = await scaleFixtures();
    const register = toRegister(dataset.organisations);
    const expected = expectedEmissionValues(dataset, { population: true });
    // Act
    const timings: Record<string, number> = {};
    const results = [];
    for (const fixture of [csv, xlsx]) {
      const start = performance.now();
      results.push(await parseEmissionsFile({ bytes: fixture.bytes, fileName: fixture.fileName }, register, { now }));
      timings[fixture.fileName] = Math.round(performance.now() - start);
    }
    console.log(
      `Preview of ${expected.length} values: CSV ${timings[csv.fileName]} ms (${csv.bytes.length} B), ` +
        `XLSX ${timings[xlsx.fileName]} ms (${xlsx.bytes.length} B)`,
    );
    // Assert
    expect(expected).toHaveLength(311 * 9 * 34);
    for (const parsed of results) {
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows).toBe(95_166);
      expect(parsed.years).toEqual([1990, 2023]);
      expect(parsed.organisations.matched).toHaveLength(311);
      expect(parsed.values).toEqual(expected);
    }
  }, 90_000); // builds and parses two 95,000-value files; the timing budget itself is the bench's
});
