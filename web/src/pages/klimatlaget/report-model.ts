/** Pure helpers that shape a published Klimatläget report for the page: no React, no chart.js. */

import { type YearsOfType, yearFigures } from '../../../../shared/klimatlaget/over-the-years';
import { MIN_GROUP_SIZE_MEDIAN } from '../../../../shared/klimatlaget/suppression';
import type { PublishedReport, PublishedYear, QuestionAggregate, TypeAggregate } from '../../api/types';
import { plainText, type TextPart } from '../../components/charts/chart-spec';
import { type Lang, type Localised, localised, type MessageKey, type Translate, titleOf } from '../../i18n';
import { formatDecimal, formatNumber, formatPercent } from '../../lib/format';

export { type Localised, localised, titleOf };

type Report = PublishedReport['report'];
export type OrgType = 'kommun' | 'region';

/** An answer option's text in the page's language. */
export function choiceTextOf(choice: { text: string; textEn?: string }, lang: Lang): Localised {
  return localised(lang, choice.text, choice.textEn);
}

/**
 * Whether the snapshot holds English survey texts: false for one published before they were
 * stored (then every area, question and answer is shown in Swedish, and the page says so).
 */
export function hasEnglishTitles(report: Report): boolean {
  return [report.byType.kommun, report.byType.region].some((a) => a.sections.some((s) => s.titleEn));
}

export interface Area {
  name: string;
  title: string;
  titleEn?: string;
  /** The section's maximum points; 0 for the gate section (baskrav), which carries none. */
  max: number;
  questions: QuestionAggregate[];
}

/**
 * The questions of one organisation type grouped by area (survey page), in survey order. The gate
 * questions' page has no points and so no section aggregate: `untitled` names it, from the app's
 * own texts in the page's language.
 */
export function areasOf(aggregate: TypeAggregate, untitled: (section: string) => string): Area[] {
  const sections = new Map(aggregate.sections.map((s) => [s.name, s]));
  const areas = new Map<string, Area>();
  for (const question of aggregate.questions) {
    let area = areas.get(question.section);
    if (!area) {
      const section = sections.get(question.section);
      // The app's own name is already in the page's language: the same text serves as English, so
      // titleOf never marks "Basic requirements" as Swedish on the English page.
      const own = section ? '' : untitled(question.section);
      const titles = section
        ? { title: section.title, ...(section.titleEn ? { titleEn: section.titleEn } : {}) }
        : { title: own, titleEn: own };
      area = {
        name: question.section,
        ...titles,
        max: section?.max ?? 0,
        questions: [],
      };
      areas.set(question.section, area);
    }
    area.questions.push(question);
  }
  return [...areas.values()];
}

/** Questions with a yes-share (booleans, single choice): the bars of an area's chart. */
export function yesQuestions(area: Area): QuestionAggregate[] {
  return area.questions.filter((q) => q.yes !== null);
}

/** Questions whose answers are best read as a distribution: checkboxes, numbers by band, single choice. */
export function distributionQuestions(area: Area): QuestionAggregate[] {
  return area.questions.filter((q) => q.distribution !== null && q.distribution.length > 0);
}

/** The answer a yes-share counts, for a single-choice question: its highest-scored choice's text. */
export function countedAnswer(question: QuestionAggregate): string | null {
  return countedChoice(question, 'sv')?.text ?? null;
}

/** The answer a yes-share counts, in the page's language; null for a boolean (the answer is "yes"). */
export function countedChoice(question: QuestionAggregate, lang: Lang): Localised | null {
  if (!question.yes || question.type === 'boolean') return null;
  const value = question.yes.value;
  const choice = question.distribution?.find((c) => c.value === value);
  return choice ? choiceTextOf(choice, lang) : { text: String(value), lang: undefined };
}

export interface Extremes {
  highest: QuestionAggregate;
  lowest: QuestionAggregate;
}

/** The questions with the highest and lowest yes-share among those whose share is shown. */
export function extremes(questions: readonly QuestionAggregate[]): Extremes | null {
  const answered = questions.filter((q) => q.yes?.share != null && (q.n ?? 0) > 0);
  if (answered.length === 0) return null;
  const byShare = [...answered].sort((a, b) => (b.yes?.share ?? 0) - (a.yes?.share ?? 0));
  return { highest: byShare[0]!, lowest: byShare[byShare.length - 1]! };
}

