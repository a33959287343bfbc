/**
 * An organisation's imported emission figures (GET /api/admin/organisations/{code}/emissions),
 * arranged for the organisation page: a sector × year table, totals per year and the figures of
 * one year by sector. Pure, so it is unit-tested without a browser.
 */
import { SECTOR_IDS, type SectorId } from '../../../../../shared/emissions-import/sector-ids';
import type { OrganisationEmission } from '../../../../../shared/schemas/emission-import.schema';

/** The nine main sectors in the national emissions database's order. */
export const SECTOR_ORDER = SECTOR_IDS;

/** International transport is outside the territorial total, as in prefill and Klimatläget. */
export const OUTSIDE_TERRITORIAL_TOTAL: readonly SectorId[] = ['utrikes-transporter'];
/** How many sectors the territorial total sums when every one is imported. */
export const TERRITORIAL_SECTORS = SECTOR_ORDER.length - OUTSIDE_TERRITORIAL_TOTAL.length;

export interface YearTotal {
  year: number;
  /** The territorial total: the sum of the year's imported sectors except international transport. */
  tonnes: number;
  /** How many of the territorial sectors the year has. */
  sectors: number;
  /** Inhabitants as the import gave them for the year, if it did. */
  population?: number;
  /** Tonnes per inhabitant, where the population is known. */
  perInhabitant?: number;
}

export interface EmissionsOverview {
  /** Years with any figure, oldest first. */
  years: number[];
  /** Sectors with any figure, in the database's order. */
  sectors: SectorId[];
  /** The figure of a sector in a year; undefined where none was imported. */
  value(sector: SectorId, year: number): number | undefined;
  totals: YearTotal[];
  /** The imports that wrote the figures shown. */
  importIds: string[];
  /** How many figures replaced an earlier import's value. */
  replaced: number;
}

export function emissionsOverview(rows: readonly OrganisationEmission[]): EmissionsOverview {
  const byKey = new Map<string, number>();
  const years = new Set<number>();
  const sectors = new Set<SectorId>();
  const totals = new Map<number, YearTotal>();
  for (const row of rows) {
    byKey.set(`${row.sector}|${row.year}`, row.tonnesCO2e);
    years.add(row.year);
    sectors.add(row.sector);
    const total = totals.get(row.year) ?? { year: row.year, tonnes: 0, sectors: 0 };
    if (!OUTSIDE_TERRITORIAL_TOTAL.includes(row.sector)) {
      total.tonnes += row.tonnesCO2e;
      total.sectors += 1;
    }
    if (row.population !== undefined && total.population === undefined) total.population = row.population;
    totals.set(row.year, total);
  }
  const sortedYears = [...years].sort((a, b) => a - b);
  return {
    years: sortedYears,
    sectors: SECTOR_ORDER.filter((sector) => sectors.has(sector)),
    value: (sector, year) => byKey.get(`${sector}|${year}`),
    totals: sortedYears.map((year) => {
      const total = totals.get(year) as YearTotal;
      return total.population
        ? { ...total, perInhabitant: total.tonnes / total.population }
        : { year: total.year, tonnes: total.tonnes, sectors: total.sectors };
    }),
    importIds: [...new Set(rows.map((row) => row.importId))],
    replaced: rows.filter((row) => row.previous).length,
  };
}

/** One bar: its label, value and length as a share (0–1) of the largest bar. */
export interface Bar<K> {
  key: K;
  value: number;
  share: number;
}

/** Bars for values, each as a share of the largest (an all-zero set draws no bars). */
export function bars<K>(entries: ReadonlyArray<{ key: K; value: number }>): Array<Bar<K>> {
  const largest = Math.max(0, ...entries.map((entry) => entry.value));
  return entries.map((entry) => ({ ...entry, share: largest > 0 ? entry.value / largest : 0 }));
}

/** The sectors of one year, largest first (ties in the database's order). */
export function sectorsOfYear(overview: EmissionsOverview, year: number): Array<Bar<SectorId>> {
  const entries = overview.sectors
    .map((sector) => ({ key: sector, value: overview.value(sector, year) }))
    .filter((entry): entry is { key: SectorId; value: number } => entry.value !== undefined)
    .sort((a, b) => b.value - a.value);
  return bars(entries);
}

/** The years the trend chart shows: the latest `max` (the table holds them all). */
export function trendYears(overview: EmissionsOverview, max = 12): YearTotal[] {
  return overview.totals.slice(-max);
}
