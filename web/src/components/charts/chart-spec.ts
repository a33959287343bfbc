/**
 * What a chart shows, as plain data. Pages describe their charts with these types; only
 * chart-setup.ts (loaded lazily, with Chartist) draws them.
 */

import type { ScreenWidth } from '../../lib/use-screen-width';

/**
 * How a series is drawn. Solid and hatched fills tell series apart without relying on colour,
 * and every chart has an HTML legend with the same swatches.
 */
export type SeriesStyle = 'primary' | 'secondary' | 'hatched' | 'muted';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  style: SeriesStyle;
  /** Bars only: a style per bar, overriding `style` (e.g. "no band" hatched among solid bands). */
  barStyles?: SeriesStyle[];
  /** The text written at the end of each bar; none when omitted. */
  valueLabels?: Array<string | null>;
}

/**
 * A chart's title or summary. Its parts may be in another language than the page: a survey text
 * shown in Swedish on an English page (a report without English texts) is a part with `lang: 'sv'`,
 * which ChartFigure tags, so the mix of languages can be told apart.
 */
export type TextPart = string | { text: string; lang?: 'sv' | undefined };
export type ChartText = string | readonly TextPart[];

/** The text without its language tags, e.g. for a test or a plain string. */
export function plainText(text: ChartText): string {
  return typeof text === 'string' ? text : text.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/** Every chart is a bar chart (Chartist's BarChart only: the smallest build that does the job). */
export interface ChartSpec {
  /** Bars run left to right, with the category labels on the left. */
  horizontal?: boolean;
  /** Smaller type for narrow screens. */
  compact?: boolean;
  /** Category labels; an array is drawn as several lines. */
  labels: Array<string | string[]>;
  series: ChartSeries[];
  /** A dashed line across the chart at `value` on the value axis, labelled (e.g. the national figure). */
  reference?: { value: number; label: string };
  /** The value axis. */
  axis: {
    min?: number;
    max?: number;
    /** Whole numbers only on the ticks (counts). */
    integer?: boolean;
    /** Formats a tick value, e.g. 0.25 → "25 %". */
    format?: (value: number) => string;
    title?: string;
  };
}

/** The swatch an HTML legend shows for a style (or the reference line); the CSS draws the same fills. */
export const LEGEND_CLASS: Record<SeriesStyle | 'reference', string> = {
  reference: 'kl-swatch kl-swatch-reference',
  primary: 'kl-swatch kl-swatch-primary',
  secondary: 'kl-swatch kl-swatch-secondary',
  hatched: 'kl-swatch kl-swatch-hatched',
  muted: 'kl-swatch kl-swatch-muted',
};

/** Breaks a long label into lines of at most `width` characters, at spaces. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The characters a category label's line holds at a screen width: the `width` of `wrapLabel`. */
export function labelWidth(screen: ScreenWidth): number {
  return { narrow: 18, medium: 28, wide: 34 }[screen];
}

/**
 * Horizontal bars of each category's share of its maximum in two years, the earlier muted: the
 * areas-over-the-years charts of the public report and of a member's scorecard.
 */
export function twoYearShareSpec(input: {
  labels: readonly string[];
  years: { from: number; to: number };
  /** A category's share in a year, or null when it has none. */
  shareIn: (index: number, year: number) => number | null;
  format: (share: number) => string;
  axisTitle: string;
  screen: ScreenWidth;
}): ChartSpec {
  const { years, shareIn, format, screen } = input;
  return {
    horizontal: true,
    compact: screen === 'narrow',
    labels: input.labels.map((label) => wrapLabel(label, labelWidth(screen))),
    series: [years.from, years.to].map((year, i) => {
      const values = input.labels.map((_, index) => shareIn(index, year));
      return {
        label: String(year),
        values,
        style: i === 0 ? 'muted' : 'primary',
        valueLabels: values.map((share) => (share === null ? null : format(share))),
      };
    }),
    axis: { min: 0, max: 1, format, title: input.axisTitle },
  };
}

/** The legend of `twoYearShareSpec`'s chart. */
export function twoYearLegend(years: { from: number; to: number }): Array<{ label: string; style: SeriesStyle }> {
  return [
    { label: String(years.from), style: 'muted' },
    { label: String(years.to), style: 'primary' },
  ];
}

/** Font size (px) and line height (a multiple of the size) of category labels. */
export interface LabelFont {
  size: number;
  lineHeight: number;
}

export function labelFont(compact = false): LabelFont {
  return { size: compact ? 11 : 13, lineHeight: 1.25 };
}

/**
 * Height in CSS pixels of a horizontal bar chart. chart-setup.ts gives every category the same band, so
 * the band must fit the label with the most lines (and `series` bars side by side).
 */
export function barChartHeight(labels: ReadonlyArray<string | string[]>, series: number, compact = false): number {
  const lines = Math.max(1, ...labels.map((label) => (Array.isArray(label) ? label.length : 1)));
  const font = labelFont(compact);
  const line = font.size * font.lineHeight;
  const band = Math.max(lines * line + 12, series * 20 + 12);
  return labels.length * band + 60;
}