/**
 * A band's range: reached at `min` or more and staying under `below` (the next band up). `min` is
 * null for the lowest band (it starts at 0: "under `below`"), `below` null for the highest.
 */
export interface Bound {
  min: number | null;
  below: number | null;
}

export interface BandLegendRow {
  label: string;
  /** The range in share of maximum, one per type shown that has the band, in the order of `types`. */
  shares: Bound[];
  /** The range in points of each type's survey. */
  points: Partial<Record<OrgType, Bound>>;
}

/** Points at a share of maximum, rounded up to a tenth so "at least" never understates the requirement. */
function pointsAt(share: number, max: number): number {
  return Math.ceil(Math.round(share * max * 1e6) / 1e5) / 10;
}

/**
 * The band thresholds as the report's legend shows them: one row per band, highest first, with the
 * share of maximum and the points it takes for each organisation type shown. The bands come from
 * the snapshot (the survey's own `scoreBands`, the ones that scored the responses), never from a
 * copy here. Null when the report holds no bands for the types shown.
 */
export function bandLegend(report: Report, types: readonly OrgType[]): BandLegendRow[] | null {
  const rows = new Map<string, BandLegendRow>();
  for (const type of types) {
    const { scoreBands, max } = report.byType[type];
    const sorted = [...(scoreBands ?? [])].sort((a, b) => b.minShare - a.minShare);
    sorted.forEach((band, i) => {
      const above = sorted[i - 1]?.minShare ?? null;
      const min = band.minShare > 0 ? band.minShare : null;
      const row = rows.get(band.label) ?? { label: band.label, shares: [], points: {} };
      row.shares.push({ min, below: above });
      row.points[type] = {
        min: min === null ? null : pointsAt(min, max),
        below: above === null ? null : pointsAt(above, max),
      };
      rows.set(band.label, row);
    });
  }
  if (rows.size === 0) return null;
  // Highest first: the order of the first type's bands, then any band only a later type has.
  return [...rows.values()].map((row) => ({
    ...row,
    // The same range for every type: show it once.
    shares: row.shares.filter((b, i) => row.shares.findIndex((o) => o.min === b.min && o.below === b.below) === i),
  }));
}

/**
 * The year of the headline emission figure and how many organisations it covers. The weighted
 * figure sums only those with data for that year, which can be fewer than `emissions.organisations`
 * (each organisation's own latest year), so the page states this count beside it.
 */
export function latestCoverage(emissions: {
  trend: ReadonlyArray<{ year: number; organisations: number }>;
}): { year: number; organisations: number } | null {
  const last = emissions.trend[emissions.trend.length - 1];
  return last ? { year: last.year, organisations: last.organisations } : null;
}

/**
 * One column of the emissions chart: a year with its figure (null when withheld: too few
 * organisations) and how many organisations it rests on, or a gap where years are missing.
 */
export type TrendColumn =
  | { year: number; perInhabitant: number | null; organisations: number }
  | { gapFrom: number; gapTo: number };

/**
 * The emissions chart's columns. The bars stand in a row whatever the years, so where years are
 * missing (Sustainable Advantage has 1990, then 2010 on) an empty, labelled column marks the break
 * instead of drawing 1990 beside 2010 as if they were neighbours.
 */
export function trendColumns(
  trend: ReadonlyArray<{ year: number; perInhabitant: number | null; organisations: number }>,
): TrendColumn[] {
  const columns: TrendColumn[] = [];
  let previous: number | null = null;
  for (const point of trend) {
    if (previous !== null && point.year - previous > 1) columns.push({ gapFrom: previous + 1, gapTo: point.year - 1 });
    columns.push({ year: point.year, perInhabitant: point.perInhabitant, organisations: point.organisations });
    previous = point.year;
  }
  return columns;
}

/**
 * A column's category label. Each year rests on its own set of organisations, so the count stands
 * under the year ("n = 5"): a change between bars may be a change of organisations. `inline` for
 * a phone, where the bars run across and the label fits on one line: "2019 (n = 5)".
 */
export function trendLabel(column: TrendColumn, inline = false): string | string[] {
  if (!('year' in column)) return '…';
  const count = `n = ${column.organisations}`;
  return inline ? `${column.year} (${count})` : [String(column.year), count];
}

/**
 * The respondents the network's score figures (total, basic requirements, bands) rest on: all, less
 * a type left out because its own figures are withheld (`excludedTypes`).
 */
