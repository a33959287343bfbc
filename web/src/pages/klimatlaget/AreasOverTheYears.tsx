import { useMemo } from 'react';
import type { AreasOfType } from '../../../../shared/klimatlaget/over-the-years';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { barChartHeight, type ChartSpec, labelWidth, wrapLabel } from '../../components/charts/chart-spec';
import { useLang, useT } from '../../i18n';
import { formatPercent } from '../../lib/format';
import { useScreenWidth } from '../../lib/use-screen-width';
import { areasSummary, cellText, changeText, chartYears, meanIn } from './areas-over-the-years';
import { titleOf } from './report-model';

/**
 * One type's areas over the published years: which parts of the climate work moved. The chart sets
 * this report's year beside the one before; the table holds every year and the change.
 */
export function AreasOverTheYears({ of, year, typeLabel }: { of: AreasOfType; year: number; typeLabel: string }) {
  const t = useT();
  const [lang] = useLang();
  const screen = useScreenWidth();
  const narrow = screen === 'narrow';
  const years = chartYears(of, year);
  const spec = useMemo<ChartSpec>(
    () => ({
      horizontal: true,
      compact: narrow,
      labels: of.areas.map((area) => wrapLabel(titleOf(area, lang).text, labelWidth(screen))),
      series: [years.from, years.to].map((y, i) => ({
        label: String(y),
        values: of.areas.map((area) => meanIn(area, y)),
        style: i === 0 ? 'muted' : 'primary',
        valueLabels: of.areas.map((area) => {
          const mean = meanIn(area, y);
          return mean === null ? null : formatPercent(mean, lang);
        }),
      })),
      axis: { min: 0, max: 1, format: (v) => formatPercent(v, lang), title: t('report.sections.axis') },
    }),
    [of, years.from, years.to, lang, screen, narrow, t],
  );
  const maxChanged = of.areas.some((area) => area.maxChanged);
  return (
    <ChartFigure
      title={t('report.areasYears.chartTitle', { type: typeLabel, ...years })}
      summary={areasSummary(of, years, t, lang)}
      spec={spec}
      height={barChartHeight(spec.labels, 2, narrow)}
      legend={[
        { label: String(years.from), style: 'muted' },
        { label: String(years.to), style: 'primary' },
      ]}
      note={
        <p>
          {t('report.areasYears.changeNote')}
          {maxChanged && ` ${t('report.areasYears.maxChanged')}`}
        </p>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.area')}</th>
              {of.years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y === year ? t('report.years.thisYear', { year: y }) : y}
                </th>
              ))}
              <th scope="col" className="num">
                {t('report.areasYears.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {of.areas.map((area) => {
              const title = titleOf(area, lang);
              return (
                <tr key={area.name}>
                  <th scope="row" lang={title.lang}>
                    {title.text}
                  </th>
                  {of.years.map((y, i) => (
                    <td key={y} className="num">
                      {cellText(area, i, t, lang)}
                    </td>
                  ))}
                  <td className="num">{changeText(area, t, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </>
      }
    />
  );
}
