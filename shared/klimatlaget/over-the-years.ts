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
      sections: aggregate.sections.map(({ name, title, titleEn, max, mean }) => ({
        name,
        title,
        ...(titleEn === undefined ? {} : { titleEn }),
        max,
        mean,
      })),
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

/** One area in one year: its maximum that year and the mean share of it (null when withheld). */
export interface AreaYear {
  year: number;
  max: number;
  mean: number | null;
}

export interface AreaOverTheYears {
  /** The survey page's name, which identifies the area from year to year. */
  name: string;
  /** As the latest year that had the area titles it. */
  title: string;
  titleEn?: string;
  /** One entry per year of `AreasOfType.years`, oldest first; null in a year whose survey had no such area. */
  years: Array<AreaYear | null>;
  /** The area's maximum differs between the years it was in: the shares are of different maxima. */
  maxChanged: boolean;
  /**
   * The latest shown mean minus the earliest, in share points (0.05 = 5 %-enheter); null when fewer
   * than two years show a mean or the maximum changed between them.
   */
  change: number | null;
}

export interface AreasOfType {
  type: OrganisationTypeKey;
  /** The years compared, oldest first: those of `overTheYears` whose figures hold the areas. */
  years: number[];
  /** Areas the survey had in at least two of the years, in the latest year's order. */
  areas: AreaOverTheYears[];
}

/** An area as one year's survey (or score) has it: its page's name and title, and that year's figures. */
export interface NamedArea {
  name: string;
  title: string;
  titleEn?: string;
}

export interface MatchedArea<A extends NamedArea> {
  /** The survey page's name, which identifies the area from year to year. */
  name: string;
  /** As the latest year that had the area titles it. */
  title: string;
  titleEn?: string;
  /** One entry per year given, oldest first; null in a year that had no such area. */
  cells: Array<A | null>;
}

/**
 * The one rule by which an area is followed over the years, for Klimatläget and the member's
 * scorecard alike: an area is its survey page's name, titled as the latest year that had it titles
 * it, listed in the latest year's order (then those only earlier years had, newest first); one that
 * was in fewer than two of the years is left out, as there is nothing to compare it with.
 * `years` is oldest first, each year's areas in its survey's order.
 */
export function matchAreas<A extends NamedArea>(years: ReadonlyArray<readonly A[]>): MatchedArea<A>[] {
  const names = [...new Set([...years].reverse().flatMap((areas) => areas.map((area) => area.name)))];
  return names.flatMap((name): MatchedArea<A>[] => {
    const cells = years.map((areas) => areas.find((candidate) => candidate.name === name) ?? null);
    const present = cells.filter((cell) => cell !== null);
    if (present.length < 2) return [];
    const { title, titleEn } = present.at(-1)!;
    return [{ name, title, ...(titleEn === undefined ? {} : { titleEn }), cells }];
  });
}

/**
 * Each area's mean share over the published years, per type: which parts of the climate work moved.
 * Areas are matched by `matchAreas`.
 */
export function areasOverTheYears(published: readonly PublishedYear[]): AreasOfType[] {
  return overTheYears(published).flatMap(({ type, years: all }) => {
    const years = all.flatMap((entry) => (entry.sections ? [{ year: entry.year, sections: entry.sections }] : []));
    if (years.length < 2) return [];
    const areas = matchAreas(years.map(({ sections }) => sections)).map(({ cells, ...area }): AreaOverTheYears => {
      const present = cells.filter((cell) => cell !== null);
      const maxChanged = new Set(present.map((cell) => cell.max)).size > 1;
      const shown = present.filter((cell) => cell.mean !== null);
      const change = !maxChanged && shown.length >= 2 ? shown.at(-1)!.mean! - shown[0]!.mean! : null;
      return {
        ...area,
        years: cells.map((cell, i) => (cell ? { year: years[i]!.year, max: cell.max, mean: cell.mean } : null)),
        maxChanged,
        change,
      };
    });
    return areas.length ? [{ type, years: years.map((entry) => entry.year), areas }] : [];
  });
}
