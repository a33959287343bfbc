import {
  minutesOfDay,
  type ReminderEmailKind,
  type ReminderPolicy,
  type ReminderStepId,
} from './reminder-policy.schema';
import { addDays, earliestSendTime, type LocalDate, stockholmDate, stockholmInstant } from './send-window';

/** The campaign fields the schedule depends on. */
export interface ReminderCampaign {
  opensAt: Date;
  closesAt: Date;
  /** Only `open` sends anything; see the campaign schema for the others. */
  status: string;
}

/** One email step of a campaign, with when it nominally falls and when it may actually go out. */
export interface ReminderStep {
  id: ReminderStepId;
  kind: ReminderEmailKind;
  /** Days before the closing day for `dN`, 0 for `last-day`, null for the invitation. */
  daysBefore: number | null;
  /** The policy's time before the send window is applied. */
  nominalAt: Date;
  /** `nominalAt`, or the next window opening if that falls outside the window (e.g. on a holiday). */
  dueAt: Date;
}

/**
 * The closing day is the Stockholm date of the last instant the campaign is open, so a campaign that
 * closes at midnight (`2025-04-01T00:00` local) closes on 31 March, not on 1 April.
 */
export function closingDay(closesAt: Date): LocalDate {
  return stockholmDate(new Date(closesAt.getTime() - 1));
}

/**
 * Every step the policy defines for the campaign, in send order (invitation, then reminders from the
 * most days before closing to the fewest, then last day). Due instants:
 * - invitation: `opensAt`;
 * - `dN`: the closing day minus N calendar days, at the window's start time (08:00 by default), Stockholm time;
 * - `last-day`: the closing day at the window's start time;
 * each moved to the next window opening if it falls outside the send window (weekend, Swedish holiday,
 * evening): forward, never back, and under the same step id, so a moved step is still claimed once.
 * Steps whose due instant is not inside [opensAt, closesAt) are still listed; `validatePolicy` rejects
 * them and `dueStep` ignores them.
 */
export function scheduleSteps(
  policy: ReminderPolicy,
  campaign: Pick<ReminderCampaign, 'opensAt' | 'closesAt'>,
): ReminderStep[] {
  const window = policy.sendWindow;
  const startMinutes = minutesOfDay(window.start);
  const lastDate = closingDay(campaign.closesAt);
  const atWindowStart = (daysBefore: number) =>
    stockholmInstant({
      ...addDays(lastDate, -daysBefore),
      hour: Math.floor(startMinutes / 60),
      minute: startMinutes % 60,
    });

  const steps: ReminderStep[] = [];
  if (policy.invitationOnOpen) {
    steps.push({
      id: 'invitation',
      kind: 'invitation',
      daysBefore: null,
      nominalAt: campaign.opensAt,
      dueAt: earliestSendTime(window, campaign.opensAt),
    });
  }
  for (const days of [...policy.steps].sort((a, b) => b - a)) {
    const nominalAt = atWindowStart(days);
    steps.push({
      id: `d${days}`,
      kind: 'reminder',
      daysBefore: days,
      nominalAt,
      dueAt: earliestSendTime(window, nominalAt),
    });
  }
  if (policy.lastDay) {
    const nominalAt = atWindowStart(0);
    steps.push({
      id: 'last-day',
      kind: 'reminder',
      daysBefore: 0,
      nominalAt,
      dueAt: earliestSendTime(window, nominalAt),
    });
  }
  return steps;
}

/** A step's place in send order: the invitation first, then from the most days before closing to the last day. */
function sendOrder(step: ReminderStep): number {
  return step.daysBefore === null ? Number.NEGATIVE_INFINITY : -step.daysBefore;
}

/**
 * The step sent instead of `step` when the send window moves both onto the same instant, or
 * undefined when `step` itself is sent. Of the steps due at one instant only the later in send
 * order goes out (e.g. "sista dagen" over "2 dagar före" on a Monday deadline, whose 2-day step falls
 * on Saturday): the contact gets one email, the one that fits the moment. The one tie-break, for
 * `dueStep`, `nextSendAfter` and `validatePolicy`'s `step_superseded` warning alike.
 */
export function supersededBy(step: ReminderStep, steps: readonly ReminderStep[]): ReminderStep | undefined {
  let winner: ReminderStep | undefined;
  for (const other of steps) {
    if (other.dueAt.getTime() !== step.dueAt.getTime() || sendOrder(other) <= sendOrder(step)) continue;
    if (!winner || sendOrder(other) > sendOrder(winner)) winner = other;
  }
  return winner;
}

/** The steps that go out: `steps` without those another step supersedes (`supersededBy`), in their order. */
export function sentSteps(steps: readonly ReminderStep[]): ReminderStep[] {
  return steps.filter((step) => !supersededBy(step, steps));
}

/**
 * The step to send at `at`: of the steps due inside [opensAt, closesAt) with `dueAt ≤ at`, the one
 * with the latest `dueAt` (of two at one instant, the one `supersededBy` keeps). Earlier due steps are
 * dropped, so a job that missed a week catches up with one email, not a backlog.
 * Returns null if the campaign's status is not `open`, if `at` is before opening or at/after closing,
 * or if no step is due yet. Whether `at` is inside the send window is the planner's question.
 */
export function dueStep(policy: ReminderPolicy, campaign: ReminderCampaign, at: Date): ReminderStep | null {
  const now = at.getTime();
  const opens = campaign.opensAt.getTime();
  const closes = campaign.closesAt.getTime();
  if (campaign.status !== 'open' || now < opens || now >= closes) return null;
  let latest: ReminderStep | null = null;
  for (const step of sentSteps(scheduleSteps(policy, campaign))) {
    const due = step.dueAt.getTime();
    if (due < opens || due >= closes || due > now) continue;
    if (latest === null || due > latest.dueAt.getTime()) latest = step;
  }
  return latest;
}

/**
 * The schedule's next step after `at`, inside the campaign's answer days, and when it goes out; or
 * null when none is left before the deadline. Of two steps at one instant, the one that is sent
 * (`supersededBy`), as `dueStep` will pick then. For the console's "Nästa utskick" after a run.
 */
export function nextSendAfter(
  policy: ReminderPolicy,
  dates: { opensAt: Date; closesAt: Date },
  at: Date,
): { stepId: string; at: string } | null {
  const next = sentSteps(scheduleSteps(policy, dates))
    .filter((step) => step.dueAt > at && step.dueAt >= dates.opensAt && step.dueAt < dates.closesAt)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  return next ? { stepId: next.id, at: next.dueAt.toISOString() } : null;
}
