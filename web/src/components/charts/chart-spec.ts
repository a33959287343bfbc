/**
 * What a chart shows, as plain data. Pages describe their charts with these types; only
 * chart-setup.ts (loaded lazily, with chart.js) turns them into chart.js configurations.
 */

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
  /** The text written at the end of each bar (or above each point); none when omitted. */
  valueLabels?: Array<string | null>;
  /** Lines only: draw dashed (a reference rather than a measurement). */
  dashed?: boolean;
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  /** Bars run left to right, with the category labels on the left. */
  horizontal?: boolean;
  /** Category labels; an array is drawn as several lines. */
  labels: Array<string | string[]>;
  series: ChartSeries[];
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

/** The swatch an HTML legend shows for a style; the CSS draws the same fills. */
export const LEGEND_CLASS: Record<SeriesStyle, string> = {
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

/** Height in CSS pixels of a horizontal bar chart with these category labels and `series` bars per category. */
export function barChartHeight(labels: ReadonlyArray<string | string[]>, series: number): number {
  return labels.reduce<number>((sum, label) => {
    const lines = Array.isArray(label) ? label.length : 1;
    return sum + Math.max(lines * 17 + 14, series * 20 + 12);
  }, 48);
}
