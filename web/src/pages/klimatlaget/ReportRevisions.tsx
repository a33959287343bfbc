import { Link } from 'wouter';
import { type RevisionChange, revisionChanges } from '../../../../shared/klimatlaget/revision-changes';
import { apiClient } from '../../api/client';
import type { PublishedReport } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { formatDate, formatDecimal, formatNumber, formatPercent } from '../../lib/format';
import { useAsync } from '../../lib/use-async';

/** The address of one revision of a year's report; the latest has none, so links to it stay short. */
export function revisionHref(year: number, revision?: number): string {
  return revision === undefined ? `/klimatlaget/${year}` : `/klimatlaget/${year}?revision=${revision}`;
}

/**
 * Shown above an earlier revision: a reader who followed an old link or citation sees at once that
 * it was corrected, and the way to the version in force.
 */
export function OlderRevisionNotice({ published, latest }: { published: PublishedReport; latest: number }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <div className="notice notice-warning" role="note" aria-labelledby="kl-older-revision">
      <p id="kl-older-revision">
        {t('report.versions.older', {
          revision: published.revision,
          year: published.year,
          date: formatDate(published.publishedAt, lang),
          latest,
        })}
      </p>
      <p>
        <Link href={revisionHref(published.year)}>{t('report.versions.toLatest', { year: published.year })}</Link>
      </p>
    </div>
  );
}

/**
 * Versions and corrections: for a revision after the first, what it changed against the one before
 * (both public), read after the page shows; one that fails to load leaves the links alone.
 */
export function ReportRevisions({ published }: { published: PublishedReport }) {
  const t = useT();
  const [lang] = useLang();
  const { year, revision } = published;
  const [previous] = useAsync(() => apiClient.report(year, revision - 1), [year, revision]);
  const earlier = Array.from({ length: revision - 1 }, (_, i) => i + 1);
  const diff = previous.status === 'ready' ? revisionChanges(previous.value.report, published.report) : null;

  const value = (change: RevisionChange, side: 'before' | 'after') => {
    const v = change[side];
    if (v === null) return t('report.withheld');
    if (change.figure === 'mean' || change.figure === 'median') {
      // One correction moves a mean by a fraction of a percent: as many decimals as tell the two apart.
      const other = change[side === 'before' ? 'after' : 'before'];
      const digits = other !== null && formatPercent(v, lang, 1) === formatPercent(other, lang, 1) ? 2 : 1;
      return formatPercent(v, lang, digits);
    }
    return change.figure === 'max' ? formatDecimal(v, lang) : formatNumber(v, lang);
  };
  const label = (change: RevisionChange) => {
    const figure =
      change.figure === 'band'
        ? change.band === null || change.band === undefined
          ? t('report.bands.none')
          : t('report.versions.band', { band: change.band })
        : t(`report.versions.figure.${change.figure}`);
    const scope = change.scope === 'network' ? t('report.versions.scope.network') : t(`report.type.${change.scope}`);
    return `${scope}: ${figure}`;
  };

  return (
    <section className="kl-section" aria-labelledby="kl-versions" id="versioner">
      <h2 id="kl-versions">{t('report.versions.title')}</h2>
      <p>
        {t('report.versions.this', { revision, date: formatDate(published.publishedAt, lang) })}
        {previous.status === 'ready' &&
          ` ${t('report.versions.replaces', { previous: revision - 1, date: formatDate(previous.value.publishedAt, lang) })}`}
      </p>
      {diff && diff.changes.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable)
        <section className="kl-table-scroll" tabIndex={0} aria-labelledby="kl-versions-caption">
          <table className="kl-table">
            <caption id="kl-versions-caption">{t('report.versions.caption', { revision })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.versions.figure')}</th>
                <th scope="col">{t('report.versions.column', { revision: revision - 1 })}</th>
                <th scope="col">{t('report.versions.column', { revision })}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((change) => (
                <tr key={`${change.scope}-${change.figure}-${change.band ?? ''}`}>
                  <th scope="row">{label(change)}</th>
                  <td>{value(change, 'before')}</td>
                  <td>{value(change, 'after')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {diff && (
        <p>
          {diff.changes.length === 0 && `${t('report.versions.noHeadline')} `}
          {diff.sectionsChanged > 0 &&
            `${t('report.versions.sections', { count: formatNumber(diff.sectionsChanged, lang) })} `}
          {diff.questionsChanged > 0 &&
            `${t('report.versions.questions', { count: formatNumber(diff.questionsChanged, lang) })} `}
          {diff.emissionsChanged && t('report.versions.emissions')}
        </p>
      )}
      <nav aria-label={t('report.versions.earlier')}>
        <span>{t('report.versions.earlier')}: </span>
        {earlier.map((n, i) => (
          <span key={n}>
            {i > 0 && ' · '}
            <Link href={revisionHref(year, n)}>{t('report.versions.column', { revision: n })}</Link>
          </span>
        ))}
      </nav>
    </section>
  );
}
