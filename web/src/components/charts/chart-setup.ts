/**
 * Draws a ChartSpec as SVG with Chartist's bar chart (MIT, ~12 KB gzip). Loaded with import() by
 * ChartFigure, so no page waits for it. Chartist lays out the plot, the axes, the grid and the bars
 * and redraws on resize; its `draw` and `created` events add what our charts have on top: bars as
 * outlined rectangles (hatched fills from an SVG <pattern>), each bar's value beside it, the dashed
 * reference line with its label and the axis title. No interaction: every bar carries its value as
 * text, and every chart has a data table.
 */
import {
  type AxisOptions,
  type AxisUnits,
  BarChart,
  type ChartRect,
  FixedScaleAxis,
  type NormalizedSeries,
  Svg,
} from 'chartist';
import type { ChartSpec, LabelFont, SeriesStyle } from './chart-spec';

/** Gap between a tick label and the plot, and the axis title's margin. */
const TICK_PADDING = 8;
const TITLE_PADDING = 4;
/** Chartist keeps 10 px of an axis's offset free between its labels and the plot (and 5 above x labels). */
const LABEL_GAP = 10;

/** Fill and outline of each style. Outlines give ≥ 3:1 against white even where the fill is light. */
const STYLE: Record<SeriesStyle, { fill: string; stroke: string; hatch?: boolean }> = {
  primary: { fill: '#14614a', stroke: '#14614a' },
  secondary: { fill: '#b9c6d2', stroke: '#44566a' },
  hatched: { fill: '#ffffff', stroke: '#44566a', hatch: true },
  muted: { fill: '#ffffff', stroke: '#5f6b77', hatch: true },
};

/** 1, 2 or 5 times a power of ten, at least `range` (the steps people read easily). */
function niceNum(range: number): number {
  const rounded = Math.round(range);
  const r = Math.abs(range - rounded) < range / 1000 ? rounded : range;
  const power = 10 ** Math.floor(Math.log10(r));
  const fraction = r / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** The value axis's ticks: from 0 (or axis.min) to a round number at or above the largest value. */
export function valueTicks(spec: ChartSpec, length: number, horizontalAxis: boolean): number[] {
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const { axis } = spec;
  let min = axis.min ?? Math.min(0, ...values);
  let max = axis.max ?? Math.max(0, ...values, spec.reference?.value ?? 0);
  if (axis.max === undefined && spec.reference) max += (max - min) * 0.05;
  if (max <= min) max = min + 1;
  // About one tick per 40 px across, per 16 px up (the label's height), at most 6 (5 when compact).
  const room = Math.ceil(length / (horizontalAxis ? 40 : 16));
  const count = Math.max(2, Math.min(spec.compact ? 5 : 6, room));
  let step = niceNum((max - min) / (count - 1));
  if (axis.integer) step = Math.max(1, Math.ceil(step));
  if (axis.min === undefined) min = Math.floor(min / step) * step;
  if (axis.max === undefined) max = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step < max - step / 1000; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  ticks.push(max);
  return ticks;
}

/**
 * How far to move a label centred at `centre`, `textWidth` wide, so that it lies within 0..`edge`
 * (the SVG's width) with a pixel to spare: 0 for one that fits, negative to move left.
 */
export function labelShift(centre: number, textWidth: number, edge: number): number {
  const half = textWidth / 2;
  if (centre + half > edge - 1) return edge - 1 - (centre + half);
  if (centre - half < 1) return 1 - (centre - half);
  return 0;
}

const linesOf = (label: string | string[]) => (Array.isArray(label) ? label : [label]);

/** Text widths in the container's font, for the room the category and tick labels need. */
function measurer(container: HTMLElement): (text: string, size: number) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(container).fontFamily;
  return (text, size) => {
    if (!ctx) return text.length * size * 0.6;
    ctx.font = `${size}px ${family}`;
    return ctx.measureText(text).width;
  };
}

