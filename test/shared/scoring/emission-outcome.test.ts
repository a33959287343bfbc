import { describe, expect, it } from 'vitest';
import { EmissionOutcomeSchema, type EmissionRow, emissionOutcome } from '../../../shared/scoring/index';

/** One row per year with the given total and population. */
const series = (points: Array<[number, number, number?]>): EmissionRow[] =>
  points.map(([year, tonnesCO2e, population]) => ({ year, sector: 'Transporter', tonnesCO2e, population }));

describe('emissionOutcome', () => {
  it('no rows give null', () => {
    // Act
    const result = emissionOutcome([]);
    // Assert
    expect(result).toBeNull();
  });

  it('a worked example gives per-inhabitant emissions, both changes and their points', () => {
    // Arrange: 300 000 t for 100 000 inhabitants in 2023, 600 000 t for 90 000 in 1990, 330 000 t in 2018.
    const rows = series([
      [1990, 600_000, 90_000],
      [2018, 330_000, 98_000],
      [2023, 300_000, 100_000],
    ]);
    // Act
    const result = emissionOutcome(rows);
    // Assert: 3 t/inv → 1 p; 3 vs 6.667 t/inv = -55 % → 2 p; 3 vs 3.367 = -10.9 % → 2 p.
    expect(result).toEqual({
      latestYear: 2023,
      perInhabitant: 3,
      changeSince1990: -0.55,
      change5y: -0.1091,
      changeBasis: 'perInhabitant',
      points: 5,
      max: 9,
    });
    expect(EmissionOutcomeSchema.parse(result)).toEqual(result);
  });

  const perInhabitant: Array<[number, number]> = [
    [0.5, 3],
    [1, 3],
    [1.01, 2],
    [2, 2],
    [3, 1],
    [3.01, 0],
    [9, 0],
  ];
  it.each(perInhabitant)('%d t per inhabitant scores %i points', (tonnes, points) => {
    // Arrange
    const rows = series([[2023, tonnes * 1000, 1000]]);
    // Act
    const result = emissionOutcome(rows);
    // Assert
    expect(result).toMatchObject({ perInhabitant: tonnes, points, max: 3, changeSince1990: null, change5y: null });
  });

  const since1990: Array<[number, number]> = [
    [-0.6, 3],
    [-0.59, 2],
    [-0.45, 2],
    [-0.3, 1],
    [-0.29, 0],
    [0.1, 0],
  ];
  it.each(since1990)('a change of %d since 1990 scores %i points', (change, points) => {
    // Arrange: totals only, no population, so per-inhabitant is unknown.
    const rows = series([
      [1990, 1000],
      [2023, 1000 * (1 + change)],
    ]);
    // Act
    const result = emissionOutcome(rows);
    // Assert
    expect(result).toMatchObject({ changeSince1990: change, changeBasis: 'total', points, max: 3 });
  });

  const fiveYears: Array<[number, number]> = [
    [-0.15, 3],
    [-0.1, 2],
    [-0.05, 1],
    [-0.04, 0],
    [0.2, 0],
  ];
  it.each(fiveYears)('a change of %d over five years scores %i points, never below 0', (change, points) => {
    // Arrange
    const rows = series([
      [2018, 1000],
      [2023, 1000 * (1 + change)],
    ]);
    // Act
    const result = emissionOutcome(rows);
    // Assert
    expect(result).toMatchObject({ change5y: change, points, max: 3 });
  });

  it('sectors of a year are summed, international transport left out', () => {
    // Arrange
    const rows: EmissionRow[] = [
      { year: 2023, sector: 'Transporter', tonnesCO2e: 1500, population: 1000 },
      { year: 2023, sector: 'El och fjärrvärme', tonnesCO2e: 500, population: 1000 },
      { year: 2023, sector: 'Utrikes transporter', tonnesCO2e: 9000, population: 1000 },
    ];
    // Act
    const result = emissionOutcome(rows);
    // Assert
    expect(result?.perInhabitant).toBe(2);
  });

  it('a "Totalt" row wins over summing the sectors of the same year', () => {
    // Arrange
    const rows: EmissionRow[] = [
      { year: 2023, sector: 'Transporter', tonnesCO2e: 1500 },
      { year: 2023, sector: 'Totalt', tonnesCO2e: 1800, population: 1000 },
    ];
    // Act
    const result = emissionOutcome(rows);
    // Assert
    expect(result?.perInhabitant).toBe(1.8);
  });

  it('changes compare totals when a base year lacks population', () => {
    // Arrange
    const rows = series([
      [1990, 2000],
      [2023, 1000, 500],
    ]);
    // Act
    const result = emissionOutcome(rows);
    // Assert
    expect(result).toMatchObject({ perInhabitant: 2, changeSince1990: -0.5, changeBasis: 'total', points: 4, max: 6 });
  });

  it('rows with non-finite tonnes are ignored', () => {
    // Arrange
    const rows: EmissionRow[] = [{ year: 2023, sector: 'Transporter', tonnesCO2e: Number.NaN }];
    // Act
    const result = emissionOutcome(rows);
    // Assert
    expect(result).toBeNull();
  });
});
