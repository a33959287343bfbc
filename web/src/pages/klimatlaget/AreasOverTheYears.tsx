import { useMemo } from 'react';
import type { AreasOfType } from '../../../../shared/klimatlaget/over-the-years';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { barChartHeight, type ChartSpec, twoYearLegend, twoYearShareSpec } from '../../components/charts/chart-spec';
import { useLang, useT } from '../../i18n';
import { formatPercent } from '../../lib/format';
import { numClass } from '../../lib/number-cell';
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
  const years = useMemo(() => chartYears(of, year), [of, year]);
  const spec = useMemo<ChartSpec>(
    () =>
      twoYearShareSpec({
        labels: of.areas.map((area) => titleOf(area, lang).text),
        years,
        shareIn: (index, y) => meanIn(of.areas[index]!, y),
        format: (share) => formatPercent(share, lang),
        axisTitle: t('report.sections.axis'),
        screen,
      }),
    [of, years, lang, screen, t],
  );
  const maxChanged = of.areas.some((area) => area.maxChanged);
  // The class gives the table, a column per year, the denser phone layout of app.css.
  return (
    <div className="kl-areas-years">
      <ChartFigure
        title={t('report.areasYears.chartTitle', { type: typeLabel, ...years })}
        summary={areasSummary(of, years, t, lang)}
        spec={spec}
        height={barChartHeight(spec.labels, 2, narrow)}
        legend={twoYearLegend(years)}
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
                      <td key={y} className={numClass(area.years[i]?.mean == null)}>
                        {cellText(area, i, t, lang)}
                      </td>
                    ))}
                    <td className={numClass(area.maxChanged)}>{changeText(area, t, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </>
        }
      />
    </div>
  );
}
