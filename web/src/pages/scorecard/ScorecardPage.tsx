import { type ReactNode, useMemo } from 'react';
import { Link, useParams } from 'wouter';
import { ApiError, apiClient } from '../../api/client';
import type { MyOrganisation, PublishedYear, Scorecard } from '../../api/types';
import { BackLink } from '../../components/BackLink';
import { ChartFigure } from '../../components/charts/ChartFigure';
import {
  barChartHeight,
  type ChartSpec,
  labelWidth,
  twoYearLegend,
  twoYearShareSpec,
  wrapLabel,
} from '../../components/charts/chart-spec';
import { LoadError, Loading } from '../../components/Feedback';
import { useLang, useT } from '../../i18n';
import { type AddressYear, addressYear } from '../../lib/address-year';
import { formatChange, formatDate, formatDecimal, formatPercent } from '../../lib/format';
import { numClass } from '../../lib/number-cell';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { useScreenWidth } from '../../lib/use-screen-width';
import { resultsCard, scorecardTarget, scorecardYears } from '../home-results';
import { KansliMessages } from '../survey/KansliMessages';
import {
  bandRange,
  gateExplanation,
  historySummary,
  lastYearCell,
  lastYearMaxNote,
  lostSummary,
  missingKey,
  missingOutcome,
  type OwnAreas,
  outcomeScale,
  ownAreaCell,
  ownAreaChange,
  ownAreaMax,
  ownAreasSummary,
  ownChartYears,
  ownShareIn,
  scorecardHistory,
  sectionsSummary,
  titleOf,
} from './scorecard-model';

interface Loaded {
  my: MyOrganisation;
  years: PublishedYear[];
  year: number | null;
  scorecard: Scorecard | null;
  /** Why there is no scorecard: the API's error code, or one of scorecardTarget's. */
  missing?: string;
}

/**
 * The scorecard of the year the address names, else of the newest published year the organisation
 * has a result for (defaultScorecardYear); a 404 becomes a reason, as does an address with no year.
 */
async function loadScorecard(address: AddressYear): Promise<Loaded> {
  // Revalidated: the public list may be cached from before the report was published.
  const [my, years] = await Promise.all([apiClient.myOrganisation(), apiClient.publishedYears({ fresh: true })]);
  const target = scorecardTarget(
    address,
    years.map((y) => y.year),
    my.submittedYears,
  );
  if ('missing' in target) return { my, years, year: target.year, scorecard: null, missing: target.missing };
  const { year } = target;
  try {
    return { my, years, year, scorecard: await apiClient.scorecard(year) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return { my, years, year, scorecard: null, missing: error.code };
    }
    throw error;
  }
}

