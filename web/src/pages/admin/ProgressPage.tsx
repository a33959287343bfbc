import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { answersEnd, closedEarly } from '../../../../shared/domain/answer-window';
import { LoadError, Loading } from '../../components/Feedback';
import { useLang } from '../../i18n';
import { readStored, writeStored } from '../../lib/browser-storage';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi, type CampaignSummary, type ProgressRow, type ProgressStatus } from './api';
import { CampaignDeadline, NotAskedNote } from './CampaignLifecycle';
import {
  Announcer,
  CampaignSelect,
  CampaignStatusTag,
  DataTable,
  DateTime,
  Field,
  FilterBar,
  FormDialog,
  ProgressStatusTag,
  ReasonField,
  type RowActionDialogProps,
  RowButton,
  reasonError,
  SearchFilter,
  ShareBar,
  showFieldErrors,
  TypeFilter,
  useAnnouncer,
  useCampaignList,
  useFilterParams,
} from './components';
import { type AdminKey, type AdminT, useAdminT } from './i18n';
import {
  isFrozen,
  isOpenPastDeadline,
  publishSummary,
  reopenDeadlineProblem,
  reopenRules,
} from './lib/campaign-lifecycle';
import {
  countByStatus,
  filterProgress,
  nextSort,
  PROGRESS_STATUSES,
  type ProgressSortKey,
  type SortDirection,
  sortProgress,
} from './lib/progress';
import { stockholmInputToIso } from './lib/stockholm-time';
import { RemindersPanel, RemindNowDialog } from './RemindersPanel';
import './i18n/progress';

// The chart loads only when the kansli opens it (the page remembers the choice): most visits need
// only the table.
const StatusChart = lazy(() => import('./StatusChart'));
const CHART_KEY = 'kk.admin.chart';

type RowAction = { kind: 'excuse' | 'reopen' | 'remind'; row: ProgressRow };

const SORT_KEYS: ProgressSortKey[] = [
  'code',
  'name',
  'status',
  'answeredShare',
  'updatedAt',
  'remindersSent',
  'problems',
];

export function ProgressPage() {
  const t = useAdminT();
  const [lang] = useLang();
  usePageTitle(t('progress.title'));
  const { campaigns, error, defaultYear } = useCampaignList();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('ar')) || defaultYear;
  const campaign = campaigns?.find((c) => c.year === year);

  return (
    <>
      <h1>{t('progress.title')}</h1>
      {error ? (
        <LoadError error={error} />
      ) : !campaigns ? (
        <Loading />
      ) : campaigns.length === 0 ? (
        <p className="lead">
          {t('progress.noCampaigns')} <Link href="/kampanjer">{t('nav.campaigns')}</Link>
        </p>
      ) : (
        <>
          <div className="page-tools">
            <CampaignSelect
              campaigns={campaigns}
              year={year}
              onChange={(next) =>
                setParams((p) => {
                  p.set('ar', String(next));
                  return p;
                })
              }
            />
            {campaign && (
              <p className="campaign-facts">
                <CampaignStatusTag status={campaign.status} />{' '}
                <CampaignDeadline campaign={campaign} label={t('progress.deadline')} />
              </p>
            )}
          </div>
          {campaign && isOpenPastDeadline(campaign, Date.now()) && (
            // The overview only points the way: closing and publishing are on the campaign page.
            <p className="notice notice-warning" data-testid="past-deadline-overview">
              {t('progress.pastDeadline', { date: formatDate(campaign.closesAt, lang) })}{' '}
              <Link href={`/kampanjer/${campaign.year}`}>{t('progress.pastDeadlineLink')}</Link>
            </p>
          )}
          {campaign && <CampaignProgress key={campaign.year} campaign={campaign} />}
        </>
      )}
    </>
  );
}

