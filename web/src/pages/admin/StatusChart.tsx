import { useId } from 'react';
import type { ProgressStatus } from './api';
import { type AdminKey, useAdminT } from './i18n';
import { PROGRESS_STATUSES } from './lib/progress';
import './i18n/progress';

// Each bar carries its label and number as text, so colour is never the only cue.
const COLOURS: Record<ProgressStatus, string> = {
  submitted: '#14614a',
  draft: '#8a5a14',
  not_started: '#56616c',
  excused: '#7b8794',
};

/**
 * The status counts as horizontal bars drawn with plain HTML, with the same numbers as a table.
 * Four counts need no canvas: HTML bars scale, print and zoom with the text.
 */
export default function StatusChart({ counts }: { counts: Record<ProgressStatus, number> }) {
  const t = useAdminT();
  const tableId = useId();
  const labels = PROGRESS_STATUSES.map((s) => t(`status.${s}` as AdminKey));
  const values = PROGRESS_STATUSES.map((s) => counts[s]);
  const largest = Math.max(1, ...values);

  return (
    <figure className="chart-figure">
      <div className="status-bars" role="img" aria-label={t('chart.label')} aria-describedby={tableId}>
        {PROGRESS_STATUSES.map((status, i) => (
          <div className="status-bar-row" key={status}>
            <span className="status-bar-label">{labels[i]}</span>
            <span className="status-bar-track">
              <span
                className="status-bar-fill"
                style={{ width: `${((values[i] ?? 0) / largest) * 100}%`, background: COLOURS[status] }}
              />
            </span>
            <span className="status-bar-value">{values[i]}</span>
          </div>
        ))}
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
