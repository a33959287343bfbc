/**
 * The campaign page's lifecycle parts: the prompt to close an open campaign past its deadline, the
 * close confirmation with where the organisations stand, the "Öppna igen" dialog for a closed one,
 * and the publish confirmation with what publishing freezes.
 * The rules are pure, in lib/campaign-lifecycle.ts.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { PublishResult } from '../../../../shared/klimatlaget/api.schema';
import { revisionChanges } from '../../../../shared/klimatlaget/revision-changes';
import { ApiError } from '../../api/client';
import { RevisionChangesNote, RevisionChangesTable } from '../../components/RevisionChangesTable';
import { useLang } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { adminApi, type Campaign } from './api';
import { DateTime, Field, FormDialog, showFieldErrors } from './components';
import { type AdminKey, useAdminT } from './i18n';
import {
  closedEarlyAt,
  isOpenPastDeadline,
  type PublishSummary,
  planReopen,
  publicReportPath,
  publishBlock,
  publishSummary,
} from './lib/campaign-lifecycle';
import { errorMessage } from './lib/field-errors';
import { publishClosing } from './lib/publish-closing';
import { isoToStockholmInput, stockholmInputToIso } from './lib/stockholm-time';
import './i18n/campaigns';

/** The time now, refreshed every `everyMs`, so a deadline that passes while the page is open shows. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A message for the FormDialog's error box (it shows an ApiError's message, anything else as generic). */
const dialogError = (code: string, message: string) => new ApiError(400, code, message);

/**
 * The campaign's deadline, "28 december 2026 kl. 23:59" after `label`; for one closed before it,
 * "Stängd 28 november 2026" and the deadline it did not reach, in words.
 */
