/**
 * Snapshots are immutable, so a report published before a field existed is completed when it is
 * read, from what the same snapshot already recorded. Nothing is recomputed from today's surveys.
 */
import { NATIONAL_EMISSIONS_DEFAULT } from './emissions';
import type { KlimatlagetReport, NetworkEmissions, ScoringRules, TypeAggregate } from './report.schema';
import { withholdSmallGroups } from './suppression';

function withNationalDate(emissions: NetworkEmissions | null): NetworkEmissions | null {
  if (!emissions) return emissions;
  const { national } = emissions;
  // The documented constant was stored without the year of its source; only that figure is dated.
  if (national.year !== null || national.quotedIn !== undefined) return emissions;
  if (national.source !== NATIONAL_EMISSIONS_DEFAULT.source) return emissions;
  if (national.perInhabitant !== NATIONAL_EMISSIONS_DEFAULT.perInhabitant) return emissions;
  return { ...emissions, national: { ...national, quotedIn: NATIONAL_EMISSIONS_DEFAULT.quotedIn } };
}

function completeType(aggregate: TypeAggregate, rules: ScoringRules['kommun'] | undefined): TypeAggregate {
  const scoreBands = aggregate.scoreBands ?? rules?.bands;
  return {
    ...aggregate,
    ...(scoreBands ? { scoreBands } : {}),
    emissions: withNationalDate(aggregate.emissions),
  };
}

/**
 * The report with the fields later versions store filled in for an older snapshot: the bands from
 * the snapshot's own scoring rules (the rules that scored it), and the source year of the national
 * emissions constant. English titles cannot be recovered; readers fall back to Swedish.
 * A snapshot stored before small groups were withheld still holds their figures: they are withheld
 * here by the same rule as at publishing, so no reader gets them and republishing is not needed.
 */
export function withReportDefaults(report: KlimatlagetReport, rules?: ScoringRules): KlimatlagetReport {
  return withholdSmallGroups({
    ...report,
    emissions: withNationalDate(report.emissions),
    byType: {
      kommun: completeType(report.byType.kommun, rules?.kommun),
      region: completeType(report.byType.region, rules?.region),
    },
  });
}