export function scoredRespondents(report: Report): number {
  const excluded = report.excludedTypes ?? [];
  if (excluded.length === 0) return report.respondents;
  return (['kommun', 'region'] as const)
    .filter((type) => !excluded.includes(type))
    .reduce((sum, type) => sum + report.byType[type].respondents, 0);
}

/** True when a group has respondents but its figures are withheld (fewer than the report's minimum). */
export function isWithheld(group: { respondents: number; total: unknown; suppressed?: boolean }): boolean {
  return group.suppressed === true || (group.respondents > 0 && group.total === null);
}

export const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "utan regionerna, som är för få …", said of a network figure that leaves a type out; '' when none is left out. */
export function withoutText(excluded: readonly OrgType[] | undefined, t: Translate, lang: Lang): string {
  return excluded?.length
    ? t('report.without', { type: excluded.map((type) => t(`report.type.${type}`).toLocaleLowerCase(lang)).join(', ') })
    : '';
}

/**
 * What the change's card says when its means are withheld because members that answered in only one
 * of the years could be worked out (`unmatched`), with the pairs' counts, which stay; null otherwise.
 */
export function unmatchedChangeText(yoy: Report['yearOnYear'], t: Translate, lang: Lang): string | null {
  if (!yoy?.unmatched || yoy.change !== null) return null;
  const { improved, unchanged, declined } = yoy;
  const counts =
    improved === null || unchanged === null || declined === null
      ? ''
      : ` ${t('report.fig.changeCounts', {
          count: formatNumber(yoy.organisations, lang),
          improved: formatNumber(improved, lang),
          unchanged: formatNumber(unchanged, lang),
          declined: formatNumber(declined, lang),
        })}.`;
  return t('report.fig.changeUnmatched') + counts;
}

/**
 * "Enkäten ändrades: högsta möjliga poäng 66 → 68; …" when a type in the network's change had another
 * maximum last year, so its change compares shares of different maxima; '' when none did, the
 * snapshot did not store last year's maximum, or nothing compared is shown (too few pairs). Per type
 * when both types are in the change. With the change withheld (`unmatched`) the improved and
 * declined counts still compare shares, so the note stays and says that of them.
 */
export function maxChangeText(report: Report, types: readonly OrgType[], t: Translate, lang: Lang): string {
  const yoy = report.yearOnYear;
  if (!yoy || yoy.improved === null) return '';
  const inChange = types.filter(
    (type) => report.byType[type].yearOnYear && !report.yearOnYear?.excludedTypes?.includes(type),
  );
  const changes = inChange.flatMap((type) => {
    const { max, yearOnYear } = report.byType[type];
    const from = yearOnYear?.previousMax;
    if (from === undefined || from === max) return [];
    const fromTo = `${formatNumber(from, lang)} → ${formatNumber(max, lang)}`;
    return [inChange.length > 1 ? `${t(`report.type.${type}`).toLocaleLowerCase(lang)} ${fromTo}` : fromTo];
  });
  if (changes.length === 0) return '';
  return t(yoy.change ? 'report.fig.maxChanged' : 'report.fig.maxChangedCounts', { change: changes.join(', ') });
}

/**
 * A median's table cell: the median, or why not. Beside a shown mean only the median is withheld
 * (under 5), so not "too few to show", which the mean and "figures from 3" would contradict.
 */
export function medianCell(figures: { mean: number | null; median: number | null }, t: Translate, lang: Lang): string {
  if (figures.median !== null) return formatPercent(figures.median, lang);
  return figures.mean === null ? t('report.withheld') : t('report.medianFew', { min: MIN_GROUP_SIZE_MEDIAN });
}

/**
 * "Inga utsläppsdata för kommunerna som svarade" for the types that answered without any emission
 * figures (the network's `typesWithoutData`), so a withheld figure is not read as theirs; '' for none.
 */
export function noEmissionDataText(types: readonly OrgType[] | undefined, t: Translate, lang: Lang): string {
  return types?.length
    ? t('report.emissions.noData', {
        type: types.map((type) => t(`report.type.${type}`).toLocaleLowerCase(lang)).join(', '),
      })
    : '';
}

/**
 * `t(key, params)` as parts: a param given as a text with its language (a survey text, Swedish on an
 * English page) or as parts stays a part of its own, so the page can tag it `lang="sv"`.
 */