function CampaignProgress({ campaign }: { campaign: CampaignSummary }) {
  const t = useAdminT();
  const [rows, setRows] = useState<ProgressRow[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [params, setFilters] = useFilterParams();
  const [action, setAction] = useState<RowAction | null>(null);
  const [announcement, announce] = useAnnouncer();
  const [logRound, setLogRound] = useState(0);
  const [showChart, setShowChart] = useState(() => readStored('local', CHART_KEY) === '1');
  const toggleChart = (show: boolean) => {
    setShowChart(show);
    writeStored('local', CHART_KEY, show ? '1' : '0');
  };

  const load = useCallback(() => {
    adminApi.progress(campaign.year).then(setRows, setLoadError);
  }, [campaign.year]);
  useEffect(load, [load]);

  const status = (params.get('status') ?? '') as ProgressStatus | '';
  const type = (params.get('typ') ?? '') as 'kommun' | 'region' | '';
  const query = params.get('q') ?? '';
  const problemsOnly = params.get('problem') === '1';
  const sortKey = (
    SORT_KEYS.includes(params.get('sortera') as ProgressSortKey) ? params.get('sortera') : 'code'
  ) as ProgressSortKey;
  const direction: SortDirection = params.get('ordning') === 'fallande' ? 'descending' : 'ascending';
  const sort = { key: sortKey, direction };

  const visible = useMemo(
    () => (rows ? sortProgress(filterProgress(rows, { status, type, query, problemsOnly }), sortKey, direction) : []),
    [rows, status, type, query, problemsOnly, sortKey, direction],
  );
  const counts = useMemo(() => countByStatus(rows ?? []), [rows]);

  if (loadError) return <LoadError error={loadError} onRetry={load} />;
  if (!rows) return <Loading />;

  const filtered = Boolean(status || type || query || problemsOnly);
  const published = isFrozen(campaign);
  const now = Date.now();
  const closeAction = () => setAction(null);
  const afterAction = (message: string, tone: 'success' | 'error' = 'success') => {
    setAction(null);
    announce(message, tone);
    load();
    setLogRound((r) => r + 1);
  };

  return (
    <>
      <section aria-labelledby="counts-heading" className="counts-section">
        <h2 id="counts-heading" className="visually-hidden">
          {t('progress.counts')}
        </h2>
        <div className={showChart ? 'counts-grid' : undefined}>
          <ul className="stat-list">
            {PROGRESS_STATUSES.map((s) => (
              <li key={s} className={`stat stat-${s}`}>
                <button
                  type="button"
                  className="stat-button"
                  aria-pressed={status === s}
                  onClick={() => setFilters({ status: status === s ? '' : s })}
                >
                  <span className="stat-number">{counts[s]}</span>
                  <span className="stat-label">{t(`status.${s}` as AdminKey)}</span>
                </button>
              </li>
            ))}
            <li className="stat stat-total">
              <span className="stat-number">{rows.length}</span>
              <span className="stat-label">{t('progress.total')}</span>
            </li>
          </ul>
          <div>
            <button
              type="button"
              className="link-button chart-toggle"
              aria-expanded={showChart}
              aria-controls="status-chart"
              onClick={() => toggleChart(!showChart)}
            >
              {t(showChart ? 'chart.hide' : 'chart.show')}
            </button>
            <div id="status-chart">
              {showChart && (
                <Suspense fallback={<Loading />}>
                  <StatusChart counts={counts} />
                </Suspense>
              )}
            </div>
          </div>
        </div>
        <NotAskedNote names={publishSummary(rows, Date.now()).notAsked} />
      </section>

      <section aria-labelledby="table-heading">
        <h2 id="table-heading">{t('progress.organisations')}</h2>
        <FilterBar label={t('progress.filters')}>
          <SearchFilter value={query} onChange={(q) => setFilters({ q })} />
          <Field label={t('filter.status')} className="afield-inline">
            {(props) => (
              <select {...props} value={status} onChange={(e) => setFilters({ status: e.target.value })}>
                <option value="">{t('filter.all')}</option>
                {PROGRESS_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}` as AdminKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TypeFilter value={type} onChange={(typ) => setFilters({ typ })} />
          <label className="check-inline">
            <input
              type="checkbox"
              checked={problemsOnly}
              onChange={(e) => setFilters({ problem: e.target.checked ? '1' : '' })}
            />
            {t('filter.problemsOnly')}
          </label>
          {filtered && (
            <button
              type="button"
              className="link-button"
              onClick={() => setFilters({ status: '', typ: '', q: '', problem: '' })}
            >
              {t('filter.clear')}
            </button>
          )}
        </FilterBar>
        {published && <p className="notice notice-info">{t('progress.publishedLocked')}</p>}
        <p className="result-count" role="status" aria-live="polite">
          {t('progress.showing', { shown: visible.length, total: rows.length })}
        </p>
        <Announcer message={announcement.message} tone={announcement.tone} />
        {/* On a phone each row is a block and the column heads a row of sort buttons: this names
            them there. The caption already says the order to a screen reader. */}
        <p className="progress-sort-label" aria-hidden="true">
          {t('progress.sortBy')}
        </p>
        <DataTable
          label={t('progress.tableLabel')}
          caption={`${t('progress.caption', { title: campaign.title })}, ${t('common.sortedBy', { column: t(`progress.col.${sortKey}` as AdminKey) })}`}
          captionHidden
          className="progress-table"
          columns={[
            ...SORT_KEYS.map((key) => ({ label: t(`progress.col.${key}` as AdminKey), sortKey: key })),
            !published && t('progress.col.actions'),
          ]}
          sort={sort}
          onSort={(key) => {
            const next = nextSort(sort, key);
            setFilters({ sortera: next.key, ordning: next.direction === 'descending' ? 'fallande' : '' });
          }}
          empty={visible.length === 0 && t('progress.none')}
        >
          {visible.map((row) => (
            // `data-label` repeats each column's head beside its value where a phone stacks the row.
            <tr key={row.organisationId}>
              <td className="num" data-label={t('progress.col.code')}>
                {row.organisationId}
              </td>
              <th scope="row">
                <Link href={`/granskning/${campaign.year}/${row.organisationId}`}>{row.name}</Link>
                <span className="cell-sub">{t(`type.${row.type}` as AdminKey)}</span>
              </th>
              <td data-label={t('progress.col.status')}>
                <ProgressStatusTag status={row.status} />
                {row.closesAtOverride && (
                  <span className="cell-sub">
                    {t('progress.ownDeadline')} <DateTime iso={row.closesAtOverride} compact />
                  </span>
                )}
              </td>
              <td data-label={t('progress.col.answeredShare')}>
                <ShareBar share={row.answeredShare} />
              </td>
              <td data-label={t('progress.col.updatedAt')}>
                {row.updatedAt ? (
                  <>
                    <DateTime iso={row.updatedAt} compact />
                    {row.updatedBy && <span className="cell-sub">{row.updatedBy.name}</span>}
                  </>
                ) : (
                  <span className="muted">{t('progress.never')}</span>
                )}
              </td>
              <td className="num" data-label={t('progress.col.remindersSent')}>
                {row.remindersSent}
              </td>
              <td className="progress-problems" data-label={t('progress.col.problems')}>
                {row.emailProblems.length === 0 ? (
                  <span className="muted">{t('progress.noProblems')}</span>
                ) : (
                  <ul className="problem-list">
                    {row.emailProblems.map((p) => (
                      <li key={`${p.code}-${p.contactId ?? ''}`}>
                        <span aria-hidden="true">! </span>
                        {p.email ? `${p.email}: ` : ''}
                        {t(`problem.${p.code}` as AdminKey)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {/* Up to three actions may wrap rather than push the table past a 1280 px screen. A
                  published campaign's report is frozen: no action applies, the notice above says so.
                  ActionsCell's cell, with the label the phone layout shows. */}
              {!published && (
                <td className="progress-actions" data-label={t('progress.col.actions')}>
                  <div className="row-actions">
                    {(row.status === 'draft' || row.status === 'not_started') && campaign.status === 'open' && (
                      <RowButton
                        onClick={() => setAction({ kind: 'remind', row })}
                        name={t('action.remindNowFor', { name: row.name })}
                      >
                        {t('action.remindNow')}
                      </RowButton>
                    )}
                    {row.status !== 'submitted' && (
                      <RowButton
                        onClick={() => setAction({ kind: 'excuse', row })}
                        name={t(row.status === 'excused' ? 'action.unexcuseFor' : 'action.excuseFor', {
                          name: row.name,
                        })}
                      >
                        {t(row.status === 'excused' ? 'action.unexcuse' : 'action.excuse')}
                      </RowButton>
                    )}
                    {reopenRules(campaign, row, now).offered && (
                      <RowButton
                        onClick={() => setAction({ kind: 'reopen', row })}
                        name={t('action.reopenFor', { name: row.name })}
                      >
                        {t(row.status === 'submitted' ? 'action.reopen' : 'action.extend')}
                      </RowButton>
                    )}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      </section>

      <ExcuseDialog
        year={campaign.year}
        row={action?.kind === 'excuse' ? action.row : null}
        onCancel={closeAction}
        onDone={afterAction}
      />
      <ReopenDialog
        year={campaign.year}
        campaign={campaign}
        row={action?.kind === 'reopen' ? action.row : null}
        onCancel={closeAction}
        onDone={afterAction}
      />
      <RemindNowDialog
        year={campaign.year}
        row={action?.kind === 'remind' ? action.row : null}
        onCancel={closeAction}
        onDone={afterAction}
      />
      <RemindersPanel campaign={campaign} refresh={logRound} onRun={() => load()} />
    </>
  );
}

function ExcuseDialog({ year, row, onCancel, onDone }: RowActionDialogProps) {
  const t = useAdminT();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new row starts with an empty form.
  useEffect(() => {
    setReason('');
    setErrors({});
  }, [row]);
  const excusing = row?.status !== 'excused';
  return (
    <FormDialog
      open={row !== null}
      title={row ? t(excusing ? 'excuse.title' : 'unexcuse.title', { name: row.name }) : ''}
      submitLabel={t(excusing ? 'action.excuse' : 'action.unexcuse')}
      onCancel={onCancel}
      onSubmit={async () => {
        if (!row) return;
        showFieldErrors({ reason: reasonError(reason, t) }, setErrors);
        await adminApi.excuse(year, row.organisationId, { excused: excusing, reason: reason.trim() });
        onDone(t(excusing ? 'excuse.done' : 'unexcuse.done', { name: row.name }));
      }}
    >
      <p>{t(excusing ? 'excuse.body' : 'unexcuse.body')}</p>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
    </FormDialog>
  );
}

function ReopenDialog({ year, campaign, row, onCancel, onDone }: RowActionDialogProps & { campaign: CampaignSummary }) {
  const t = useAdminT();
  const [lang] = useLang();
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; deadline?: string }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new row starts with an empty form.
  useEffect(() => {
    setReason('');
    setDeadline('');
    setErrors({});
  }, [row]);
  const date = (iso: string) => formatDateTime(iso, lang);
  // The rules as the dialog opened; the API checks them again against the stored response.
  const rules = row ? reopenRules(campaign, row, Date.now()) : null;
  const reopening = rules?.intent === 'reopen';
  return (
    <FormDialog
      open={row !== null}
      title={row ? t(reopening ? 'reopen.title' : 'extend.title', { name: row.name }) : ''}
      submitLabel={t(reopening ? 'action.reopen' : 'action.extend')}
      onCancel={onCancel}
      onSubmit={async () => {
        if (!row || !rules) return;
        const closesAt = deadline ? stockholmInputToIso(deadline) : null;
        const problem = reopenDeadlineProblem({ typed: deadline, closesAt, campaign, row, now: Date.now() });
        showFieldErrors(
          { reason: reasonError(reason, t), deadline: problem && translateProblem(t, problem, date) },
          setErrors,
        );
        // `intent` says what the kansli saw: the API answers 409 if the member submitted meanwhile.
        const updated = await adminApi.reopen(year, row.organisationId, {
          reason: reason.trim(),
          intent: rules.intent,
          ...(closesAt ? { closesAt } : {}),
        });
        const until = updated.closesAtOverride ?? rules.currentDeadline ?? campaign.closesAt;
        onDone(t(reopening ? 'reopen.doneUntil' : 'extend.done', { name: row.name, date: date(until) }));
      }}
    >
      <p>{t(reopening ? 'reopen.body' : 'extend.body')}</p>
      {row && reopening && <p className="notice notice-warning">{t('reopen.consequence', { name: row.name })}</p>}
      {row && rules && (
        <p className={rules.currentDeadline ? undefined : 'notice notice-info'}>
          {rules.currentDeadline
            ? t('reopen.deadlineNow', { name: row.name, date: date(rules.currentDeadline) })
            : t('reopen.deadlinePassed', { name: row.name })}
        </p>
      )}
      <Field
        label={t('reopen.deadline')}
        hint={
          rules?.deadlineRequired
            ? closedEarly(campaign)
              ? t('reopen.deadlineHintClosedEarly', { date: date(answersEnd(campaign)) })
              : t('reopen.deadlineHintRequired', { date: date(campaign.closesAt) })
            : t('reopen.deadlineHintKeep', { date: date(rules?.currentDeadline ?? campaign.closesAt) })
        }
        error={errors.deadline}
      >
        {(props) => (
          <input
            {...props}
            type="datetime-local"
            required={rules?.deadlineRequired}
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        )}
      </Field>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} hint={t('reopen.reasonHint')} />
    </FormDialog>
  );
}

function translateProblem(
  t: AdminT,
  problem: { key: AdminKey; params?: Record<string, string> },
  date: (iso: string) => string,
): string {
  const params = { ...problem.params };
  if (params.date) params.date = date(params.date);
  return t(problem.key, params);
}
