import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { LoadError, Loading } from '../../components/Feedback';
import { useLang } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi, type ContactImportCommitResult, type ContactImportPreview } from './api';
import { Announcer, Field, ProgressStatusTag, TableScroll, useAnnouncer } from './components';
import { type AdminKey, useAdminT } from './i18n';
import { errorMessage } from './lib/field-errors';
import { fold } from './lib/progress';
import { OrganisationFormDialog } from './OrganisationForm';

export function OrganisationsPage() {
  const t = useAdminT();
  const [lang] = useLang();
  usePageTitle(t('org.title'));
  const [state, reload] = useAsync(() => adminApi.organisations(), []);
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const [adding, setAdding] = useState(false);
  const query = params.get('q') ?? '';
  const type = params.get('typ') ?? '';
  const setParam = (name: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(name, value);
        else p.delete(name);
        return p;
      },
      { replace: true },
    );

  const rows = state.status === 'ready' ? state.value : [];
  const visible = useMemo(() => {
    const q = fold(query.trim());
    return rows.filter((o) => (!type || o.type === type) && (!q || o.id.startsWith(q) || fold(o.name).includes(q)));
  }, [rows, query, type]);
  const campaignYear = rows.find((o) => o.currentCampaign)?.currentCampaign?.year;

  return (
    <>
      <div className="page-head">
        <h1>{t('org.title')}</h1>
        <div className="page-head-actions">
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('org.add')}
          </button>
          <Link href="/organisationer/import-kontakter" className="button button-secondary">
            {t('contactImport.title')}
          </Link>
        </div>
      </div>
      <form className="filters" aria-label={t('org.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('filter.search')} className="afield-inline">
          {(props) => (
            <input
              {...props}
              type="search"
              value={query}
              placeholder={t('filter.searchPlaceholder')}
              onChange={(e) => setParam('q', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('filter.type')} className="afield-inline">
          {(props) => (
            <select {...props} value={type} onChange={(e) => setParam('typ', e.target.value)}>
              <option value="">{t('filter.all')}</option>
              <option value="kommun">{t('type.kommun')}</option>
              <option value="region">{t('type.region')}</option>
            </select>
          )}
        </Field>
      </form>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {t('org.showing', { shown: visible.length, total: rows.length })}
          </p>
          <TableScroll label={t('org.title')}>
            <table className="data-table">
              <caption className="visually-hidden">{t('org.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('org.code')}</th>
                  <th scope="col">{t('org.name')}</th>
                  <th scope="col">{t('org.type')}</th>
                  <th scope="col" className="num">
                    {t('org.population')}
                  </th>
                  <th scope="col">{t('org.membership')}</th>
                  <th scope="col">{t('org.contacts')}</th>
                  <th scope="col">
                    {campaignYear ? t('org.campaignStatusYear', { year: campaignYear }) : t('org.campaignStatus')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {visible.length === 0 && (
                  <tr>
                    <td colSpan={7} className="empty-row">
                      {t('org.none')}
                    </td>
                  </tr>
                )}
                {visible.map((o) => (
                  <tr key={o.id}>
                    <td className="num">{o.id}</td>
                    <th scope="row">
                      <Link href={`/organisationer/${o.id}`}>{o.name}</Link>
                    </th>
                    <td>{t(`type.${o.type}` as AdminKey)}</td>
                    <td className="num">{o.population === undefined ? '–' : formatNumber(o.population, lang)}</td>
                    <td>
                      {o.memberSince ? formatDate(o.memberSince, lang) : '–'}
                      {o.memberUntil && (
                        <span className="cell-sub">{t('org.until', { date: formatDate(o.memberUntil, lang) })}</span>
                      )}
                    </td>
                    <td>
                      {t('org.contactCount', { count: o.contacts.length })}
                      {o.warnings.map((w) => (
                        <span key={w.code} className="cell-sub warn-text">
                          <span aria-hidden="true">! </span>
                          {t(`problem.${w.code}` as AdminKey)}
                        </span>
                      ))}
                      {o.contacts.some((c) => c.emailState !== 'ok') && (
                        <span className="cell-sub warn-text">
                          <span aria-hidden="true">! </span>
                          {t('org.emailProblems')}
                        </span>
                      )}
                    </td>
                    <td>{o.currentCampaign ? <ProgressStatusTag status={o.currentCampaign.status} /> : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <OrganisationFormDialog
        open={adding}
        onCancel={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          navigate(`/organisationer/${saved.id}`);
        }}
      />
    </>
  );
}

/** Contacts from CSV (`kod;namn;e-post;roll`): paste or pick a file, preview with per-row errors, then commit. */
export function ContactImportPage() {
  const t = useAdminT();
  usePageTitle(t('contactImport.title'));
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ContactImportPreview | null>(null);
  const [result, setResult] = useState<ContactImportCommitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, announce] = useAnnouncer();

  const runPreview = async () => {
    if (!csv.trim()) {
      announce(t('contactImport.empty'), 'error');
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const p = await adminApi.previewContactImport(csv);
      setPreview(p);
      announce(
        t('contactImport.previewed', {
          rows: p.rows,
          errors: p.errors.length,
          new: p.changes.new,
          changed: p.changes.changed,
        }),
        p.errors.length ? 'error' : 'success',
      );
    } catch (error) {
      announce(errorMessage(error, t('error.generic')), 'error');
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await adminApi.commitContactImport(preview.id);
      setResult(r);
      announce(t('contactImport.committed', { created: r.created, updated: r.updated, unchanged: r.unchanged }));
    } catch (error) {
      announce(errorMessage(error, t('error.generic')), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="back-link">
        <Link href="/organisationer">← {t('org.title')}</Link>
      </p>
      <h1>{t('contactImport.title')}</h1>
      <p className="lead">{t('contactImport.intro')}</p>
      <p className="eyebrow">{t('contactImport.example')}</p>
      <pre className="code-sample">
        {
          'kod;namn;e-post;roll\n1281;Anna Andersson;anna.andersson@lund.se;politiker\n1281;Bo Berg;bo.berg@lund.se;tjänsteperson'
        }
      </pre>
      <div className="card">
        <Field label={t('contactImport.file')} hint={t('contactImport.fileHint')}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFileName(file.name);
                setCsv(await file.text());
                setPreview(null);
                setResult(null);
              }}
            />
          )}
        </Field>
        <Field
          label={t('contactImport.paste')}
          hint={fileName ? t('contactImport.fromFile', { name: fileName }) : undefined}
        >
          {(props) => (
            <textarea
              {...props}
              className="mono"
              rows={8}
              value={csv}
              onChange={(e) => {
                setCsv(e.target.value);
                setPreview(null);
                setResult(null);
              }}
            />
          )}
        </Field>
        <button type="button" className="button" onClick={runPreview} disabled={busy}>
          {t('contactImport.preview')}
        </button>
      </div>
      <Announcer message={announcement.message} tone={announcement.tone} />
      {preview && (
        <section aria-labelledby="contact-preview-heading">
          <h2 id="contact-preview-heading">{t('contactImport.previewTitle')}</h2>
          <ul className="stat-list">
            <li className="stat">
              <span className="stat-number">{preview.rows}</span>
              <span className="stat-label">{t('import.rows')}</span>
            </li>
            <li className="stat">
              <span className="stat-number">{preview.changes.new}</span>
              <span className="stat-label">{t('import.new')}</span>
            </li>
            <li className="stat">
              <span className="stat-number">{preview.changes.changed}</span>
              <span className="stat-label">{t('import.changed')}</span>
            </li>
            <li className="stat">
              <span className="stat-number">{preview.changes.unchanged}</span>
              <span className="stat-label">{t('import.unchanged')}</span>
            </li>
            <li className={`stat ${preview.errors.length ? 'stat-error' : ''}`}>
              <span className="stat-number">{preview.errors.length}</span>
              <span className="stat-label">{t('import.errors')}</span>
            </li>
          </ul>
          {preview.errors.length > 0 && (
            <IssueTable issues={preview.errors} caption={t('contactImport.errorsCaption')} />
          )}
          {preview.valid.length > 0 && (
            <TableScroll label={t('contactImport.rowsCaption')}>
              <table className="data-table compact">
                <caption>{t('contactImport.rowsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('import.row')}
                    </th>
                    <th scope="col">{t('org.code')}</th>
                    <th scope="col">{t('contact.name')}</th>
                    <th scope="col">{t('contact.email')}</th>
                    <th scope="col">{t('contact.role')}</th>
                    <th scope="col">{t('contactImport.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.valid.map((row) => (
                    <tr key={row.row}>
                      <td className="num">{row.row}</td>
                      <td className="num">{row.organisationId}</td>
                      <th scope="row">{row.name}</th>
                      <td>{row.email}</td>
                      <td>{t(`role.${row.role}` as AdminKey)}</td>
                      <td>
                        {t(`change.${row.change}` as AdminKey)}
                        {row.before && row.change === 'changed' && (
                          <span className="cell-sub">
                            {t('contactImport.before', {
                              values: `${row.before.organisationId}, ${row.before.name}, ${t(`role.${row.before.role}` as AdminKey)}`,
                            })}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {result ? (
            <div className="notice notice-success">
              <p>
                {t('contactImport.committed', {
                  created: result.created,
                  updated: result.updated,
                  unchanged: result.unchanged,
                })}
              </p>
            </div>
          ) : preview.errors.length > 0 ? (
            <p className="notice notice-error">{t('contactImport.fixFirst')}</p>
          ) : (
            <button type="button" className="button" onClick={commit} disabled={busy}>
              {t('contactImport.commit', { count: preview.changes.new + preview.changes.changed })}
            </button>
          )}
        </section>
      )}
    </>
  );
}

export function IssueTable({
  issues,
  caption,
}: {
  issues: Array<{ row: number | null; column: string | null; message: string }>;
  caption: string;
}) {
  const t = useAdminT();
  return (
    <TableScroll label={caption}>
      <table className="data-table compact issue-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('import.row')}
            </th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
            <tr key={index}>
              <td className="num">{issue.row ?? '–'}</td>
              <td>{issue.column ?? '–'}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
