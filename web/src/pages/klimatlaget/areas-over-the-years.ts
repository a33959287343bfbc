import type { AreasOfType } from '../../../../shared/klimatlaget/over-the-years';
import type { TextPart } from '../../components/charts/chart-spec';
import { type Lang, type Translate, titleOf } from '../../i18n';
import { formatPercent, formatPointChange } from '../../lib/format';

/**
 * The two years the areas' chart sets side by side: this report's year and the compared year
 * before it (after it, when this report's year is the first). The table shows every year.
 */
export function chartYears(of: AreasOfType, reportYear: number): { from: number; to: number } {
  const at = of.years.indexOf(reportYear);
  const to = at === -1 ? of.years.length - 1 : Math.max(at, 1);
  return { from: of.years[to - 1]!, to: of.years[to]! };
}

/** The mean of an area in a year, or null when the area was not in that year's survey or is withheld. */
export function meanIn(area: AreasOfType['areas'][number], year: number): number | null {
  return area.years.find((cell) => cell?.year === year)?.mean ?? null;
}

/** A cell of the table: the mean, "withheld", or that the survey had no such area that year. */
export function cellText(area: AreasOfType['areas'][number], index: number, t: Translate, lang: Lang): string {
  const cell = area.years[index];
  if (!cell) return t('report.areasYears.notInSurvey');
  return cell.mean === null ? t('report.withheld') : formatPercent(cell.mean, lang);
}

/** The change column: share points, or why there is none. */
export function changeText(area: AreasOfType['areas'][number], t: Translate, lang: Lang): string {
  if (area.maxChanged) return t('report.areasYears.maxChangedCell');
  return area.change === null ? '–' : formatPointChange(area.change, lang);
}

/** The chart in words: each area's mean in the two years, in the chart's order. */
export function areasSummary(
  of: AreasOfType,
  years: { from: number; to: number },
  t: Translate,
  lang: Lang,
): TextPart[] {
  const value = (mean: number | null) =>
    mean === null ? t('report.withheld').toLocaleLowerCase(lang) : formatPercent(mean, lang);
  const parts: TextPart[] = [`${t('report.areasYears.summary', { ...years, count: of.areas.length })} `];
  of.areas.forEach((area, i) => {
    parts.push(titleOf(area, lang));
    parts.push(
      `: ${years.from} ${value(meanIn(area, years.from))}, ${years.to} ${value(meanIn(area, years.to))}${i === of.areas.length - 1 ? '.' : '; '}`,
    );
  });
  return parts;
}