export function CampaignDeadline({
  campaign,
  label,
}: {
  campaign: Pick<Campaign, 'status' | 'closesAt' | 'closedAt'>;
  label?: string;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const closedAt = closedEarlyAt(campaign);
  if (!closedAt) {
    return (
      <span>
        {label && `${label} `}
        <DateTime iso={campaign.closesAt} />
      </span>
    );
  }
  return (
    <span>
      <time dateTime={closedAt}>{t('campaign.closedEarly', { date: formatDate(closedAt, lang) })}</time>{' '}
      <span className="muted">
        ({t('campaign.closedEarlyDeadline', { date: formatDateTime(campaign.closesAt, lang) })})
      </span>
    </span>
  );
}

/**
 * "Öppen" and, once the deadline has passed, "Sista svarsdagen, {date}, har passerat" beside it: in
 * words with the date (Stockholm time), so the state is not told by colour alone.
 */
export function PastDeadlineTag({ campaign, now }: { campaign: Pick<Campaign, 'status' | 'closesAt'>; now: number }) {
  const t = useAdminT();
  const [lang] = useLang();
  if (!isOpenPastDeadline(campaign, now)) return null;
  return (
    <span className="tag tag-problem tag-sentence">
      <span aria-hidden="true">! </span>
      {t('campaign.pastDeadline.tag', { date: formatDate(campaign.closesAt, lang) })}
    </span>
  );
}

/**
 * The prompt at the top of an open campaign past its deadline: what the kansli does next, in order
 * (close, review, publish), with the close action, the review and the publish confirmation right there.
 */
export function PastDeadlinePrompt({
  campaign,
  onClose,
  onPublish,
}: {
  campaign: Campaign;
  onClose: () => void;
  /** Opens the page's publish confirmation; left out where publishing is not offered. */
  onPublish?: () => void;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  return (
    <section className="notice notice-warning" aria-labelledby="past-deadline-heading" data-testid="past-deadline">
      <h2 id="past-deadline-heading">{t('campaign.pastDeadline.title')}</h2>
      <p>{t('campaign.pastDeadline.body', { date: formatDateTime(campaign.closesAt, lang) })}</p>
      <h3 id="past-deadline-next">{t('campaign.pastDeadline.next')}</h3>
      <ol className="next-steps" aria-labelledby="past-deadline-next">
        <li>
          <p>{t('campaign.pastDeadline.stepClose')}</p>
          <button type="button" className="button" onClick={onClose}>
            {t('campaign.action.close')}
          </button>
        </li>
        <li>
          <p>{t('campaign.pastDeadline.stepReview')}</p>
          <Link href={`/granskning?ar=${campaign.year}`}>
            {t('campaign.corrections.reviewLink', { year: campaign.year })}
          </Link>
        </li>
        <li>
          <p>{t('campaign.pastDeadline.stepPublish')}</p>
          {onPublish && (
            <button type="button" className="button button-secondary" onClick={onPublish}>
              {t('campaign.action.publish')}
            </button>
          )}
        </li>
      </ol>
    </section>
  );
}

/**
 * "Öppna igen" for a closed campaign, in one dialog: a deadline that has passed must be replaced
 * (saved with PATCH, then the campaign is opened); one still ahead can be kept or changed.
 */
export function ReopenDialog({
  open,
  campaign,
  onCancel,
  onDone,
}: {
  open: boolean;
  campaign: Campaign;
  onCancel: () => void;
  /** The campaign as stored afterwards; `opened` false when only the new deadline was saved. */
  onDone: (campaign: Campaign, opened: boolean) => void;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const [closesAt, setClosesAt] = useState('');
  const [errors, setErrors] = useState<{ closesAt?: string }>({});
  const [otherOpen, setOtherOpen] = useState<number | null>(null);
  const [passed, setPassed] = useState(false);

  useEffect(() => {
    if (!open) return;
    const past = Date.parse(campaign.closesAt) <= Date.now();
    setPassed(past);
    setClosesAt(past ? '' : isoToStockholmInput(campaign.closesAt));
    setErrors({});
    setOtherOpen(null);
    let live = true;
    adminApi.campaigns().then(
      (list) => live && setOtherOpen(list.find((c) => c.status === 'open' && c.year !== campaign.year)?.year ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, campaign.closesAt, campaign.year]);

  const date = formatDateTime(campaign.closesAt, lang);
  return (
    <FormDialog
      open={open}
      title={t('campaign.confirm.reopen.title', { title: campaign.title })}
      submitLabel={t('campaign.action.reopen')}
      onCancel={onCancel}
      onSubmit={async () => {
        const typed = closesAt.trim() ? stockholmInputToIso(closesAt) : null;
        if (closesAt.trim() && !typed) showFieldErrors({ closesAt: t('error.dateTime') }, setErrors);
        const plan = planReopen(campaign, typed, Date.now());
        if ('problem' in plan) {
          const key: AdminKey =
            plan.problem === 'beforeOpens' ? 'campaign.error.order' : `campaign.reopen.error.${plan.problem}`;
          showFieldErrors({ closesAt: t(key) }, setErrors);
          return;
        }
        setErrors({});
        // Checked before saving a new deadline, so a refused open does not leave a half-done change.
        const other = (await adminApi.campaigns()).find((c) => c.status === 'open' && c.year !== campaign.year);
        if (other) {
          setOtherOpen(other.year);
          throw dialogError('another_campaign_open', t('campaign.reopen.otherOpen', { year: other.year }));
        }
        const saved = plan.patch
          ? await adminApi.updateCampaign(campaign.year, {
              closesAt: plan.closesAt,
              expectedUpdatedAt: campaign.updatedAt,
            })
          : campaign;
        try {
          onDone((await adminApi.campaignAction(campaign.year, 'open')) as Campaign, true);
        } catch (error) {
          if (!plan.patch) throw error;
          onDone(saved, false);
          throw dialogError(
            error instanceof ApiError ? error.code : 'open_failed',
            t('campaign.reopen.savedNotOpened', {
              date: formatDateTime(plan.closesAt, lang),
              message: errorMessage(error, t('error.generic')),
            }),
          );
        }
      }}
    >
      <p>{t('campaign.reopen.body')}</p>
      {otherOpen !== null && (
        <p className="notice notice-warning">{t('campaign.reopen.otherOpen', { year: otherOpen })}</p>
      )}
      <p className={passed ? 'notice notice-warning' : undefined}>
        {t(passed ? 'campaign.reopen.deadlinePassed' : 'campaign.reopen.deadlineKept', { date })}
      </p>
      <Field label={t('campaign.reopen.newDeadline')} hint={t('campaign.reopen.deadlineHint')} error={errors.closesAt}>
        {(props) => (
          <input
            {...props}
            type="datetime-local"
            required={passed}
            value={closesAt}
            onChange={(e) => {
              setClosesAt(e.target.value);
              setErrors({});
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/**
 * Where the organisations stand right now, for a confirmation dialog (from the progress endpoint):
 * read afresh each time the dialog opens, nothing fetched while it is closed.
 */
function useStandingSummary(open: boolean, year: number) {
  const [state, retry] = useAsync(
    async () => (open ? publishSummary(await adminApi.progress(year), Date.now()) : null),
    [open, year],
  );
  const summary = state.status === 'ready' ? state.value : null;
  // The retry button goes away as it is pressed; focus waits on the summary instead of the page.
  const summaryRef = useRef<HTMLDivElement>(null);
  const retryFocused = () => {
    summaryRef.current?.focus();
    retry();
  };
  return { state, summary, summaryRef, retryFocused };
}

/** The summary's place in a dialog: loading, the error with a retry, or `children` once read. */
function StandingSummary({
  standing,
  testId,
  children,
}: {
  standing: ReturnType<typeof useStandingSummary>;
  testId: string;
  children: (summary: PublishSummary) => ReactNode;
}) {
  const t = useAdminT();
  const { state, summary, summaryRef, retryFocused } = standing;
  // Null while ready too, on the first render after opening, before the fetch has started.
  const loading = state.status !== 'error' && summary === null;
  return (
    <div ref={summaryRef} tabIndex={-1} aria-live="polite" aria-busy={loading} data-testid={testId}>
      {state.status === 'error' ? (
        <div className="notice notice-error">
          <p>{t('campaign.publish.loadFailed', { message: errorMessage(state.error, t('error.generic')) })}</p>
          <p>
            <button type="button" className="button button-secondary" onClick={retryFocused}>
              {t('campaign.publish.retry')}
            </button>
          </p>
        </div>
      ) : summary ? (
        children(summary)
      ) : (
        <p className="muted">{t('campaign.publish.loading')}</p>
      )}
    </div>
  );
}

/**
 * Why the console's count of organisations can be higher than Klimatläget's "tillfrågade": rows
 * listed only for a response that was not submitted, from organisations not members during the
 * campaign (`publishSummary`'s `notAsked`). Nothing when there are none.
 */
export function NotAskedNote({ names }: { names: readonly string[] }) {
  const t = useAdminT();
  if (names.length === 0) return null;
  return (
    <p className="muted" data-testid="not-asked">
      {t(names.length === 1 ? 'campaign.publish.notAskedOne' : 'campaign.publish.notAsked', {
        count: names.length,
        names: names.join(', '),
      })}
    </p>
  );
}

/** The organisations counted by where they stand, each status with the dialog's own label. */
function StandingCounts({
  summary,
  labels,
}: {
  summary: PublishSummary;
  labels: { submitted: AdminKey; draft: AdminKey; notStarted: AdminKey; excused: AdminKey };
}) {
  const t = useAdminT();
  const rows: Array<[AdminKey, number, string]> = [
    [labels.submitted, summary.submitted, 'submitted'],
    [labels.draft, summary.draft, 'draft'],
    [labels.notStarted, summary.notStarted, 'not_started'],
    [labels.excused, summary.excused, 'excused'],
  ];
  return (
    <>
      <h3>{t('campaign.publish.countsCaption', { total: summary.total })}</h3>
      <NotAskedNote names={summary.notAsked} />
      <dl className="facts">
        {rows.map(([label, count, status]) => (
          <div key={status} data-count={status}>
            <dt>{t(label)}</dt>
            <dd className="num">{count}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * The close confirmation: the deadline (closing early cuts it short), and where the organisations
 * stand right now (from the progress endpoint), as the publish confirmation shows them: those that
 * have not submitted can no longer answer, except those with an own, later deadline still running.
 */
export function CloseDialog({
  open,
  campaign,
  onCancel,
  onClosed,
}: {
  open: boolean;
  campaign: Campaign;
  onCancel: () => void;
  onClosed: () => void | Promise<void>;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const standing = useStandingSummary(open, campaign.year);
  const early = Date.parse(campaign.closesAt) > Date.now();
  const date = formatDateTime(campaign.closesAt, lang);
  return (
    <FormDialog
      open={open}
      title={t('campaign.confirm.close.title', { title: campaign.title })}
      submitLabel={t('campaign.action.close')}
      onCancel={onCancel}
      onSubmit={async () => {
        await adminApi.campaignAction(campaign.year, 'close');
        await onClosed();
      }}
    >
      <p>{t('campaign.confirm.close.body')}</p>
      <p className={early ? 'notice notice-warning' : undefined}>
        {t(early ? 'campaign.close.early' : 'campaign.close.deadlinePassed', { date })}
      </p>
      <StandingSummary standing={standing} testId="close-summary">
        {(summary) => <CloseFacts summary={summary} />}
      </StandingSummary>
    </FormDialog>
  );
}

function CloseFacts({ summary }: { summary: PublishSummary }) {
  const t = useAdminT();
  const [lang] = useLang();
  const own = summary.runningOwnDeadlines;
  return (
    <>
      <StandingCounts
        summary={summary}
        labels={{
          submitted: 'campaign.close.submitted',
          draft: 'campaign.close.drafts',
          notStarted: 'campaign.close.notStarted',
          excused: 'campaign.close.excused',
        }}
      />
      {own.length > 0 && (
        <div data-testid="close-own-deadlines">
          <p>{t('campaign.close.ownDeadlines', { count: own.length })}</p>
          <ul>
            {own.map((o) => (
              <li key={o.organisationId}>
                {t('campaign.publish.ownDeadline', { name: o.name, date: formatDateTime(o.closesAt, lang) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export type { PublishResult };

/**
 * The publish confirmation: what the report will count and leave out right now (from the progress
 * endpoint), the organisations whose own deadline publishing cuts off, and that it is public.
 */
export function PublishDialog({
  open,
  campaign,
  onCancel,
  onPublished,
}: {
  open: boolean;
  campaign: Campaign;
  onCancel: () => void;
  onPublished: (result: PublishResult) => void | Promise<void>;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const standing = useStandingSummary(open, campaign.year);
  const { summary } = standing;
  const republish = campaign.status === 'published';
  const key = republish ? 'republish' : 'publish';
  const path = publicReportPath(campaign.year);
  const closing = publishClosing(campaign, Date.now());
  // The API refuses these too; the dialog says why before anyone tries.
  const block = publishBlock(campaign, Date.now(), summary);
  const blockText = block
    ? t(`campaign.publish.blocked.${block}`, { date: formatDateTime(campaign.opensAt, lang) })
    : '';
  return (
    <FormDialog
      open={open}
      title={t(`campaign.confirm.${key}.title`, { title: campaign.title })}
      submitLabel={t(`campaign.action.${key}`)}
      onCancel={onCancel}
      submitDisabled={block !== null}
      onSubmit={async () => {
        if (!summary) throw dialogError('summary_missing', t('campaign.publish.needSummary'));
        if (block) throw dialogError(block, blockText);
        const result = (await adminApi.campaignAction(campaign.year, 'publish')) as PublishResult;
        await onPublished(result);
      }}
    >
      <p>{t(`campaign.confirm.${key}.body`)}</p>
      <p className="notice notice-warning">
        <strong>{t('campaign.publish.public', { path })}</strong>
      </p>
      {closing === 'beforeDeadline' && (
        <p>{t('campaign.publish.closesOpen', { date: formatDateTime(campaign.closesAt, lang) })}</p>
      )}
      {closing === 'pastDeadline' && <p>{t('campaign.publish.closesPastDeadline')}</p>}
      <StandingSummary standing={standing} testId="publish-summary">
        {(read) => <SummaryFacts summary={read} />}
      </StandingSummary>
      {republish && <CorrectionPreview open={open} year={campaign.year} />}
      {/* Live: "nothing submitted" is known only once the summary has been read. */}
      <div aria-live="polite">
        {block && (
          <p className="notice notice-error" data-testid="publish-blocked">
            {blockText}
          </p>
        )}
      </div>
    </FormDialog>
  );
}

/**
 * Before a correction is published: the key figures it changes in the public report, against the
 * version the public reads now (the same table the public page shows once it is published).
 * Read afresh each time the dialog opens; if it fails, publishing is still possible.
 */
function CorrectionPreview({ open, year }: { open: boolean; year: number }) {
  const t = useAdminT();
  const [state] = useAsync(async () => (open ? adminApi.publishPreview(year) : null), [open, year]);
  const preview = state.status === 'ready' ? state.value : null;
  const latest = preview?.latest;
  const diff = latest && preview ? revisionChanges(latest.report, preview.next) : null;
  return (
    <div aria-live="polite" data-testid="correction-preview">
      <h3>{t('campaign.publish.changesTitle')}</h3>
      {state.status === 'error' ? (
        <p className="muted">{t('campaign.publish.changesFailed')}</p>
      ) : !diff || !latest ? (
        <p className="muted">{t('campaign.publish.loading')}</p>
      ) : diff.changes.length + diff.sectionsChanged + diff.questionsChanged === 0 && !diff.emissionsChanged ? (
        <p>{t('campaign.publish.changesNone', { revision: latest.revision })}</p>
      ) : (
        <>
          {diff.changes.length > 0 && (
            <RevisionChangesTable
              changes={diff.changes}
              caption={t('campaign.publish.changesCaption')}
              before={t('campaign.publish.changesBefore', { revision: latest.revision })}
              after={t('campaign.publish.changesAfter', { revision: latest.revision + 1 })}
            />
          )}
          <RevisionChangesNote diff={diff} />
        </>
      )}
    </div>
  );
}

function SummaryFacts({ summary }: { summary: PublishSummary }) {
  const t = useAdminT();
  const [lang] = useLang();
  const own = summary.runningOwnDeadlines;
  return (
    <>
      <StandingCounts
        summary={summary}
        labels={{
          submitted: 'campaign.publish.submitted',
          draft: 'campaign.publish.drafts',
          notStarted: 'campaign.publish.notStarted',
          excused: 'campaign.publish.excused',
        }}
      />
      {own.length === 0 ? (
        <p>{t('campaign.publish.noOwnDeadlines')}</p>
      ) : (
        <div className="notice notice-warning" data-testid="own-deadlines">
          <p>
            {own.length === 1
              ? t('campaign.publish.ownDeadlinesOne')
              : t('campaign.publish.ownDeadlines', { count: own.length })}
          </p>
          <ul>
            {own.map((o) => (
              <li key={o.organisationId}>
                {t('campaign.publish.ownDeadline', { name: o.name, date: formatDateTime(o.closesAt, lang) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** After publishing, and on a published campaign: where the public reads the report. */
export function PublishedNotice({ year, result }: { year: number; result: PublishResult | null }) {
  const t = useAdminT();
  return (
    <section className="notice notice-success" aria-labelledby="published-heading" data-testid="published">
      <h3 id="published-heading">{t('campaign.published.title', { year })}</h3>
      {result?.unchanged && <p>{t('campaign.published.unchanged', { revision: result.revision })}</p>}
      {result && (
        <p>
          {t('campaign.published.revision', {
            revision: result.revision,
            respondents: result.respondents,
            organisations: result.organisations,
          })}
        </p>
      )}
      <p>
        <a href={publicReportPath(year)}>{t('campaign.published.link', { year })}</a>
      </p>
    </section>
  );
}
