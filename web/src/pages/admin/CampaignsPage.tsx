import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { ReminderPlan } from '../../../../shared/schemas/campaign.schema';
import { ApiError } from '../../api/client';
import { Loading } from '../../components/Feedback';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi, type Campaign, type CampaignSummary, exportUrls, type ReminderPolicy } from './api';
import {
  CampaignDeadline,
  CloseDialog,
  PastDeadlinePrompt,
  PastDeadlineTag,
  PublishDialog,
  PublishedNotice,
  type PublishResult,
  ReopenDialog,
  useNow,
} from './CampaignLifecycle';
import {
  Announcer,
  AsyncContent,
  BackLink,
  CampaignStatusTag,
  DataTable,
  DateTime,
  DetailLoadError,
  Field,
  FormDialog,
  showFieldErrors,
  useAnnouncer,
  withFieldErrors,
} from './components';
import { type AdminKey, type AdminT, useAdminT } from './i18n';
import { canReopen, isFrozen, isOpenPastDeadline, opensLater } from './lib/campaign-lifecycle';
import { errorMessage, errorUnder, fieldErrors } from './lib/field-errors';
import { policyWarningLines } from './lib/reminder-plan-text';
import { isoToStockholmInput, stockholmInputToIso } from './lib/stockholm-time';
import { PolicyWarnings } from './ReminderPlanView';
import { policySummary } from './RemindersPanel';
import './i18n/campaigns';
import './i18n/reminders';

/**
 * Last year's dates moved 52 weeks on, as Stockholm wall-clock inputs: the same weekday and time,
 * so a deadline on a Friday afternoon stays on a Friday afternoon.
 */
export function nextYearDates(previous: { opensAt: string; closesAt: string } | undefined, year: number) {
  const shift = (iso: string | undefined, fallback: string) => {
    const local = isoToStockholmInput(iso);
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(local);
    if (!match) return fallback;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 364));
    return `${date.toISOString().slice(0, 10)}T${match[4]}`;
  };
  return {
    opensAt: shift(previous?.opensAt, `${year}-09-01T08:00`),
    closesAt: shift(previous?.closesAt, `${year}-10-30T17:00`),
  };
}

