/** The network's emissions per inhabitant against the national figure, from imported emission rows. */
import { emissionOutcome, figuresByYear } from '../scoring/emission-outcome';
import type { EmissionRow } from '../scoring/emission-outcome.schema';
import type { NationalEmissions, NetworkEmissions } from './report.schema';
import { round, stat } from './stats';

/**
 * Sweden's territorial emissions per inhabitant as quoted in Klimatkommunerna's Klimatläget 2023
 * (from the national emissions database, Nationella emissionsdatabasen): 4.4 t, and 46 % lower
 * since 1990, set beside the members' 53 % per inhabitant. The source does not say which year the
 * figures are for, so `year` stays null and `quotedIn` dates them by the publication: the report
 * then says "according to Klimatläget 2023" instead of inventing a year. Used when no national
 * rows are imported; docs/klimatlaget.md says how to update it.
 */
export const NATIONAL_EMISSIONS_DEFAULT: NationalEmissions = {
  perInhabitant: 4.4,
  year: null,
  source:
    'Klimatläget 2023 (Klimatkommunerna): Sveriges territoriella utsläpp per invånare, Nationella emissionsdatabasen',
  quotedIn: 2023,
  changeSince1990: -0.46,
};

/** The national reference: computed from imported national rows when given, else the documented constant. */
export function nationalReference(national?: NationalEmissions | readonly EmissionRow[]): NationalEmissions {
  if (national === undefined) return NATIONAL_EMISSIONS_DEFAULT;
  if (!Array.isArray(national)) return national as NationalEmissions;
  const outcome = emissionOutcome(national as readonly EmissionRow[]);
  if (outcome?.perInhabitant == null) return NATIONAL_EMISSIONS_DEFAULT;
  return {
    perInhabitant: outcome.perInhabitant,
    year: outcome.latestYear,
    source: 'Importerade nationella utsläpp (Nationella emissionsdatabasen)',
    ...(outcome.changeSince1990 !== null && outcome.changeBasis === 'perInhabitant'
      ? { changeSince1990: outcome.changeSince1990 }
      : {}),
  };
}

/**
 * Emissions over the given organisations' rows, or null when none has a per-inhabitant figure.
 * `perInhabitant` is over each organisation's own latest year; the trend and the weighted figure
 * sum tonnes and inhabitants of the organisations that have both in that year.
 */
export function networkEmissions(
  basis: NetworkEmissions['basis'],
  rowsByOrganisation: ReadonlyArray<readonly EmissionRow[]>,
  national: NationalEmissions,
): NetworkEmissions | null {
  const perInhabitant: number[] = [];
  const since1990: number[] = [];
  const byYear = new Map<number, { tonnes: number; population: number; organisations: number }>();
  for (const rows of rowsByOrganisation) {
    const outcome = emissionOutcome(rows);
    if (outcome?.perInhabitant == null) continue;
    perInhabitant.push(outcome.perInhabitant);
    // A change in total tonnes is left out: it is not the per-inhabitant change Klimatläget compares.
    if (outcome.changeSince1990 !== null && outcome.changeBasis === 'perInhabitant') {
      since1990.push(outcome.changeSince1990);
    }
    for (const [year, figure] of figuresByYear(rows)) {
      if (!figure.population) continue;
      const sum = byYear.get(year) ?? { tonnes: 0, population: 0, organisations: 0 };
      sum.tonnes += figure.tonnes;
      sum.population += figure.population;
      sum.organisations += 1;
      byYear.set(year, sum);
    }
  }
  if (perInhabitant.length === 0) return null;
  const trend = [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, sum]) => ({
      year,
      perInhabitant: round(sum.tonnes / sum.population, 3),
      organisations: sum.organisations,
    }));
  const latest = trend.at(-1)!;
  return {
    basis,
    organisations: perInhabitant.length,
    latestYear: latest.year,
    perInhabitant: stat(perInhabitant, 3),
    weightedPerInhabitant: latest.perInhabitant,
    national,
    changeSince1990: since1990.length === 0 ? null : { organisations: since1990.length, ...stat(since1990) },
    trend,
  };
}
