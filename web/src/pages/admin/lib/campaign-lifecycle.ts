/**
 * The campaign lifecycle's rules in the console (the campaign page's, and reopening one
 * organisation's response on the progress page), as pure functions of data (unit-tested in
 * test/web/admin-campaign-lifecycle.test.ts): whether an open campaign is past its deadline, what
 * reopening a closed one needs, and what publishing would freeze.
 */

import { answersEnd, closedEarly } from '../../../../../shared/domain/answer-window';
import type { CampaignStatus, CampaignSummary, ProgressRow } from '../api';
import type { AdminKey } from '../i18n';

interface Dated {
  status: CampaignStatus;
  opensAt: string;
  closesAt: string;
}

/**
 * An open campaign whose last day to answer has passed: members are refused already, but it stays
 * "open" (and blocks next year's from opening) until the kansli closes it.
 */
export function isOpenPastDeadline(campaign: Pick<Dated, 'status' | 'closesAt'>, now: number): boolean {
  return campaign.status === 'open' && Date.parse(campaign.closesAt) <= now;
}

/**
 * When a campaign was closed, if that was before its deadline: its planned deadline was never
 * reached, so the console shows the close instead. Null while it is open or a draft, when it was
 * closed at or after the deadline, and for campaigns closed before `closedAt` was stored.
 */
export function closedEarlyAt(campaign: Pick<Dated, 'status' | 'closesAt'> & { closedAt?: string }): string | null {
  if (campaign.status !== 'closed' && campaign.status !== 'published') return null;
  const closed = campaign.closedAt ? Date.parse(campaign.closedAt) : Number.NaN;
  return !Number.isNaN(closed) && closed < Date.parse(campaign.closesAt) ? (campaign.closedAt as string) : null;
}

/**
 * A published campaign's report is frozen: the console offers nothing that would change it (no
 * reminders, exemptions, reopening, point adjustments or settings; the API refuses them) and says so
 * where the actions would be.
 */
export function isFrozen(campaign: Pick<Dated, 'status'>): boolean {
  return campaign.status === 'published';
}

/** A closed campaign can be opened again until it is published (the API refuses a published one). */
export function canReopen(campaign: Pick<Dated, 'status'>): boolean {
  return campaign.status === 'closed';
}

export type ReopenProblem = 'deadlineNeeded' | 'notFuture' | 'beforeOpens';

/**
 * What reopening needs. `closesAt` is the deadline the kansli chose (ISO, or null when the field is
 * empty or not a time). Members can answer only while `now < closesAt`, and the API opens a
 * campaign whatever its dates, so a campaign whose deadline has passed must get a new one first
 * (PATCH closesAt, then POST open). Answers the problem, or the deadline to keep and whether it
 * must be saved before opening.
 */
export function planReopen(
  campaign: Pick<Dated, 'opensAt' | 'closesAt'>,
  closesAt: string | null,
  now: number,
): { problem: ReopenProblem } | { closesAt: string; patch: boolean } {
  const chosen = closesAt ?? (Date.parse(campaign.closesAt) > now ? campaign.closesAt : null);
  if (!chosen) return { problem: 'deadlineNeeded' };
  if (Date.parse(chosen) <= now) return { problem: 'notFuture' };
  if (Date.parse(chosen) <= Date.parse(campaign.opensAt)) return { problem: 'beforeOpens' };
  return { closesAt: chosen, patch: Date.parse(chosen) !== Date.parse(campaign.closesAt) };
}

export interface OwnDeadline {
  organisationId: string;
  name: string;
  closesAt: string;
}

export interface PublishSummary {
  /** Organisations in the campaign (the progress page's rows). */
  total: number;
  submitted: number;
  draft: number;
  notStarted: number;
  excused: number;
  /**
   * Organisations that have not submitted and whose own deadline (set when reopening or extending)
   * still runs: publishing locks the campaign, so they can no longer submit. Soonest first.
   */
  runningOwnDeadlines: OwnDeadline[];
  /**
   * Rows that Klimatläget does not count as asked: no longer (or not yet) members on the campaign's
   * answer days, listed only for a response that was not submitted (docs/klimatlaget.md). Their names,
   * so the dialog can say why its total is higher than the report's "tillfrågade".
   */
  notAsked: string[];
}

/** The counts the publish confirmation states, from the progress endpoint's rows. */
export function publishSummary(
  rows: ReadonlyArray<
    Pick<ProgressRow, 'organisationId' | 'name' | 'status' | 'closesAtOverride'> & { inCampaign?: boolean }
  >,
  now: number,
): PublishSummary {
  const count = (status: ProgressRow['status']) => rows.filter((row) => row.status === status).length;
  const runningOwnDeadlines = rows
    .filter(
      (row) =>
        (row.status === 'draft' || row.status === 'not_started') &&
        row.closesAtOverride !== null &&
        row.closesAtOverride !== undefined &&
        Date.parse(row.closesAtOverride) > now,
    )
    .map((row) => ({ organisationId: row.organisationId, name: row.name, closesAt: row.closesAtOverride as string }))
    .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt) || a.name.localeCompare(b.name, 'sv'));
  return {
    total: rows.length,
    submitted: count('submitted'),
    draft: count('draft'),
    notStarted: count('not_started'),
    excused: count('excused'),
    runningOwnDeadlines,
    notAsked: rows
      .filter((row) => row.inCampaign === false && row.status !== 'submitted')
      .map((row) => row.name)
      .sort((a, b) => a.localeCompare(b, 'sv')),
  };
}

