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

/**
 * The smallest group whose median is shown; below it only the mean is. With 3, a member who is not
 * the median reads one other score from the median and the third from the mean (3·mean − own −
 * median); with 4, the lowest gets the highest (4·mean − own − 2·median). With 5 the median is one
 * organisation's score, but only the median organisation itself knows whose (docs/klimatlaget.md).
 */
export const MIN_GROUP_SIZE_MEDIAN = 5;

type OrganisationTypeKey = 'kommun' | 'region';
const TYPES: readonly OrganisationTypeKey[] = ['kommun', 'region'];

const withheldMark = (n: number) => (n > 0 ? { suppressed: true as const } : {});

/** A mean and median over `n` values with the median withheld below `MIN_GROUP_SIZE_MEDIAN`. */
function withMedianOf<T extends { median: number | null }>(figure: T, n: number): T;
function withMedianOf<T extends { median: number | null }>(figure: T | null, n: number): T | null;
function withMedianOf<T extends { median: number | null }>(figure: T | null, n: number): T | null {
  return figure === null || n >= MIN_GROUP_SIZE_MEDIAN ? figure : { ...figure, median: null };
}

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
  return s.n >= min ? withMedianOf(s, s.n) : { ...s, mean: null, median: null };
}

/** 1 or 2 (below `min`) organisations more in one set than in another: their sum is a difference of two published sums. */
const differsByFew = (larger: number, smaller: number, min: number) => larger - smaller > 0 && larger - smaller < min;

/**
 * Year on year with its figures withheld when fewer than `min` organisations answered both years,
 * and its means and medians withheld (`unmatched`) when this year's `respondents` or last year's
 * differ from the pairs by 1 to `min` − 1: the group's total over all this year's respondents
 * minus `current` over the pairs gives the newcomers' scores, and last year's published total minus
 * `previous` those of the ones that dropped out. A snapshot that did not store last year's count
 * cannot show that it is safe, so its means are withheld too. Medians need `MIN_GROUP_SIZE_MEDIAN` pairs.
 */
export function withholdYearOnYear(
  yoy: YearOnYear | null,
  min: number = MIN_GROUP_SIZE,
  respondents?: number,
): YearOnYear | null {
  if (!yoy) return yoy;
  const kept = {
    organisations: yoy.organisations,
    ...(yoy.previousRespondents === undefined ? {} : { previousRespondents: yoy.previousRespondents }),
    ...(yoy.previousMax === undefined ? {} : { previousMax: yoy.previousMax }),
    ...(yoy.excludedTypes ? { excludedTypes: yoy.excludedTypes } : {}),
  };
  if (yoy.organisations < min) {
    return {
      ...kept,
      previous: null,
      current: null,
      change: null,
      improved: null,
      unchanged: null,
      declined: null,
      suppressed: true,
    };
  }
  const unmatched =
    yoy.unmatched === true ||
    (respondents !== undefined && differsByFew(respondents, yoy.organisations, min)) ||
    yoy.previousRespondents === undefined ||
    differsByFew(yoy.previousRespondents, yoy.organisations, min);
  if (unmatched) {
    const { suppressed: _, ...rest } = yoy;
    return { ...rest, ...kept, previous: null, current: null, change: null, unmatched: true };
  }
  return {
    ...yoy,
    previous: withMedianOf(yoy.previous, yoy.organisations),
    current: withMedianOf(yoy.current, yoy.organisations),
    change: withMedianOf(yoy.change, yoy.organisations),
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
    perInhabitant: all ? withMedianOf(emissions.perInhabitant, emissions.organisations) : null,
    // The weighted figure is the last trend year's, over that year's own count.
    weightedPerInhabitant: trend.at(-1)?.perInhabitant ?? null,
    ...(since === undefined
      ? {}
      : {
          changeSince1990:
            since === null
              ? since
              : all && since.organisations >= min
                ? withMedianOf(since, since.organisations)
                : { organisations: since.organisations, mean: null, median: null },
        }),
    trend,
  };
}

/**
 * The network's emissions: one type's, never both, as a region's territory contains its kommuner.
 * The kommuner's when at least `min` have data, else the regions' when as many do, else the
 * kommuner's (withheld), else the regions' (withheld); null when no respondent has figures.
 * Without its `typesWithoutData`, which `withholdSmallGroups` adds.
 */
export function networkEmissionsOf(
  kommun: NetworkEmissions | null,
  region: NetworkEmissions | null,
  min: number = MIN_GROUP_SIZE,
): NetworkEmissions | null {
  const candidates = [kommun, region].filter((e) => e !== null);
  const chosen = candidates.find((e) => e.organisations >= min) ?? candidates[0] ?? null;
  if (!chosen?.typesWithoutData) return chosen;
  const { typesWithoutData: _, ...rest } = chosen;
  return rest;
}

/** One type's figures, with every group below `min` withheld. */
export function withholdType(aggregate: TypeAggregate, min: number = MIN_GROUP_SIZE): TypeAggregate {
  const { suppressed: _, ...rest } = aggregate;
  const n = aggregate.respondents;
  return {
    ...rest,
    ...(n < min
      ? { ...withheldMark(n), total: null, gatePassed: null, bands: null }
      : { total: withMedianOf(aggregate.total, n) }),
    yearOnYear: withholdYearOnYear(aggregate.yearOnYear, min, n),
    emissions: withholdEmissions(aggregate.emissions, min),
    sections: aggregate.sections.map((s) => withholdSection(s, min)),
    questions: aggregate.questions.map((q) => withholdQuestion(q, n > 0 && n < min, min)),
  };
}