let chartCount = 0;

/**
 * Draws `spec` into `container` (ChartFigure's `.kl-chart`, the size of its box) as SVG. Chartist
 * redraws it when the window's size changes; `update()` redraws it after it was hidden.
 * `labelFont` is chart-spec's labelFont(spec.compact): the metrics barChartHeight sized the chart with.
 */
export function createChart(
  container: HTMLElement,
  spec: ChartSpec,
  labelFont: LabelFont,
): { update(): void; destroy(): void } {
  const horizontal = spec.horizontal === true;
  const compact = spec.compact === true;
  container.classList.toggle('kl-chart-compact', compact);
  const tickSize = compact ? 11 : 13;
  const labelLine = labelFont.size * labelFont.lineHeight;
  const withLabels = spec.series.some((s) => s.valueLabels);
  const title = spec.axis.title;
  const titleSpace = title ? tickSize * 1.2 + 2 * TITLE_PADDING : 0;
  const format = spec.axis.format ?? String;
  const measure = measurer(container);
  const count = spec.labels.length;
  const seriesCount = spec.series.length;
  const id = `kl-chart-${++chartCount}`;

  const pad = withLabels
    ? horizontal
      ? { top: 4, right: 48, bottom: 0, left: 0 }
      : { top: 22, right: 4, bottom: 0, left: 0 }
    : { top: 4, right: 4, bottom: 4, left: 4 };
  // Across a horizontal chart the reference line's label sits above the plot: room for it.
  if (horizontal && spec.reference) pad.top += 16;
  // The axis title sits in the padding: under the value ticks, or turned up the left side.
  if (horizontal) pad.bottom += titleSpace;
  else pad.left += titleSpace;

  // The category labels' room: their widest line on the left, or their lines under the plot.
  const categoryOffset = horizontal
    ? Math.ceil(Math.max(0, ...spec.labels.flatMap((l) => linesOf(l).map((line) => measure(line, labelFont.size))))) +
      LABEL_GAP
    : Math.max(1, ...spec.labels.map((l) => linesOf(l).length)) * labelLine + TICK_PADDING + LABEL_GAP;
  // The value ticks' room: a line under a horizontal chart; the widest tick on the left of an upright
  // one (the ticks its fixed height allows).
  let valueOffset = tickSize * 1.25 + TICK_PADDING;
  if (!horizontal) {
    const height = Number.parseFloat(container.parentElement?.style.height ?? '') || container.clientHeight || 300;
    const ticks = valueTicks(spec, height - pad.top - pad.bottom - categoryOffset, false);
    valueOffset = Math.ceil(Math.max(...ticks.map((v) => measure(format(v), tickSize)))) + LABEL_GAP;
  } else {
    // The last tick's label is centred on the plot's right edge: half of it must fit in the padding.
    const last = valueTicks(spec, container.clientWidth || 300, true).at(-1) ?? 0;
    pad.right = Math.max(pad.right, Math.ceil(measure(format(last), tickSize) / 2) + 6);
  }

  /** The value axis: Chartist's fixed scale on our ticks (valueTicks), as many as the plot's length allows. */
  class ValueAxis extends FixedScaleAxis {
    constructor(units: AxisUnits, data: NormalizedSeries[], rect: ChartRect, options: AxisOptions) {
      const across = units.pos === 'x';
      const ticks = valueTicks(spec, across ? rect.width() : rect.height(), across);
      super(units, data, rect, {
        ...options,
        ticks,
        highLow: { low: ticks[0] as number, high: ticks.at(-1) as number },
      });
    }
  }

  const valueAxis: AxisOptions = {
    type: ValueAxis,
    offset: valueOffset,
    showGrid: true,
    labelInterpolationFnc: (value) => format(Number(value)),
    // Across: a gap under the plot as on the category axis; up: centred on the tick.
    labelOffset: horizontal ? { x: 0, y: TICK_PADDING - 5 } : { x: 0, y: labelLine / 2 },
  };
  const categoryAxis: AxisOptions = {
    offset: categoryOffset,
    showGrid: false,
    labelOffset: horizontal ? { x: 0, y: 0 } : { x: 0, y: TICK_PADDING - 5 },
  };
  // Chartist stacks horizontal bars from the bottom: reversed, the first category is on top, as read.
  const order = <T>(values: T[]): T[] => (horizontal ? [...values].reverse() : values);
  const data = {
    labels: order(spec.labels.map((l) => linesOf(l).join('\n'))),
    series: spec.series.map((s) => order(s.values.map((v) => v ?? undefined))),
  };

  const band = (rect: ChartRect) => (horizontal ? rect.height() : rect.width()) / Math.max(1, count);
  const pending: Array<{ text: string; x: number; y: number }> = [];

  /**
   * An upright chart's category label is centred under its bar in a box as wide as the bar's band; a
   * label wider than a narrow band ("Inget betyg" at 390 px) spilled past the SVG's edge and was cut
   * off. Such a label moves in just enough to fit; one that fits its band is left where it is.
   */
  type CategoryLabelEvent = {
    axis: { units: { pos: string }; chartRect: ChartRect };
    element: Svg;
    text: string;
    x: number;
    width: number;
  };
  const keepInside = ({ axis, element, text, x, width }: CategoryLabelEvent) => {
    if (horizontal || axis.units.pos !== 'x') return;
    const textWidth = Math.max(
      0,
      ...String(text)
        .split('\n')
        .map((line) => measure(line, labelFont.size)),
    );
    const shift = labelShift(x + width / 2, textWidth, axis.chartRect.x2 + pad.right);
    if (shift !== 0) element.attr({ x: x + shift });
  };

  const chart = new BarChart(container, data, {
    horizontalBars: horizontal,
    chartPadding: pad,
    // Bars are placed in the draw event below, side by side within their category's band.
    seriesBarDistance: 0,
    axisX: horizontal ? valueAxis : categoryAxis,
    axisY: horizontal ? categoryAxis : valueAxis,
  });

  chart.on('draw', (event) => {
    if (event.type === 'label') {
      keepInside(event as unknown as CategoryLabelEvent);
      return;
    }
    if (event.type !== 'bar') return;
    const { chartRect: rect, seriesIndex: s } = event;
    const i = horizontal ? count - 1 - event.index : event.index;
    const series = spec.series[s];
    if (!series) return;
    const { x1, x2, y1, y2 } = event as unknown as { x1: number; x2: number; y1: number; y2: number };
    const grouped = seriesCount > 1;
    const size = band(rect);
    const slot = (size * (grouped ? 0.8 : 0.7)) / seriesCount;
    const thickness = Math.min(slot * 0.9, grouped ? 18 : 28);
    // Chartist gives the category's centre; series 0 goes first (top, or left).
    const centre = (horizontal ? y1 : x1) + (s - (seriesCount - 1) / 2) * slot;
    const from = horizontal ? Math.min(x1, x2) : Math.min(y1, y2);
    const length = horizontal ? Math.abs(x2 - x1) : Math.abs(y2 - y1);
    const style = series.barStyles?.[i] ?? series.style;
    const look = STYLE[style];
    // Outlined inside the bar's edges, as wide as the bar says.
    const border = style === 'primary' ? 0 : 1.5;
    const inset = border / 2;
    const box = horizontal
      ? { x: from + inset, y: centre - thickness / 2 + inset, width: length - border, height: thickness - border }
      : { x: centre - thickness / 2 + inset, y: from + inset, width: thickness - border, height: length - border };
    event.element.replace(
      new Svg('rect', {
        x: box.x,
        y: box.y,
        width: Math.max(0, box.width),
        height: Math.max(0, box.height),
        fill: look.hatch ? `url(#${id}-${style})` : look.fill,
        stroke: border ? look.stroke : 'none',
        'stroke-width': border,
      }),
    );
    const text = series.valueLabels?.[i];
    const end = horizontal ? Math.max(x1, x2) : Math.min(y1, y2);
    if (text) pending.push({ text, x: horizontal ? end + 6 : centre, y: horizontal ? centre : end - 5 });
  });

  chart.on('created', ({ svg, chartRect: rect, axisX, axisY }) => {
    // The table carries the numbers; the container is the image with the summary as its name.
    svg.attr({ 'aria-hidden': 'true', focusable: 'false' });
    // Scales with its box where Chartist does not redraw (print, a scroll bar appearing).
    svg.attr({ viewBox: `0 0 ${svg.width()} ${svg.height()}` });
    // Diagonal stripes on white, the fill of hatched bars.
    const defs = svg.elem('defs', {}, '', true);
    for (const style of ['hatched', 'muted'] as const) {
      const pattern = defs.elem('pattern', {
        id: `${id}-${style}`,
        width: 8,
        height: 8,
        patternUnits: 'userSpaceOnUse',
      });
      pattern.elem('rect', { width: 8, height: 8, fill: '#ffffff' });
      pattern.elem('path', {
        d: 'M-8,8 L0,0 M0,8 L8,0 M8,8 L16,0',
        stroke: STYLE[style].stroke,
        'stroke-width': 1.5,
      });
    }
    // The category axis: a line along the plot's edge.
    svg.elem(
      'line',
      horizontal
        ? { x1: rect.x1 + 0.5, x2: rect.x1 + 0.5, y1: rect.y2, y2: rect.y1 }
        : { x1: rect.x1, x2: rect.x2, y1: rect.y1 - 0.5, y2: rect.y1 - 0.5 },
      'kl-axis-line',
    );
    if (title) {
      const text = horizontal
        ? svg.elem(
            'text',
            {
              x: rect.x1 + rect.width() / 2,
              y: svg.height() - TITLE_PADDING,
              'text-anchor': 'middle',
              'dominant-baseline': 'text-after-edge',
            },
            'kl-axis-title',
          )
        : svg.elem(
            'text',
            {
              transform: `translate(${TITLE_PADDING + tickSize} ${rect.y2 + rect.height() / 2}) rotate(-90)`,
              'text-anchor': 'middle',
            },
            'kl-axis-title',
          );
      text.text(title);
    }
    // A dashed reference line (e.g. the national figure) across the plot, with its label.
    const reference = spec.reference;
    if (reference) {
      const axis = horizontal ? axisX : axisY;
      const p = horizontal
        ? rect.x1 + axis.projectValue(reference.value)
        : rect.y1 - axis.projectValue(reference.value);
      svg.elem(
        'line',
        horizontal ? { x1: p, x2: p, y1: rect.y2, y2: rect.y1 } : { x1: rect.x1, x2: rect.x2, y1: p, y2: p },
        'kl-reference',
      );
      svg
        .elem(
          'text',
          horizontal
            ? { x: p + 4, y: rect.y2 - 3, 'text-anchor': 'start' }
            : { x: rect.x2 - 4, y: p - 5, 'text-anchor': 'end' },
          'kl-reference-label',
        )
        .text(reference.label);
    }
    // Each bar's value beside it, so the chart reads without hovering and without colour (last, so a
    // number stays on top of the reference line).
    for (const label of pending.splice(0)) {
      svg
        .elem(
          'text',
          horizontal
            ? { x: label.x, y: label.y, 'dominant-baseline': 'central' }
            : { x: label.x, y: label.y, 'text-anchor': 'middle' },
          'kl-value',
        )
        .text(label.text);
    }
    // Tests (and anyone curious) can tell a drawn chart from one still waiting for Chartist.
    container.dataset.drawn = '';
  });

  return {
    update: () => chart.update(),
    destroy: () => chart.detach(),
  };
}
