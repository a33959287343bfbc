import { useEffect, useId, useRef, useState } from 'react';
import type { ImportIssue } from '../../../../shared/emissions-import/import.schema';
import { ApiError } from '../../api/client';
import { type Lang, useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import {
  adminApi,
  type CommitResponse,
  type ImportPreviewResponse,
  type ImportStep,
  type ImportSummary,
  MAX_IMPORT_FILE_BYTES,
  type RollbackResponse,
  uploadAndPreviewImport,
} from './api';
import {
  ActionsCell,
  Announcer,
  AsyncContent,
  DataTable,
  DateTime,
  Field,
  FormDialog,
  RowButton,
  Stat,
  useAnnouncer,
  useFocusOnResult,
  useRunAction,
} from './components';
import { type AdminKey, type AdminT, useAdminT } from './i18n';
import { errorMessage } from './lib/field-errors';
import { canCommit, issueMessage, storageRefusalKey, valuesToWrite } from './lib/imports';
import { IssueTable } from './OrganisationsPage';
import './i18n/import';
import './i18n/organisations';

/** Commits an import, calling again while the API answers 202 (values remain). */
async function commitAll(id: string, onProgress: (remaining: number) => void): Promise<CommitResponse> {
  for (let round = 0; round < 50; round++) {
    const result = await adminApi.commitImport(id);
    if (result.done) return result;
    onProgress(result.remaining);
  }
  throw new Error('commit did not finish');
}

/** Where an upload is: bytes on their way, or the server reading the file. */
type Transfer = { step: 'uploading'; loaded: number; total: number } | { step: 'reading' };

/** "1990–2023", or "2021" for a file of one year. */
function yearRange(years: [number, number] | null | undefined): string {
  if (!years) return '–';
  return years[0] === years[1] ? String(years[0]) : `${years[0]}–${years[1]}`;
}

/** Megabytes with one decimal: "5,2" / "5.2"; `roundUp` so a file just over a limit never reads as at it. */
function megabytes(bytes: number, lang: Lang, roundUp = false): string {
  const tenths = (bytes / 1024 / 1024) * 10;
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format((roundUp ? Math.ceil(tenths) : Math.round(tenths)) / 10);
}

/** A transfer size: "120 kB" under a megabyte, else "5,2 MB" / "5.2 MB". */
function size(bytes: number, lang: Lang): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), lang)} kB`;
  return `${megabytes(bytes, lang)} MB`;
}

/** The issues as the issue table shows them, in the reader's language. */
function inLanguage(issues: ImportIssue[], lang: Lang): ImportIssue[] {
  return issues.map((issue) => ({ ...issue, message: issueMessage(issue, lang) }));
}

/**
 * Warnings the kansli must not miss in the collapsed list: that saving or rolling back changes
 * emissions a published Klimatläget rests on, and years left with only some of their sectors.
 */
const PROMINENT_WARNINGS = new Set(['published_year_changed', 'published_year_rollback', 'partial_year']);

function ProminentWarnings({ issues, lang }: { issues: ImportIssue[]; lang: Lang }) {
  const shown = issues.filter((issue) => PROMINENT_WARNINGS.has(issue.code ?? ''));
  if (shown.length === 0) return null;
  return (
    <div className="notice notice-warning">
      <ul>
        {shown.map((issue, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one answer
          <li key={index}>{issueMessage(issue, lang)}</li>
        ))}
      </ul>
    </div>
  );
}

/** What went wrong in any step of an upload, in words: the API's own message when it sent one. */
function uploadErrorMessage(error: unknown, t: AdminT, lang: Lang, file: File): string {
  if (error instanceof ApiError) {
    if (error.status === 413 || error.code === 'payload_too_large')
      return t('import.tooLarge', { size: megabytes(file.size, lang, true) });
    // The store's own refusal (S3's signed policy, or the local stand-in): the file may have
    // changed since it was chosen, so its size here is not necessarily what was sent.
    if (error.code === 'entity_too_large')
      return file.size > MAX_IMPORT_FILE_BYTES
        ? t('import.tooLarge', { size: megabytes(file.size, lang, true) })
        : t('import.storageTooLarge');
    if (error.code === 'entity_too_small') return t('import.fileEmpty', { name: file.name });
    // An expired link, a form the policy refused, or a store that refused the signer.
    const refusal = storageRefusalKey(error.code);
    if (refusal) return t(refusal);
    if (error.code === 'network') return t('import.networkError');
    if (error.code === 'upload_failed') return t('import.uploadFailed', { status: error.status });
    // The API's English for a file it cannot read is general; the issue it found says what is wrong.
    const [unreadable] = (error.details as { errors?: ImportIssue[] } | undefined)?.errors ?? [];
    if (error.code === 'unreadable_file' && unreadable?.message) return issueMessage(unreadable, lang);
  }
  return errorMessage(error, t('error.generic'));
}

/**
 * The upload's progress bar, labelled with what is happening; indeterminate while the server reads.
 * One cancel button serves both steps, so focus stays on it when the upload turns into reading.
 */
function TransferProgress({
  transfer,
  fileName,
  onCancel,
  cancelRef,
}: {
  transfer: Transfer;
  fileName: string;
  onCancel: () => void;
  cancelRef: React.RefObject<HTMLButtonElement | null>;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const id = useId();
  const uploading = transfer.step === 'uploading';
  const percent =
    uploading && transfer.total > 0 ? Math.min(100, Math.round((transfer.loaded / transfer.total) * 100)) : 0;
  return (
    <div className="upload-progress" data-step={transfer.step}>
      <label htmlFor={id}>
        {uploading
          ? t('import.uploadProgress', {
              file: fileName,
              percent,
              loaded: size(transfer.loaded, lang),
              total: size(transfer.total, lang),
            })
          : t('import.readingLabel', { file: fileName })}
      </label>
      {/* Without a value the bar is indeterminate: the server reports no progress while it reads. */}
      {uploading ? (
        <progress id={id} className="progress-bar" max={100} value={percent}>
          {percent} %
        </progress>
      ) : (
        <progress id={id} className="progress-bar" />
      )}
      <button ref={cancelRef} type="button" className="button button-secondary" onClick={onCancel}>
        {t(uploading ? 'import.cancelUpload' : 'import.cancelReading')}
      </button>
    </div>
  );
}

/** The later imports holding values a refused rollback names (422 `import_superseded`), by file name. */
function laterImports(error: unknown, imports: readonly ImportSummary[]): string[] {
  if (!(error instanceof ApiError) || error.code !== 'import_superseded') return [];
  const values = (error.details as { values?: { importId: string | null }[] } | undefined)?.values ?? [];
  const ids = new Set(values.map((value) => value.importId).filter((id): id is string => id !== null));
  return imports.filter((entry) => ids.has(entry.id)).map((entry) => entry.fileName);
}

/**
 * The rollback's confirmation. It reads what the rollback would change and its warnings (GET
 * …/rollback-preview, the same code as the rollback, writing nothing) afresh each time it opens,
 * so the kansli sees that a published year rests on the values before confirming, not after. A
 * refusal the rollback would give (a later import changed its values) is shown with no confirm.
 */
function RollbackDialog({
  entry,
  imports,
  onCancel,
  onRolledBack,
}: {
  entry: ImportSummary | null;
  imports: readonly ImportSummary[];
  onCancel: () => void;
  onRolledBack: (result: RollbackResponse) => void;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const id = entry?.id;
  const [state, retry] = useAsync(async () => (id ? adminApi.rollbackPreview(id) : null), [id]);
  const plan = state.status === 'ready' ? state.value : null;
  // Null while ready too, on the first render after opening, before the read has started.
  const loading = state.status !== 'error' && plan === null;
  // What the rollback itself would answer (not committed, superseded): no point in trying again.
  const refused =
    state.status === 'error' && state.error instanceof ApiError && [404, 409, 422].includes(state.error.status);
  const later = state.status === 'error' ? laterImports(state.error, imports) : [];
  // The retry button goes away as it is pressed; focus waits on the summary instead of the page.
  const summaryRef = useRef<HTMLDivElement>(null);
  return (
    <FormDialog
      open={entry !== null}
      title={t('import.rollbackTitle', { file: entry?.fileName ?? '' })}
      submitLabel={t('import.rollback')}
      danger
      submitDisabled={plan === null || plan.alreadyRolledBack}
      onCancel={onCancel}
      onSubmit={async () => {
        if (!id) return;
        onRolledBack(await adminApi.rollbackImport(id));
      }}
    >
      <p>{t('import.rollbackBody')}</p>
      <div ref={summaryRef} tabIndex={-1} aria-live="polite" aria-busy={loading} data-testid="rollback-preview">
        {state.status === 'error' ? (
          <div className="notice notice-error">
            <p>
              {refused
                ? errorMessage(state.error, t('error.generic'))
                : t('import.rollbackLoadFailed', { message: errorMessage(state.error, t('error.generic')) })}
            </p>
            {later.length > 0 && <p>{t('import.rollbackUndoFirst', { files: later.join(', ') })}</p>}
            {!refused && (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    summaryRef.current?.focus();
                    retry();
                  }}
                >
                  {t('import.rollbackRetry')}
                </button>
              </p>
            )}
          </div>
        ) : plan === null ? (
          <p className="muted">{t('import.rollbackLoading')}</p>
        ) : plan.alreadyRolledBack ? (
          <p className="notice notice-info">{t('import.rollbackAlreadyDone')}</p>
        ) : (
          <>
            {plan.result.restored + plan.result.deleted === 0 ? (
              <p>{t('import.rollbackNothing')}</p>
            ) : (
              <>
                <p>
                  {t('import.rollbackWould', {
                    count: plan.organisations,
                    organisations: formatNumber(plan.organisations, lang),
                    years: yearRange(plan.years),
                  })}
                </p>
                <ul>
                  {plan.result.restored > 0 && (
                    <li>{t('import.rollbackRestores', { count: formatNumber(plan.result.restored, lang) })}</li>
                  )}
                  {plan.result.deleted > 0 && (
                    <li>{t('import.rollbackDeletes', { count: formatNumber(plan.result.deleted, lang) })}</li>
                  )}
                </ul>
              </>
            )}
            {plan.warnings.length > 0 && (
              <div className="notice notice-warning" data-testid="rollback-warnings">
                <p>
                  <strong>{t('import.rollbackWarningsTitle')}</strong>
                </p>
                <ul>
                  {plan.warnings.map((issue, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one answer
                    <li key={index}>{issueMessage(issue, lang)}</li>
                  ))}
                </ul>
              </div>
            )}
            {/* Said whenever no published year is touched, also beside a partial-year warning. */}
            {!plan.warnings.some((issue) => issue.code === 'published_year_rollback') && (
              <p className="muted">{t('import.rollbackNoWarnings')}</p>
            )}
          </>
        )}
      </div>
    </FormDialog>
  );
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
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const upload = useRef<AbortController | null>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // After a failed or cancelled upload, focus goes to the file field once it is enabled again.
  const refocusFile = useRef(false);
  const [progress, setProgress] = useState('');
  const [announcement, announce] = useAnnouncer();
  // A saved import leaves the preview, and its button, for the history where it now shows.
  const [commits, setCommits] = useState(0);
  const historyHeading = useFocusOnResult<HTMLHeadingElement>(commits);
  const [committing, run] = useRunAction(announce);
  const busy = committing || transfer !== null;
  const [history, reloadHistory] = useAsync(() => adminApi.imports(), []);
  const [rollback, setRollback] = useState<ImportSummary | null>(null);
  // What the last rollback warned about (the dialog showed it before too); shown until the next one.
  const [rollbackWarnings, setRollbackWarnings] = useState<ImportIssue[]>([]);

  // Leaving the page stops an upload in flight.
  useEffect(() => () => upload.current?.abort(), []);
  useEffect(() => {
    if (transfer === null && refocusFile.current) {
      refocusFile.current = false;
      fileInput.current?.focus();
    }
  }, [transfer]);

  const tooLarge = (f: File) =>
    f.size > MAX_IMPORT_FILE_BYTES
      ? t('import.tooLarge', { size: megabytes(f.size, lang, true) })
      : // The store takes no empty file (S3's policy asks for at least one byte).
        f.size === 0
        ? t('import.fileEmpty', { name: f.name })
        : '';

  const runPreview = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setFileError(t('import.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    // Refused here, before a byte is sent; the API would answer 413.
    const sizeError = tooLarge(file);
    if (sizeError) {
      setFileError(sizeError);
      fileInput.current?.focus();
      return;
    }
    setFileError('');
    setPreview(null);
    // The last file's "Filen är läst: …" must not stand beside this file's result or error.
    announce('', 'info');
    const controller = new AbortController();
    upload.current = controller;
    // Set from the callback, so TypeScript must not narrow it to its first value.
    let step = 'uploading' as ImportStep;
    try {
      const { preview: p } = await uploadAndPreviewImport(file, sheet.trim() || undefined, {
        signal: controller.signal,
        onStep: (next) => {
          step = next;
          if (next === 'uploading') {
            setTransfer({ step: next, loaded: 0, total: file.size });
            setProgress(t('import.uploading'));
          } else {
            setTransfer({ step: next });
            setProgress(t('import.reading'));
          }
        },
        onUploadProgress: (loaded, total) =>
          setTransfer((current) => (current?.step === 'uploading' ? { step: 'uploading', loaded, total } : current)),
      });
      // The cancel button goes with the transfer: keep focus in the form.
      if (document.activeElement === cancelButton.current) submitButton.current?.focus();
      setPreview(p);
      setProgress('');
      announce(
        t('import.previewed', {
          rows: t('import.rowCount', { count: formatNumber(p.rows, lang) }),
          errors: t('import.errorCount', {
            count: formatNumber(p.errors.length, lang),
          }),
        }),
        p.errors.length ? 'error' : 'success',
      );
      reloadHistory();
    } catch (error) {
      setProgress('');
      if ((error as Error)?.name === 'AbortError') {
        announce(t(step === 'uploading' ? 'import.uploadCancelled' : 'import.readingCancelled'), 'info');
        // The server goes on reading a file it has: the preview may land in the history.
        if (step === 'reading') reloadHistory();
      } else {
        setFileError(uploadErrorMessage(error, t, lang, file));
      }
      refocusFile.current = true;
    } finally {
      upload.current = null;
      setTransfer(null);
    }
  };

  const commit = (id: string) =>
    run(async () => {
      let result: CommitResponse;
      try {
        result = await commitAll(id, (remaining) =>
          setProgress(
            remaining > 0
              ? t('import.remaining', {
                  count: formatNumber(remaining, lang),
                })
              : t('import.finishing'),
          ),
        );
      } catch (error) {
        // Another save came first: this preview can no longer be saved. The history shows it out of
        // date (and the other save) and the button goes; the refusal's message is announced by run.
        if (error instanceof ApiError && error.code === 'import_outdated') {
          setPreview(null);
          reloadHistory();
        }
        throw error;
      } finally {
        setProgress('');
      }
      announce(
        result.alreadyCommitted
          ? t('import.alreadyCommitted')
          : t('import.committed', {
              new: formatNumber(result.result.new, lang),
              changed: formatNumber(result.result.changed, lang),
              unchanged: formatNumber(result.result.unchanged, lang),
            }),
      );
      setPreview(null);
      setCommits((n) => n + 1);
      reloadHistory();
    });

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
              disabled={transfer !== null}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                setPreview(null);
                announce('', 'info');
                setFileError(chosen ? tooLarge(chosen) : '');
              }}
            />
          )}
        </Field>
        <Field label={t('import.sheet')} hint={t('import.sheetHint')}>
          {(props) => (
            <input {...props} className="input-medium" value={sheet} onChange={(e) => setSheet(e.target.value)} />
          )}
        </Field>
        {/* aria-disabled, not disabled: the button keeps focus while the file uploads. */}
        <button ref={submitButton} type="submit" className="button" aria-disabled={busy || undefined}>
          {transfer ? t('common.working') : t('import.preview')}
        </button>
        {transfer && file && (
          <TransferProgress
            transfer={transfer}
            fileName={file.name}
            onCancel={() => upload.current?.abort()}
            cancelRef={cancelButton}
          />
        )}
      </form>
      <Announcer message={progress || announcement.message} tone={announcement.tone} />

      {preview && (
        <section aria-labelledby="preview-heading" className="panel">
          <h2 id="preview-heading">{t('import.previewTitle', { file: preview.fileName })}</h2>
          <ul className="stat-list">
            <Stat value={formatNumber(preview.rows, lang)} label={t('import.rows')} />
            <Stat value={preview.organisations.matched.length} label={t('import.organisations')} />
            <Stat
              value={preview.organisations.unknown.length}
              label={t('import.unknown')}
              tone={preview.organisations.unknown.length > 0 && 'warn'}
            />
            <Stat value={yearRange(preview.years)} label={t('import.years')} fit />
            <Stat value={preview.sectors.length} label={t('import.sectors')} />
            <Stat
              value={preview.errors.length}
              label={t('import.errors')}
              tone={preview.errors.length > 0 && 'error'}
            />
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
              {t('import.sectorList')} {preview.sectors.map((id) => t(`import.sector.${id}` as AdminKey)).join(', ')}
            </p>
          )}
          {preview.organisations.unknown.length > 0 && (
            <DataTable
              label={t('import.unknownCaption')}
              className="compact"
              columns={[{ label: t('import.row'), numeric: true }, t('import.value')]}
            >
              {preview.organisations.unknown.map((u) => (
                <tr key={`${u.row}-${u.value}`}>
                  <td className="num">{u.row}</td>
                  <td>{u.value}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {preview.errors.length > 0 && (
            <IssueTable issues={inLanguage(preview.errors, lang)} caption={t('import.errorsCaption')} />
          )}
          {preview.warnings.length > 0 && (
            <details>
              <summary>{t('import.warnings', { count: preview.warnings.length })}</summary>
              <IssueTable
                issues={inLanguage(preview.warnings, lang)}
                caption={t('import.warningsCaption')}
                messageLabel={t('import.warningColumn')}
              />
            </details>
          )}
          {preview.errors.length === 0 && <ProminentWarnings issues={preview.warnings} lang={lang} />}
          <div className="button-row">
            {preview.errors.length > 0 ? (
              <p className="notice notice-error">{t('import.fixFirst')}</p>
            ) : valuesToWrite(preview.changes) === 0 ? (
              // Saving would write nothing: no button that reports "saved" for it.
              <p className="notice notice-info">{t('import.nothingToSave')}</p>
            ) : (
              <button type="button" className="button" onClick={() => commit(preview.id)} disabled={busy}>
                {busy ? t('common.working') : t('import.commit')}
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setPreview(null);
                announce('', 'info');
              }}
              disabled={busy}
            >
              {t('import.discard')}
            </button>
          </div>
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" ref={historyHeading} tabIndex={-1}>
          {t('import.history')}
        </h2>
        <ProminentWarnings issues={rollbackWarnings} lang={lang} />
        <AsyncContent
          state={history}
          onRetry={reloadHistory}
          unavailable={t('common.notAvailable')}
          empty={t('import.historyEmpty')}
        >
          {(imports) => (
            <DataTable
              label={t('import.history')}
              captionHidden
              className="compact"
              columns={[
                t('col.when'),
                { label: t('import.fileCol'), minWidth: '12rem' },
                { label: t('col.who'), minWidth: '10rem' },
                { label: t('import.rows'), numeric: true },
                t('import.years'),
                t('import.changesCol'),
                t('filter.status'),
                t('progress.col.actions'),
              ]}
            >
              {imports.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <DateTime iso={entry.createdAt} compact />
                  </td>
                  <th scope="row" className="break">
                    {entry.fileName}
                    <span className="cell-sub">
                      {t('import.orgCount', {
                        count: formatNumber(entry.organisationCount, lang),
                      })}
                      {entry.errorCount > 0 &&
                        ` · ${t('import.errorCount', {
                          count: formatNumber(entry.errorCount, lang),
                        })}`}
                    </span>
                  </th>
                  <td className="break">{entry.createdBy}</td>
                  <td className="num">{formatNumber(entry.rows, lang)}</td>
                  <td className="nowrap">{yearRange(entry.years)}</td>
                  <td>
                    {t('import.changesShort', {
                      new: formatNumber(entry.result?.new ?? entry.changes.new, lang),
                      changed: formatNumber(entry.result?.changed ?? entry.changes.changed, lang),
                    })}
                  </td>
                  <td>
                    {entry.outdatedBy ? (
                      <>
                        <span className="tag tag-problem">{t('importState.outdated')}</span>
                        <span className="cell-sub">
                          {t(
                            entry.outdatedBy.action === 'committed' ? 'import.outdatedBy' : 'import.outdatedByRollback',
                            { file: entry.outdatedBy.fileName, date: formatDateTime(entry.outdatedBy.at, lang) },
                          )}
                        </span>
                      </>
                    ) : (
                      <span className={`tag ${entry.state === 'committed' ? 'tag-ok' : ''}`}>
                        {t(`importState.${entry.state}` as AdminKey)}
                      </span>
                    )}
                  </td>
                  <ActionsCell>
                    {canCommit(entry) && (
                      <RowButton
                        onClick={() => commit(entry.id)}
                        disabled={busy}
                        name={t('import.commitFor', { file: entry.fileName })}
                      >
                        {t('import.commitShort')}
                      </RowButton>
                    )}
                    {(entry.state === 'committed' || entry.state === 'rolling_back') && (
                      <RowButton
                        danger
                        onClick={() => setRollback(entry)}
                        name={t('import.rollbackFor', { file: entry.fileName })}
                      >
                        {t('import.rollback')}
                      </RowButton>
                    )}
                  </ActionsCell>
                </tr>
              ))}
            </DataTable>
          )}
        </AsyncContent>
      </section>
      <RollbackDialog
        entry={rollback}
        imports={history.status === 'ready' ? history.value : []}
        onCancel={() => setRollback(null)}
        onRolledBack={(result) => {
          setRollback(null);
          setRollbackWarnings(result.warnings ?? []);
          announce(
            t('import.rolledBack', {
              restored: formatNumber(result.result.restored, lang),
              deleted: formatNumber(result.result.deleted, lang),
            }) +
              // The warning is read out too, not only shown above the history.
              (result.warnings ?? []).map((issue) => ` ${issueMessage(issue, lang)}`).join(''),
          );
          reloadHistory();
        }}
      />
    </>
  );
}
