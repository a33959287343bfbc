/**
 * chart.js, tree-shaken to the bar chart alone, and the translation of a ChartSpec into a chart.
 * Loaded with import() by ChartFigure, so chart.js never weighs on pages without charts. No tooltip
 * plugin: every bar carries its value as text, and every chart has a data table.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  LinearScale,
  type Plugin,
} from 'chart.js';
// Types only: chart-spec.ts stays with the pages' code, out of this chunk (one file fewer to load).
import type { ChartSeries, ChartSpec, LabelFont, SeriesStyle } from './chart-spec';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const INK = '#1b1f23';
const GRID = '#e3e8ec';
const REFERENCE = '#44566a';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 13;
Chart.defaults.color = INK;

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

type LabelledDataset = ChartDataset<'bar'> & { valueLabels?: Array<string | null> };

/** Writes each bar's value next to it, so the chart reads without hovering and without colour. */
const valueLabels = (compact: boolean): Plugin<'bar'> => ({
  id: 'klValueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.fillStyle = INK;
    ctx.font = `600 ${compact ? 11 : 12}px ${FONT}`;
    ctx.textAlign = horizontal ? 'left' : 'center';
    ctx.textBaseline = horizontal ? 'middle' : 'bottom';
    chart.data.datasets.forEach((dataset, index) => {
      const labels = (dataset as LabelledDataset).valueLabels;
      const meta = chart.getDatasetMeta(index);
      if (!labels || meta.hidden) return;
      meta.data.forEach((bar, i) => {
        const text = labels[i];
        if (!text) return;
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        if (horizontal) ctx.fillText(text, x + 6, y);
        else ctx.fillText(text, x, y - 5);
      });
    });
    ctx.restore();
  },
});

/** A dashed reference line (e.g. the national figure) across the plot, with its label. */
function referenceLine(reference: NonNullable<ChartSpec['reference']>): Plugin<'bar'> {
  return {
    id: 'klReference',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      const scale = chart.scales[horizontal ? 'x' : 'y'];
      if (!scale) return;
      const at = scale.getPixelForValue(reference.value);
      ctx.save();
      ctx.strokeStyle = REFERENCE;
      ctx.lineWidth = 2;
      ctx.setLineDash([7, 5]);
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(at, chartArea.top);
        ctx.lineTo(at, chartArea.bottom);
      } else {
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right, at);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `600 12px ${FONT}`;
      const width = ctx.measureText(reference.label).width;
      const x = horizontal ? at + 4 : chartArea.right - width - 4;
      const y = horizontal ? chartArea.top + 2 : at - 4;
      // A white backing keeps the label legible where it crosses a bar.
      ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fillRect(x - 3, y - 14, width + 6, 17);
      ctx.fillStyle = INK;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(reference.label, x, y + 2);
      ctx.restore();
    },
  };
}

function dataset(spec: ChartSpec, series: ChartSeries): LabelledDataset {
  const style = STYLE[series.style];
  const styles = series.barStyles;
  const grouped = spec.series.length > 1;
  return {
    label: series.label,
    data: series.values,
    backgroundColor: styles ? styles.map(fillOf) : fillOf(series.style),
    borderColor: styles ? styles.map((s) => STYLE[s].stroke) : style.stroke,
    borderWidth: styles ? styles.map((s) => (s === 'primary' ? 0 : 1.5)) : series.style === 'primary' ? 0 : 1.5,
    borderSkipped: false,
    maxBarThickness: grouped ? 18 : 28,
    categoryPercentage: grouped ? 0.8 : 0.7,
    barPercentage: 0.9,
    valueLabels: series.valueLabels,
  };
}

export function chartConfig(spec: ChartSpec, labelFont: LabelFont): ChartConfiguration<'bar'> {
  const horizontal = spec.horizontal === true;
  const { axis } = spec;
  const valueAxis = {
    type: 'linear' as const,
    min: axis.min,
    max: axis.max,
    beginAtZero: true,
    grace: spec.reference ? '5%' : 0,
    suggestedMax: spec.reference ? spec.reference.value : undefined,
    grid: { color: GRID },
    border: { display: false },
    ticks: {
      color: INK,
      precision: axis.integer ? 0 : undefined,
      maxTicksLimit: spec.compact ? 5 : 6,
      font: { size: spec.compact ? 11 : 13 },
      callback: (value: number | string) => (axis.format ? axis.format(Number(value)) : String(value)),
    },
    title: axis.title
      ? { display: true, text: axis.title, color: INK, font: { size: spec.compact ? 11 : 13 } }
      : { display: false },
  };
  const categoryAxis = {
    type: 'category' as const,
    grid: { display: false },
    border: { color: '#8a959f' },
    ticks: {
      color: INK,
      autoSkip: false,
      maxRotation: 0,
      font: labelFont,
    },
  };
  const withLabels = spec.series.some((s) => s.valueLabels);
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets: spec.series.map((s) => dataset(spec, s)) },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Sharp on high-density screens and on paper.
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      layout: { padding: withLabels ? (horizontal ? { right: 48, top: 4 } : { top: 22 }) : 4 },
      events: [],
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    plugins: [valueLabels(spec.compact === true), ...(spec.reference ? [referenceLine(spec.reference)] : [])],
  };
}

/** `labelFont` is chart-spec's labelFont(spec.compact): the metrics barChartHeight sized the chart with. */
export function createChart(canvas: HTMLCanvasElement, spec: ChartSpec, labelFont: LabelFont): Chart<'bar'> {
  return new Chart(canvas, chartConfig(spec, labelFont));
}
