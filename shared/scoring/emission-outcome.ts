/**
 * The emission outcome ("Utfall"): a sub-score from imported emissions, reported next to the survey
 * score and never added into it. Scale documented in docs/scoring.md.
 */
import type { EmissionOutcome, EmissionRow } from './emission-outcome.schema';

interface Step {
  /** Reached when the value is at or below this. */
  atMost: number;
  points: number;
}

/** t CO2e per inhabitant, latest year. */
export const PER_INHABITANT_STEPS: readonly Step[] = [
  { atMost: 1, points: 3 },
  { atMost: 2, points: 2 },
  { atMost: 3, points: 1 },
];
/** Change since 1990 as a fraction. */
export const CHANGE_SINCE_1990_STEPS: readonly Step[] = [
  { atMost: -0.6, points: 3 },
  { atMost: -0.45, points: 2 },
  { atMost: -0.3, points: 1 },
];
/** Change over the last five years as a fraction; an increase scores 0, never below. */
export const CHANGE_5Y_STEPS: readonly Step[] = [
  { atMost: -0.15, points: 3 },
  { atMost: -0.1, points: 2 },
  { atMost: -0.05, points: 1 },
];
const POINTS_PER_PART = 3;

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

const isTotalSector = (sector: string): boolean => /^(totalt?|summa|alla sektorer)\b/i.test(sector.trim());
/** International transport is outside territorial totals, as in the national emissions database. */
const isInternational = (sector: string): boolean => /^(utrikes|international)/i.test(sector.trim());

export interface YearFigure {
  tonnes: number;
  population: number | undefined;
}

/** Tonnes and population per year: the `Totalt` row when present, else the sum of sectors without international transport. */
export function figuresByYear(rows: readonly EmissionRow[]): Map<number, YearFigure> {
  const sums = new Map<number, { sectors: number; total: number | undefined; population: number | undefined }>();
  for (const row of rows) {
    if (!Number.isFinite(row.tonnesCO2e) || !Number.isInteger(row.year)) continue;
    const entry = sums.get(row.year) ?? { sectors: 0, total: undefined, population: undefined };
    // A "Totalt" row, when present, wins over summing sectors, so a file with both is not double counted.
    if (isTotalSector(row.sector)) entry.total ??= row.tonnesCO2e;
    else if (!isInternational(row.sector)) entry.sectors += row.tonnesCO2e;
    if (row.population !== undefined && row.population > 0) {
      entry.population = Math.max(entry.population ?? 0, row.population);
    }
    sums.set(row.year, entry);
  }
  return new Map([...sums].map(([year, e]) => [year, { tonnes: e.total ?? e.sectors, population: e.population }]));
}

function stepPoints(value: number | null, steps: readonly Step[]): number {
  if (value === null) return 0;
  return steps.find((step) => value <= step.atMost)?.points ?? 0;
}

/**
 * Computes per-inhabitant emissions for the latest year, the change since 1990 and over the last
 * five years, and points for each (3 each; `max` counts the parts that could be computed).
 * Changes compare per-inhabitant figures when both years have a population, else totals.
 * Returns null when there are no usable rows.
 */
export function emissionOutcome(rows: readonly EmissionRow[]): EmissionOutcome | null {
  const years = figuresByYear(rows);
  if (years.size === 0) return null;
  const latestYear = Math.max(...years.keys());
  const latest = years.get(latestYear)!;
  const perInhabitant = latest.population ? latest.tonnes / latest.population : null;

  const base1990 = years.get(1990);
  const base5y = years.get(latestYear - 5);
  const perCapitaBasis =
    latest.population !== undefined &&
    [base1990, base5y].every((base) => base === undefined || base.population !== undefined);
  const level = (figure: YearFigure): number => (perCapitaBasis ? figure.tonnes / figure.population! : figure.tonnes);
  const change = (base: YearFigure | undefined): number | null => {
    if (base === undefined || latestYear === 1990 || level(base) <= 0) return null;
    return round(level(latest) / level(base) - 1);
  };
  const changeSince1990 = latestYear > 1990 ? change(base1990) : null;
  const change5y = change(base5y);

  const parts = [perInhabitant, changeSince1990, change5y].filter((part) => part !== null).length;
  const points =
    stepPoints(perInhabitant, PER_INHABITANT_STEPS) +
    stepPoints(changeSince1990, CHANGE_SINCE_1990_STEPS) +
    stepPoints(change5y, CHANGE_5Y_STEPS);
  return {
    latestYear,
    perInhabitant: perInhabitant === null ? null : round(perInhabitant),
    changeSince1990,
    change5y,
    changeBasis: perCapitaBasis ? 'perInhabitant' : 'total',
    points,
    max: parts * POINTS_PER_PART,
  };
}
