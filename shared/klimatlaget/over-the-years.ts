/**
 * Klimatläget over the years: each published year's headline figures per type, kept beside the
 * year in the list of published years so the report page can show them all without reading every
 * report. Only figures each year's report already shows publicly, withheld ones stay null.
 */

import type { OrganisationTypeKey } from './aggregate';
import type { KlimatlagetReport, PublishedYear, YearFigures } from './report.schema';

// Written out rather than imported from ./aggregate: the report page imports this file, and
// should not carry the aggregation code.
const ORGANISATION_TYPES: readonly OrganisationTypeKey[] = ['kommun', 'region'];

export type YearFiguresByType = Record<OrganisationTypeKey, YearFigures>;

/** The headline figures of one report, per type: as its Summary shows them. */
export function yearFigures(report: KlimatlagetReport): YearFiguresByType {
  const byType = {} as YearFiguresByType;
  for (const type of ORGANISATION_TYPES) {
    const aggregate = report.byType[type];
    byType[type] = {
      respondents: aggregate.respondents,
      max: aggregate.max,
      mean: aggregate.total?.mean ?? null,
      median: aggregate.total?.median ?? null,
    };
  }
  return byType;
}

export interface YearsOfType {
  type: OrganisationTypeKey;
  /** Oldest first; only the years this type had respondents. */
  years: Array<{ year: number } & YearFigures>;
  /** The survey's maximum changed between the years shown: the shares are of different maxima. */
  maxChanged: boolean;
}

/**
 * The types worth a comparison over the years: at least two published years with respondents of
 * that type. Years without stored figures (none should remain once read through the service) are
 * left out rather than shown as zero.
 */
export function overTheYears(published: readonly PublishedYear[]): YearsOfType[] {
  const ordered = [...published].sort((a, b) => a.year - b.year);
  return ORGANISATION_TYPES.flatMap((type) => {
    const years = ordered.flatMap((entry) => {
      const figures = entry.figures?.[type];
      return figures && figures.respondents > 0 ? [{ year: entry.year, ...figures }] : [];
    });
    if (years.length < 2) return [];
    return [{ type, years, maxChanged: new Set(years.map((y) => y.max)).size > 1 }];
  });
}
