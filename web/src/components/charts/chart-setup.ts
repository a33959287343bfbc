/**
 * Draws a ChartSpec: bar charts on a canvas, with nothing but the browser's 2D context. Loaded with
 * import() by ChartFigure, so no page waits for it. Our charts are bars with a value axis, their
 * values written beside them and at most a reference line; chart.js did the same in 41 KB gzip
 * (its core alone is 38 KB), which put the English Klimatläget page at 149 of its 150 KB. No
 * interaction: every bar carries its value as text, and every chart has a data table.
 */
import type { ChartSeries, ChartSpec, LabelFont, SeriesStyle } from './chart-spec';

const INK = '#1b1f23';
const GRID = '#e3e8ec';
const AXIS = '#8a959f';
const REFERENCE = '#44566a';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Gap between a tick label and the plot, and the title's margin. */
const TICK_PADDING = 8;
const TITLE_PADDING = 4;

/** Fill and outline of each style. Outlines give ≥ 3:1 against white even where the fill is light. */
const STYLE: Record<SeriesStyle, { fill: string; stroke: string; hatch?: string }> = {
  primary: { fill: '#14614a', stroke: '#14614a' },
  secondary: { fill: '#b9c6d2', stroke: '#44566a' },
  hatched: { fill: '#ffffff', stroke: '#44566a', hatch: '#44566a' },
  muted: { fill: '#ffffff', stroke: '#5f6b77', hatch: '#5f6b77' },
};

const patterns = new Map<string, CanvasPattern | string>();

/** Diagonal stripes on white, the fill of hatched bars (drawn at 2× so print stays sharp). */
function hatch(colour: string): CanvasPattern | string {
  const cached = patterns.get(colour);
  if (cached) return cached;
  const tile = document.createElement('canvas');
  tile.width = 16;
  tile.height = 16;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 16, 16);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3;
  ctx.beginPath();
  for (const offset of [-16, 0, 16]) {
    ctx.moveTo(offset, 16);
    ctx.lineTo(offset + 16, 0);
  }
  ctx.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  if (!pattern) return colour;
  pattern.setTransform(new DOMMatrix().scale(0.5));
  patterns.set(colour, pattern);
  return pattern;
}

function fillOf(style: SeriesStyle): CanvasPattern | string {
  const s = STYLE[style];
  return s.hatch ? hatch(s.hatch) : s.fill;
}

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

const linesOf = (label: string | string[]) => (Array.isArray(label) ? label : [label]);