export function CampaignsPage() {
  const t = useAdminT();
  usePageTitle(t('campaign.title'));
  const [state, reload] = useAsync(() => adminApi.campaigns(), []);
  const [creating, setCreating] = useState(false);
  const now = useNow();
  const campaigns = state.status === 'ready' ? [...state.value].sort((a, b) => b.year - a.year) : [];
  const latest = campaigns[0];

  return (
    <>
      <div className="page-head">
        <h1>{t('campaign.title')}</h1>
        <div className="page-head-actions">
          <button
            type="button"
            className="button"
            onClick={() => setCreating(true)}
            disabled={state.status !== 'ready'}
          >
            {t('campaign.createNext')}
          </button>
        </div>
      </div>
      <AsyncContent state={state} onRetry={reload}>
        {() => (
          <DataTable
            label={t('campaign.title')}
            caption={t('campaign.caption')}
            captionHidden
            columns={[
              t('campaign.year'),
              t('campaign.name'),
              t('filter.status'),
              t('campaign.opensAt'),
              t('campaign.closesAt'),
              t('campaign.surveys'),
            ]}
            empty={campaigns.length === 0 && t('campaign.none')}
          >
            {campaigns.map((c) => (
              <tr key={c.year}>
                <td className="num">{c.year}</td>
                <th scope="row">
                  <Link href={`/kampanjer/${c.year}`}>{c.title}</Link>
                </th>
                <td>
                  <CampaignStatusTag status={c.status} /> <PastDeadlineTag campaign={c} now={now} />
                </td>
                <td>
                  <DateTime iso={c.opensAt} />
                </td>
                <td>
                  <CampaignDeadline campaign={c} />
                </td>
                <td>
                  <Link href={`/kampanjer/${c.year}/enkat/kommun`}>{t('type.kommun')}</Link>
                  {' · '}
                  <Link href={`/kampanjer/${c.year}/enkat/region`}>{t('type.region')}</Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncContent>
      <CreateCampaignDialog open={creating} latest={latest} onCancel={() => setCreating(false)} />
    </>
  );
}

function CreateCampaignDialog({
  open,
  latest,
  onCancel,
}: {
  open: boolean;
  latest: CampaignSummary | undefined;
  onCancel: () => void;
}) {
  const t = useAdminT();
  const [, navigate] = useLocation();
  const [year, setYear] = useState('');
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Before paint: with a plain effect the dialog showed an empty year for a frame, and a quick
  // keyboard user (or a test) could read or type into it before the defaults landed.
  useLayoutEffect(() => {
    if (!open) return;
    const next = (latest?.year ?? new Date().getFullYear()) + 1;
    const dates = nextYearDates(latest, next);
    setYear(String(next));
    setTitle(latest ? latest.title.replace(String(latest.year), String(next)) : `Medlemstest ${next}`);
    setOpensAt(dates.opensAt);
    setClosesAt(dates.closesAt);
    setErrors({});
  }, [open, latest]);
  return (
    <FormDialog
      open={open}
      title={t('campaign.createNext')}
      submitLabel={t('campaign.create')}
      onCancel={onCancel}
      onSubmit={async () => {
        const local: Record<string, string> = {};
        const y = Number(year);
        if (!Number.isInteger(y) || y < 2000 || y > 2100) local.year = t('campaign.error.year');
        if (!title.trim()) local.title = t('error.required');
        const opens = stockholmInputToIso(opensAt);
        const closes = stockholmInputToIso(closesAt);
        if (!opens) local.opensAt = t('error.dateTime');
        if (!closes) local.closesAt = t('error.dateTime');
        else if (opens && closes <= opens) local.closesAt = t('campaign.error.order');
        showFieldErrors(local, setErrors);
        await withFieldErrors(
          () => adminApi.createCampaign({ year: y, title: title.trim(), opensAt: opens!, closesAt: closes! }),
          setErrors,
          'year',
        );
        navigate(`/kampanjer/${y}`);
      }}
    >
      <p>{latest ? t('campaign.copyFrom', { year: latest.year }) : t('campaign.copyDefault')}</p>
      <Field label={t('campaign.year')} error={errors.year}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            className="input-short"
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('campaign.name')} error={errors.title}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <CampaignDateFields
        opensAt={opensAt}
        closesAt={closesAt}
        onOpensAt={setOpensAt}
        onClosesAt={setClosesAt}
        errors={errors}
      />
    </FormDialog>
  );
}

/** When a campaign opens and its last day to answer, as Swedish wall-clock time. */
function CampaignDateFields({
  opensAt,
  closesAt,
  onOpensAt,
  onClosesAt,
  errors,
}: {
  opensAt: string;
  closesAt: string;
  onOpensAt: (value: string) => void;
  onClosesAt: (value: string) => void;
  errors: { opensAt?: string; closesAt?: string };
}) {
  const t = useAdminT();
  return (
    <div className="field-row">
      <Field label={t('campaign.opensAt')} hint={t('common.swedishTime')} error={errors.opensAt}>
        {(props) => (
          <input {...props} type="datetime-local" value={opensAt} onChange={(e) => onOpensAt(e.target.value)} />
        )}
      </Field>
      <Field label={t('campaign.closesAt')} hint={t('common.swedishTime')} error={errors.closesAt}>
        {(props) => (
          <input {...props} type="datetime-local" value={closesAt} onChange={(e) => onClosesAt(e.target.value)} />
        )}
      </Field>
    </div>
  );
}

type CampaignAction = 'open' | 'close' | 'publish' | 'rescore' | 'reopen';

interface PolicyValues {
  invitationOnOpen: boolean;
  steps: string;
  lastDay: boolean;
  minDaysBetween: string;
  maxReminders: string;
  weekdays: string[];
  start: string;
  end: string;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function policyValues(policy: Partial<ReminderPolicy> | undefined): PolicyValues {
  return {
    invitationOnOpen: policy?.invitationOnOpen ?? true,
    steps: (policy?.steps ?? [14, 7, 2]).join(', '),
    lastDay: policy?.lastDay ?? true,
    minDaysBetween: String(policy?.minDaysBetween ?? 3),
    maxReminders: String(policy?.maxReminders ?? 4),
    weekdays: policy?.sendWindow?.weekdays ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: policy?.sendWindow?.start ?? '08:00',
    end: policy?.sendWindow?.end ?? '17:00',
  };
}

/** "14, 7, 2" → [14, 7, 2]; a part that is not a number stays as NaN-free text for the API to reject. */
export function parseSteps(text: string): Array<number | string> {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? Number(part) : part));
}

/** The policy the kansli chose, which the form edits; what applies may lack steps the dates leave out. */
function chosenPolicy(campaign: Pick<Campaign, 'reminderPolicy' | 'chosenReminderPolicy'>) {
  return (campaign.chosenReminderPolicy ?? campaign.reminderPolicy) as Partial<ReminderPolicy> | undefined;
}

function toPolicy(values: PolicyValues, previous: Partial<ReminderPolicy> | undefined): ReminderPolicy {
  const num = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : (text as unknown as number));
  return {
    ...previous,
    invitationOnOpen: values.invitationOnOpen,
    steps: parseSteps(values.steps) as number[],
    lastDay: values.lastDay,
    minDaysBetween: num(values.minDaysBetween),
    maxReminders: num(values.maxReminders),
    sendWindow: { weekdays: WEEKDAYS.filter((d) => values.weekdays.includes(d)), start: values.start, end: values.end },
  };
}

/** A whole number from 0 to `max` in a short box; kept as typed text so the API can say what is wrong. */
function CountField({
  label,
  error,
  max,
  value,
  onChange,
}: {
  label: string;
  error?: string;
  max: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <input
          {...props}
          type="number"
          min={0}
          max={max}
          className="input-short"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function actionText(action: CampaignAction, campaign: Campaign, t: AdminT) {
  const key = action === 'publish' && campaign.status === 'published' ? 'republish' : action;
  return {
    button: t(`campaign.action.${key}` as AdminKey),
    title: t(`campaign.confirm.${key}.title` as AdminKey, { title: campaign.title }),
    body: t(`campaign.confirm.${key}.body` as AdminKey),
  };
}

/**
 * After an action the button that had focus may be gone (the prompt once the campaign is closed,
 * "Öppna igen" once it is open): focus then goes to the actions' heading instead of the page's start.
 */
function useFocusAfterStatusChange(status: Campaign['status'] | undefined) {
  const previous = useRef(status);
  useEffect(() => {
    const changed = previous.current !== undefined && status !== undefined && previous.current !== status;
    previous.current = status;
    if (!changed) return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) document.getElementById('actions-heading')?.focus();
  }, [status]);
}

export function CampaignDetailPage({ year }: { year: number }) {
  const t = useAdminT();
  const [lang] = useLang();
  const [state, reload] = useAsync(() => adminApi.campaign(year), [year]);
  // After a save or an action, the campaign the API answered, so the page does not blink through loading.
  const [fresh, setFresh] = useState<Campaign | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new year drops the previous year's answer.
  useEffect(() => setFresh(null), [year]);
  const campaign = fresh ?? (state.status === 'ready' ? state.value : undefined);
  usePageTitle(campaign?.title ?? t('campaign.title'));
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [policy, setPolicy] = useState<PolicyValues>(policyValues(undefined));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [policyErrors, setPolicyErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState<CampaignAction | null>(null);
  // What the API answered to a publish from this page, for the revision and the counts.
  const [published, setPublished] = useState<PublishResult | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new year drops the previous year's answer.
  useEffect(() => setPublished(null), [year]);
  const [announcement, announce] = useAnnouncer();
  const now = useNow();
  useFocusAfterStatusChange(campaign?.status);

  useEffect(() => {
    if (!campaign) return;
    setTitle(campaign.title);
    setOpensAt(isoToStockholmInput(campaign.opensAt));
    setClosesAt(isoToStockholmInput(campaign.closesAt));
    // The policy as chosen: a step the dates leave out stays ticked (the summary says why it is not
    // sent), so unticking it is the kansli's choice to turn it off for good.
    setPolicy(policyValues(chosenPolicy(campaign)));
  }, [campaign]);

  if (!campaign && state.status === 'loading') return <Loading />;
  if (!campaign) {
    return (
      <DetailLoadError
        back={{ href: '/kampanjer', label: t('campaign.title') }}
        error={state.status === 'error' ? state.error : null}
        onRetry={reload}
        notFound={() => <h1>{t('campaign.notFound', { year })}</h1>}
      />
    );
  }
  const frozen = isFrozen(campaign);
  const save = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const local: Record<string, string> = {};
    const opens = stockholmInputToIso(opensAt);
    const closes = stockholmInputToIso(closesAt);
    if (!title.trim()) local.title = t('error.required');
    if (!opens) local.opensAt = t('error.dateTime');
    if (!closes) local.closesAt = t('error.dateTime');
    else if (opens && closes <= opens) local.closesAt = t('campaign.error.order');
    setErrors(local);
    setPolicyErrors({});
    if (Object.keys(local).length) {
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setSaving(true);
    try {
      const saved = await adminApi.updateCampaign(year, {
        title: title.trim(),
        opensAt: opens!,
        closesAt: closes!,
        reminderPolicy: toPolicy(policy, chosenPolicy(campaign)),
      });
      setFresh(saved);
      // A new deadline can move a step onto another's instant: say so now, not only in the policy below.
      const before = new Set(policyWarningLines(campaign, t, lang));
      const added = policyWarningLines(saved, t, lang).filter((line) => !before.has(line));
      announce([t('common.saved'), ...added].join(' '));
    } catch (error) {
      const top = fieldErrors(error);
      const fromPolicy = fieldErrors(error, ['reminderPolicy']);
      if (error instanceof ApiError && error.code === 'invalid_dates') top.closesAt = error.message;
      setErrors(top);
      setPolicyErrors(fromPolicy);
      announce(errorMessage(error, t('error.generic')), 'error');
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    } finally {
      setSaving(false);
    }
  };
  const setP = <K extends keyof PolicyValues>(key: K, value: PolicyValues[K]) =>
    setPolicy((p) => ({ ...p, [key]: value }));
  // Opened ahead of its start: nobody can answer yet, so there is nothing to publish (the API refuses).
  const notTakingAnswers = opensLater(campaign, now);
  const actions: CampaignAction[] =
    campaign.status === 'draft'
      ? ['open']
      : campaign.status === 'open'
        ? notTakingAnswers
          ? ['close', 'rescore']
          : ['close', 'publish', 'rescore']
        : canReopen(campaign)
          ? ['publish', 'reopen', 'rescore']
          : ['publish', 'rescore'];
  const pastDeadline = isOpenPastDeadline(campaign, now);
  const urls = exportUrls(year);

  return (
    <>
      <BackLink href="/kampanjer">{t('campaign.title')}</BackLink>
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {t('campaign.year')} {campaign.year}
          </p>
          <h1>{campaign.title}</h1>
        </div>
        <p className="campaign-facts">
          <CampaignStatusTag status={campaign.status} /> <PastDeadlineTag campaign={campaign} now={now} />
        </p>
      </div>
      <Announcer message={announcement.message} tone={announcement.tone} />
      {pastDeadline && (
        <PastDeadlinePrompt
          campaign={campaign}
          onClose={() => setConfirm('close')}
          // The same confirmation as the actions' button: it shows the counts and closes the campaign first.
          onPublish={actions.includes('publish') ? () => setConfirm('publish') : undefined}
        />
      )}

      <div className="detail-grid">
        <section className="panel" aria-labelledby="surveys-heading">
          <h2 id="surveys-heading">{t('campaign.surveys')}</h2>
          <ul className="link-list">
            {(['kommun', 'region'] as const).map((type) => (
              <li key={type}>
                <Link href={`/kampanjer/${year}/enkat/${type}`}>
                  {t(frozen ? 'campaign.viewSurvey' : 'campaign.editSurvey', { type: t(`type.${type}`) })}
                </Link>
                <span className="cell-sub">
                  {t('campaign.pages', { count: (campaign.surveys[type].pages ?? []).length })}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="actions-heading">
          <h2 id="actions-heading" tabIndex={-1}>
            {t('campaign.actions')}
          </h2>
          {campaign.status === 'published' && <PublishedNotice year={year} result={published} />}
          {campaign.status === 'published' && (
            // What a published campaign still lets the kansli correct, and how it reaches the report.
            <section aria-labelledby="corrections-heading">
              <h3 id="corrections-heading">{t('campaign.corrections.title')}</h3>
              <p>{t('campaign.corrections.body')}</p>
              <p>
                <Link href={`/granskning?ar=${year}`}>{t('campaign.corrections.reviewLink', { year })}</Link>
              </p>
            </section>
          )}
          {notTakingAnswers && (
            <p className="notice" data-testid="opens-later">
              {t('campaign.opensLater', { date: formatDateTime(campaign.opensAt, lang) })}
            </p>
          )}
          <div className="button-row">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={`button ${action === 'open' || action === 'publish' ? '' : 'button-secondary'}`}
                onClick={() => setConfirm(action)}
              >
                {actionText(action, campaign, t).button}
              </button>
            ))}
          </div>
          <h3>{t('campaign.exports')}</h3>
          <ul className="link-list">
            <li>
              <a href={urls.xlsx} download>
                {t('campaign.export.xlsx')}
              </a>
            </li>
            <li>
              <a href={urls.csv} download>
                {t('campaign.export.csv')}
              </a>
            </li>
            <li>
              <a href={urls.json} download={`medlemstest-${year}.json`}>
                {t('campaign.export.json')}
              </a>
            </li>
          </ul>
          {campaign.status !== 'draft' && (
            <p>
              <Link href={`/?ar=${year}`}>{t('campaign.progressLink')}</Link>
            </p>
          )}
        </section>
      </div>

      <form className="settings-form" noValidate onSubmit={save} aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('campaign.settings')}</h2>
        {frozen && <p className="notice notice-info">{t('campaign.frozen')}</p>}
        <fieldset disabled={frozen} className="plain-fieldset">
          <Field label={t('campaign.name')} error={errors.title}>
            {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
          </Field>
          <CampaignDateFields
            opensAt={opensAt}
            closesAt={closesAt}
            onOpensAt={setOpensAt}
            onClosesAt={setClosesAt}
            errors={errors}
          />
        </fieldset>

        <fieldset disabled={frozen} className="policy-fieldset" id="paminnelser">
          <legend>{t('policy.title')}</legend>
          <ul className="plain-list muted policy-now">
            {policySummary(
              campaign.reminderPolicy as Partial<ReminderPolicy> | undefined,
              t,
              campaign.chosenReminderPolicy as Partial<ReminderPolicy> | undefined,
            ).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <PolicyWarnings plan={campaign} />
          <label className="check-inline">
            <input
              type="checkbox"
              checked={policy.invitationOnOpen}
              onChange={(e) => setP('invitationOnOpen', e.target.checked)}
            />
            {t('policy.invitationLabel')}
          </label>
          <Field label={t('policy.stepsLabel')} hint={t('policy.stepsHint')} error={errorUnder(policyErrors, 'steps')}>
            {(props) => (
              <input
                {...props}
                className="input-medium"
                value={policy.steps}
                onChange={(e) => setP('steps', e.target.value)}
              />
            )}
          </Field>
          <label className="check-inline">
            <input type="checkbox" checked={policy.lastDay} onChange={(e) => setP('lastDay', e.target.checked)} />
            {t('policy.lastDayLabel')}
          </label>
          <div className="field-row">
            <CountField
              label={t('policy.minDaysLabel')}
              error={policyErrors.minDaysBetween}
              max={60}
              value={policy.minDaysBetween}
              onChange={(value) => setP('minDaysBetween', value)}
            />
            <CountField
              label={t('policy.maxLabel')}
              error={policyErrors.maxReminders}
              max={20}
              value={policy.maxReminders}
              onChange={(value) => setP('maxReminders', value)}
            />
          </div>
          <fieldset
            className={`afield weekday-group ${errorUnder(policyErrors, 'sendWindow.weekdays') ? 'afield-error' : ''}`}
          >
            <legend>{t('policy.weekdaysLabel')}</legend>
            {errorUnder(policyErrors, 'sendWindow.weekdays') && (
              <p className="error-message">{errorUnder(policyErrors, 'sendWindow.weekdays')}</p>
            )}
            {WEEKDAYS.map((d) => (
              <label key={d} className="check-inline">
                <input
                  type="checkbox"
                  checked={policy.weekdays.includes(d)}
                  onChange={(e) =>
                    setP(
                      'weekdays',
                      e.target.checked ? [...policy.weekdays, d] : policy.weekdays.filter((x) => x !== d),
                    )
                  }
                />
                {t(`weekday.${d}` as AdminKey)}
              </label>
            ))}
          </fieldset>
          <div className="field-row">
            <Field
              label={t('policy.startLabel')}
              hint={t('common.swedishTime')}
              error={policyErrors['sendWindow.start']}
            >
              {(props) => (
                <input {...props} type="time" value={policy.start} onChange={(e) => setP('start', e.target.value)} />
              )}
            </Field>
            <Field label={t('policy.endLabel')} hint={t('common.swedishTime')} error={policyErrors['sendWindow.end']}>
              {(props) => (
                <input {...props} type="time" value={policy.end} onChange={(e) => setP('end', e.target.value)} />
              )}
            </Field>
          </div>
          {Object.entries(policyErrors)
            .filter(
              ([k]) =>
                !['steps', 'minDaysBetween', 'maxReminders', 'sendWindow.start', 'sendWindow.end'].includes(k) &&
                !k.startsWith('steps.') &&
                !k.startsWith('sendWindow.weekdays'),
            )
            .map(([k, message]) => (
              <p key={k} className="error-message">
                {message}
              </p>
            ))}
        </fieldset>
        {!frozen && (
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('common.working') : t('campaign.saveSettings')}
          </button>
        )}
        <p className="muted small">{t('campaign.updated', { when: formatDateTime(campaign.updatedAt, lang) })}</p>
      </form>

      <FormDialog
        open={confirm === 'open' || confirm === 'rescore'}
        title={confirm ? actionText(confirm, campaign, t).title : ''}
        submitLabel={confirm ? actionText(confirm, campaign, t).button : ''}
        onCancel={() => setConfirm(null)}
        onSubmit={async () => {
          if (!confirm) return;
          // Open answers the campaign with its reminder plan; rescore answers the counts.
          const result = (await adminApi.campaignAction(year, confirm as 'open' | 'rescore')) as {
            rescored?: number;
            unchanged?: number;
          } & Partial<ReminderPlan>;
          const done = confirm;
          setConfirm(null);
          // Opened ahead of its start, it is "open" but takes no answers until then: say when.
          const later = done === 'open' && opensLater({ status: 'open', opensAt: campaign.opensAt }, Date.now());
          announce(
            [
              done === 'rescore'
                ? t('campaign.done.rescore', { rescored: result.rescored ?? 0, unchanged: result.unchanged ?? 0 })
                : later
                  ? t('campaign.done.openLater', { date: formatDateTime(campaign.opensAt, lang) })
                  : t(`campaign.done.${done}` as AdminKey),
              // Opening fixes the schedule: a step it will not send is said with it.
              ...(done === 'open' ? policyWarningLines(result, t, lang) : []),
            ].join(' '),
          );
          setFresh(await adminApi.campaign(year));
        }}
      >
        <p>{confirm ? actionText(confirm, campaign, t).body : ''}</p>
        {confirm === 'open' && <PolicyWarnings plan={campaign} />}
      </FormDialog>
      <CloseDialog
        open={confirm === 'close'}
        campaign={campaign}
        onCancel={() => setConfirm(null)}
        onClosed={async () => {
          setConfirm(null);
          announce(t('campaign.done.close'));
          setFresh(await adminApi.campaign(year));
        }}
      />
      <PublishDialog
        open={confirm === 'publish'}
        campaign={campaign}
        onCancel={() => setConfirm(null)}
        onPublished={async (result) => {
          setConfirm(null);
          setPublished(result);
          const done = result.unchanged ? 'campaign.done.publishUnchanged' : 'campaign.done.publish';
          announce(t(done, { revision: result.revision }));
          setFresh(await adminApi.campaign(year));
        }}
      />
      <ReopenDialog
        open={confirm === 'reopen'}
        campaign={campaign}
        onCancel={() => setConfirm(null)}
        onDone={(stored, opened) => {
          setFresh(stored);
          if (!opened) return;
          setConfirm(null);
          announce(t('campaign.done.reopen', { date: formatDateTime(stored.closesAt, lang) }));
        }}
      />
    </>
  );
}