/** `/resultat` and `/resultat/{year}`: the signed-in organisation's own result against the network. */
export default function ScorecardPage() {
  const t = useT();
  const params = useParams<{ year?: string }>();
  const address = addressYear(params.year);
  const [state, reload] = useAsync(() => loadScorecard(address), [params.year]);
  const year = state.status === 'ready' ? state.value.year : address.kind === 'year' ? address.year : null;
  // The register's name as the scorecard states it; the member's own organisation before one loads.
  const organisation =
    state.status === 'ready' ? (state.value.scorecard?.organisationName ?? state.value.my.organisation.name) : null;
  usePageTitle(
    organisation && year
      ? `${organisation}: ${t('scorecard.title', { year })}`
      : year
        ? t('scorecard.title', { year })
        : t('scorecard.titlePlain'),
  );

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const { my, years, scorecard, missing } = state.value;
  const published = years.map((y) => y.year);
  // Only years with a result of the organisation's own: another would say only that there is none.
  const otherYears = scorecardYears(published, my.submittedYears).filter((y) => y !== year);
  const name = organisation ?? my.organisation.name;
  // Without a scorecard, the way on: the organisation's latest result, else the newest report.
  const onward = !scorecard || !year ? resultsCard(published, my.submittedYears) : null;

  return (
    <article className="kl-report kl-scorecard">
      <BackLink />
      <p className="eyebrow">
        {name} · {t((scorecard?.organisationType ?? my.organisation.type) === 'region' ? 'home.region' : 'home.kommun')}
      </p>
      <h1>{year ? t('scorecard.title', { year }) : t('scorecard.titlePlain')}</h1>
      {!scorecard || !year ? (
        <>
          <p className="notice">{t(missingKey(missing), { organisation: name, year: year ?? '' })}</p>
          {onward && (onward.kind === 'report-only' || onward.year !== year) && (
            <p className="no-print">
              {onward.kind === 'result' ? (
                <Link href={`/resultat/${onward.year}`}>{t('home.toScorecardYear', { year: onward.year })}</Link>
              ) : (
                <Link href={`/klimatlaget/${onward.newest}`}>{t('home.toReport', { year: onward.newest })}</Link>
              )}
            </p>
          )}
        </>
      ) : (
        <>
          <ScorecardView scorecard={scorecard} organisation={name} />
          {otherYears.length > 0 && (
            <OverTheYears scorecard={scorecard} otherYears={otherYears} years={years} organisation={name} />
          )}
        </>
      )}
      {otherYears.length > 0 && (
        <nav className="kl-years no-print" aria-label={t('scorecard.otherYears')}>
          <span>{t('scorecard.otherYears')}:</span>
          <ul>
            {otherYears.map((y) => (
              <li key={y}>
                <Link href={`/resultat/${y}`}>{y}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}

function ScorecardView({ scorecard, organisation }: { scorecard: Scorecard; organisation: string }) {
  const t = useT();
  const [lang] = useLang();
  const { network, lastYear } = scorecard;
  const typeKey = scorecard.organisationType;
  const gate = gateExplanation(scorecard, lang);
  // What the band stands for: "minst 40 % av maxpoängen" (the lowest band: "under 40 %").
  const range = bandRange(scorecard);
  const bandMeaning =
    range &&
    t('scorecard.shareOfMax', {
      share:
        range.min === null
          ? t('report.bands.below', { value: formatPercent(range.below ?? 0, lang) })
          : t('report.bands.atLeast', { value: formatPercent(range.min, lang) }),
    });
  return (
    <>
      <p className="lead">
        {t(network.total ? 'scorecard.lead' : 'scorecard.leadOwn', { organisation, year: scorecard.year })}
      </p>
      {/* A review note's email links here once the year is published: what the kansli said, first. */}
      <KansliMessages
        fromKansli={scorecard.fromKansli}
        status="submitted"
        published
        headingLevel={2}
        t={t}
        lang={lang}
      />
      <section className="kl-section" aria-labelledby="sc-summary">
        <h2 id="sc-summary" className="visually-hidden">
          {t('scorecard.summary')}
        </h2>
        <dl className="kl-figures">
          <KeyFigure
            term={t('scorecard.points')}
            value={t('report.ofTotal', {
              count: formatDecimal(scorecard.total, lang),
              total: formatDecimal(scorecard.max, lang),
            })}
            note={t('scorecard.shareOfMax', { share: formatPercent(scorecard.share, lang) })}
          />
          <KeyFigure
            term={t('scorecard.band')}
            value={scorecard.band ?? t('report.bands.none')}
            note={
              scorecard.gatePassed ? (
                bandMeaning ? (
                  `${bandMeaning} · ${t('scorecard.gatePassed')}`
                ) : (
                  t('scorecard.gatePassed')
                )
              ) : (
                // A link to the explanation below: which requirements, and what it means for the grade.
                <a href="#sc-gate">{t('scorecard.gateFailedShort')}</a>
              )
            }
          />
          <KeyFigure
            term={t(`scorecard.network.${typeKey}`)}
            value={
              network.total
                ? t('scorecard.pointsValue', { points: formatDecimal(network.total.mean, lang) })
                : t('report.withheld')
            }
            note={
              network.total
                ? network.total.median === null
                  ? t('scorecard.networkNoteMean', { count: network.respondents })
                  : t('scorecard.networkNote', {
                      median: formatDecimal(network.total.median, lang),
                      count: network.respondents,
                    })
                : t('report.minGroup', { min: network.minGroupSize })
            }
          />
          {lastYear && (
            <KeyFigure
              term={t('scorecard.lastYear', { year: lastYear.year })}
              value={t('report.ofTotal', {
                count: formatDecimal(lastYear.total, lang),
                total: formatDecimal(lastYear.max, lang),
              })}
              note={t('scorecard.lastYearNote', {
                share: formatPercent(lastYear.share, lang),
                band: lastYear.band ?? t('report.bands.none'),
              })}
            />
          )}
        </dl>
        {gate && (
          <div className="notice notice-info" id="sc-gate" role="note" aria-labelledby="sc-gate-title">
            <p>
              <strong id="sc-gate-title">{t('scorecard.gateFailedTitle')}</strong>
            </p>
            {/* Compared with the network below only when its figures are shown. */}
            <p>{t(gate.compared ? 'scorecard.gateFailed' : 'scorecard.gateFailedOwn')}</p>
            {gate.failed.length > 0 && (
              <>
                <p>{t('scorecard.gateFailedList')}</p>
                <ul>
                  {gate.failed.map((failed) => (
                    <li key={failed.name} lang={failed.title.lang}>
                      {failed.title.text}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {gate.band && (
              <p>
                {t('scorecard.gateMeaning', {
                  total: formatDecimal(scorecard.total, lang),
                  max: formatDecimal(scorecard.max, lang),
                  share: formatPercent(scorecard.share, lang),
                  band: gate.band.label,
                  threshold: t('report.bands.atLeast', { value: formatPercent(gate.band.minShare, lang) }),
                })}
              </p>
            )}
          </div>
        )}
      </section>

      <SectionsComparison scorecard={scorecard} />
      {scorecard.areasOverTheYears && <OwnAreasOverTheYears of={scorecard.areasOverTheYears} />}
      <LostPoints scorecard={scorecard} />
      {scorecard.emissionOutcome ? (
        <EmissionOutcomeView outcome={scorecard.emissionOutcome} source={scorecard.emissionOutcomeSource} />
      ) : (
        <NoOutcome scorecard={scorecard} organisation={organisation} />
      )}

      <p className="no-print">
        <Link href={`/klimatlaget/${scorecard.year}`}>{t('scorecard.toReport', { year: scorecard.year })}</Link>
      </p>
    </>
  );
}

/** Exported for its unit tests (rendered as markup). */
export function SectionsComparison({ scorecard }: { scorecard: Scorecard }) {
  const t = useT();
  const [lang] = useLang();
  const screen = useScreenWidth();
  const narrow = screen === 'narrow';
  const typeKey = scorecard.organisationType;
  // Too few of the type answered: the network is withheld, so the chart and table show only your points.
  const networkTotal = scorecard.network.total;
  const compared = networkTotal !== null;
  // Too few for a median (own score, mean and median would give another's): the mean alone.
  const medians = compared && networkTotal.median !== null;
  const rows = useMemo(() => {
    const network = new Map(scorecard.network.sections.map((s) => [s.name, s]));
    const last = new Map(scorecard.lastYear?.sections.map((s) => [s.name, s]) ?? []);
    return scorecard.sections
      .filter((s) => s.max > 0)
      .map((s) => ({ ...s, label: titleOf(s, lang), network: network.get(s.name), last: last.get(s.name) }));
  }, [scorecard, lang]);
  const spec = useMemo<ChartSpec>(
    () => ({
      horizontal: true,
      compact: narrow,
      labels: rows.map((r) => wrapLabel(r.label.text, labelWidth(screen))),
      series: [
        {
          label: t('scorecard.you'),
          values: rows.map((r) => r.total / r.max),
          style: 'primary',
          valueLabels: rows.map((r) => formatPercent(r.total / r.max, lang)),
        },
        ...(compared
          ? ([
              {
                label: t('report.mean'),
                values: rows.map((r) => r.network?.meanShare ?? null),
                style: 'secondary',
                valueLabels: rows.map((r) => (r.network ? formatPercent(r.network.meanShare, lang) : null)),
              },
            ] as const)
          : []),
        ...(medians
          ? ([
              {
                label: t('report.median'),
                values: rows.map((r) => r.network?.medianShare ?? null),
                style: 'hatched',
                valueLabels: rows.map((r) =>
                  r.network?.medianShare == null ? null : formatPercent(r.network.medianShare, lang),
                ),
              },
            ] as const)
          : []),
      ],
      axis: { min: 0, max: 1, format: (v) => formatPercent(v, lang), title: t('report.sections.axis') },
    }),
    [rows, lang, screen, narrow, t, compared, medians],
  );
  const ahead = rows.filter((r) => r.network && r.total > r.network.mean).length;
  const hasLast = rows.some((r) => r.last);
  // Last year's points are out of last year's maximum: where that differs, the cells and this note say so.
  const lastMaxNote = hasLast ? lastYearMaxNote(scorecard, t, lang) : null;
  return (
    // sc-dense: the phone layout of app.css; with the maximum under the area, the table fits 390 px.
    <section className="kl-section sc-dense sc-sections" aria-labelledby="sc-sections">
      <h2 id="sc-sections">{t('scorecard.sections.title')}</h2>
      <ChartFigure
        title={compared ? t(`scorecard.sections.chartTitle.${typeKey}`) : t('scorecard.sections.chartTitleOwn')}
        summary={sectionsSummary({ compared, medians, ahead, count: rows.length }, t, lang)}
        note={
          <>
            <p>{t('scorecard.sections.note')}</p>
            {lastMaxNote && <p>{lastMaxNote}</p>}
            {!compared && (
              <p>
                {t(`scorecard.network.${typeKey}`)}: {t('report.withheld')}.{' '}
                {t('report.minGroup', { min: scorecard.network.minGroupSize })}
              </p>
            )}
            {compared && !medians && <p>{t('report.medianMin', { min: scorecard.network.minGroupSizeMedian })}</p>}
          </>
        }
        spec={spec}
        height={barChartHeight(spec.labels, spec.series.length, narrow)}
        legend={[
          { label: t('scorecard.you'), style: 'primary' },
          ...(compared ? ([{ label: t(`scorecard.networkMean.${typeKey}`), style: 'secondary' }] as const) : []),
          ...(medians ? ([{ label: t(`scorecard.networkMedian.${typeKey}`), style: 'hatched' }] as const) : []),
        ]}
        table={
          <>
            <TableHead
              columns={[
                { label: t('report.area') },
                { label: t('scorecard.col.points'), numeric: true },
                // On a phone the maximum stands under the area, as the counted answer under the
                // question on Klimatläget: a column less leaves room for "Samhällsplanering".
                !narrow && { label: t('report.col.maxPoints'), numeric: true },
                compared && { label: t('scorecard.col.mean'), numeric: true },
                medians && { label: t('scorecard.col.median'), numeric: true },
                hasLast && {
                  label: t('scorecard.col.lastYear', { year: scorecard.lastYear?.year ?? '' }),
                  numeric: true,
                },
              ]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">
                    <span lang={r.label.lang}>{r.label.text}</span>
                    {narrow && <MaxUnder max={r.max} />}
                  </th>
                  <td className="num">{formatDecimal(r.total, lang)}</td>
                  {!narrow && <td className="num">{formatDecimal(r.max, lang)}</td>}
                  {compared && <td className="num">{r.network ? formatDecimal(r.network.mean, lang) : '–'}</td>}
                  {medians && (
                    <td className={numClass(r.network?.median == null)}>
                      {r.network?.median == null ? t('report.withheld') : formatDecimal(r.network.median, lang)}
                    </td>
                  )}
                  {hasLast && <td className="num">{lastYearCell(r.last, r.max, t, lang)}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">
                  {t('scorecard.total')}
                  {narrow && <MaxUnder max={scorecard.max} />}
                </th>
                <td className="num">{formatDecimal(scorecard.total, lang)}</td>
                {!narrow && <td className="num">{formatDecimal(scorecard.max, lang)}</td>}
                {networkTotal && <td className="num">{formatDecimal(networkTotal.mean, lang)}</td>}
                {medians && <td className="num">{formatDecimal(networkTotal.median ?? 0, lang)}</td>}
                {hasLast && <td className="num">{lastYearCell(scorecard.lastYear, scorecard.max, t, lang)}</td>}
              </tr>
            </tfoot>
          </>
        }
      />
    </section>
  );
}

/** An area's maximum on a phone, on a line of its own under the area (`sc-max`). */
function MaxUnder({ max }: { max: number }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <span className="kl-small sc-max">
      {/* The space keeps the area and its maximum apart for a screen reader. */}{' '}
      {t('scorecard.maxUnder', { max: formatDecimal(max, lang) })}
    </span>
  );
}

/**
 * The organisation's own areas over the years it has a result, as Klimatläget's "Områdena över
 * åren" shows the members': the chart sets this year beside the year before, the table holds every
 * year with the points and the change since the year before. Only when an area is in two years.
 */
function OwnAreasOverTheYears({ of }: { of: OwnAreas }) {
  const t = useT();
  const [lang] = useLang();
  const screen = useScreenWidth();
  const narrow = screen === 'narrow';
  const years = useMemo(() => ownChartYears(of), [of]);
  const spec = useMemo<ChartSpec>(
    () =>
      twoYearShareSpec({
        labels: of.areas.map((area) => titleOf(area, lang).text),
        years,
        shareIn: (index, y) => ownShareIn(of.areas[index]!, y),
        format: (share) => formatPercent(share, lang),
        axisTitle: t('report.sections.axis'),
        screen,
      }),
    [of, years, lang, screen, t],
  );
  const maxChanged = of.areas.some((area) => area.maxChanged);
  return (
    // sc-dense: a column per year fits 390 px with three years; more scroll in the table's region.
    <section className="kl-section sc-dense" aria-labelledby="sc-areas-years">
      <h2 id="sc-areas-years">{t('scorecard.areasYears.title')}</h2>
      <p className="kl-text">{t('scorecard.areasYears.intro')}</p>
      <ChartFigure
        title={t('scorecard.areasYears.chartTitle', years)}
        summary={ownAreasSummary(of, t, lang)}
        spec={spec}
        height={barChartHeight(spec.labels, 2, narrow)}
        legend={twoYearLegend(years)}
        note={
          <p>
            {t('scorecard.areasYears.note', { from: years.from })}
            {maxChanged && ` ${t('report.areasYears.maxChanged')}`}
          </p>
        }
        table={
          <>
            <TableHead
              columns={[
                { label: t('report.area') },
                ...of.years.map((y) => ({ label: String(y), numeric: true })),
                { label: t('scorecard.areasYears.change', { year: years.from }), numeric: true },
              ]}
            />
            <tbody>
              {of.areas.map((area) => {
                const title = titleOf(area, lang);
                // On a phone an area's maximum, the same every year, stands once under the area, not
                // in each year's cell ("7 av 15"): three years then fit 390 px.
                const max = narrow ? ownAreaMax(area) : null;
                return (
                  <tr key={area.name}>
                    <th scope="row">
                      <span lang={title.lang}>{title.text}</span>
                      {max !== null && <MaxUnder max={max} />}
                    </th>
                    {of.years.map((y, i) => {
                      const cell = ownAreaCell(area, i, t, lang, { max: max === null });
                      return (
                        <td key={y} className={numClass(typeof cell === 'string')}>
                          {typeof cell === 'string' ? (
                            cell
                          ) : (
                            <>
                              {/* The space keeps the two figures apart for a screen reader. */}
                              {cell.points} <br />
                              <span className="kl-small">{cell.share}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                    <td className={numClass(area.maxChanged)}>{ownAreaChange(area, t, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </>
        }
      />
    </section>
  );
}

function LostPoints({ scorecard }: { scorecard: Scorecard }) {
  const t = useT();
  const [lang] = useLang();
  const titles = new Map(scorecard.sections.map((s) => [s.name, titleOf(s, lang)]));
  const groups = new Map<string, Scorecard['lostPoints']>();
  for (const lost of scorecard.lostPoints) {
    const group = groups.get(lost.section) ?? [];
    group.push(lost);
    groups.set(lost.section, group);
  }
  const lost = lostSummary(scorecard);
  return (
    <section className="kl-section" aria-labelledby="sc-lost">
      <h2 id="sc-lost">{t('scorecard.lost.title')}</h2>
      {scorecard.lostPoints.length === 0 ? (
        <p>{t('scorecard.lost.none')}</p>
      ) : (
        <>
          <p className="kl-text">
            {lost.questions > 0 &&
              t('scorecard.lost.intro', {
                count: lost.questions,
                points: formatDecimal(lost.questionPoints, lang),
              })}
            {/* The area points only the kansli awards (S6) are no question: counted apart, so the sums hold. */}
            {lost.questions > 0 && lost.reviewPoints > 0 && ' '}
            {lost.reviewPoints > 0 && t('scorecard.lost.review', { points: formatDecimal(lost.reviewPoints, lang) })}
          </p>
          <table className="kl-table kl-lost">
            <caption className="visually-hidden">{t('scorecard.lost.title')}</caption>
            <TableHead
              columns={[
                { label: t('report.question') },
                { label: t('scorecard.col.pointsShort'), numeric: true },
                { label: t('scorecard.col.maxShort'), numeric: true },
              ]}
            />
            {[...groups].map(([section, questions]) => (
              <tbody key={section}>
                <tr className="kl-group-row">
                  <th scope="rowgroup" colSpan={3} lang={titles.get(section)?.lang}>
                    {titles.get(section)?.text ?? section}
                  </th>
                </tr>
                {questions.map((q) => (
                  <tr key={q.name}>
                    <th scope="row">
                      <span lang={titleOf(q, lang).lang}>{titleOf(q, lang).text}</span>
                      {q.computedPoints !== undefined && (
                        <span className="kl-small kl-override">
                          {' '}
                          {t('scorecard.lost.override', { computed: formatDecimal(q.computedPoints, lang) })}
                        </span>
                      )}
                    </th>
                    <td className="num">{formatDecimal(q.points, lang)}</td>
                    <td className="num">{formatDecimal(q.max, lang)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </>
      )}
    </section>
  );
}

function EmissionOutcomeView({
  outcome,
  source,
}: {
  outcome: NonNullable<Scorecard['emissionOutcome']>;
  source: Scorecard['emissionOutcomeSource'];
}) {
  const t = useT();
  const [lang] = useLang();
  const basis =
    outcome.changeBasis === 'perInhabitant' ? t('scorecard.outcome.perInhabitant') : t('scorecard.outcome.total');
  return (
    <section className="kl-section" aria-labelledby="sc-outcome">
      <h2 id="sc-outcome">{t('scorecard.outcome.title')}</h2>
      <p className="kl-text">
        {t('scorecard.outcome.intro')}{' '}
        {/* Which emissions: those the year was published with, or today's (which later imports change). */}
        {source?.source === 'published' && source.publishedAt
          ? t('scorecard.outcome.published', { date: formatDate(source.publishedAt, lang) })
          : source?.source === 'live'
            ? t('scorecard.outcome.current')
            : null}
      </p>
      <dl className="kl-figures kl-figures-outcome">
        <KeyFigure
          term={t('scorecard.outcome.latest', { year: outcome.latestYear })}
          value={
            outcome.perInhabitant === null
              ? '–'
              : t('report.tonnes', { value: formatDecimal(outcome.perInhabitant, lang) })
          }
          note={t('scorecard.outcome.perInhabitantUnit')}
        />
        <KeyFigure
          term={t('scorecard.outcome.since1990')}
          value={outcome.changeSince1990 === null ? '–' : formatChange(outcome.changeSince1990, lang)}
          note={basis}
        />
        <KeyFigure
          term={t('scorecard.outcome.fiveYears')}
          value={outcome.change5y === null ? '–' : formatChange(outcome.change5y, lang)}
          note={basis}
        />
        <KeyFigure
          term={t('scorecard.outcome.points')}
          value={t('report.ofTotal', {
            count: formatDecimal(outcome.points, lang),
            total: formatDecimal(outcome.max, lang),
          })}
          note={t('scorecard.outcome.separate')}
        />
      </dl>
      <OutcomeScale />
    </section>
  );
}

/** Utfall without emissions: one line, so a member can tell no data from a missing feature. */
function NoOutcome({ scorecard, organisation }: { scorecard: Scorecard; organisation: string }) {
  const t = useT();
  const [lang] = useLang();
  const missing = missingOutcome(scorecard);
  if (!missing) return null;
  return (
    <section className="kl-section" aria-labelledby="sc-outcome">
      <h2 id="sc-outcome">{t('scorecard.outcome.title')}</h2>
      <p className="kl-text">
        {missing.publishedAt
          ? t('scorecard.outcome.nonePublished', { organisation, date: formatDate(missing.publishedAt, lang) })
          : t('scorecard.outcome.none', { organisation })}
      </p>
    </section>
  );
}

/** How Utfall gives 3, 2 or 1 points per part, from the scoring rules themselves. */
function OutcomeScale() {
  const t = useT();
  const [lang] = useLang();
  const terms = {
    level: t('scorecard.outcome.level'),
    since1990: t('scorecard.outcome.since1990'),
    fiveYears: t('scorecard.outcome.fiveYears'),
  };
  return (
    <table className="kl-table">
      <caption>{t('scorecard.outcome.scaleTitle')}</caption>
      <TableHead
        columns={[
          { label: t('scorecard.outcome.part') },
          ...[3, 2, 1].map((count) => ({ label: t('scorecard.outcome.pointsColumn', { count }) })),
        ]}
      />
      <tbody>
        {outcomeScale().map(({ part, steps }) => (
          <tr key={part}>
            <th scope="row">{terms[part]}</th>
            {steps.map((step) => (
              <td key={step.points}>
                ≤{' '}
                {part === 'level'
                  ? t('report.tonnes', { value: formatDecimal(step.atMost, lang) })
                  : formatChange(step.atMost, lang)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4} className="kl-small">
            {t('scorecard.outcome.scaleNote')}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** One key figure in a `kl-figures` list: what it is, the figure, and a line about it. */
/**
 * The organisation's share of the maximum in each year it has a result, beside its type's mean. The
 * other years' scorecards are read after the page shows (one request each; a member has a handful).
 */
function OverTheYears({
  scorecard,
  otherYears,
  years,
  organisation,
}: {
  scorecard: Scorecard;
  otherYears: number[];
  years: PublishedYear[];
  organisation: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const narrow = useScreenWidth() === 'narrow';
  const [others] = useAsync(
    () => Promise.all(otherYears.map((y) => apiClient.scorecard(y).catch(() => null))),
    [otherYears.join()],
  );
  const rows = useMemo(
    () =>
      others.status === 'ready'
        ? scorecardHistory([scorecard, ...others.value.filter((c): c is Scorecard => c !== null)], years)
        : [],
    [others, scorecard, years],
  );
  const typeKey = scorecard.organisationType;
  const compared = rows.some((r) => r.networkMean !== null);
  const spec = useMemo<ChartSpec>(
    () => ({
      compact: narrow,
      labels: rows.map((r) => String(r.year)),
      series: [
        {
          label: t('scorecard.you'),
          values: rows.map((r) => r.share),
          style: 'primary',
          valueLabels: rows.map((r) => formatPercent(r.share, lang)),
        },
        ...(compared
          ? ([
              {
                label: t(`scorecard.networkMean.${typeKey}`),
                values: rows.map((r) => r.networkMean),
                style: 'secondary',
                valueLabels: rows.map((r) => (r.networkMean === null ? null : formatPercent(r.networkMean, lang))),
              },
            ] as const)
          : []),
      ],
      axis: { min: 0, max: 1, format: (v) => formatPercent(v, lang), title: t('scorecard.history.share') },
    }),
    [rows, lang, t, narrow, compared, typeKey],
  );
  // Nothing to compare until a second year has loaded; a failed read leaves the rest of the page be.
  if (rows.length < 2) return null;
  return (
    <section className="kl-section sc-dense" aria-labelledby="sc-years">
      <h2 id="sc-years">{t('scorecard.history.title')}</h2>
      <p className="kl-text">
        {t('scorecard.history.intro', { type: t(`report.type.${typeKey}`).toLocaleLowerCase(lang) })}
      </p>
      <ChartFigure
        title={t('scorecard.history.chartTitle')}
        summary={historySummary(rows, organisation, t, lang)}
        spec={spec}
        height={narrow ? 260 : 300}
        legend={[
          { label: t('scorecard.you'), style: 'primary' },
          ...(compared ? ([{ label: t(`scorecard.networkMean.${typeKey}`), style: 'secondary' }] as const) : []),
        ]}
        table={
          <>
            <TableHead
              columns={[
                { label: t('report.year') },
                { label: t('scorecard.col.pointsShort'), numeric: true },
                { label: t('scorecard.history.share'), numeric: true },
                { label: t('scorecard.band') },
                compared && { label: t(`scorecard.networkMean.${typeKey}`), numeric: true },
              ]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row">
                    {r.year === scorecard.year ? t('scorecard.history.thisYear', { year: r.year }) : r.year}
                  </th>
                  <td className="num">
                    {t('report.ofTotal', { count: formatDecimal(r.total, lang), total: formatDecimal(r.max, lang) })}
                  </td>
                  <td className="num">{formatPercent(r.share, lang)}</td>
                  <td>{r.band ?? t('report.bands.none')}</td>
                  {compared && (
                    <td className={numClass(r.networkMean === null)}>
                      {r.networkMean === null ? t('report.withheld') : formatPercent(r.networkMean, lang)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </>
        }
      />
    </section>
  );
}

function KeyFigure({ term, value, note }: { term: ReactNode; value: ReactNode; note: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <span className="kl-big">{value}</span>
        <span className="kl-small">{note}</span>
      </dd>
    </div>
  );
}

interface Column {
  /** Also the header's key: unique within a table. */
  label: string;
  /** Right-aligned, like the column's numbers. */
  numeric?: boolean;
}

/** A table's header row; `false` leaves out a column that does not apply. */
function TableHead({ columns }: { columns: Array<Column | false> }) {
  return (
    <thead>
      <tr>
        {columns.map(
          (column) =>
            column && (
              <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
