import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useLang } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi, type ContactImportCommitOutcome, type ContactImportPlannedPreview } from './api';
import { ReplacementChoices, ReplacementTag, replaceRowsOf } from './ContactImportReplacements';
import {
  Announcer,
  AsyncContent,
  BackLink,
  DataTable,
  Field,
  FilterBar,
  ProgressStatusTag,
  SearchFilter,
  Stat,
  TypeFilter,
  useAnnouncer,
  useFilterParams,
  useFocusOnResult,
  useRunAction,
} from './components';
import { type AdminKey, useAdminT } from './i18n';
import {
  commitLabel,
  committedMessage,
  invitationsNote,
  movedRows,
  previewedMessage,
  readContactsFile,
} from './lib/contact-import';
import { issueMessage } from './lib/imports';
import { fold } from './lib/progress';
import { OrganisationFormDialog } from './OrganisationForm';
import './i18n/organisations';

export function OrganisationsPage() {
  const t = useAdminT();
  const [lang] = useLang();
  usePageTitle(t('org.title'));
  const [state, reload] = useAsync(() => adminApi.organisations(), []);
  const [params, setFilters] = useFilterParams();
  const [, navigate] = useLocation();
  const [adding, setAdding] = useState(false);
  const query = params.get('q') ?? '';
  const type = params.get('typ') ?? '';

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
      <FilterBar label={t('org.filters')}>
        <SearchFilter value={query} onChange={(q) => setFilters({ q })} />
        <TypeFilter value={type} onChange={(typ) => setFilters({ typ })} />
      </FilterBar>
      <AsyncContent state={state} onRetry={reload}>
        {() => (
          <>
            <p className="result-count" role="status" aria-live="polite">
              {t('org.showing', { shown: visible.length, total: rows.length })}
            </p>
            <DataTable
              label={t('org.title')}
              caption={t('org.caption')}
              captionHidden
              columns={[
                t('org.code'),
                t('org.name'),
                t('org.type'),
                { label: t('org.population'), numeric: true },
                t('org.membership'),
                t('org.contacts'),
                campaignYear ? t('org.campaignStatusYear', { year: campaignYear }) : t('org.campaignStatus'),
              ]}
              empty={visible.length === 0 && t('org.none')}
            >
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
                  <td>
                    {/* A former or future member was not asked: no "Ej påbörjad" (a response it has still shows). */}
                    {!o.currentCampaign ? (
                      '–'
                    ) : o.currentCampaign.inCampaign || o.currentCampaign.status !== 'not_started' ? (
                      <ProgressStatusTag status={o.currentCampaign.status} />
                    ) : (
                      <span className="muted">{t('org.notInCampaignShort')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </AsyncContent>
      {/* Rarely needed, so a link below the register rather than a button beside "Lägg till". */}
      <p className="muted">
        {t('former.fromList')} <Link href="/organisationer/radera-tidigare-kontakt">{t('former.title')}</Link>
      </p>
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
  const [preview, setPreview] = useState<ContactImportPlannedPreview | null>(null);
  const [result, setResult] = useState<ContactImportCommitOutcome | null>(null);
  // The preview and the saved result replace what was pressed: focus goes to them.
  const previewHeading = useFocusOnResult<HTMLHeadingElement>(preview);
  const resultNotice = useFocusOnResult<HTMLDivElement>(result);
  // Replacement rows where the kansli chose "behåll båda"; every other candidate replaces.
  const [keep, setKeep] = useState<ReadonlySet<number>>(new Set());
  const [announcement, announce] = useAnnouncer();
  const [busy, run] = useRunAction(announce);

  const runPreview = async () => {
    if (!csv.trim()) {
      announce(t('contactImport.empty'), 'error');
      return;
    }
    await run(async () => {
      setResult(null);
      const p = await adminApi.previewContactImport(csv);
      setPreview(p);
      setKeep(new Set());
      announce(previewedMessage(t, p), p.errors.length ? 'error' : 'success');
    });
  };

  const commit = (p: ContactImportPlannedPreview) =>
    run(async () => {
      const r = await adminApi.commitContactImport(p.id, { replace: replaceRowsOf(p.valid, keep) });
      setResult(r);
      announce(committedMessage(t, r));
    });

  const replacing = preview ? replaceRowsOf(preview.valid, keep).length : 0;

  return (
    <>
      <BackLink href="/organisationer">{t('org.title')}</BackLink>
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
                setCsv(await readContactsFile(file));
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
          <h2 id="contact-preview-heading" ref={previewHeading} tabIndex={-1}>
            {t('contactImport.previewTitle')}
          </h2>
          <ul className="stat-list">
            <Stat value={preview.rows} label={t('import.rows')} />
            <Stat value={preview.changes.new} label={t('import.new')} />
            <Stat value={preview.changes.changed} label={t('import.changed')} />
            <Stat value={preview.changes.unchanged} label={t('import.unchanged')} />
            {preview.changes.replacements > 0 && <Stat value={replacing} label={t('contactImport.replacingStat')} />}
            <Stat
              value={preview.errors.length}
              label={t('import.errors')}
              tone={preview.errors.length > 0 && 'error'}
            />
          </ul>
          {preview.errors.length > 0 && (
            <IssueTable issues={preview.errors} caption={t('contactImport.errorsCaption')} />
          )}
          {!result && preview.errors.length === 0 && (
            <ReplacementChoices
              rows={preview.valid}
              keep={keep}
              disabled={busy}
              onChange={(row, keepBoth) =>
                setKeep((current) => {
                  const next = new Set(current);
                  if (keepBoth) next.add(row);
                  else next.delete(row);
                  return next;
                })
              }
            />
          )}
          {preview.valid.length > 0 && (
            <DataTable
              label={t('contactImport.rowsCaption')}
              className="compact"
              columns={[
                { label: t('import.row'), numeric: true },
                t('org.code'),
                t('contact.name'),
                t('contact.email'),
                t('contact.role'),
                t('contactImport.change'),
              ]}
            >
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
                    <ReplacementTag row={row} keep={keep.has(row.row)} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {result ? (
            <div className="notice notice-success" ref={resultNotice} tabIndex={-1}>
              <p>{committedMessage(t, result)}</p>
              {/* Not mailed at once (there may be hundreds): the reminder run invites new and moved contacts. */}
              {invitationsNote(t, result.created, movedRows(preview.valid)).map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          ) : preview.errors.length > 0 ? (
            <p className="notice notice-error">{t('contactImport.fixFirst')}</p>
          ) : (
            <button type="button" className="button" onClick={() => commit(preview)} disabled={busy}>
              {commitLabel(t, preview.changes.new + preview.changes.changed, replacing)}
            </button>
          )}
        </section>
      )}
    </>
  );
}

/** A file's problems by row and column, each in the reader's language when the API sent it in English too. */
export function IssueTable({
  issues,
  caption,
  messageLabel,
}: {
  issues: Array<{ row: number | null; column: string | null; message: string; messageEn?: string }>;
  caption: string;
  /** The third column's header: "Fel" unless the table lists warnings. */
  messageLabel?: string;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  return (
    <DataTable
      label={caption}
      className="compact issue-table"
      columns={[{ label: t('import.row'), numeric: true }, t('import.column'), messageLabel ?? t('import.message')]}
    >
      {issues.map((issue, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
        <tr key={index}>
          <td className="num">{issue.row ?? '–'}</td>
          <td>{issue.column ?? '–'}</td>
          <td>{issueMessage(issue, lang)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