export function tParts(
  t: Translate,
  key: MessageKey,
  params: Record<string, string | number | Localised | readonly TextPart[]>,
): TextPart[] {
  // Such a param goes through t() as a marker (a private-use character, which no text holds) around its name.
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    plain[name] = typeof value === 'string' || typeof value === 'number' ? value : `\uE000${name}\uE000`;
  }
  // Split at the markers: odd pieces are the names of the params left as parts.
  return t(key, plain)
    .split(/\uE000(\w+)\uE000/)
    .flatMap((piece, i): TextPart[] => {
      if (i % 2 === 0) return piece ? [piece] : [];
      const value = params[piece] as Localised | readonly TextPart[];
      return 'text' in value ? [value] : [...value];
    });
}

/** `items` with `separator` between them, as parts. */
function joinParts(items: ReadonlyArray<TextPart>, separator: string): TextPart[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

/**
 * The sentence a text alternative ends with when some of its items have no figure: " För få svar för
 * att visa: Energi, Transporter." ('' when every item has one). It names them and never a number.
 */
export function withheldList(names: ReadonlyArray<string | number>, t: Translate): string {
  return plainText(withheldParts(names, t));
}

/** withheldList as parts: a name given with its language keeps it. */
export function withheldParts(names: ReadonlyArray<TextPart | number>, t: Translate): TextPart[] {
  if (names.length === 0) return [];
  const parts = names.map((name) => (typeof name === 'number' ? String(name) : name));
  return [` ${t('report.withheld')}: `, ...joinParts(parts, ', '), '.'];
}

/**
 * The text alternative of the areas chart (its canvas's name) and the note above it. They name
 * only what is drawn: "mean and median" only when a median is shown (below 5 respondents it is
 * withheld and only the mean is drawn), the highest and lowest mean among the areas shown, and the
 * areas withheld by name.
 */
export function sectionsTexts(
  sections: ReadonlyArray<{ label: Localised; mean: number | null; median: number | null }>,
  t: Translate,
  lang: Lang,
): { summary: string; summaryParts: TextPart[]; note: string } {
  const medians = sections.some((s) => s.median !== null);
  const figures = medians ? t('report.meanMedian') : t('report.mean').toLocaleLowerCase(lang);
  const shown = sections.flatMap((s) => (s.mean === null ? [] : [{ ...s, mean: s.mean }]));
  shown.sort((a, b) => b.mean - a.mean);
  // An area's name keeps its language (Swedish on an English page without English titles).
  const named = (s: { label: Localised; mean: number } | undefined): TextPart[] =>
    s ? [s.label, ` (${formatPercent(s.mean, lang)})`] : [];
  const summaryParts: TextPart[] = [
    t('report.sections.summary', { count: sections.length, figures }),
    ...(shown.length > 0
      ? [' ', ...tParts(t, 'report.sections.summaryHighLow', { high: named(shown[0]), low: named(shown.at(-1)) })]
      : []),
    ...withheldParts(
      sections.filter((s) => s.mean === null).map((s) => s.label),
      t,
    ),
  ];
  return {
    summary: plainText(summaryParts),
    summaryParts,
    note: upperFirst(t('report.sections.note', { figures })),
  };
}

/**
 * The text alternative of an area's yes-share chart: the highest and lowest share among the
 * questions whose share is shown, and the questions withheld by name.
 */
export function areaSummary(questions: readonly QuestionAggregate[], t: Translate, lang: Lang): string {
  return plainText(areaSummaryParts(questions, t, lang));
}

/** areaSummary as parts: a question's title keeps its language (Swedish on an English page without English titles). */
export function areaSummaryParts(questions: readonly QuestionAggregate[], t: Translate, lang: Lang): TextPart[] {
  const ends = extremes(questions);
  const named = (q: QuestionAggregate): TextPart[] => [titleOf(q, lang), ` ${formatPercent(q.yes?.share ?? 0, lang)}`];
  return [
    t('report.area.summary', { count: questions.length }),
    ...(ends
      ? [' ', ...tParts(t, 'report.area.summaryHighLow', { high: named(ends.highest), low: named(ends.lowest) })]
      : []),
    ...withheldParts(
      questions.filter((q) => q.yes?.share == null).map((q) => titleOf(q, lang)),
      t,
    ),
  ];
}

/**
 * The text alternative of the band chart: the count per band of the respondents the figures rest
 * on, and the type left out when one is (its own figures withheld), as the note above it says.
 */
export function bandsSummary(
  report: Report,
  rows: ReadonlyArray<{ label: string; count: number }>,
  t: Translate,
  lang: Lang,
): string {
  const without = withoutText(report.excludedTypes, t, lang);
  return (
    t('report.bands.summary', {
      values: rows.map((r) => `${r.label}: ${r.count}`).join(', '),
      total: scoredRespondents(report),
    }) + (without ? ` ${upperFirst(without)}.` : '')
  );
}

type NationalEmissions = NonNullable<Report['emissions']>['national'];

/** The national figure's name with its year: the data year when known, else the year its source was published. */
export function nationalLabel(national: NationalEmissions, t: Translate): string {
  if (national.year !== null) return t('report.emissions.nationalYear', { year: national.year });
  if (national.quotedIn !== undefined) return t('report.emissions.nationalQuoted', { year: national.quotedIn });
  return t('report.emissions.national');
}

/**
 * What the emissions chart's note says of the national line: it is one year's figure drawn across
 * every year, and which year ('' when the source says neither the year nor when it was published).
 */
export function nationalNote(national: NationalEmissions, t: Translate): string {
  if (national.year !== null) return t('report.emissions.nationalNote', { year: national.year });
  if (national.quotedIn !== undefined) return t('report.emissions.nationalNoteQuoted', { year: national.quotedIn });
  return '';
}

/**
 * The emissions chart's bars by what they rest on: the kommuner (never the whole network, as the
 * regions' territories overlap theirs), or the regions when no kommun has data (`basis`).
 */
export function emissionsSeries(basis: OrgType, t: Translate): { label: string; group: string } {
  return { label: t(`report.emissions.series.${basis}`), group: t(`report.emissions.group.${basis}`) };
}

/**
 * The text alternative of the emissions chart: which organisations, from the first year shown to
 * the last, Sweden's figure, and the years withheld (too few organisations with data), which have no bar.
 */
export function emissionsSummary(
  basis: OrgType,
  trend: ReadonlyArray<{ year: number; perInhabitant: number | null }>,
  national: string,
  t: Translate,
  lang: Lang,
): string {
  const shown = trend.flatMap((p) => (p.perInhabitant === null ? [] : [{ ...p, perInhabitant: p.perInhabitant }]));
  const point = (p: { year: number; perInhabitant: number } | undefined) =>
    p ? `${p.year}: ${formatDecimal(p.perInhabitant, lang)}` : '';
  const { group } = emissionsSeries(basis, t);
  return (
    t('report.emissions.summary', { group, from: point(shown[0]), to: point(shown.at(-1)), national }) +
    withheldList(
      trend.filter((p) => p.perInhabitant === null).map((p) => p.year),
      t,
    )
  );
}

/**
 * The text alternative of the chart over the years, and the note when a type's maximum changed
 * between them ("kommunerna: 66 → 68 från 2025"): each year's share is of its own maximum.
 */
export function overTheYearsTexts(
  types: readonly YearsOfType[],
  t: Translate,
  lang: Lang,
): { summary: string; maxChanged: string } {
  const perType = types.map((of) =>
    t('report.years.summaryType', {
      type: t(`report.type.${of.type}`),
      values: of.years
        .map(
          (y) =>
            `${y.year} ${y.mean === null ? t('report.withheld').toLocaleLowerCase(lang) : formatPercent(y.mean, lang)}`,
        )
        .join(', '),
    }),
  );
  const changes = types
    .filter((of) => of.maxChanged)
    .map((of) => {
      const steps = of.years.filter((y, i) => i === 0 || y.max !== of.years[i - 1]!.max);
      const path = steps.map((y, i) =>
        i === 0
          ? formatNumber(y.max, lang)
          : t('report.years.maxFrom', { max: formatNumber(y.max, lang), year: y.year }),
      );
      return `${t(`report.type.${of.type}`).toLocaleLowerCase(lang)}: ${path.join(' → ')}`;
    });
  return {
    summary: [t('report.years.summary'), ...perType].join(' '),
    maxChanged: changes.length ? t('report.years.maxChanged', { change: changes.join(', ') }) : '',
  };
}

/**
 * The published years for an earlier revision's page: its own year with the figures this revision
 * has, not the latest revision's that the list carries, so "(denna rapport)" is this report.
 */
export function withFiguresOf(years: readonly PublishedYear[], published: PublishedReport): PublishedYear[] {
  return years.map((y) => (y.year === published.year ? { ...y, figures: yearFigures(published.report) } : y));
}
