import { useRef, useState } from 'react';
import { LoadError, Loading } from '../../components/Feedback';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi, type CommitResponse, type ImportPreviewResponse, type ImportSummary } from './api';
import { Announcer, DateTime, Field, FormDialog, TableScroll, useAnnouncer } from './components';
import { type AdminKey, useAdminT } from './i18n';
import { errorMessage, isNotFound } from './lib/field-errors';
import { IssueTable } from './OrganisationsPage';

/** Commits an import, calling again while the API answers 202 (values remain). */
async function commitAll(id: string, onProgress: (remaining: number) => void): Promise<CommitResponse> {
  for (let round = 0; round < 50; round++) {
    const result = await adminApi.commitImport(id);
    if (result.done) return result;
    onProgress(result.remaining);
  }
  throw new Error('commit did not finish');
}

export function ImportPage() {
  const t = useAdminT();
  const [lang] = useLang();
  usePageTitle(t('import.title'));
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [fileError, setFileError] = useState('');
  const [preview, setPreview] = useState<ImportPreviewResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [announcement, announce] = useAnnouncer();
  const [history, reloadHistory] = useAsync(() => adminApi.imports(), []);
  const [rollback, setRollback] = useState<ImportSummary | null>(null);

  const runPreview = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('import.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    setFileError('');
    setBusy(true);
    setPreview(null);
    try {
      const p = await adminApi.previewImport(file, sheet.trim() || undefined);
      setPreview(p);
      announce(t('import.previewed', { rows: p.rows, errors: p.errors.length }), p.errors.length ? 'error' : 'success');
      reloadHistory();
    } catch (error) {
      setFileError(errorMessage(error, t('error.generic')));
      fileInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const commit = async (id: string) => {
    setBusy(true);
    try {
      const result = await commitAll(id, (remaining) => setProgress(t('import.remaining', { count: remaining })));
      setProgress('');
      announce(
        result.alreadyCommitted
          ? t('import.alreadyCommitted')
          : t('import.committed', {
              new: result.result.new,
              changed: result.result.changed,
              unchanged: result.result.unchanged,
            }),
      );
      setPreview(null);
      reloadHistory();
    } catch (error) {
      setProgress('');
      announce(errorMessage(error, t('error.generic')), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.intro')}</p>
      <form className="card import-form" noValidate onSubmit={runPreview}>
        <Field label={t('import.file')} hint={t('import.fileHint')} error={fileError}>
          {(props) => (
            <input
              {...props}
              ref={fileInput}
              type="file"
              accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setFileError('');
              }}
            />
          )}
        </Field>
        <Field label={t('import.sheet')} hint={t('import.sheetHint')}>
          {(props) => (
            <input {...props} className="input-medium" value={sheet} onChange={(e) => setSheet(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy && !preview ? t('common.working') : t('import.preview')}
        </button>
      </form>
      <Announcer message={progress || announcement.message} tone={announcement.tone} />

      {preview && (
        <section aria-labelledby="preview-heading" className="panel">
          <h2 id="preview-heading">{t('import.previewTitle', { file: preview.fileName })}</h2>
          <ul className="stat-list">
            <li className="stat">
              <span className="stat-number">{formatNumber(preview.rows, lang)}</span>
              <span className="stat-label">{t('import.rows')}</span>
            </li>
            <li className="stat">
              <span className="stat-number">{preview.organisations.matched.length}</span>
              <span className="stat-label">{t('import.organisations')}</span>
            </li>
            <li className={`stat ${preview.organisations.unknown.length ? 'stat-warn' : ''}`}>
              <span className="stat-number">{preview.organisations.unknown.length}</span>
              <span className="stat-label">{t('import.unknown')}</span>
            </li>
            <li className="stat">
              <span className="stat-number">{preview.years ? `${preview.years[0]}–${preview.years[1]}` : '–'}</span>
              <span className="stat-label">{t('import.years')}</span>
            </li>
            <li className="stat">
              <span className="stat-number">{preview.sectors.length}</span>
              <span className="stat-label">{t('import.sectors')}</span>
            </li>
            <li className={`stat ${preview.errors.length ? 'stat-error' : ''}`}>
              <span className="stat-number">{preview.errors.length}</span>
              <span className="stat-label">{t('import.errors')}</span>
            </li>
          </ul>
          <p>
            {t('import.changes', {
              new: formatNumber(preview.changes.new, lang),
              changed: formatNumber(preview.changes.changed, lang),
              unchanged: formatNumber(preview.changes.unchanged, lang),
            })}
            {preview.layout && ` ${t('import.layout', { layout: t(`layout.${preview.layout}` as AdminKey) })}`}
          </p>
          {preview.sectors.length > 0 && (
            <p className="muted small">
              {t('import.sectorList')} {preview.sectors.join(', ')}
            </p>
          )}
          {preview.organisations.unknown.length > 0 && (
            <TableScroll label={t('import.unknownCaption')}>
              <table className="data-table compact">
                <caption>{t('import.unknownCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('import.row')}
                    </th>
                    <th scope="col">{t('import.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.organisations.unknown.map((u) => (
                    <tr key={`${u.row}-${u.value}`}>
                      <td className="num">{u.row}</td>
                      <td>{u.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {preview.errors.length > 0 && <IssueTable issues={preview.errors} caption={t('import.errorsCaption')} />}
          {preview.warnings.length > 0 && (
            <details>
              <summary>{t('import.warnings', { count: preview.warnings.length })}</summary>
              <IssueTable issues={preview.warnings} caption={t('import.warningsCaption')} />
            </details>
          )}
          <div className="button-row">
            {preview.errors.length === 0 ? (
              <button type="button" className="button" onClick={() => commit(preview.id)} disabled={busy}>
                {busy ? t('common.working') : t('import.commit')}
              </button>
            ) : (
              <p className="notice notice-error">{t('import.fixFirst')}</p>
            )}
            <button type="button" className="button button-secondary" onClick={() => setPreview(null)} disabled={busy}>
              {t('import.discard')}
            </button>
          </div>
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('import.history')}</h2>
        {history.status === 'loading' && <Loading />}
        {history.status === 'error' &&
          (isNotFound(history.error) ? (
            <p className="muted">{t('common.notAvailable')}</p>
          ) : (
            <LoadError error={history.error} onRetry={reloadHistory} />
          ))}
        {history.status === 'ready' &&
          (history.value.length === 0 ? (
            <p className="muted">{t('import.historyEmpty')}</p>
          ) : (
            <TableScroll label={t('import.history')}>
              <table className="data-table compact">
                <caption className="visually-hidden">{t('import.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.when')}</th>
                    <th scope="col">{t('import.fileCol')}</th>
                    <th scope="col">{t('col.who')}</th>
                    <th scope="col" className="num">
                      {t('import.rows')}
                    </th>
                    <th scope="col">{t('import.years')}</th>
                    <th scope="col">{t('import.changesCol')}</th>
                    <th scope="col">{t('filter.status')}</th>
                    <th scope="col">{t('progress.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.value.map((entry) => (
                    <tr key={entry.id}>
                      <td>
                        <DateTime iso={entry.createdAt} compact />
                      </td>
                      <th scope="row" className="break">
                        {entry.fileName}
                        <span className="cell-sub">
                          {t('import.orgCount', { count: entry.organisationCount })}
                          {entry.errorCount > 0 && ` · ${t('import.errorCount', { count: entry.errorCount })}`}
                        </span>
                      </th>
                      <td className="break">{entry.createdBy}</td>
                      <td className="num">{formatNumber(entry.rows, lang)}</td>
                      <td>{entry.years ? `${entry.years[0]}–${entry.years[1]}` : '–'}</td>
                      <td>
                        {t('import.changesShort', {
                          new: entry.result?.new ?? entry.changes.new,
                          changed: entry.result?.changed ?? entry.changes.changed,
                        })}
                      </td>
                      <td>
                        <span className={`tag ${entry.state === 'committed' ? 'tag-ok' : ''}`}>
                          {t(`importState.${entry.state}` as AdminKey)}
                        </span>
                      </td>
                      <td>
                        <div className="row-actions">
                          {(entry.state === 'previewed' || entry.state === 'committing') && entry.errorCount === 0 && (
                            <button
                              type="button"
                              className="small-button"
                              onClick={() => commit(entry.id)}
                              disabled={busy}
                            >
                              {t('import.commitShort')}
                            </button>
                          )}
                          {(entry.state === 'committed' || entry.state === 'rolling_back') && (
                            <button
                              type="button"
                              className="small-button small-danger"
                              onClick={() => setRollback(entry)}
                              aria-label={t('import.rollbackFor', { file: entry.fileName })}
                            >
                              {t('import.rollback')}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
      </section>
      <FormDialog
        open={rollback !== null}
        title={t('import.rollbackTitle', { file: rollback?.fileName ?? '' })}
        submitLabel={t('import.rollback')}
        danger
        onCancel={() => setRollback(null)}
        onSubmit={async () => {
          if (!rollback) return;
          const result = await adminApi.rollbackImport(rollback.id);
          setRollback(null);
          announce(t('import.rolledBack', { restored: result.result.restored, deleted: result.result.deleted }));
          reloadHistory();
        }}
      >
        <p>{t('import.rollbackBody')}</p>
      </FormDialog>
    </>
  );
}