/**
 * When one type's figure is withheld and the other's is shown, the network's figure over both
 * would give the withheld one away by subtraction. The network's figure is then the shown type's,
 * and the withheld types are named. `state` says per type whether the figure is absent (no one to
 * count), withheld or shown.
 */
function complement(state: (type: OrganisationTypeKey) => 'none' | 'withheld' | 'shown') {
  const withheld = TYPES.filter((type) => state(type) === 'withheld');
  const shown = TYPES.filter((type) => state(type) === 'shown');
  // With two types, one shown and one withheld is the only case in which subtraction reveals one.
  return withheld.length > 0 && shown.length === 1 ? { from: shown[0]!, excluded: withheld } : null;
}

const bySize = (n: number, min: number) => (n === 0 ? 'none' : n < min ? 'withheld' : 'shown');

/**
 * The report without any figure over fewer than `min` organisations, and without a network figure
 * from which a withheld type's could be worked out. Idempotent: a withheld report stays as it is.
 */
export function withholdSmallGroups(report: KlimatlagetReport, min: number = MIN_GROUP_SIZE): KlimatlagetReport {
  const byType = {
    kommun: withholdType(report.byType.kommun, min),
    region: withholdType(report.byType.region, min),
  };
  const { suppressed: _, excludedTypes: __, minGroupSizeMedian: ___, ...rest } = report;

  const scores = complement((type) => bySize(byType[type].respondents, min));
  const networkScores = scores
    ? {
        total: byType[scores.from].total,
        gatePassed: byType[scores.from].gatePassed,
        bands: byType[scores.from].bands,
        excludedTypes: scores.excluded,
      }
    : report.respondents < min
      ? { ...withheldMark(report.respondents), total: null, gatePassed: null, bands: null }
      : { total: withMedianOf(report.total, report.respondents) };

  // A type's change withheld for too few pairs or for unmatched sets is left out alike.
  const pairs = complement((type) => {
    const yoy = byType[type].yearOnYear;
    return yoy === null ? 'none' : yoy.current === null ? 'withheld' : 'shown';
  });
  // The network's total the change could be set against: the shown type's when one is excluded.
  const networkRespondents = scores ? byType[scores.from].respondents : report.respondents;
  const yearOnYear = pairs
    ? { ...byType[pairs.from].yearOnYear!, excludedTypes: pairs.excluded }
    : withholdYearOnYear(report.yearOnYear, min, networkRespondents);

  const network = networkEmissionsOf(byType.kommun.emissions, byType.region.emissions, min);
  // A type that answered without any emission figures: the page says so rather than "too few".
  const typesWithoutData = TYPES.filter((type) => byType[type].respondents > 0 && byType[type].emissions === null);

  return {
    ...rest,
    minGroupSize: min,
    minGroupSizeMedian: MIN_GROUP_SIZE_MEDIAN,
    ...networkScores,
    yearOnYear,
    emissions: network && (typesWithoutData.length > 0 ? { ...network, typesWithoutData } : network),
    byType,
  };
}

/** What the kansli's Swedish "Klimatläget" sheet writes where a figure is withheld. */
export const WITHHELD_SV = 'För få svar för att visa';

/** The sheet's note where a median is withheld and the mean shown. */
export const MEDIAN_WITHHELD_SV = `Median visas först vid minst ${MIN_GROUP_SIZE_MEDIAN}`;

/**
 * The sheet's note on a change whose means are withheld (`unmatched`): the public page's words
 * (`report.fig.changeUnmatched`), so what the kansli quotes from the sheet is what the page says.
 */
export const UNMATCHED_CHANGE_SV =
  'Förändringen visas inte: resultatet för en medlem som svarade bara ett av åren skulle gå att räkna ut ur den';

/**
 * The sheet's note on a group: withheld, means withheld for unmatched years, or the network's
 * figures without a withheld type, and a withheld median; for emissions also the types that
 * answered without any figures; else null.
 */
export function withheldNoteSv(
  group: {
    suppressed?: boolean;
    unmatched?: boolean;
    excludedTypes?: readonly OrganisationTypeKey[];
    typesWithoutData?: readonly OrganisationTypeKey[];
  },
  medianWithheld = false,
): string | null {
  const noData = group.typesWithoutData?.length
    ? `Inga utsläppsdata för ${group.typesWithoutData.map((type) => (type === 'kommun' ? 'kommunerna' : 'regionerna')).join(' och ')} som svarade`
    : null;
  if (group.suppressed) return [`${WITHHELD_SV} (färre än ${MIN_GROUP_SIZE})`, noData].filter(Boolean).join('. ');
  const excluded = group.excludedTypes?.map((type) => (type === 'kommun' ? 'kommuner' : 'regioner'));
  const notes = [
    noData,
    group.unmatched ? UNMATCHED_CHANGE_SV : null,
    excluded?.length ? `Utan ${excluded.join(' och ')}: för få för att visas för sig` : null,
    medianWithheld ? MEDIAN_WITHHELD_SV : null,
  ].filter((note) => note !== null);
  return notes.length > 0 ? notes.join('. ') : null;
}
