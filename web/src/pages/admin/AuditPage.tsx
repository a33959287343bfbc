import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { type AuditEntry, adminApi } from './api';
import { AsyncContent, DataTable, DateTime, Field, useCampaignList } from './components';
import { useAdminT } from './i18n';
import { actionLabel, changes, summarise } from './lib/audit-changes';
import { errorMessage } from './lib/field-errors';
import './i18n/audit';

/** Entries per page; "Visa fler" fetches the next page from the API's cursor. */
const PAGE_SIZE = 100;

export function AuditPage() {
  const t = useAdminT();
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const organisation = params.get('organisation') ?? '';
  const campaign = params.get('kampanj') ?? '';
  const [draftOrg, setDraftOrg] = useState(organisation);
  const [orgError, setOrgError] = useState('');
  const { campaigns } = useCampaignList();
  const filter = { organisation: organisation || undefined, campaign: campaign ? Number(campaign) : undefined };
  const [state, reload] = useAsync(() => adminApi.audit({ ...filter, limit: PAGE_SIZE }), [organisation, campaign]);
  // Later pages, appended below the first; reset whenever the first page is read again.
  const [later, setLater] = useState<{ entries: AuditEntry[]; nextCursor?: string; firstNew?: string }>({
    entries: [],
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  useEffect(() => {
    setLater({ entries: [], nextCursor: state.status === 'ready' ? state.value.nextCursor : undefined });
    setMoreError('');
  }, [state]);
  const showMore = async () => {
    if (!later.nextCursor) return;
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await adminApi.audit({ ...filter, limit: PAGE_SIZE, cursor: later.nextCursor });
      setLater((current) => ({
        entries: [...current.entries, ...page.entries],
        nextCursor: page.nextCursor,
        firstNew: page.entries[0]?.id,
      }));
    } catch (error) {
      setMoreError(errorMessage(error, t('error.generic')));
    } finally {
      setLoadingMore(false);
    }
  };
  const entries = state.status === 'ready' ? [...state.value.entries, ...later.entries] : [];
  const hasMore = state.status === 'ready' && later.nextCursor !== undefined;
  const apply = (org: string, year: string) =>
    setParams((p) => {
      if (org) p.set('organisation', org);
      else p.delete('organisation');
      if (year) p.set('kampanj', year);
      else p.delete('kampanj');
      return p;
    });

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <form
        className="filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          const code = draftOrg.trim();
          if (code && !/^\d{2}(\d{2})?$/.test(code)) {
            setOrgError(t('audit.error.code'));
            return;
          }
          setOrgError('');
          apply(code, campaign);
        }}
      >
        <Field
          label={t('audit.organisation')}
          hint={t('audit.organisationHint')}
          error={orgError}
          className="afield-inline"
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              className="input-short"
              value={draftOrg}
              onChange={(e) => setDraftOrg(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('common.campaign')} className="afield-inline">
          {(props) => (
            <select {...props} value={campaign} onChange={(e) => apply(organisation, e.target.value)}>
              <option value="">{t('audit.allCampaigns')}</option>
              {(campaigns ?? []).map((c) => (
                <option key={c.year} value={c.year}>
                  {c.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button-secondary">
          {t('audit.apply')}
        </button>
        {(organisation || campaign) && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDraftOrg('');
              apply('', '');
            }}
          >
            {t('filter.clear')}
          </button>
        )}
      </form>
      <AsyncContent state={state} onRetry={reload}>
        {() => (
          <>
            <p className="result-count" role="status" aria-live="polite">
              {hasMore
                ? t('audit.countMore', { count: entries.length })
                : organisation || campaign
                  ? t('audit.countFiltered', {
                      count: entries.length,
                    })
                  : t('audit.countRecent', { count: entries.length })}
            </p>
            <AuditTable entries={entries} focusId={later.firstNew} />
            {moreError && (
              <p className="notice notice-error" role="alert">
                {moreError}
              </p>
            )}
            {hasMore && (
              <p className="show-more">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={showMore}
                  disabled={loadingMore}
                  aria-busy={loadingMore}
                >
                  {loadingMore ? t('audit.loadingMore') : t('audit.showMore')}
                </button>
              </p>
            )}
          </>
        )}
      </AsyncContent>
    </>
  );
}

/** The entries; `focusId` is the first entry of a page just added, which takes the focus. */
function AuditTable({ entries, focusId }: { entries: AuditEntry[]; focusId?: string }) {
  const t = useAdminT();
  const focusRef = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    if (focusId) focusRef.current?.focus();
  }, [focusId]);
  if (entries.length === 0) return <p className="muted">{t('audit.none')}</p>;
  return (
    <DataTable
      label={t('audit.title')}
      caption={t('audit.caption')}
      captionHidden
      className="compact audit-table"
      columns={[t('col.when'), t('col.who'), t('audit.action'), t('audit.target'), t('audit.change')]}
    >
      {entries.map((e) => (
        <tr key={e.id}>
          <td>
            <DateTime iso={e.at} compact />
          </td>
          <td className="actor-cell">{e.actor}</td>
          <th scope="row" ref={e.id === focusId ? focusRef : undefined} tabIndex={e.id === focusId ? -1 : undefined}>
            {actionLabel(e.action, t)}
            <span className="cell-sub mono">{e.action}</span>
          </th>
          <td className="break mono">{e.target}</td>
          <td className="break change-cell">
            {changes(e.before, e.after, t, { action: e.action })?.map((line) => <span key={line}>{line}</span>) ?? (
              <>
                {e.before !== undefined && (
                  <span className="change-before">
                    <span className="change-label">{t('audit.before')}</span>{' '}
                    {summarise(e.before, t, { action: e.action })}
                  </span>
                )}
                {e.after !== undefined && (
                  <span className="change-after">
                    <span className="change-label">{t('audit.after')}</span>{' '}
                    {summarise(e.after, t, { action: e.action })}
                  </span>
                )}
              </>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
