import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { type ReminderRunBlock, reminderRunBlock } from '../../../../shared/reminders/run-eligibility';
import { type Lang, useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { AsyncState } from '../../lib/use-async';
import {
  adminApi,
  type CampaignSummary,
  type ReminderLogRow,
  type ReminderPolicy,
  type ReminderRunResult,
  type RemindNowResult,
} from './api';
import {
  Announcer,
  AsyncContent,
  DataTable,
  DateTime,
  Field,
  FormDialog,
  type RowActionDialogProps,
  useAnnouncer,
  useRunAction,
} from './components';
import { type AdminKey, type AdminT, useAdminT } from './i18n';
import { isFrozen } from './lib/campaign-lifecycle';
import { errorMessage } from './lib/field-errors';
import { sendWindowOf, wholeRunSkipText } from './lib/reminder-schedule';
import { stepLabel } from './lib/step-label';
import { isoToStockholmInput, stockholmInputToIso } from './lib/stockholm-time';
import { PolicyWarnings, ReminderScheduleList } from './ReminderPlanView';
import './i18n/reminders';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function weekdaysText(weekdays: string[], t: AdminT): string {
  const sorted = WEEKDAY_KEYS.filter((d) => weekdays.includes(d));
  // A run of consecutive days reads as "mån–fre".
  const first = WEEKDAY_KEYS.indexOf(sorted[0] ?? '');
  const consecutive = sorted.length > 2 && sorted.every((d, i) => WEEKDAY_KEYS.indexOf(d) === first + i);
  if (consecutive) return `${t(`weekday.${sorted[0]}` as AdminKey)}–${t(`weekday.${sorted.at(-1)}` as AdminKey)}`;
  return sorted.map((d) => t(`weekday.${d}` as AdminKey)).join(', ');
}

/**
 * The summary of the policy that applies, then one line for each step of the chosen policy that the
 * campaign's dates left out (`chosenReminderPolicy`, set only when they left some out).
 */
export function policySummary(
  policy: Partial<ReminderPolicy> | undefined,
  t: AdminT,
  chosen?: Partial<ReminderPolicy>,
): string[] {
  return [...appliedSummary(policy, t), ...leftOutByDates(policy, chosen, t)];
}

function leftOutByDates(
  policy: Partial<ReminderPolicy> | undefined,
  chosen: Partial<ReminderPolicy> | undefined,
  t: AdminT,
): string[] {
  if (!chosen) return [];
  const names: string[] = [];
  if (chosen.invitationOnOpen !== false && policy?.invitationOnOpen === false)
    names.push(t('policy.leftOut.invitation'));
  for (const days of chosen.steps ?? []) {
    if (!(policy?.steps ?? []).includes(days)) names.push(t('policy.leftOut.step', { days }));
  }
  if (chosen.lastDay !== false && policy?.lastDay === false) names.push(t('policy.leftOut.lastDay'));
  return names.map((step) => t('policy.leftOutByDates', { step }));
}

function appliedSummary(policy: Partial<ReminderPolicy> | undefined, t: AdminT): string[] {
  const p = policy ?? {};
  const steps = [...(p.steps ?? [14, 7, 2])].sort((a, b) => b - a);
  const window = sendWindowOf(p);
  return [
    t(p.invitationOnOpen === false ? 'policy.noInvitation' : 'policy.invitation'),
    steps.length > 0
      ? t(p.lastDay === false ? 'policy.steps' : 'policy.stepsLastDay', { steps: steps.join(', ') })
      : t(p.lastDay === false ? 'policy.noSteps' : 'policy.onlyLastDay'),
    t('policy.minDays', { days: p.minDaysBetween ?? 3 }),
    t('policy.max', { count: p.maxReminders ?? 4 }),
    t('policy.window', { days: weekdaysText(window.weekdays, t), start: window.start, end: window.end }),
  ];
}

function SkippedSummary({ result, campaign }: { result: ReminderRunResult; campaign: CampaignSummary }) {
  const t = useAdminT();
  const [lang] = useLang();
  const byReason = new Map<string, number>();
  for (const s of result.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  if (byReason.size === 0) return null;
  const whole = wholeRunSkipText(result, campaign, t, lang);
  if (whole) return <p>{whole}</p>;
  return (
    <>
      <h4>{t('reminders.skipped', { count: result.skipped.length })}</h4>
      <ul className="plain-list">
        {[...byReason].map(([reason, count]) => (
          <li key={reason}>
            {t(`reason.${reason}` as AdminKey)}: {count}
          </li>
        ))}
      </ul>
    </>
  );
}

/** When the next email goes out after the run's time (the API's answer), or that none does before the deadline. */
function nextSendText(result: ReminderRunResult, t: AdminT, lang: Lang) {
  const next = result.nextSend;
  return next
    ? t('reminders.nextSend', { step: stepLabel(next.stepId, t), at: formatDateTime(next.at, lang) })
    : t('reminders.noNextSend');
}

/** Sends a real run left for the next one because it ran out of time (the API stops before its 30 s). */
function deferredCount(result: ReminderRunResult, organisationId?: string): number {
  return result.skipped.filter(
    (s) => s.reason === 'deferred' && (!organisationId || s.contact.organisationId === organisationId),
  ).length;
}

/** Who a real run now would remind, from a dry run at now: distinct contacts and their organisations. */
export function runCount(result: Pick<ReminderRunResult, 'due'>): { contacts: number; organisations: number } {
  return {
    contacts: new Set(result.due.map((d) => d.contact.id)).size,
    organisations: new Set(result.due.map((d) => d.contact.organisationId)).size,
  };
}

/**
 * Why a run now would send nothing, when the reason is the send window: the step is due but waits
 * for the window (the hourly job sends it then). Null when something is due or another reason holds.
 * The API's run keeps to the window, so the dialog says when instead of offering to send anyway;
 * "Påminn nu" on an organisation's row is the kansli's way to reach one now.
 */
export function outsideWindowText(
  result: Pick<ReminderRunResult, 'due' | 'skipped' | 'step' | 'windowOpensAt'>,
  policy: Partial<ReminderPolicy> | undefined,
  t: AdminT,
  lang: Lang,
): string | null {
  if (result.due.length > 0 || !result.step || !result.windowOpensAt) return null;
  if (!result.skipped.some((s) => s.reason === 'outside_send_window')) return null;
  const window = sendWindowOf(policy);
  return t('reminders.runOutsideWindow', {
    step: stepLabel(result.step.id, t),
    date: formatDateTime(result.windowOpensAt, lang),
    window: `${weekdaysText(window.weekdays, t)} ${window.start}–${window.end}`,
  });
}

/** A run's answer: the due step, who gets which email (or got it), and who is skipped and why. */
export function RunResult({
  result,
  campaign,
  organisationId,
}: {
  result: ReminderRunResult;
  campaign: CampaignSummary;
  organisationId?: string;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const due = result.due.filter((d) => !organisationId || d.contact.organisationId === organisationId);
  const sent = result.sent.filter((d) => !organisationId || d.contact.organisationId === organisationId);
  const list = result.dryRun ? due : sent;
  const deferred = deferredCount(result, organisationId);
  return (
    <div className="run-result">
      <p>
        {result.step
          ? t('reminders.stepDue', {
              step: stepLabel(result.step.id, t),
              at: formatDateTime(result.step.dueAt, lang),
            })
          : t('reminders.noStep')}
      </p>
      {result.nextSend !== undefined && (result.step === null || list.length === 0) && (
        <p>{nextSendText(result, t, lang)}</p>
      )}
      {/* A real run's totals are in the status message above; saying them here too repeated them. */}
      {result.dryRun && (
        <p>
          <strong>{t('reminders.wouldSend', { count: due.length })}</strong>
        </p>
      )}
      {result.dryRun && deferred > 0 && <p>{t('reminders.deferred', { count: deferred })}</p>}
      {list.length > 0 && (
        <DataTable
          label={t('reminders.recipients')}
          className="compact"
          columns={[t('col.organisation'), t('col.contact'), t('col.step'), t('col.variant')]}
        >
          {list.map((d) => (
            <tr key={`${d.contact.id}-${d.stepId}`}>
              <td>{d.contact.organisationName}</td>
              <th scope="row">
                {d.contact.name}
                <span className="cell-sub">{d.contact.email}</span>
                {/* Unsubscribed contacts get the invitation only; the list says so, not just the log. */}
                {d.contact.emailState === 'unsubscribed' && (
                  <span className="cell-sub warn-text">
                    <span aria-hidden="true">! </span>
                    {t('reminders.unsubscribedRecipient')}
                  </span>
                )}
              </th>
              <td>{stepLabel(d.stepId, t)}</td>
              <td>{t(`variant.${d.variant}` as AdminKey)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <SkippedSummary
        campaign={campaign}
        result={
          organisationId
            ? { ...result, skipped: result.skipped.filter((s) => s.contact.organisationId === organisationId) }
            : result
        }
      />
    </div>
  );
}

/**
 * The reminders panel on the progress page: the policy, a dry run for any date, a real run, the log.
 * On a published campaign no reminder applies any more: the panel says so and keeps only the log.
 */
export function RemindersPanel({
  campaign,
  refresh,
  onRun,
}: {
  campaign: CampaignSummary;
  refresh: number;
  onRun: () => void;
}) {
  const t = useAdminT();
  const [log, setLog] = useState<AsyncState<ReminderLogRow[]>>({ status: 'loading' });
  const [showAll, setShowAll] = useState(false);

  const loadLog = useCallback(() => {
    // A shown log stays while it reloads; a failed one makes way for the spinner.
    setLog((current) => (current.status === 'error' ? { status: 'loading' } : current));
    adminApi.reminderLog(campaign.year).then(
      (r) => setLog({ status: 'ready', value: [...r.entries].sort((a, b) => b.at.localeCompare(a.at)) }),
      (error: unknown) => setLog({ status: 'error', error }),
    );
  }, [campaign.year]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` asks for a reload after row actions.
  useEffect(loadLog, [loadLog, refresh]);

  return (
    <section className="panel" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('reminders.title')}</h2>
      {isFrozen(campaign) ? (
        <p className="notice notice-info" data-testid="reminders-published">
          {t('reminders.publishedLocked')}
        </p>
      ) : (
        <ReminderTools
          campaign={campaign}
          onRun={() => {
            loadLog();
            onRun();
          }}
        />
      )}

      <h3>{t('reminders.log')}</h3>
      <AsyncContent
        state={log}
        onRetry={loadLog}
        unavailable={t('common.notAvailable')}
        empty={t('reminders.logEmpty')}
      >
        {(entries) => (
          <>
            <DataTable
              label={t('reminders.log')}
              caption={t('reminders.logCaption', { count: entries.length })}
              captionHidden
              className="compact"
              columns={[t('col.when'), t('col.organisation'), t('col.contact'), t('col.step'), t('col.delivery')]}
            >
              {(showAll ? entries : entries.slice(0, 25)).map((entry) => (
                // An earlier recipient of the same contact and step is a row of its own.
                <tr key={`${entry.contactId}-${entry.stepId}-${entry.at}`}>
                  <td>
                    <DateTime iso={entry.sentAt ?? entry.at} compact />
                  </td>
                  <td>{entry.organisationName ?? entry.organisationId}</td>
                  <th scope="row">
                    {entry.contactName ?? t('reminders.removedContact')}
                    {entry.email && <span className="cell-sub">{entry.email}</span>}
                    {entry.currentContact && (
                      <span className="cell-sub">
                        {t('reminders.nowContact', {
                          name: entry.currentContact.name,
                          email: entry.currentContact.email,
                        })}
                      </span>
                    )}
                    {entry.emailState && entry.emailState !== 'ok' && (
                      <span className="cell-sub warn-text">
                        <span aria-hidden="true">! </span>
                        {t(`emailState.${entry.emailState}` as AdminKey)}
                      </span>
                    )}
                  </th>
                  <td>{stepLabel(entry.stepId, t)}</td>
                  <td>
                    <span className={`tag ${entry.state === 'failed' ? 'tag-problem' : 'tag-ok'}`}>
                      {t(`delivery.${entry.state}` as AdminKey)}
                    </span>
                    {entry.attempts > 1 && (
                      <span className="cell-sub">{t('reminders.attempts', { count: entry.attempts })}</span>
                    )}
                    {entry.error && <span className="cell-sub warn-text">{entry.error}</span>}
                  </td>
                </tr>
              ))}
            </DataTable>
            {entries.length > 25 && (
              <button type="button" className="link-button" onClick={() => setShowAll((s) => !s)}>
                {showAll ? t('common.showFewer') : t('common.showAll', { count: entries.length })}
              </button>
            )}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

/** Why the panel does not offer "Skicka aktuella påminnelser nu" (the API refuses it then too). */
const RUN_BLOCKED: Record<ReminderRunBlock, AdminKey> = {
  draft: 'reminders.runBlocked.draft',
  not_yet_open: 'reminders.runBlocked.notYetOpen',
  deadline_passed: 'reminders.runBlocked.deadlinePassed',
  closed: 'reminders.closedLocked',
  published: 'reminders.publishedLocked',
};

/**
 * What the panel offers for a campaign at `now`, by the API's own rule (reminderRunBlock): the
 * dry run unless the campaign is closed or published, and the real run only while the campaign is
 * open and takes answers; otherwise the reason, to say in its place. The time for a draft's
 * dry run starts at its opening, when the invitation would go out, if that is still ahead.
 */
export function reminderActions(
  campaign: Pick<CampaignSummary, 'status' | 'opensAt' | 'closesAt'>,
  now: Date,
): { preview: boolean; run: boolean; runBlocked?: AdminKey; previewFrom: string } {
  const previewBlock = reminderRunBlock(campaign, now, true);
  const runBlock = reminderRunBlock(campaign, now, false);
  const opensLater = campaign.status === 'draft' && Date.parse(campaign.opensAt) > now.getTime();
  return {
    preview: previewBlock === null,
    run: runBlock === null,
    ...(runBlock ? { runBlocked: RUN_BLOCKED[runBlock] } : {}),
    previewFrom: opensLater ? campaign.opensAt : now.toISOString(),
  };
}

/** The policy, the dry run and "Skicka aktuella påminnelser nu": what applies until the campaign is published. */
function ReminderTools({ campaign, onRun }: { campaign: CampaignSummary; onRun: () => void }) {
  const t = useAdminT();
  const [lang] = useLang();
  const actions = reminderActions(campaign, new Date());
  const [at, setAt] = useState(() => isoToStockholmInput(actions.previewFrom));
  const [atError, setAtError] = useState('');
  const [preview, setPreview] = useState<ReminderRunResult | null>(null);
  const [confirmRun, setConfirmRun] = useState(false);
  // Before "Skicka nu": a dry run at now says how many would get a reminder (null while it runs).
  const [count, setCount] = useState<
    { contacts: number; organisations: number; outsideWindow: string | null } | { error: string } | null
  >(null);
  const [announcement, announce] = useAnnouncer();

  const openConfirm = () => {
    setCount(null);
    setConfirmRun(true);
    adminApi.runReminders(campaign.year, { dryRun: true }).then(
      (result) =>
        setCount({
          ...runCount(result),
          outsideWindow: outsideWindowText(
            result,
            campaign.reminderPolicy as Partial<ReminderPolicy> | undefined,
            t,
            lang,
          ),
        }),
      (error) => setCount({ error: errorMessage(error, t('error.generic')) }),
    );
  };
  const [busy, run] = useRunAction(announce);

  const runPreview = async () => {
    const iso = stockholmInputToIso(at);
    if (!iso) {
      setAtError(t('error.dateTime'));
      return;
    }
    setAtError('');
    await run(async () => {
      const result = await adminApi.runReminders(campaign.year, { dryRun: true, at: iso });
      setPreview(result);
      announce(t('reminders.previewDone', { count: result.due.length }));
    });
  };

  return (
    <>
      <div className="panel-grid">
        <div>
          <h3>{t('reminders.policy')}</h3>
          <ul className="plain-list policy-list">
            {policySummary(
              campaign.reminderPolicy as Partial<ReminderPolicy> | undefined,
              t,
              campaign.chosenReminderPolicy as Partial<ReminderPolicy> | undefined,
            ).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <PolicyWarnings plan={campaign} />
          <ReminderScheduleList plan={campaign} />
          <p>
            <Link href={`/kampanjer/${campaign.year}#paminnelser`}>{t('reminders.editPolicy')}</Link>
          </p>
        </div>
        <div>
          {actions.preview && (
            <>
              <h3>{t('reminders.preview')}</h3>
              <p className="hint">
                {t(campaign.status === 'draft' ? 'reminders.previewDraftHint' : 'reminders.previewHint')}
              </p>
              <div className="inline-form">
                <Field label={t('reminders.at')} error={atError} className="afield-inline">
                  {(props) => (
                    <input {...props} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
                  )}
                </Field>
                <button type="button" className="button button-secondary" onClick={runPreview} disabled={busy}>
                  {t('reminders.previewButton')}
                </button>
              </div>
            </>
          )}
          {actions.run ? (
            <p>
              <button type="button" className="button" onClick={openConfirm}>
                {t('reminders.runNow')}
              </button>
            </p>
          ) : (
            actions.runBlocked && (
              <p className="notice notice-info" data-testid="reminders-run-blocked">
                {t(actions.runBlocked, {
                  opensAt: formatDateTime(campaign.opensAt, lang),
                  closesAt: formatDateTime(campaign.closesAt, lang),
                })}
              </p>
            )
          )}
        </div>
      </div>
      <Announcer message={announcement.message} tone={announcement.tone} />
      {preview && <RunResult result={preview} campaign={campaign} />}

      <FormDialog
        open={confirmRun}
        title={t('reminders.runTitle')}
        submitLabel={t('reminders.runConfirm')}
        submitDisabled={count === null || ('contacts' in count && count.contacts === 0)}
        onCancel={() => setConfirmRun(false)}
        onSubmit={async () => {
          const result = await adminApi.runReminders(campaign.year, { dryRun: false });
          setConfirmRun(false);
          setPreview(result);
          const deferred = deferredCount(result);
          announce(
            [
              t('reminders.sent', { count: result.sent.length, failed: result.failed.length }),
              deferred > 0 ? t('reminders.deferred', { count: deferred }) : '',
            ]
              .filter(Boolean)
              .join(' '),
          );
          onRun();
        }}
      >
        <p>{t('reminders.runBody')}</p>
        <p role="status">
          {count === null ? (
            t('reminders.runCounting')
          ) : 'error' in count ? (
            t('reminders.runCountFailed', { message: count.error })
          ) : count.contacts === 0 ? (
            (count.outsideWindow ?? t('reminders.runCountNone'))
          ) : (
            <strong>{t('reminders.runCount', { count: count.contacts, organisations: count.organisations })}</strong>
          )}
        </p>
      </FormDialog>
    </>
  );
}

/** Who a "Påminn nu" email names: the contact's name and address. */
function remindNowWho(contact: RemindNowResult['sent'][number]['contact']): string {
  return `${contact.name} (${contact.email})`;
}

/** Why "Påminn nu" sends a contact nothing, in a few words for a sentence. */
function remindNowWhy(reason: string, t: AdminT): string {
  if (reason === 'already_sent') return t('remindNow.alreadyToday');
  if (reason === 'min_days_between') return t('remindNow.invitedToday');
  return t(`reason.${reason}` as AdminKey).toLowerCase();
}

/** What a "Påminn nu" did, in one sentence per outcome: who got the invitation, who the reminder, whose send failed, who got nothing and why. */
export function remindNowMessage(
  result: RemindNowResult,
  t: AdminT,
  lang: Lang,
): { message: string; tone: 'success' | 'error' } {
  const list = new Intl.ListFormat(lang === 'en' ? 'en' : 'sv', { type: 'conjunction' });
  const names = (items: Array<{ contact: RemindNowResult['sent'][number]['contact'] }>) =>
    list.format(items.map((item) => remindNowWho(item.contact)));
  const parts: string[] = [];
  const invited = result.sent.filter((s) => s.kind === 'invitation');
  const reminded = result.sent.filter((s) => s.kind !== 'invitation');
  if (invited.length > 0) parts.push(t('remindNow.invited', { names: names(invited) }));
  if (reminded.length > 0) parts.push(t('remindNow.sent', { names: names(reminded) }));
  if (result.failed.length > 0) parts.push(t('remindNow.failed', { names: names(result.failed) }));
  if (result.skipped.length > 0) {
    parts.push(
      t('remindNow.skipped', {
        names: list.format(result.skipped.map((s) => `${remindNowWho(s.contact)}: ${remindNowWhy(s.reason, t)}`)),
      }),
    );
  }
  return { message: parts.join(' '), tone: result.failed.length > 0 ? 'error' : 'success' };
}

/**
 * What a click of "Påminn nu" would send, from the API's dry run (`GET …/remind`), for the
 * confirmation: "Lisa får inbjudan, Per får en påminnelse." An unsubscribed contact, who gets the
 * invitation only, is marked.
 */
export function remindNowPlan(preview: Pick<RemindNowResult, 'due'>, t: AdminT, lang: Lang): string {
  const due = preview.due ?? [];
  if (due.length === 0) return t('remindNow.nobody');
  const list = new Intl.ListFormat(lang === 'en' ? 'en' : 'sv', { type: 'conjunction' });
  const who = (contact: RemindNowResult['sent'][number]['contact']) => {
    const name = contact.name || contact.email;
    return contact.emailState === 'unsubscribed'
      ? `${name} (${t('reminders.unsubscribedRecipient').toLowerCase()})`
      : name;
  };
  const invited = due.filter((d) => d.kind === 'invitation').map((d) => who(d.contact));
  const reminded = due.filter((d) => d.kind !== 'invitation').map((d) => who(d.contact));
  const parts = [
    invited.length > 0 && t('remindNow.willInvite', { names: list.format(invited), count: invited.length }),
    reminded.length > 0 && t('remindNow.willRemind', { names: list.format(reminded), count: reminded.length }),
  ].filter(Boolean);
  return `${parts.join(', ')}.`;
}

/** The confirm button names what goes: the invitation, a reminder, or both kinds. */
function remindNowConfirmKey(preview: RemindNowResult | null): AdminKey {
  const kinds = new Set((preview?.due ?? []).map((d) => d.kind));
  if (kinds.size > 1) return 'remindNow.confirmMixed';
  return kinds.has('invitation') ? 'remindNow.confirmInvitation' : 'remindNow.confirm';
}

/**
 * "Påminn nu" for one organisation: asks for confirmation, saying who gets the invitation (a
 * contact who has not had it) and who a reminder, from the API's dry run, then emails them now
 * (`POST …/responses/{code}/remind`). Contacts who get nothing are listed with why before sending
 * (the row's address problems while the dry run is read). The answer goes to the page's announcer;
 * an error (already reminded today, the organisation submitted meanwhile) stays in the dialog.
 */
export function RemindNowDialog({ year, row, onCancel, onDone }: RowActionDialogProps) {
  const t = useAdminT();
  const [lang] = useLang();
  const [preview, setPreview] = useState<AsyncState<RemindNowResult>>({ status: 'loading' });
  const code = row?.organisationId;
  useEffect(() => {
    // A closed dialog forgets its answer, so the next one does not open on another row's.
    setPreview({ status: 'loading' });
    if (!code) return;
    let current = true;
    adminApi.remindNowPreview(year, code).then(
      (value) => current && setPreview({ status: 'ready', value }),
      (error: unknown) => current && setPreview({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [year, code]);
  const ready = preview.status === 'ready' ? preview.value : null;
  const unreachable = (row?.emailProblems ?? []).filter((problem) => problem.email);
  return (
    <FormDialog
      open={row !== null}
      title={row ? t('remindNow.title', { name: row.name }) : ''}
      submitLabel={t(remindNowConfirmKey(ready))}
      submitDisabled={preview.status === 'loading' || (ready !== null && (ready.due ?? []).length === 0)}
      onCancel={onCancel}
      onSubmit={async () => {
        if (!row) return;
        const result = await adminApi.remindNow(year, row.organisationId);
        const { message, tone } = remindNowMessage(result, t, lang);
        onDone(message, tone);
      }}
    >
      <p>{t('remindNow.body')}</p>
      <p role="status">
        {preview.status === 'loading' ? (
          t('remindNow.planning')
        ) : preview.status === 'error' ? (
          t('remindNow.planFailed', { message: errorMessage(preview.error, t('error.generic')) })
        ) : (
          <strong>{remindNowPlan(preview.value, t, lang)}</strong>
        )}
      </p>
      {ready
        ? ready.skipped.length > 0 && (
            <>
              <p>{t('remindNow.notReached')}</p>
              <ul className="problem-list">
                {ready.skipped.map((skipped) => (
                  <li key={skipped.contact.id}>
                    <span aria-hidden="true">! </span>
                    {remindNowWho(skipped.contact)}: {remindNowWhy(skipped.reason, t)}
                  </li>
                ))}
              </ul>
            </>
          )
        : unreachable.length > 0 && (
            <>
              <p>{t('remindNow.notReached')}</p>
              <ul className="problem-list">
                {unreachable.map((problem) => (
                  <li key={`${problem.code}-${problem.contactId ?? ''}`}>
                    <span aria-hidden="true">! </span>
                    {problem.email}: {t(`problem.${problem.code}` as AdminKey)}
                  </li>
                ))}
              </ul>
            </>
          )}
    </FormDialog>
  );
}
