import type { z } from 'zod';
import { swedishHolidayOn } from '../domain/swedish-holidays';
import {
  type Bilingual,
  englishInputMessage,
  INVALID_VALUE_EN,
  inputMessage,
  inputText,
  type MessageValue,
} from '../i18n/input-messages';
import { type ReminderPolicy, ReminderPolicySchema, type ReminderStepId } from './reminder-policy.schema';
import { closingDay, type ReminderStep, scheduleSteps, sentSteps, supersededBy } from './reminder-steps';
import { daysBetween, formatStockholm, stockholmDate } from './send-window';

/** Stable codes for policy problems, beside the Swedish message. */
export type PolicyIssueCode =
  | 'invalid_value'
  | 'negative_days'
  | 'zero_days'
  | 'duplicate_step'
  | 'empty_window'
  | 'campaign_dates'
  | 'step_after_close'
  | 'step_before_open'
  | 'step_superseded'
  | 'steps_too_close'
  | 'too_many_steps';

/** One problem, with its path inside the policy (e.g. `['steps', 1]`), ready for a 400 body. */
export interface PolicyIssue {
  path: (string | number)[];
  code: PolicyIssueCode;
  /** Swedish. */
  message: string;
  messageEn: string;
}

export type PolicyValidation =
  | { ok: true; policy: ReminderPolicy; warnings: PolicyIssue[] }
  | { ok: false; errors: PolicyIssue[] };

/**
 * Swedish text for zod's own issues; issues the schema raises carry their own Swedish message. Both
 * come from shared/i18n/input-messages.ts, where `englishInputMessage` finds their English.
 */
function swedishMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return inputMessage('policyWrongType', { expected: issue.expected });
    case 'too_small':
      return inputMessage('policyTooSmall', { minimum: String(issue.minimum) });
    case 'too_big':
      return inputMessage('policyTooBig', { maximum: String(issue.maximum) });
    case 'unrecognized_keys':
      return inputMessage('policyUnknownField', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return inputMessage('policyValueNotAllowed');
    default:
      return inputMessage('policyValueInvalid');
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(['negative_days', 'zero_days', 'duplicate_step', 'empty_window']);

function stepLabel(step: ReminderStep): Bilingual {
  if (step.id === 'invitation') return inputText('stepInvitation');
  if (step.id === 'last-day') return inputText('stepLastDay');
  if (step.daysBefore === 1) return inputText('stepDayBefore');
  return inputText('stepDaysBefore', { days: step.daysBefore ?? 0 });
}

/** A label in the middle of a sentence. */
function lowerCase(label: Bilingual): Bilingual {
  return { message: label.message.toLowerCase(), messageEn: label.messageEn.toLowerCase() };
}

function stepPath(step: ReminderStep, policy: ReminderPolicy): (string | number)[] {
  if (step.id === 'invitation') return ['invitationOnOpen'];
  if (step.id === 'last-day') return ['lastDay'];
  return ['steps', policy.steps.indexOf(step.daysBefore ?? -1)];
}

function when(step: ReminderStep): MessageValue {
  if (step.dueAt.getTime() === step.nominalAt.getTime()) return formatStockholm(step.dueAt);
  // Naming the holiday, in each message's language, says why a weekday step moved.
  const holiday = swedishHolidayOn(stockholmDate(step.nominalAt));
  const at = formatStockholm(step.nominalAt);
  const nominal: MessageValue = holiday
    ? { message: `${at} (${holiday.name})`, messageEn: `${at} (${holiday.nameEn})` }
    : at;
  return inputText('stepMoved', { nominal, due: formatStockholm(step.dueAt) });
}

/**
 * Checks a reminder policy as the kansli submits it, for a 400 with Swedish messages and paths.
 *
 * Errors: anything the schema rejects (negative or zero days, duplicates, an empty send window, wrong
 * types, unknown fields); and, given the campaign's dates:
 * - a step that would go out at or after `closesAt`, including one pushed past closing by the send
 *   window (a Sunday or holiday closing day's "sista dagen", e.g. julafton; a closing time before the
 *   window opens): a step on a weekend or holiday moves to the next working day, never back;
 * - a reminder that would go out before or together with the invitation (or before opening without
 *   one): e.g. 40 days on a 30-day campaign. Such a step could never be sent, because only the latest
 *   due step goes out, so it is rejected rather than silently ignored.
 * Warnings (the policy is still accepted):
 * - two steps the send window pushes to the same instant: only the later one is sent (`supersededBy`),
 *   e.g. the 2-day step of a Monday deadline, which falls on Saturday and moves onto the last day;
 * - two steps fewer than `minDaysBetween` calendar days apart: whoever got the first is skipped for
 *   the second. The last day is exempt, being the final call, so the defaults (2 days before and the
 *   last day, with 3 days between) give no warning;
 * - more reminder steps than `maxReminders`: the last ones never reach anyone.
 * Never throws.
 */
export function validatePolicy(input: unknown, campaign?: { opensAt: Date; closesAt: Date }): PolicyValidation {
  const parsed = ReminderPolicySchema.safeParse(input, { error: swedishMessage });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const params = 'params' in issue ? (issue.params as { code?: string } | undefined) : undefined;
        const code = params?.code && KNOWN_CODES.has(params.code) ? (params.code as PolicyIssueCode) : 'invalid_value';
        return {
          path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
          code,
          message: issue.message,
          messageEn: englishInputMessage(issue.message) ?? INVALID_VALUE_EN,
        };
      }),
    };
  }
  const policy = parsed.data;
  if (!campaign) return { ok: true, policy, warnings: [] };

  if (campaign.closesAt.getTime() <= campaign.opensAt.getTime()) {
    return {
      ok: false,
      errors: [{ path: [], code: 'campaign_dates', ...inputText('policyCampaignDates') }],
    };
  }

  const errors: PolicyIssue[] = [];
  const warnings: PolicyIssue[] = [];
  const steps = scheduleSteps(policy, campaign);
  const invitation = steps.find((step) => step.kind === 'invitation');
  const closes = formatStockholm(campaign.closesAt);
  const campaignDays = daysBetween(stockholmDate(campaign.opensAt), closingDay(campaign.closesAt)) + 1;

  for (const step of steps) {
    const path = stepPath(step, policy);
    if (step.dueAt.getTime() >= campaign.closesAt.getTime()) {
      errors.push({
        path,
        code: 'step_after_close',
        ...inputText('policyStepAfterClose', { step: stepLabel(step), when: when(step), closes }),
      });
      continue;
    }
    if (step.kind === 'invitation') continue;
    // With an invitation a tie would be resolved in the reminder's favour and the invitation lost.
    const tooEarly = invitation
      ? step.dueAt.getTime() <= invitation.dueAt.getTime()
      : step.dueAt.getTime() < campaign.opensAt.getTime();
    if (tooEarly) {
      const against = invitation
        ? inputText('againstInvitation', { at: formatStockholm(invitation.dueAt) })
        : inputText('againstOpening', { at: formatStockholm(campaign.opensAt) });
      errors.push({
        path,
        code: 'step_before_open',
        ...inputText('policyStepBeforeOpen', { step: stepLabel(step), when: when(step), against, days: campaignDays }),
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const reminders = steps.filter((step) => step.kind === 'reminder');
  // The same tie-break as the job's (`supersededBy`): the step named is the one that goes out.
  for (const step of steps) {
    const instead = supersededBy(step, steps);
    if (!instead) continue;
    warnings.push({
      path: stepPath(step, policy),
      code: 'step_superseded',
      ...inputText('policyStepSuperseded', {
        step: stepLabel(step),
        at: formatStockholm(step.dueAt),
        later: lowerCase(stepLabel(instead)),
      }),
    });
  }
  // Gaps between the emails that go out; a superseded step sends nothing to be too close to.
  const sent = sentSteps(steps);
  for (let index = 0; index + 1 < sent.length; index += 1) {
    const earlier = sent[index];
    const later = sent[index + 1];
    if (!earlier || !later) continue;
    const gap = daysBetween(stockholmDate(earlier.dueAt), stockholmDate(later.dueAt));
    if (gap < policy.minDaysBetween && later.id !== 'last-day') {
      warnings.push({
        path: stepPath(later, policy),
        code: 'steps_too_close',
        ...inputText('policyStepsTooClose', {
          step: stepLabel(later),
          gap,
          earlier: lowerCase(stepLabel(earlier)),
          min: policy.minDaysBetween,
        }),
      });
    }
  }
  if (reminders.length > policy.maxReminders) {
    warnings.push({
      path: ['maxReminders'],
      code: 'too_many_steps',
      ...inputText('policyTooManySteps', { count: reminders.length, max: policy.maxReminders }),
    });
  }
  return { ok: true, policy, warnings };
}

/** A step `fitPolicyToCampaign` took out, with the reason `validatePolicy` gave for it. */
export interface RemovedStep {
  step: ReminderStepId;
  code: PolicyIssueCode;
  /** Swedish. */
  message: string;
  messageEn: string;
}

export type PolicyFit =
  | { ok: true; policy: ReminderPolicy; removed: RemovedStep[]; warnings: PolicyIssue[] }
  | { ok: false; errors: PolicyIssue[] };

function stepIdAt(path: (string | number)[], policy: ReminderPolicy): ReminderStepId {
  if (path[0] === 'invitationOnOpen') return 'invitation';
  if (path[0] === 'lastDay') return 'last-day';
  return `d${policy.steps[path[1] as number] ?? 0}`;
}

/**
 * A policy the kansli did not write for these dates (the defaults, or the previous campaign's),
 * made valid for them: every step `validatePolicy` rejects for the dates (after closing, or before
 * or with the invitation) is taken out (`invitationOnOpen` or `lastDay` set to false, the day
 * removed from `steps`), and `removed` says which step and why. Such a step could never be sent anyway;
 * taking it out stores a policy that the next save does not refuse for a step nobody chose.
 * Errors that are not about the dates (an invalid field) come back as `validatePolicy` gives them.
 * Never throws.
 */
export function fitPolicyToCampaign(input: unknown, campaign: { opensAt: Date; closesAt: Date }): PolicyFit {
  const first = validatePolicy(input, campaign);
  if (first.ok) return { ok: true, policy: first.policy, removed: [], warnings: first.warnings };
  const parsed = ReminderPolicySchema.safeParse(input);
  if (!parsed.success) return first;
  let policy = parsed.data;
  let result: PolicyValidation = first;
  const removed: RemovedStep[] = [];
  // Each round takes out at least one step, so this ends within the policy's step count.
  while (!result.ok) {
    if (!result.errors.every((error) => error.code === 'step_after_close' || error.code === 'step_before_open')) {
      return result;
    }
    const current = policy;
    removed.push(
      ...result.errors.map((error) => ({
        step: stepIdAt(error.path, current),
        code: error.code,
        message: error.message,
        messageEn: error.messageEn,
      })),
    );
    const paths = result.errors.map((error) => error.path);
    const dropped = new Set(paths.filter((path) => path[0] === 'steps').map((path) => policy.steps[path[1] as number]));
    const next: ReminderPolicy = {
      ...policy,
      invitationOnOpen: policy.invitationOnOpen && !paths.some((path) => path[0] === 'invitationOnOpen'),
      lastDay: policy.lastDay && !paths.some((path) => path[0] === 'lastDay'),
      steps: policy.steps.filter((days) => !dropped.has(days)),
    };
    const unchanged =
      next.invitationOnOpen === policy.invitationOnOpen &&
      next.lastDay === policy.lastDay &&
      next.steps.length === policy.steps.length;
    if (unchanged) return result;
    policy = next;
    result = validatePolicy(policy, campaign);
  }
  return { ok: true, policy: result.policy, removed, warnings: result.warnings };
}

/** The ids of the steps a policy sends: `invitation`, `d<days>` for each of `steps`, `last-day`. */
export function policyStepIds(policy: ReminderPolicy): Set<ReminderStepId> {
  const ids = new Set<ReminderStepId>(policy.steps.map((days): ReminderStepId => `d${days}`));
  if (policy.invitationOnOpen) ids.add('invitation');
  if (policy.lastDay) ids.add('last-day');
  return ids;
}

function pathOfStep(step: ReminderStepId, policy: ReminderPolicy): (string | number)[] {
  if (step === 'invitation') return ['invitationOnOpen'];
  if (step === 'last-day') return ['lastDay'];
  return ['steps', policy.steps.indexOf(Number(step.slice(1)))];
}

/**
 * The kansli's policy for these dates, given what was chosen before (`kept`: the policy the console
 * shows and sends back with every save). A step the dates cannot hold is taken out, as
 * `fitPolicyToCampaign` does, when `kept` has it too: an earlier choice that these dates leave out,
 * which comes back when they allow it. A step this choice adds (turned on, or a new day) that the
 * dates cannot hold is an error with its path, so the kansli learns at the field. Without `kept`
 * every such step is an error. Never throws.
 */
export function fitChoiceToCampaign(
  input: unknown,
  campaign: { opensAt: Date; closesAt: Date },
  kept: unknown,
): PolicyFit {
  const fit = fitPolicyToCampaign(input, campaign);
  if (!fit.ok || fit.removed.length === 0) return fit;
  const before = kept === undefined ? undefined : ReminderPolicySchema.safeParse(kept);
  const keptSteps = before?.success ? policyStepIds(before.data) : new Set<ReminderStepId>();
  const added = fit.removed.filter((removed) => !keptSteps.has(removed.step));
  if (added.length === 0) return fit;
  // The input parsed, or fitting would have failed.
  const policy = ReminderPolicySchema.parse(input);
  return {
    ok: false,
    errors: added.map((removed) => ({
      path: pathOfStep(removed.step, policy),
      code: removed.code,
      message: removed.message,
      messageEn: removed.messageEn,
    })),
  };
}