/**
 * An open campaign whose opening time has not come: it was opened ahead of its start, so members
 * cannot answer yet (`reopenRules` and the API agree).
 */
export function opensLater(campaign: Pick<Dated, 'status' | 'opensAt'>, now: number): boolean {
  return campaign.status === 'open' && Date.parse(campaign.opensAt) > now;
}

/**
 * Why Klimatläget cannot be published now, as the API refuses it (422 campaign_not_started /
 * nothing_to_publish): publishing locks the year for good, so never before anyone could answer or
 * with nobody submitted. `summary` is where the organisations stand, when read. Null when allowed.
 */
export function publishBlock(
  campaign: Pick<Dated, 'status' | 'opensAt'>,
  now: number,
  summary?: Pick<PublishSummary, 'submitted'> | null,
): 'notOpenYet' | 'nothingSubmitted' | null {
  if (campaign.status === 'draft' || opensLater(campaign, now)) return 'notOpenYet';
  if (summary && summary.submitted === 0) return 'nothingSubmitted';
  return null;
}

/** Where the public reads a published report. */
export const publicReportPath = (year: number) => `/klimatlaget/${year}`;

/**
 * What "Öppna igen" / "Förläng" may do for a row, as the API decides it
 * (functions/features/responses/response-admin.service.ts): offered once the campaign has opened
 * and until it is published, never for an excused organisation. A submitted response is reopened;
 * any other gets more time, which needs a new date. A reopen needs one too when the organisation
 * could not answer without it: the campaign no longer takes answers and no own deadline is to come.
 */
export function reopenRules(
  campaign: Pick<CampaignSummary, 'status' | 'opensAt' | 'closesAt'>,
  row: Pick<ProgressRow, 'status' | 'closesAtOverride'>,
  now: number,
): { offered: boolean; intent: 'reopen' | 'extend'; deadlineRequired: boolean; currentDeadline: string | null } {
  const opened = now >= Date.parse(campaign.opensAt);
  const offered = (campaign.status === 'open' || campaign.status === 'closed') && opened && row.status !== 'excused';
  const intent = row.status === 'submitted' ? 'reopen' : 'extend';
  const campaignTakesAnswers = campaign.status === 'open' && opened && now < Date.parse(campaign.closesAt);
  const own = row.closesAtOverride && Date.parse(row.closesAtOverride) > now ? row.closesAtOverride : null;
  const currentDeadline = own ?? (campaignTakesAnswers ? campaign.closesAt : null);
  return { offered, intent, deadlineRequired: intent === 'extend' || currentDeadline === null, currentDeadline };
}

/** The API's bound on an own deadline (`response-admin.service.ts`). */
const MAX_OWN_DEADLINE_DAYS = 366;

/** Why a new deadline typed into the dialog would be refused, in the console's words; undefined when fine. */
export function reopenDeadlineProblem(input: {
  typed: string;
  closesAt: string | null;
  campaign: Pick<CampaignSummary, 'status' | 'opensAt' | 'closesAt' | 'closedAt'>;
  row: Pick<ProgressRow, 'status' | 'closesAtOverride' | 'name'>;
  now: number;
}): { key: AdminKey; params?: Record<string, string> } | undefined {
  const { typed, closesAt, campaign, row, now } = input;
  const rules = reopenRules(campaign, row, now);
  if (!typed) {
    if (!rules.deadlineRequired) return undefined;
    return { key: rules.intent === 'extend' ? 'extend.error.deadlineNeeded' : 'reopen.error.deadlineNeeded' };
  }
  if (!closesAt) return { key: 'error.dateTime' };
  if (Date.parse(closesAt) <= now) return { key: 'error.deadlinePast' };
  // As the API: at most a year ahead, and after the campaign's end (its deadline or an early close).
  const latest = new Date(now + MAX_OWN_DEADLINE_DAYS * 86_400_000).toISOString();
  if (Date.parse(closesAt) > Date.parse(latest)) return { key: 'reopen.error.tooFar', params: { date: latest } };
  const end = answersEnd(campaign);
  if (Date.parse(closesAt) <= Date.parse(end)) {
    return {
      key: closedEarly(campaign) ? 'reopen.error.notAfterClose' : 'reopen.error.notAfterCampaign',
      params: { date: end },
    };
  }
  if (rules.intent === 'extend' && row.closesAtOverride && Date.parse(row.closesAtOverride) === Date.parse(closesAt)) {
    return { key: 'extend.error.same', params: { name: row.name } };
  }
  return undefined;
}
