import { useMemo } from 'react';
import { Link, Redirect, useParams, useSearch } from 'wouter';
import { areasOverTheYears, overTheYears } from '../../../../shared/klimatlaget/over-the-years';
import { MIN_GROUP_SIZE, MIN_GROUP_SIZE_MEDIAN } from '../../../../shared/klimatlaget/suppression';
import { ApiError, apiClient } from '../../api/client';
import type { PublishedReport, PublishedYear, QuestionAggregate, TypeAggregate } from '../../api/types';
import { ChartFigure, LangText } from '../../components/charts/ChartFigure';
import {
  barChartHeight,
  type ChartSpec,
  labelWidth,
  type SeriesStyle,
  wrapLabel,
} from '../../components/charts/chart-spec';
import { LoadError, Loading } from '../../components/Feedback';
import { useLang, useT } from '../../i18n';
import { addressYear } from '../../lib/address-year';
import {
  formatChange,
  formatDate,
  formatDecimal,
  formatNumber,
  formatPercent,
  formatPointChange,
} from '../../lib/format';
import { numClass } from '../../lib/number-cell';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { useScreenWidth } from '../../lib/use-screen-width';
import { AreasOverTheYears } from './AreasOverTheYears';
import { OlderRevisionNotice, ReportRevisions, revisionHref } from './ReportRevisions';
import {
  type Area,
  areaSummaryParts,
  areasOf,
  type Bound,
  bandLegend,
  bandsSummary,
  choiceTextOf,
  countedChoice,
  distributionQuestions,
  emissionsSeries,
  emissionsSummary,
  hasEnglishTitles,
  isWithheld,
  latestCoverage,
  localised,
  maxChangeText,
  medianCell,
  nationalLabel,
  nationalNote,
  noEmissionDataText,
  overTheYearsTexts,
  scoredRespondents,
  sectionsTexts,
  titleOf,
  tParts,
  trendColumns,
  trendLabel,
  unmatchedChangeText,
  upperFirst,
  withFiguresOf,
  withheldList,
  withoutText,
  yesQuestions,
} from './report-model';

type Report = PublishedReport['report'];
type Emissions = NonNullable<Report['emissions']>;
const TYPES = ['kommun', 'region'] as const;
type OrgType = (typeof TYPES)[number];

/**
 * The public Klimatläget report: `/klimatlaget/{year}`, and `/klimatlaget` for the newest year.
 * No sign-in; aggregates only.
 */
export default function KlimatlagetPage() {
  const params = useParams<{ year?: string }>();
  const search = useSearch();
  const address = addressYear(params.year);
  const [years, reloadYears] = useAsync(() => apiClient.publishedYears(), []);
  const published = years.status === 'ready' ? years.value : [];

  // Not a year ("abc", "2025.5"): never named as one in the heading or the title.
  if (address.kind === 'invalid') return <NotPublished reason="notYear" years={published} />;
  if (address.kind === 'noSurvey') return <NotPublished reason="noSurvey" year={address.year} years={published} />;
  if (address.kind === 'none') {
    if (years.status === 'loading') return <Loading />;
    if (years.status === 'error') return <LoadError error={years.error} onRetry={reloadYears} />;
    const newest = years.value[0];
    if (newest) return <Redirect to={`/klimatlaget/${newest.year}`} replace />;
    return <NotPublished reason="nothingPublished" years={[]} />;
  }
  return <ReportLoader year={address.year} revision={revisionOf(search)} years={published} />;
}

/** `?revision=n` names an earlier revision; anything else (absent, "abc", 0) means the latest. */
function revisionOf(search: string): number | undefined {
  const value = new URLSearchParams(search).get('revision');
  return value && /^[1-9]\d{0,3}$/.test(value) ? Number(value) : undefined;
}

function ReportLoader({ year, revision, years }: { year: number; revision?: number; years: PublishedYear[] }) {
  const t = useT();
  const [state, reload] = useAsync(() => apiClient.report(year, revision), [year, revision]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 404 && revision !== undefined) {
      // A revision that does not exist, of a year that may well be published: the way to the latest.
      return (
        <>
          <p className="eyebrow">{t('report.eyebrow')}</p>
          <h1>{t('report.title', { year })}</h1>
          <p>{t('report.versions.missing', { year, revision })}</p>
          <p>
            <Link href={revisionHref(year)}>{t('report.versions.toLatest', { year })}</Link>
          </p>
        </>
      );
    }
    if (state.error instanceof ApiError && state.error.status === 404) {
      // No survey ran that year (the API's no_survey): nothing is coming, unlike "not published yet".
      const reason = state.error.code === 'no_survey' ? 'noSurvey' : 'notPublished';
      return <NotPublished reason={reason} year={year} years={years} />;
    }
    return <LoadError error={state.error} onRetry={reload} />;
  }
  return <ReportView published={state.value} years={years} />;
}

