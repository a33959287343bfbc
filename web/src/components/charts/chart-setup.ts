/**
 * chart.js, tree-shaken to bars and lines, and the translation of a ChartSpec into a chart.
 * Loaded with import() by ChartFigure, so chart.js never weighs on pages without charts.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartSeries, ChartSpec, SeriesStyle } from './chart-spec';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
);

const INK = '#1b1f23';
const GRID = '#e3e8ec';
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
  const fill = pattern ?? colour;
  if (pattern) pattern.setTransform(new DOMMatrix().scale(0.5));
  patterns.set(colour, fill);
  return fill;
}

function fillOf(style: SeriesStyle): CanvasPattern | string {
  const s = STYLE[style];
  return s.hatch ? hatch(s.hatch) : s.fill;
}

/** Writes each bar's or point's value label next to it, so the chart reads without hovering or colour. */
const valueLabels: Plugin = {
  id: 'klValueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.fillStyle = INK;
    ctx.font = `600 12px ${FONT}`;
    chart.data.datasets.forEach((dataset, index) => {
      const labels = (dataset as { valueLabels?: Array<string | null> }).valueLabels;
      const meta = chart.getDatasetMeta(index);
      if (!labels || meta.hidden) return;
      meta.data.forEach((element, i) => {
        const text = labels[i];
        if (!text) return;
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        if (horizontal) {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(text, x + 6, y);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(text, x, y - 6);
        }
      });
    });
    ctx.restore();
  },
};

function dataset(spec: ChartSpec, series: ChartSeries): ChartDataset<'bar' | 'line'> & { valueLabels?: unknown } {
  const style = STYLE[series.style];
  if (spec.kind === 'line') {
    return {
      type: 'line',
      label: series.label,
      data: series.values,
      borderColor: style.stroke,
      backgroundColor: style.stroke,
      borderWidth: series.dashed ? 2 : 3,
      borderDash: series.dashed ? [8, 6] : [],
      pointRadius: series.dashed ? 0 : 4,
      pointStyle: 'circle',
      spanGaps: true,
      valueLabels: series.valueLabels,
    };
  }
  return {
    type: 'bar',
    label: series.label,
    data: series.values,
    backgroundColor: series.barStyles ? series.barStyles.map(fillOf) : fillOf(series.style),
    borderColor: series.barStyles ? series.barStyles.map((s) => STYLE[s].stroke) : style.stroke,
    borderWidth: series.barStyles
      ? series.barStyles.map((s) => (s === 'primary' ? 0 : 1.5))
      : series.style === 'primary'
        ? 0
        : 1.5,
    borderSkipped: false,
    maxBarThickness: spec.series.length > 1 ? 18 : 26,
    categoryPercentage: spec.series.length > 1 ? 0.8 : 0.7,
    barPercentage: 0.9,
    valueLabels: series.valueLabels,
  };
}

export function chartConfig(spec: ChartSpec): ChartConfiguration {
  const horizontal = spec.kind === 'bar' && spec.horizontal === true;
  const { axis } = spec;
  const valueAxis = {
    type: 'linear' as const,
    min: axis.min,
    max: axis.max,
    beginAtZero: axis.min === undefined,
    grid: { color: GRID },
    border: { display: false },
    ticks: {
      color: INK,
      precision: axis.integer ? 0 : undefined,
      maxTicksLimit: 6,
      callback: (value: number | string) => (axis.format ? axis.format(Number(value)) : String(value)),
    },
    title: axis.title ? { display: true, text: axis.title, color: INK, font: { size: 13 } } : { display: false },
  };
  const categoryAxis = {
    type: 'category' as const,
    grid: { display: false },
    border: { color: '#8a959f' },
    ticks: { color: INK, autoSkip: false, maxRotation: 0, font: { size: 13 } },
  };
  const withLabels = spec.series.some((s) => s.valueLabels);
  return {
    type: spec.kind,
    data: { labels: spec.labels, datasets: spec.series.map((s) => dataset(spec, s)) as ChartDataset[] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Sharp on high-density screens and on paper.
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      layout: { padding: withLabels ? (horizontal ? { right: 52 } : { top: 22 }) : 4 },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const labels = (item.dataset as { valueLabels?: Array<string | null> }).valueLabels;
              return `${item.dataset.label ?? ''}: ${labels?.[item.dataIndex] ?? item.formattedValue}`;
            },
          },
        },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    plugins: [valueLabels],
  } as ChartConfiguration;
}

export function createChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  return new Chart(canvas, chartConfig(spec));
}

export type { Chart };
