/**
 * Small-group suppression. A figure over one organisation is that organisation's own answer, and
 * over two each learns the other's; per-member scores are private to the member and the kansli. So
 * Klimatläget publishes no figure that rests on fewer than `MIN_GROUP_SIZE` organisations: it is
 * null, with `suppressed: true` on its group. Who responded is not withheld (the association knows
 * who answered, and the report says how many did). Pure; applied when aggregating and again when a
 * stored snapshot is read, so snapshots published before it are served without such figures too.
 */
import type {
  KlimatlagetReport,
  NetworkEmissions,
  QuestionAggregate,
  SectionAggregate,
  TypeAggregate,
  YearOnYear,
} from './report.schema';

/** The smallest group whose figures are shown: with 2, each of the two learns the other's answers. */
export const MIN_GROUP_SIZE = 3;

type OrganisationTypeKey = 'kommun' | 'region';
const TYPES: readonly OrganisationTypeKey[] = ['kommun', 'region'];

const withheldMark = (n: number) => (n > 0 ? { suppressed: true as const } : {});

function withholdQuestion(q: QuestionAggregate, typeWithheld: boolean, min: number): QuestionAggregate {
  const { suppressed: _, ...rest } = q;
  const n = typeWithheld ? null : q.n;
  if (n !== null && n >= min) return rest;
  return {
    ...rest,
    n,
    yes: q.yes === null ? null : { value: q.yes.value, count: null, share: null },
    distribution: q.distribution === null ? null : q.distribution.map((c) => ({ ...c, count: null, share: null })),
    // A question nobody answered has nothing to withhold: its figures are simply absent.
    ...(n === 0 ? {} : { suppressed: true as const }),
  };
}

function withholdSection(s: SectionAggregate, min: number): SectionAggregate {
  return s.n >= min ? s : { ...s, mean: null, median: null };
}

/** Year on year with its figures withheld when fewer than `min` organisations answered both years. */
export function withholdYearOnYear(yoy: YearOnYear | null, min: number = MIN_GROUP_SIZE): YearOnYear | null {
  if (!yoy || yoy.organisations >= min) return yoy;
  return {
    organisations: yoy.organisations,
    previous: null,
    current: null,
    change: null,
    improved: null,
    unchanged: null,
    declined: null,
    suppressed: true,
    ...(yoy.excludedTypes ? { excludedTypes: yoy.excludedTypes } : {}),
  };
}

/** Emissions with each figure withheld that rests on fewer than `min` organisations. */
export function withholdEmissions(
  emissions: NetworkEmissions | null,
  min: number = MIN_GROUP_SIZE,
): NetworkEmissions | null {
  if (!emissions) return emissions;
  const all = emissions.organisations >= min;
  const trend = emissions.trend.map((p) => (all && p.organisations >= min ? p : { ...p, perInhabitant: null }));
  const since = emissions.changeSince1990;
  const { suppressed: _, ...rest } = emissions;
  return {
    ...rest,
    ...(all ? {} : { suppressed: true as const }),
    perInhabitant: all ? emissions.perInhabitant : null,
    // The weighted figure is the last trend year's, over that year's own count.
    weightedPerInhabitant: trend.at(-1)?.perInhabitant ?? null,
    ...(since === undefined
      ? {}
      : {
          changeSince1990:
            since === null || (all && since.organisations >= min)
              ? since
              : { organisations: since.organisations, mean: null, median: null },
        }),
    trend,
  };
}

/** One type's figures, with every group below `min` withheld. */
export function withholdType(aggregate: TypeAggregate, min: number = MIN_GROUP_SIZE): TypeAggregate {
  const { suppressed: _, ...rest } = aggregate;
  const n = aggregate.respondents;
  return {
    ...rest,
    ...(n < min ? { ...withheldMark(n), total: null, gatePassed: null, bands: null } : {}),
    yearOnYear: withholdYearOnYear(aggregate.yearOnYear, min),
    emissions: withholdEmissions(aggregate.emissions, min),
    sections: aggregate.sections.map((s) => withholdSection(s, min)),
    questions: aggregate.questions.map((q) => withholdQuestion(q, n > 0 && n < min, min)),
  };
}

/**
 * When one type's figure is withheld and the other's is shown, the network's figure over both
 * would give the withheld one away by subtraction. The network's figure is then the shown type's,
 * and the withheld types are named. `size` is the group size of that figure per type (0 = none).
 */
function complement(size: (type: OrganisationTypeKey) => number, min: number) {
  const withheld = TYPES.filter((type) => size(type) > 0 && size(type) < min);
  const shown = TYPES.filter((type) => size(type) >= min);
  // With two types, one shown and one withheld is the only case in which subtraction reveals one.
  return withheld.length > 0 && shown.length === 1 ? { from: shown[0]!, excluded: withheld } : null;
}

/**
 * The report without any figure over fewer than `min` organisations, and without a network figure
 * from which a withheld type's could be worked out. Idempotent: a withheld report stays as it is.
 */
export function withholdSmallGroups(report: KlimatlagetReport, min: number = MIN_GROUP_SIZE): KlimatlagetReport {
  const byType = {
    kommun: withholdType(report.byType.kommun, min),
    region: withholdType(report.byType.region, min),
  };
  const { suppressed: _, excludedTypes: __, ...rest } = report;

  const scores = complement((type) => byType[type].respondents, min);
  const networkScores = scores
    ? {
        total: byType[scores.from].total,
        gatePassed: byType[scores.from].gatePassed,
        bands: byType[scores.from].bands,
        excludedTypes: scores.excluded,
      }
    : report.respondents < min
      ? { ...withheldMark(report.respondents), total: null, gatePassed: null, bands: null }
      : {};

  const pairs = complement((type) => byType[type].yearOnYear?.organisations ?? 0, min);
  const yearOnYear = pairs
    ? { ...byType[pairs.from].yearOnYear!, excludedTypes: pairs.excluded }
    : withholdYearOnYear(report.yearOnYear, min);

  // The network's emissions are one type's (regions contain kommuner): kommuner when shown, else regions.
  const emissions = [byType.kommun.emissions, byType.region.emissions].filter((e) => e !== null);
  const network = emissions.find((e) => e.organisations >= min) ?? emissions[0] ?? null;

  return {
    ...rest,
    minGroupSize: min,
    ...networkScores,
    yearOnYear,
    emissions: network,
    byType,
  };
}

/** What the kansli's Swedish "Klimatläget" sheet writes where a figure is withheld. */
export const WITHHELD_SV = 'För få svar för att visa';

/** The sheet's note on a group: withheld, or the network's figures without a withheld type; else null. */
export function withheldNoteSv(group: {
  suppressed?: boolean;
  excludedTypes?: readonly OrganisationTypeKey[];
}): string | null {
  if (group.suppressed) return `${WITHHELD_SV} (färre än ${MIN_GROUP_SIZE})`;
  const excluded = group.excludedTypes?.map((type) => (type === 'kommun' ? 'kommuner' : 'regioner'));
  return excluded?.length ? `Utan ${excluded.join(' och ')}: för få för att visas för sig` : null;
}