/**
 * No report to show: the year's survey ran but is not published yet, no survey ran that year (the
 * API's `no_survey`, or a year outside the years a survey can have, known without asking), or the
 * address names no year at all; with the published years as the way on.
 */
function NotPublished({
  reason,
  year,
  years,
}: {
  reason: 'notPublished' | 'noSurvey' | 'notYear' | 'nothingPublished';
  year?: number;
  years: PublishedYear[];
}) {
  const t = useT();
  const title = year === undefined ? t('report.name') : t('report.title', { year });
  usePageTitle(title);
  return (
    <>
      <p className="eyebrow">{t('report.eyebrow')}</p>
      <h1>{title}</h1>
      <p>{t(`report.${reason}`, { year: year ?? '' })}</p>
      {years.length > 0 && (
        <>
          <h2>{t('report.publishedYears')}</h2>
          <ul>
            {years.map((y) => (
              <li key={y.year}>
                <Link href={`/klimatlaget/${y.year}`}>{t('report.title', { year: y.year })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ReportView({ published, years }: { published: PublishedReport; years: PublishedYear[] }) {
  const t = useT();
  const [lang] = useLang();
  const { report, year } = published;
  usePageTitle(t('report.title', { year }));
  const types = TYPES.filter((type) => report.byType[type].organisations > 0 || report.byType[type].respondents > 0);
  const otherYears = years.filter((y) => y.year !== year);
  // The year's latest revision, from the list of published years (undefined until it has loaded).
  const latest = years.find((y) => y.year === year)?.revision;
  const older = latest !== undefined && latest > published.revision;
  const english = hasEnglishTitles(report);
  // Every served report has it (withReportDefaults); the constant only keeps the type simple.
  const min = report.minGroupSize ?? MIN_GROUP_SIZE;

  return (
    <article className="kl-report">
      <header className="kl-report-head">
        <p className="eyebrow">{t('report.eyebrow')}</p>
        <h1>{t('report.title', { year })}</h1>
        <p className="lead">
          {t('report.lead', {
            respondents: formatNumber(report.respondents, lang),
            organisations: formatNumber(report.organisations, lang),
            year,
          })}
        </p>
        <p className="kl-meta">
          {t('report.publishedAt', { date: formatDate(published.publishedAt, lang) })}
          {published.revision > 1 && (
            <>
              {' · '}
              {t('report.revision', { revision: published.revision })} (
              <a href="#versioner">{t('report.versions.link')}</a>)
            </>
          )}
        </p>
        {older && latest !== undefined && <OlderRevisionNotice published={published} latest={latest} />}
        <div className="kl-tools no-print">
          {otherYears.length > 0 && (
            <nav className="kl-years" aria-label={t('report.otherYears')}>
              <span>{t('report.otherYears')}:</span>
              <ul>
                {otherYears.map((y) => (
                  <li key={y.year}>
                    <Link href={`/klimatlaget/${y.year}`}>{y.year}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </div>
        {lang !== 'sv' && !english && <p className="notice notice-info">{t('report.swedishData')}</p>}
      </header>

      <Summary report={report} year={year} types={types} />
      {report.respondents > 0 && <Bands report={report} year={year} types={types} />}
      <OverTheYears years={older ? withFiguresOf(years, published) : years} year={year} />
      {report.emissions && (
        <EmissionsTrend emissions={report.emissions} regions={report.byType.region.emissions} min={min} />
      )}
      {types.map((type) => (
        <TypeSection key={type} type={type} aggregate={report.byType[type]} year={year} min={min} />
      ))}
      {published.revision > 1 && <ReportRevisions published={published} />}
      <Method min={min} />
    </article>
  );
}

// Key figures and table heads are written out here, not components like the scorecard's KeyFigure
// and TableHead: gzip packs repeated JSX tighter than a component and its calls, so the components
// made this page 50–110 bytes heavier (local or shared with the scorecard), and every byte counts
// against its 150 KB budget (test/performance/bundle-budget.test.ts; the English report is ~149 KB).
/** Exported for its unit tests (rendered as markup), as is OverTheYears. */
export function Summary({ report, year, types }: { report: Report; year: number; types: OrgType[] }) {
  const t = useT();
  const [lang] = useLang();
  const yoy = report.yearOnYear;
  const rate = report.organisations > 0 ? report.respondents / report.organisations : 0;
  const emissions = report.emissions;
  const coverage = emissions && latestCoverage(emissions);
  const withheld = <span className="kl-small">{t('report.withheld')}</span>;
  const unmatched = unmatchedChangeText(yoy, t, lang);
  const maxNote = maxChangeText(report, types, t, lang);
  // A network figure without a type too few to show names it.
  const without = (excluded: readonly OrgType[] | undefined) => {
    const text = withoutText(excluded, t, lang);
    return text && ` · ${text}`;
  };
  return (
    <section className="kl-section" aria-labelledby="kl-summary">
      <h2 id="kl-summary">{t('report.summary')}</h2>
      <dl className="kl-figures">
        <div>
          <dt>{t('report.fig.responded')}</dt>
          <dd>
            <span className="kl-big">
              {t('report.ofTotal', {
                count: formatNumber(report.respondents, lang),
                total: formatNumber(report.organisations, lang),
              })}
            </span>
            <span className="kl-small">{t('report.fig.respondedRate', { rate: formatPercent(rate, lang) })}</span>
          </dd>
        </div>
        {report.respondents > 0 && (
          <div>
            <dt>{t('report.fig.score')}</dt>
            <dd>
              {report.total ? (
                <>
                  <span className="kl-big">{formatPercent(report.total.mean, lang)}</span>
                  <span className="kl-small">
                    {/* A median of too few is withheld: the mean alone, named as such (Method says why). */}
                    {report.total.median === null
                      ? t('report.mean')
                      : t('report.fig.scoreMedian', { median: formatPercent(report.total.median, lang) })}
                    {without(report.excludedTypes)}
                  </span>
                </>
              ) : (
                withheld
              )}
            </dd>
          </div>
        )}
        {report.respondents > 0 && (
          <div>
            <dt>{t('report.fig.gate')}</dt>
            <dd>
              {report.gatePassed === null ? (
                withheld
              ) : (
                <>
                  <span className="kl-big">
                    {t('report.ofTotal', {
                      count: formatNumber(report.gatePassed, lang),
                      total: formatNumber(scoredRespondents(report), lang),
                    })}
                  </span>
                  <span className="kl-small">
                    {t('report.fig.gateNote')}
                    {without(report.excludedTypes)}
                  </span>
                </>
              )}
            </dd>
          </div>
        )}
        {yoy && (
          <div>
            <dt>{t('report.fig.change', { previous: year - 1 })}</dt>
            <dd>
              {yoy.change ? (
                <>
                  <span className="kl-big">
                    {formatPointChange(yoy.change.mean, lang)}
                    {/* The unit is a long word: smaller, so the figure fits its card. */}
                    <span style={{ fontSize: '1.1rem', fontWeight: 600 }}> {t('report.fig.changeUnit')}</span>
                  </span>
                  <span className="kl-small">
                    {t('report.fig.changeNote', {
                      count: yoy.organisations,
                      improved: yoy.improved ?? 0,
                      declined: yoy.declined ?? 0,
                    })}
                    {without(yoy.excludedTypes)}
                  </span>
                  {maxNote && <span className="kl-small">{maxNote}</span>}
                </>
              ) : unmatched ? (
                // Withheld for members in one year only: say so, not "too few", and keep the counts,
                // which compare shares too: so the note on a changed maximum stays.
                <>
                  <span className="kl-small">{unmatched}</span>
                  {maxNote && <span className="kl-small">{maxNote}</span>}
                </>
              ) : (
                withheld
              )}
            </dd>
          </div>
        )}
        {emissions && (
          <div>
            <dt>{t('report.fig.emissions', { year: emissions.latestYear })}</dt>
            <dd>
              {emissions.weightedPerInhabitant === null ? (
                // Withheld for the other type's few: say the ones that answered have no figures.
                emissions.typesWithoutData ? (
                  <span className="kl-small">
                    {`${t('report.withheld')} · ${noEmissionDataText(emissions.typesWithoutData, t, lang)}`}
                  </span>
                ) : (
                  withheld
                )
              ) : (
                <>
                  <span className="kl-big">
                    {t('report.tonnes', { value: formatDecimal(emissions.weightedPerInhabitant, lang) })}
                  </span>
                  <span className="kl-small">
                    {t('report.fig.emissionsNationalLabelled', {
                      national: nationalLabel(emissions.national, t),
                      value: formatDecimal(emissions.national.perInhabitant, lang),
                    })}
                    {/* The figure covers only those with data for its year: say how many. */}
                    {coverage &&
                      ` · ${t(`report.fig.emissionsCount.${emissions.basis}`, { count: formatNumber(coverage.organisations, lang) })}`}
                  </span>
                </>
              )}
            </dd>
          </div>
        )}
        {emissions?.changeSince1990 && (
          <div>
            <dt>{t('report.fig.since1990')}</dt>
            <dd>
              {emissions.changeSince1990.mean === null ? (
                withheld
              ) : (
                <>
                  <span className="kl-big">{formatChange(emissions.changeSince1990.mean, lang)}</span>
                  <span className="kl-small">
                    {t('report.fig.since1990Note', { count: emissions.changeSince1990.organisations })}
                    {emissions.national.changeSince1990 !== undefined &&
                      ` · ${nationalLabel(emissions.national, t)}: ${formatChange(emissions.national.changeSince1990, lang)}`}
                  </span>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {types.map((type) => (
        <GateHighlights key={type} type={type} aggregate={report.byType[type]} />
      ))}
    </section>
  );
}

/** The gate questions (baskraven) as headline figures: the share answering yes, and of how many. */
function GateHighlights({ type, aggregate }: { type: OrgType; aggregate: TypeAggregate }) {
  const t = useT();
  const [lang] = useLang();
  const gates = aggregate.questions.filter((q) => q.gate && q.yes?.share != null);
  const withheld = isWithheld(aggregate);
  if (aggregate.respondents === 0 || (gates.length === 0 && !withheld)) return null;
  return (
    <>
      <h3>{t(`report.gates.${type}`)}</h3>
      {withheld ? (
        <p className="kl-text">{t('report.withheld')}</p>
      ) : (
        <ul className="kl-highlights">
          {gates.map((q) => {
            const title = titleOf(q, lang);
            return (
              <li key={q.name}>
                <span className="kl-highlight-value">{formatPercent(q.yes?.share ?? 0, lang)}</span>
                <span>
                  <span lang={title.lang}>{title.text}</span>{' '}
                  <span className="kl-small">{t('report.yesOf', { count: q.yes?.count ?? 0, n: q.n ?? 0 })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function Bands({ report, year, types }: { report: Report; year: number; types: OrgType[] }) {
  const t = useT();
  const [lang] = useLang();
  // The bands count the respondents the network's figures rest on (a type too few to show is left out).
  const scored = scoredRespondents(report);
  const without = withoutText(report.excludedTypes, t, lang);
  const rows = useMemo(
    () =>
      (report.bands ?? []).map((b) => ({
        label: b.band ?? t('report.bands.none'),
        count: b.count,
        share: scored > 0 ? b.count / scored : 0,
        style: (b.band === null ? 'muted' : 'primary') as SeriesStyle,
      })),
    [report, scored, t],
  );
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: rows.map((r) => r.label),
      series: [
        {
          label: t('report.bands.count'),
          values: rows.map((r) => r.count),
          style: 'primary',
          barStyles: rows.map((r) => r.style),
          valueLabels: rows.map((r) => formatNumber(r.count, lang)),
        },
      ],
      axis: { integer: true, title: t('report.bands.axis') },
    }),
    [rows, lang, t],
  );
  return (
    <section className="kl-section" aria-labelledby="kl-bands">
      <h2 id="kl-bands">{t('report.bands.title')}</h2>
      <p className="kl-text">{t('report.bands.intro')}</p>
      <BandLegend report={report} types={types} />
      {report.bands === null ? (
        <p className="kl-text">{t('report.withheld')}</p>
      ) : (
        <ChartFigure
          title={t('report.bands.chartTitle', { year })}
          summary={bandsSummary(report, rows, t, lang)}
          spec={spec}
          height={280}
          note={without && <p>{upperFirst(without)}.</p>}
          table={
            <>
              <thead>
                <tr>
                  <th scope="col">{t('report.bands.band')}</th>
                  <th scope="col" className="num">
                    {t('report.bands.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{formatNumber(r.count, lang)}</td>
                    <td className="num">{formatPercent(r.share, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </>
          }
        />
      )}
    </section>
  );
}

/**
 * Each published year's mean share per type, from the list of years the page reads anyway (no
 * request per year). Shown once a type has two years: the same figures each year's report shows.
 */
export function OverTheYears({ years, year }: { years: PublishedYear[]; year: number }) {
  const t = useT();
  const [lang] = useLang();
  const narrow = useScreenWidth() === 'narrow';
  const types = useMemo(() => overTheYears(years), [years]);
  const areaTypes = useMemo(() => areasOverTheYears(years), [years]);
  const labels = useMemo(() => [...new Set(types.flatMap((of) => of.years.map((y) => y.year)))].sort(), [types]);
  const spec = useMemo<ChartSpec>(
    () => ({
      compact: narrow,
      labels: labels.map(String),
      series: types.map((of, i) => {
        const at = (label: number) => of.years.find((y) => y.year === label)?.mean ?? null;
        return {
          label: t('report.years.series', { type: t(`report.type.${of.type}`) }),
          values: labels.map(at),
          style: i === 0 ? 'primary' : 'secondary',
          valueLabels: labels.map((label) => {
            const mean = at(label);
            return mean === null ? null : formatPercent(mean, lang);
          }),
        };
      }),
      axis: { min: 0, max: 1, format: (v) => formatPercent(v, lang), title: t('report.years.axis') },
    }),
    [types, labels, lang, t, narrow],
  );
  if (types.length === 0) return null;
  const texts = overTheYearsTexts(types, t, lang);
  const medians = types.some((of) => of.years.some((y) => y.median !== null));
  return (
    <section className="kl-section" aria-labelledby="kl-years">
      <h2 id="kl-years">{t('report.years.title')}</h2>
      <p className="kl-text">{t('report.years.intro')}</p>
      <ChartFigure
        title={t('report.years.chartTitle')}
        summary={texts.summary}
        spec={spec}
        height={narrow ? 260 : 300}
        note={texts.maxChanged ? <p>{texts.maxChanged}</p> : undefined}
        legend={types.map((of, i) => ({
          label: t('report.years.series', { type: t(`report.type.${of.type}`) }),
          style: i === 0 ? 'primary' : 'secondary',
        }))}
        table={
          <>
            <thead>
              <tr>
                <th scope="col">{t('report.year')}</th>
                {types.length > 1 && <th scope="col">{t('report.years.group')}</th>}
                <th scope="col" className="num">
                  {t('report.years.respondents')}
                </th>
                <th scope="col" className="num">
                  {t('report.col.maxPoints')}
                </th>
                <th scope="col" className="num">
                  {t('report.col.mean')}
                </th>
                {medians && (
                  <th scope="col" className="num">
                    {t('report.median')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {types.flatMap((of) =>
                of.years.map((y) => (
                  <tr key={`${of.type}-${y.year}`}>
                    <th scope="row">{y.year === year ? t('report.years.thisYear', { year: y.year }) : y.year}</th>
                    {types.length > 1 && <td>{t(`report.type.${of.type}`)}</td>}
                    <td className="num">{formatNumber(y.respondents, lang)}</td>
                    <td className="num">{formatNumber(y.max, lang)}</td>
                    <td className={numClass(y.mean === null)}>
                      {y.mean === null ? t('report.withheld') : formatPercent(y.mean, lang)}
                    </td>
                    {medians && <td className={numClass(y.median === null)}>{medianCell(y, t, lang)}</td>}
                  </tr>
                )),
              )}
            </tbody>
          </>
        }
      />
      {areaTypes.length > 0 && (
        <>
          <h3>{t('report.areasYears.title')}</h3>
          <p className="kl-text">{t('report.areasYears.intro')}</p>
          {areaTypes.map((of) => (
            <AreasOverTheYears key={of.type} of={of} year={year} typeLabel={t(`report.type.${of.type}`)} />
          ))}
        </>
      )}
    </section>
  );
}

function EmissionsTrend({ emissions, regions, min }: { emissions: Emissions; regions: Emissions | null; min: number }) {
  const t = useT();
  const [lang] = useLang();
  const national = emissions.national;
  const label = nationalLabel(national, t);
  // The bars are the kommuner's (or the regions' when no kommun has data), never "the network".
  const series = emissionsSeries(emissions.basis, t);
  // A dozen years with their counts do not fit side by side on a phone: there the bars run across.
  const narrow = useScreenWidth() === 'narrow';
  const columns = useMemo(() => trendColumns(emissions.trend), [emissions.trend]);
  const hasGap = columns.some((column) => 'gapFrom' in column);
  const spec = useMemo<ChartSpec>(
    () => ({
      horizontal: narrow,
      compact: narrow,
      labels: columns.map((c) => trendLabel(c, narrow)),
      series: [
        {
          label: series.label,
          // A withheld year (too few organisations) has no bar, not a bar at 0.
          values: columns.map((c) => ('year' in c ? c.perInhabitant : null)),
          style: 'primary',
          valueLabels: columns.map((c) =>
            'year' in c && c.perInhabitant !== null ? formatDecimal(c.perInhabitant, lang, 1, true) : null,
          ),
        },
      ],
      reference: {
        value: national.perInhabitant,
        // Across a phone the long name would run off the plot; the legend names the dashed line.
        label: `${narrow ? '' : `${label}: `}${formatDecimal(national.perInhabitant, lang, 1, true)}`,
      },
      axis: { min: 0, title: t('report.emissions.axis'), format: (v) => formatDecimal(v, lang) },
    }),
    [columns, lang, t, label, series.label, national.perInhabitant, narrow],
  );
  const shown = emissions.trend.some((p) => p.perInhabitant !== null);
  const nationalText = `${label}: ${formatDecimal(national.perInhabitant, lang)}`;
  // The weighted figure covers only the organisations with data for its year: say how many.
  const intro = (of: Emissions) =>
    of.weightedPerInhabitant === null
      ? `${t(`report.type.${of.basis}`)}: ${t('report.withheld')}. ${t('report.minGroup', { min })}`
      : t(`report.emissions.intro.${of.basis}`, {
          count: latestCoverage(of)?.organisations ?? of.organisations,
          year: of.latestYear,
          value: formatDecimal(of.weightedPerInhabitant, lang),
          national: nationalText,
        });
  return (
    <section className="kl-section" aria-labelledby="kl-emissions">
      <h2 id="kl-emissions">{t('report.emissions.title')}</h2>
      <p className="kl-text">{intro(emissions)}</p>
      {/* Regions are shown beside the kommuner, never summed with them: their territories overlap. */}
      {emissions.basis === 'kommun' && regions && <p className="kl-text">{intro(regions)}</p>}
      {emissions.typesWithoutData && (
        <p className="kl-text">{`${noEmissionDataText(emissions.typesWithoutData, t, lang)}.`}</p>
      )}
      {shown && (
        <ChartFigure
          title={t('report.emissions.chartTitle')}
          summary={emissionsSummary(emissions.basis, emissions.trend, nationalText, t, lang)}
          spec={spec}
          height={narrow ? barChartHeight(spec.labels, 1, true) : 300}
          note={
            <p>
              {/* The source is named as stored, in Swedish: tagged so on an English page. */}
              <LangText
                text={tParts(t, 'report.emissions.note', {
                  source: localised(lang, national.source, undefined),
                  group: series.group,
                })}
              />
              {/* One year's national figure is drawn across every year: say which year. */}
              {nationalNote(national, t) && <> {nationalNote(national, t)}</>}
              {hasGap && <> {t('report.emissions.gapNote')}</>}
              {/* A withheld year has no bar: say which and why. */}
              {withheldList(
                emissions.trend.filter((p) => p.perInhabitant === null).map((p) => p.year),
                t,
              )}
            </p>
          }
          legend={[
            { label: series.label, style: 'primary' },
            { label, style: 'reference' },
          ]}
          table={
            <>
              <thead>
                <tr>
                  <th scope="col">{t('report.year')}</th>
                  <th scope="col" className="num">
                    {series.label}
                  </th>
                  <th scope="col" className="num">
                    {t('report.emissions.organisations')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {emissions.trend.map((p) => (
                  <tr key={p.year}>
                    <th scope="row">{p.year}</th>
                    <td className={numClass(p.perInhabitant === null)}>
                      {p.perInhabitant === null ? t('report.withheld') : formatDecimal(p.perInhabitant, lang, 2, true)}
                    </td>
                    <td className="num">{formatNumber(p.organisations, lang)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{label}</th>
                  <td className="num">{formatDecimal(national.perInhabitant, lang, 2, true)}</td>
                  <td className="num">–</td>
                </tr>
              </tfoot>
            </>
          }
        />
      )}
    </section>
  );
}

function TypeSection({
  type,
  aggregate,
  year,
  min,
}: {
  type: OrgType;
  aggregate: TypeAggregate;
  year: number;
  min: number;
}) {
  const t = useT();
  const [lang] = useLang();
  const areas = useMemo(() => areasOf(aggregate, () => t('report.area.gates')), [aggregate, t]);
  const headingId = `kl-type-${type}`;
  return (
    <section className="kl-section kl-type" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`report.type.${type}`)}</h2>
      <p className="kl-text">
        {t('report.type.responded', {
          respondents: formatNumber(aggregate.respondents, lang),
          organisations: formatNumber(aggregate.organisations, lang),
          year,
        })}
      </p>
      {aggregate.respondents === 0 ? (
        <p className="notice">{t(`report.type.none.${type}`, { year })}</p>
      ) : isWithheld(aggregate) ? (
        <p className="notice">
          {t('report.withheld')}. {t('report.minGroup', { min })}
        </p>
      ) : (
        <>
          <SectionsFigure type={type} aggregate={aggregate} />
          {areas.map((area) => (
            <AreaBlock key={area.name} type={type} area={area} />
          ))}
        </>
      )}
    </section>
  );
}

/** Mean and median share of maximum per area: how far the network has come in each. */
function SectionsFigure({ type, aggregate }: { type: OrgType; aggregate: TypeAggregate }) {
  const t = useT();
  const [lang] = useLang();
  const screen = useScreenWidth();
  const narrow = screen === 'narrow';
  const sections = useMemo(
    () => aggregate.sections.filter((s) => s.max > 0).map((s) => ({ ...s, label: titleOf(s, lang) })),
    [aggregate, lang],
  );
  // Medians of fewer than 5 are withheld while the means are shown: then no median bar or column.
  const medians = sections.some((s) => s.median !== null);
  const spec = useMemo<ChartSpec>(
    () => ({
      horizontal: true,
      compact: narrow,
      labels: sections.map((s) => {
        const width = labelWidth(screen);
        // A withheld area has no bars: its label says why.
        return [...wrapLabel(s.label.text, width), ...(s.mean === null ? wrapLabel(t('report.withheld'), width) : [])];
      }),
      series: [
        {
          label: t('report.mean'),
          values: sections.map((s) => s.mean),
          style: 'primary',
          valueLabels: sections.map((s) => (s.mean === null ? null : formatPercent(s.mean, lang))),
        },
        ...(medians
          ? ([
              {
                label: t('report.median'),
                values: sections.map((s) => s.median),
                style: 'hatched',
                valueLabels: sections.map((s) => (s.median === null ? null : formatPercent(s.median, lang))),
              },
            ] as const)
          : []),
      ],
      axis: { min: 0, max: 1, format: (v) => formatPercent(v, lang), title: t('report.sections.axis') },
    }),
    [sections, lang, screen, narrow, t, medians],
  );
  // What the chart draws, in words: "mean and median" only when a median is shown.
  const texts = sectionsTexts(sections, t, lang);
  if (sections.length === 0) return null;
  return (
    <>
      <h3>{t('report.sections.title')}</h3>
      <ChartFigure
        title={t(`report.sections.chartTitle.${type}`)}
        summary={texts.summaryParts}
        note={
          <p>
            {texts.note}
            {!medians &&
              sections.some((s) => s.mean !== null) &&
              ` ${t('report.medianMin', { min: MIN_GROUP_SIZE_MEDIAN })}`}
          </p>
        }
        spec={spec}
        height={barChartHeight(spec.labels, spec.series.length, narrow)}
        legend={[
          { label: t('report.mean'), style: 'primary' },
          ...(medians ? ([{ label: t('report.median'), style: 'hatched' }] as const) : []),
        ]}
        table={
          <>
            <thead>
              <tr>
                <th scope="col">{t('report.area')}</th>
                <th scope="col" className="num">
                  {t('report.col.maxPoints')}
                </th>
                <th scope="col" className="num">
                  {t('report.col.mean')}
                </th>
                {medians && (
                  <th scope="col" className="num">
                    {t('report.median')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {sections.map((s) => (
                <tr key={s.name}>
                  <th scope="row" lang={s.label.lang}>
                    {s.label.text}
                  </th>
                  <td className="num">{formatNumber(s.max, lang)}</td>
                  <td className={numClass(s.mean === null)}>
                    {s.mean === null ? t('report.withheld') : formatPercent(s.mean, lang)}
                  </td>
                  {medians && (
                    <td className={numClass(s.median === null)}>
                      {s.median === null ? t('report.withheld') : formatPercent(s.median, lang)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </>
        }
      />
    </>
  );
}

function AreaBlock({ type, area }: { type: OrgType; area: Area }) {
  const t = useT();
  const [lang] = useLang();
  const screen = useScreenWidth();
  const narrow = screen === 'narrow';
  const questions = useMemo(() => yesQuestions(area), [area]);
  const distributions = distributionQuestions(area);
  const headingId = `kl-area-${type}-${area.name}`;
  const areaTitle = titleOf(area, lang);
  const spec = useMemo<ChartSpec>(
    () => ({
      horizontal: true,
      compact: narrow,
      labels: questions.map((q) => {
        const width = { narrow: 20, medium: 34, wide: 46 }[screen];
        const answer = countedChoice(q, lang);
        const share = q.yes?.share ?? null;
        return [
          ...wrapLabel(titleOf(q, lang).text, width),
          ...(answer ? wrapLabel(t('report.countedAnswer', { answer: answer.text }), width) : []),
          // A follow-up's share is of fewer respondents than the bars around it.
          ...(q.followUp && share !== null ? wrapLabel(t('report.followUp', { n: q.n ?? 0 }), width) : []),
          // A withheld share has no bar (not one at 0 %): the label says why.
          ...(q.suppressed ? wrapLabel(t('report.withheld'), width) : []),
        ];
      }),
      series: [
        {
          label: t('report.yesShare'),
          values: questions.map((q) => q.yes?.share ?? null),
          style: 'primary',
          valueLabels: questions.map((q) => (q.yes?.share == null ? null : formatPercent(q.yes.share, lang))),
        },
      ],
      axis: { min: 0, max: 1, format: (v) => formatPercent(v, lang), title: t('report.yesShareAxis') },
    }),
    [questions, lang, screen, narrow, t],
  );
  return (
    <section className="kl-area" aria-labelledby={headingId}>
      <h3 id={headingId} lang={areaTitle.lang}>
        {areaTitle.text}
      </h3>
      {questions.length > 0 && (
        <ChartFigure
          // The area's name keeps its language: Swedish on an English page without English titles.
          title={tParts(t, 'report.area.chartTitle', { area: areaTitle })}
          shortTitle={t('report.area.chartShortTitle')}
          summary={areaSummaryParts(questions, t, lang)}
          spec={spec}
          height={barChartHeight(spec.labels, 1, narrow)}
          table={<YesTable questions={questions} narrow={narrow} />}
        />
      )}
      {distributions.length > 0 && <h4 className="kl-dists-title">{t('report.dist.title')}</h4>}
      {distributions.length > 0 && (
        <div className="kl-dists">
          {distributions.map((q) => (
            <DistributionTable key={q.name} question={q} />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * On a phone the counted answer stands under the question, as in the chart's labels, not in a column
 * of its own: a column less leaves the question room for a long Swedish compound word
 * ("energieffektiviseringsmål"), so the table fits 390 px.
 */
function YesTable({ questions, narrow }: { questions: QuestionAggregate[]; narrow: boolean }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('report.question')}</th>
          {!narrow && <th scope="col">{t('report.answerCountedCol')}</th>}
          <th scope="col" className="num">
            {t('report.share')}
          </th>
          <th scope="col" className="num">
            {t('report.answers')}
          </th>
        </tr>
      </thead>
      <tbody>
        {questions.map((q) => {
          const title = titleOf(q, lang);
          const answer = countedChoice(q, lang);
          const share = q.yes?.share;
          return (
            <tr key={q.name}>
              <th scope="row">
                <span lang={title.lang}>{title.text}</span>
                {narrow && answer && (
                  <span className="kl-small kl-counted">
                    {' '}
                    <LangText text={tParts(t, 'report.countedAnswer', { answer })} />
                  </span>
                )}
                {q.followUp && share != null && (
                  <span className="kl-small"> {t('report.followUp', { n: q.n ?? 0 })}</span>
                )}
              </th>
              {!narrow && <td lang={answer?.lang}>{answer?.text ?? t('report.yes')}</td>}
              <td className={numClass(share == null && !!q.suppressed)}>
                {share != null ? formatPercent(share, lang) : q.suppressed ? t('report.withheld') : '–'}
              </td>
              <td className="num">
                {q.yes?.count == null ? '–' : t('report.ofTotal', { count: q.yes.count, total: q.n ?? 0 })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </>
  );
}

/** A question's answers as a small table with a bar per answer (a table, not a chart: no canvas needed). */
function DistributionTable({ question }: { question: QuestionAggregate }) {
  const t = useT();
  const [lang] = useLang();
  const multi = question.type === 'checkbox';
  const title = titleOf(question, lang);
  return (
    <table className="kl-table kl-dist">
      <caption>
        <span lang={title.lang}>{title.text}</span>
        <span className="kl-small">
          {' '}
          {multi ? t('report.dist.multi', { n: question.n ?? '–' }) : t('report.dist.single', { n: question.n ?? '–' })}
          {question.suppressed && ` · ${t('report.withheld')}`}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('report.answer')}</th>
          <th scope="col" className="num">
            {t('report.count')}
          </th>
          <th scope="col">{t('report.share')}</th>
        </tr>
      </thead>
      <tbody>
        {(question.distribution ?? []).map((choice) => {
          const text = choiceTextOf(choice, lang);
          return (
            <tr key={String(choice.value)}>
              <th scope="row" lang={text.lang}>
                {text.text}
              </th>
              <td className="num">{choice.count === null ? '–' : formatNumber(choice.count, lang)}</td>
              {choice.share === null ? (
                <td>–</td>
              ) : (
                <td className="kl-bar-cell">
                  <span className="kl-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(Math.min(1, choice.share) * 100)}%` }} />
                  </span>
                  {formatPercent(choice.share, lang)}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * What it takes to reach each band: share of maximum and points per organisation type, from the
 * bands stored in the snapshot (the survey's own, the ones that scored the responses).
 */
function BandLegend({ report, types }: { report: Report; types: OrgType[] }) {
  const t = useT();
  const [lang] = useLang();
  const rows = useMemo(() => bandLegend(report, types), [report, types]);
  if (!rows) return null;
  // Bands are read highest first, so "at least" says it all; the lowest band says where it ends.
  const range = ({ min, below }: Bound, format: (value: number) => string) =>
    min === null
      ? t('report.bands.below', { value: format(below ?? 0) })
      : t('report.bands.atLeast', { value: format(min) });
  const percent = (v: number) => formatPercent(v, lang);
  const points = (v: number) => formatDecimal(v, lang);
  return (
    // Four columns do not fit a 320 px screen (400 % zoom): the table scrolls on its own, not the page,
    // and is focusable so a keyboard can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable)
    <section className="kl-table-scroll" aria-label={t('report.bands.legendTitle')} tabIndex={0}>
      <table className="kl-table">
        <caption>{t('report.bands.legendTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.bands.band')}</th>
            <th scope="col">{t('report.fig.score')}</th>
            {types.map((type) => (
              <th scope="col" key={type}>
                {/* "Kommun, poäng (max 66)": short words, so the table fits a phone. */}
                {t(`home.${type}`)}, {t('scorecard.col.pointsShort').toLowerCase()} (
                {t('scorecard.col.maxShort').toLowerCase()} {points(report.byType[type].max)})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">
                <strong>{row.label}</strong>
              </th>
              {/* Types with bands of their own show one range each, in the order of the points columns. */}
              <td>{row.shares.map((b) => range(b, percent)).join(' / ')}</td>
              {types.map((type) => {
                const bound = row.points[type];
                return <td key={type}>{bound ? range(bound, points) : '–'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Method({ min }: { min: number }) {
  const t = useT();
  return (
    <section className="kl-section kl-method" aria-labelledby="kl-method">
      <h2 id="kl-method">{t('report.method.title')}</h2>
      <ul>
        <li>{t('report.method.respondents')}</li>
        <li>{t('report.method.shares')}</li>
        <li>{t('report.method.score')}</li>
        <li>{t('report.method.private')}</li>
        <li>{t('report.minGroup', { min })}</li>
        <li>{t('report.method.change', { min })}</li>
        <li>{t('report.medianMin', { min: MIN_GROUP_SIZE_MEDIAN })}</li>
      </ul>
    </section>
  );
}