function draw(canvas: HTMLCanvasElement, spec: ChartSpec, labelFont: LabelFont, width: number, height: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // Sharp on high-density screens and on paper.
  const ratio = Math.max(window.devicePixelRatio || 1, 2);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);

  const horizontal = spec.horizontal === true;
  const compact = spec.compact === true;
  const tickSize = compact ? 11 : 13;
  const tickFont = `${tickSize}px ${FONT}`;
  const labelLine = labelFont.size * labelFont.lineHeight;
  const withLabels = spec.series.some((s) => s.valueLabels);
  const pad = withLabels
    ? horizontal
      ? { top: 4, right: 48, bottom: 0, left: 0 }
      : { top: 22, right: 0, bottom: 0, left: 0 }
    : { top: 4, right: 4, bottom: 4, left: 4 };
  // Across a horizontal chart the reference line's label sits above the plot: room for it.
  if (horizontal && spec.reference) pad.top += 16;
  const title = spec.axis.title;
  const titleSpace = title ? tickSize * 1.2 + 2 * TITLE_PADDING : 0;

  // The category labels' room: their width on the left, or their lines under the plot.
  ctx.font = `${labelFont.size}px ${FONT}`;
  const categoryRoom = horizontal
    ? Math.max(0, ...spec.labels.flatMap((l) => linesOf(l).map((line) => ctx.measureText(line).width))) + TICK_PADDING
    : Math.max(1, ...spec.labels.map((l) => linesOf(l).length)) * labelLine + TICK_PADDING;
  const plot = { left: pad.left, top: pad.top, right: width - pad.right, bottom: height - pad.bottom };
  if (horizontal) {
    plot.left += categoryRoom;
    plot.bottom -= tickSize * 1.2 + TICK_PADDING + titleSpace;
  } else {
    plot.bottom -= categoryRoom;
    // The value axis's labels on the left, measured on the ticks the height allows.
    ctx.font = tickFont;
    const ticks = valueTicks(spec, plot.bottom - plot.top, false);
    const format = spec.axis.format ?? String;
    plot.left += Math.max(...ticks.map((v) => ctx.measureText(format(v)).width)) + TICK_PADDING + titleSpace;
    // Room for the last category label's overhang.
    plot.right -= 4;
  }
  const plotWidth = Math.max(1, plot.right - plot.left);
  const plotHeight = Math.max(1, plot.bottom - plot.top);
  const ticks = valueTicks(spec, horizontal ? plotWidth : plotHeight, horizontal);
  const low = ticks[0] as number;
  const high = ticks.at(-1) as number;
  /** A value's position along the value axis, in CSS pixels. */
  const at = (value: number) =>
    horizontal
      ? plot.left + ((value - low) / (high - low)) * plotWidth
      : plot.bottom - ((value - low) / (high - low)) * plotHeight;

  // Grid and value ticks.
  const format = spec.axis.format ?? String;
  ctx.font = tickFont;
  ctx.fillStyle = INK;
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  for (const value of ticks) {
    const p = Math.round(at(value)) + 0.5;
    ctx.beginPath();
    if (horizontal) {
      ctx.moveTo(p, plot.top);
      ctx.lineTo(p, plot.bottom);
    } else {
      ctx.moveTo(plot.left, p);
      ctx.lineTo(plot.right, p);
    }
    ctx.stroke();
    ctx.textAlign = horizontal ? 'center' : 'right';
    ctx.textBaseline = horizontal ? 'top' : 'middle';
    if (horizontal) ctx.fillText(format(value), at(value), plot.bottom + TICK_PADDING);
    else ctx.fillText(format(value), plot.left - TICK_PADDING, at(value));
  }
  if (title) {
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    if (horizontal) {
      ctx.fillText(title, plot.left + plotWidth / 2, height - pad.bottom - TITLE_PADDING);
    } else {
      ctx.translate(pad.left + TITLE_PADDING, plot.top + plotHeight / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textBaseline = 'top';
      ctx.fillText(title, 0, 0);
    }
    ctx.restore();
  }

  // The category axis: a line along the plot's edge, and each category's label by its band.
  const band = (horizontal ? plotHeight : plotWidth) / Math.max(1, spec.labels.length);
  ctx.strokeStyle = AXIS;
  ctx.beginPath();
  if (horizontal) {
    ctx.moveTo(plot.left + 0.5, plot.top);
    ctx.lineTo(plot.left + 0.5, plot.bottom);
  } else {
    ctx.moveTo(plot.left, plot.bottom - 0.5);
    ctx.lineTo(plot.right, plot.bottom - 0.5);
  }
  ctx.stroke();
  ctx.font = `${labelFont.size}px ${FONT}`;
  ctx.fillStyle = INK;
  spec.labels.forEach((label, i) => {
    const lines = linesOf(label);
    const middle = (horizontal ? plot.top : plot.left) + band * (i + 0.5);
    lines.forEach((line, n) => {
      if (horizontal) {
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        ctx.fillText(line, plot.left - TICK_PADDING, middle + (n - (lines.length - 1) / 2) * labelLine);
      } else {
        ctx.textAlign = 'center';
        ctx.textBaseline = 'top';
        ctx.fillText(line, middle, plot.bottom + TICK_PADDING + n * labelLine);
      }
    });
  });

  // Bars, side by side within each category's band, outlined inside their edges.
  const grouped = spec.series.length > 1;
  const group = band * (grouped ? 0.8 : 0.7);
  const slot = group / spec.series.length;
  const thickness = Math.min(slot * 0.9, grouped ? 18 : 28);
  const labelsToDraw: Array<{ text: string; x: number; y: number }> = [];
  spec.series.forEach((series: ChartSeries, s) => {
    series.values.forEach((value, i) => {
      if (value === null) return;
      const style = series.barStyles?.[i] ?? series.style;
      const centre = (horizontal ? plot.top : plot.left) + band * i + (band - group) / 2 + slot * (s + 0.5);
      const from = at(Math.max(low, Math.min(high, 0)));
      const to = at(Math.max(low, Math.min(high, value)));
      const x = horizontal ? Math.min(from, to) : centre - thickness / 2;
      const y = horizontal ? centre - thickness / 2 : Math.min(from, to);
      const w = horizontal ? Math.abs(to - from) : thickness;
      const h = horizontal ? thickness : Math.abs(to - from);
      const border = style === 'primary' ? 0 : 1.5;
      if (border > 0) {
        ctx.fillStyle = STYLE[style].stroke;
        ctx.fillRect(x, y, w, h);
      }
      ctx.fillStyle = fillOf(style);
      ctx.fillRect(x + border, y + border, Math.max(0, w - 2 * border), Math.max(0, h - 2 * border));
      const text = series.valueLabels?.[i];
      if (text) labelsToDraw.push({ text, x: horizontal ? to + 6 : centre, y: horizontal ? centre : to - 5 });
    });
  });

  // A dashed reference line (e.g. the national figure) across the plot, with its label.
  const reference = spec.reference;
  if (reference) {
    const p = at(reference.value);
    ctx.save();
    ctx.strokeStyle = REFERENCE;
    ctx.lineWidth = 2;
    ctx.setLineDash([7, 5]);
    ctx.beginPath();
    if (horizontal) {
      ctx.moveTo(p, plot.top);
      ctx.lineTo(p, plot.bottom);
    } else {
      ctx.moveTo(plot.left, p);
      ctx.lineTo(plot.right, p);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = `600 12px ${FONT}`;
    const textWidth = ctx.measureText(reference.label).width;
    const x = horizontal ? p + 4 : plot.right - textWidth - 4;
    const y = horizontal ? plot.top + 2 : p - 4;
    // A white backing keeps the label legible where it crosses a bar.
    ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.fillRect(x - 3, y - 14, textWidth + 6, 17);
    ctx.fillStyle = INK;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(reference.label, x, y + 2);
    ctx.restore();
  }

  // Each bar's value beside it, so the chart reads without hovering and without colour (drawn
  // last, so a number stays on top of the reference line).
  ctx.fillStyle = INK;
  ctx.font = `600 ${compact ? 11 : 12}px ${FONT}`;
  ctx.textAlign = horizontal ? 'left' : 'center';
  ctx.textBaseline = horizontal ? 'middle' : 'bottom';
  for (const label of labelsToDraw) ctx.fillText(label.text, label.x, label.y);
}

/**
 * Draws `spec` on `canvas` at the size of its box (ChartFigure's `.kl-chart-box`: the width it
 * gets, the height it was given), and again whenever the box's width changes.
 * `labelFont` is chart-spec's labelFont(spec.compact): the metrics barChartHeight sized the chart with.
 */
export function createChart(canvas: HTMLCanvasElement, spec: ChartSpec, labelFont: LabelFont): { destroy(): void } {
  const box = canvas.parentElement as HTMLElement;
  let drawn = '';
  const redraw = () => {
    const style = getComputedStyle(box);
    const width = box.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    // The height ChartFigure set; print stylesheets size the canvas by its proportions instead.
    const height = Number.parseFloat(box.style.height) || canvas.clientHeight || 300;
    const size = `${width}x${height}`;
    if (width <= 0 || size === drawn) return;
    drawn = size;
    draw(canvas, spec, labelFont, width, height);
  };
  const observer = new ResizeObserver(redraw);
  observer.observe(box);
  redraw();
  return { destroy: () => observer.disconnect() };
}
