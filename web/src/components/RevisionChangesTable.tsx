import type { RevisionChange, RevisionChanges } from '../../../shared/klimatlaget/revision-changes';
import { useLang, useT } from '../i18n';
import { formatDecimal, formatNumber, formatPercent } from '../lib/format';

/**
 * The key figures that differ between two versions of a year's report, one row each: on the public
 * page between a correction and the version it corrects, in the console between the published
 * version and what a publish now would make.
 */
export function RevisionChangesTable({
  changes,
  caption,
  before,
  after,
}: {
  changes: readonly RevisionChange[];
  caption: string;
  before: string;
  after: string;
}) {
  const t = useT();
  const [lang] = useLang();
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
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable)
    <section className="kl-table-scroll" tabIndex={0} aria-label={caption}>
      <table className="kl-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.versions.figure')}</th>
            <th scope="col">{before}</th>
            <th scope="col">{after}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={`${change.scope}-${change.figure}-${change.band ?? ''}`}>
              <th scope="row">{label(change)}</th>
              <td>{value(change, 'before')}</td>
              <td>{value(change, 'after')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Below the table: no key figure changed, how many areas and questions did, and the emissions. */
export function RevisionChangesNote({ diff }: { diff: RevisionChanges }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <p>
      {diff.changes.length === 0 && `${t('report.versions.noHeadline')} `}
      {diff.sectionsChanged > 0 &&
        `${t('report.versions.sections', { count: formatNumber(diff.sectionsChanged, lang) })} `}
      {diff.questionsChanged > 0 &&
        `${t('report.versions.questions', { count: formatNumber(diff.questionsChanged, lang) })} `}
      {diff.emissionsChanged && t('report.versions.emissions')}
    </p>
  );
}
