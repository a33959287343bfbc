import { Link } from 'wouter';
import { revisionChanges } from '../../../../shared/klimatlaget/revision-changes';
import { apiClient } from '../../api/client';
import type { PublishedReport } from '../../api/types';
import { RevisionChangesNote, RevisionChangesTable } from '../../components/RevisionChangesTable';
import { useLang, useT } from '../../i18n';
import { formatDate } from '../../lib/format';
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

  return (
    <section className="kl-section" aria-labelledby="kl-versions" id="versioner">
      <h2 id="kl-versions">{t('report.versions.title')}</h2>
      <p>
        {t('report.versions.this', { revision, date: formatDate(published.publishedAt, lang) })}
        {previous.status === 'ready' &&
          ` ${t('report.versions.replaces', { previous: revision - 1, date: formatDate(previous.value.publishedAt, lang) })}`}
      </p>
      {diff && diff.changes.length > 0 && (
        <RevisionChangesTable
          changes={diff.changes}
          caption={t('report.versions.caption', { revision })}
          before={t('report.versions.column', { revision: revision - 1 })}
          after={t('report.versions.column', { revision })}
        />
      )}
      {diff && <RevisionChangesNote diff={diff} />}
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
