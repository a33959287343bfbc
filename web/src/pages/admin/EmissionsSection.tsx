import { type ReactNode, useId, useState } from 'react';
import { Link } from 'wouter';
import type { SectorId } from '../../../../shared/emissions-import/sectors';
import { useLang } from '../../i18n';
import { formatDecimal, formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { adminApi } from './api';
import { AsyncContent, DataTable } from './components';
import { type AdminKey, useAdminT } from './i18n';
import {
  type Bar,
  bars,
  type EmissionsOverview,
  emissionsOverview,
  sectorsOfYear,
  TERRITORIAL_SECTORS,
  trendYears,
} from './lib/emissions';
import './i18n/organisation';

/**
 * "Utsläpp (Sustainable Advantage)" on an organisation's page: the imported figures as two bar
 * charts drawn with plain HTML (the total per year, and one year by sector) and a sector × year
 * table. HTML bars with their values written beside them need no canvas.
 */
export function EmissionsSection({ code, name }: { code: string; name: string }) {
  const t = useAdminT();
  const [state, reload] = useAsync(() => adminApi.organisationEmissions(code), [code]);
  return (
    <section aria-labelledby="emissions-heading" className="org-emissions">
      <div className="section-head">
        <h2 id="emissions-heading">{t('emissions.heading')}</h2>
      </div>
      <p className="muted">{t('emissions.intro')}</p>
      <AsyncContent state={state} onRetry={reload}>
        {(rows) =>
          rows.length === 0 ? (
            <div className="notice">
              <p>{t('emissions.empty', { name })}</p>
              <p>
                <Link href="/import">{t('emissions.importLink')}</Link>
              </p>
            </div>
          ) : (
            <EmissionsFigures overview={emissionsOverview(rows)} count={rows.length} name={name} />
          )
        }
      </AsyncContent>
    </section>
  );
}

function EmissionsFigures({ overview, count, name }: { overview: EmissionsOverview; count: number; name: string }) {
  const t = useAdminT();
  const [lang] = useLang();
  const latest = overview.years.at(-1) as number;
  const [year, setYear] = useState(latest);
  const shownYear = overview.years.includes(year) ? year : latest;
  const selectId = useId();
  const tonnes = (value: number) => formatDecimal(value, lang, 0);
  const sectorName = (sector: SectorId) => t(`emissions.sector.${sector}` as AdminKey);

  const trend = trendYears(overview);
  const trendBars = bars(trend.map((total) => ({ key: total.year, value: total.tonnes })));
  const sectorBars = sectorsOfYear(overview, shownYear);
  const top = sectorBars[0];
  const hasPopulation = overview.totals.some((total) => total.perInhabitant !== undefined);

  return (
    <>
      <p>
        {t(overview.importIds.length === 1 ? 'emissions.sourceOne' : 'emissions.source', {
          count: formatNumber(count, lang),
          imports: overview.importIds.length,
          from: overview.years[0] ?? latest,
          to: latest,
        })}
        {overview.replaced > 0 && <> {t('emissions.replaced', { count: formatNumber(overview.replaced, lang) })}</>}{' '}
        <Link href="/import">{t('emissions.importsLink')}</Link>
      </p>

      <div className="emissions-charts">
        <BarFigure
          title={t('emissions.trendTitle')}
          summary={t('emissions.trendSummary', {
            name,
            from: trend[0]?.year ?? latest,
            to: latest,
            first: tonnes(trend[0]?.tonnes ?? 0),
            last: tonnes(trend.at(-1)?.tonnes ?? 0),
          })}
          note={
            <>
              {t('emissions.totalNote')}
              {trend.length < overview.years.length && <> {t('emissions.trendNote', { count: trend.length })}</>}
            </>
          }
          bars={trendBars}
          label={(bar) => String(bar.key)}
          value={(bar) => tonnes(bar.value)}
        />
        <BarFigure
          title={t('emissions.sectorTitle', { year: shownYear })}
          summary={
            top
              ? t('emissions.sectorSummary', {
                  name,
                  year: shownYear,
                  top: sectorName(top.key),
                  value: tonnes(top.value),
                })
              : t('emissions.sectorTitle', { year: shownYear })
          }
          note={
            overview.years.length > 1 && (
              <span className="afield afield-inline">
                <label htmlFor={selectId}>{t('emissions.yearLabel')}</label>{' '}
                <select id={selectId} value={shownYear} onChange={(e) => setYear(Number(e.target.value))}>
                  {[...overview.years].reverse().map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </span>
            )
          }
          bars={sectorBars}
          label={(bar) => sectorName(bar.key)}
          value={(bar) => tonnes(bar.value)}
        />
      </div>

      <DataTable
        label={t('emissions.tableLabel')}
        caption={t('emissions.tableTitle')}
        className="compact emissions-table"
        columns={[
          { label: t('emissions.sector'), minWidth: '12rem' },
          ...overview.years.map((y) => ({ label: String(y), numeric: true })),
        ]}
        foot={
          <>
            <tr>
              <th scope="row">{t('emissions.total')}</th>
              {overview.totals.map((total) => (
                <td key={total.year} className="num">
                  <strong>{tonnes(total.tonnes)}</strong>
                  {total.sectors < TERRITORIAL_SECTORS && (
                    <span className="muted nowrap">
                      <br />
                      {t('emissions.partial', { count: total.sectors, all: TERRITORIAL_SECTORS })}
                    </span>
                  )}
                </td>
              ))}
            </tr>
            {hasPopulation && (
              <>
                <tr>
                  <th scope="row">{t('emissions.population')}</th>
                  {overview.totals.map((total) => (
                    <td key={total.year} className="num">
                      {total.population === undefined ? <Missing /> : formatNumber(total.population, lang)}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t('emissions.perInhabitant')}</th>
                  {overview.totals.map((total) => (
                    <td key={total.year} className="num">
                      {total.perInhabitant === undefined ? <Missing /> : formatDecimal(total.perInhabitant, lang, 2)}
                    </td>
                  ))}
                </tr>
              </>
            )}
          </>
        }
      >
        {overview.sectors.map((sector) => (
          <tr key={sector}>
            <th scope="row">{sectorName(sector)}</th>
            {overview.years.map((y) => {
              const value = overview.value(sector, y);
              return (
                <td key={y} className="num">
                  {value === undefined ? <Missing /> : tonnes(value)}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** A dash for the eye, words for a screen reader. */
function Missing() {
  const t = useAdminT();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('emissions.missing')}</span>
    </>
  );
}

/**
 * Horizontal bars in plain HTML, each with its label and value written out, so neither colour nor
 * length is the only cue. The bars are one image to assistive technology, named by `summary`; the
 * table below has every figure.
 */
function BarFigure<K extends string | number>({
  title,
  summary,
  note,
  bars: items,
  label,
  value,
}: {
  title: string;
  summary: string;
  note?: ReactNode;
  bars: Array<Bar<K>>;
  label: (bar: Bar<K>) => string;
  value: (bar: Bar<K>) => string;
}) {
  const titleId = useId();
  return (
    <figure className="chart-figure emissions-figure" aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId} className="emissions-figure-title">
          {title}
        </h3>
        {note && <p className="muted">{note}</p>}
      </figcaption>
      <div className="status-bars emissions-bars" role="img" aria-label={summary}>
        {items.map((bar) => (
          <div className="status-bar-row emissions-bar-row" key={String(bar.key)}>
            <span className="status-bar-label">{label(bar)}</span>
            <span className="status-bar-track">
              <span
                className="status-bar-fill"
                style={{ width: `${Math.max(bar.share * 100, bar.value > 0 ? 0.5 : 0)}%` }}
              />
            </span>
            <span className="status-bar-value">{value(bar)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
