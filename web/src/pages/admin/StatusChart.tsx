import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { useEffect, useId, useRef } from 'react';
import type { ProgressStatus } from './api';
import { type AdminKey, useAdminT } from './i18n';
import { PROGRESS_STATUSES } from './lib/progress';

// No tooltip plugin: the numbers are on the cards and in the table, and it saves 5 KB.
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

// Each bar also has its label on the axis, so colour is never the only cue.
const COLOURS: Record<ProgressStatus, string> = {
  submitted: '#14614a',
  draft: '#b7791f',
  not_started: '#6b7682',
  excused: '#9aa5b1',
};

/** The status counts as a bar chart, with the same numbers as a table for screen readers. */
export default function StatusChart({ counts }: { counts: Record<ProgressStatus, number> }) {
  const t = useAdminT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const tableId = useId();
  const labels = PROGRESS_STATUSES.map((s) => t(`status.${s}` as AdminKey));
  const values = PROGRESS_STATUSES.map((s) => counts[s]);

  useEffect(() => {
    if (!canvas.current) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: PROGRESS_STATUSES.map((s) => COLOURS[s]) }] },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0, color: '#1b1f23' }, grid: { color: '#e3e8ec' } },
          y: { ticks: { color: '#1b1f23', font: { size: 13 } }, grid: { display: false } },
        },
      },
    });
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets[0]!.data = values;
    c.update();
  });

  return (
    <figure className="chart-figure">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={t('chart.label')} aria-describedby={tableId} />
      </div>
      <figcaption>
        <details>
          <summary>{t('chart.showTable')}</summary>
          <table className="data-table compact" id={tableId}>
            <caption>{t('chart.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('filter.status')}</th>
                <th scope="col" className="num">
                  {t('chart.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="num">{values[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
