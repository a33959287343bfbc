import { reminderPlan } from '../../../shared/reminders/reminder-plan';
import { ReminderPolicySchema } from '../../../shared/reminders/reminder-policy.schema';
import { fitChoiceToCampaign, type PolicyIssue, validatePolicy } from '../../../shared/reminders/validate-policy';
import type { Campaign, ReminderPlan } from '../../../shared/schemas/campaign.schema';
import { InputValidationError } from '../../errors/domain-errors';

/** The policy a campaign gets when neither the kansli nor an earlier campaign gives one: every default. */
export function defaultReminderPolicy(): Record<string, unknown> {
  return ReminderPolicySchema.parse({});
}

function invalidPolicy(errors: PolicyIssue[]): InputValidationError {
  return new InputValidationError(
    `Påminnelsepolicyn är ogiltig: ${errors.map((error) => error.message).join(' ')}`,
    errors.map((error) => ({
      path: ['reminderPolicy', ...error.path],
      code: error.code,
      message: error.message,
      messageEn: error.messageEn,
    })),
    `The reminder policy is not valid: ${errors.map((error) => error.messageEn).join(' ')}`,
  );
}

/**
 * The reminder policy as stored: validated (against the campaign's dates when given) and with every
 * default filled in, so the kansli sees the policy that applies. Throws InputValidationError (400)
 * whose details carry each problem's path under `reminderPolicy`, e.g. `['reminderPolicy', 'steps', 1]`.
 */
export function checkedReminderPolicy(
  policy: Record<string, unknown>,
  dates?: { opensAt: string; closesAt: string },
): Record<string, unknown> {
  const campaign = dates ? { opensAt: new Date(dates.opensAt), closesAt: new Date(dates.closesAt) } : undefined;
  const result = validatePolicy(policy, campaign);
  if (!result.ok) throw invalidPolicy(result.errors);
  return result.policy;
}

/** A campaign's reminder-policy fields: the policy that applies, and the chosen one when it differs. */
export interface PolicyForDates {
  reminderPolicy: Record<string, unknown>;
  /** Set only when fitting took steps out (`Campaign.chosenReminderPolicy`). */
  chosenReminderPolicy?: Record<string, unknown>;
  /** The ids of the steps taken out (`last-day`, `d2`), for the audit entry. */
  removed: string[];
}

/**
 * `chosen` (the kansli's, an earlier campaign's or the defaults) as stored for these dates: with
 * every default filled in and without the steps that could not be sent between them
 * (`fitPolicyToCampaign`: e.g. "sista dagen" when the campaign closes on a Sunday or julafton), with
 * `chosen` kept beside it when steps were taken out. So the stored policy is one the kansli can save
 * again unchanged, and a later date change or the next year's campaign fits `chosen` again: a step
 * one year's dates could not hold comes back when the dates allow it.
 *
 * Only the steps `kept` has are taken out quietly (by default all of `chosen`, which nobody wrote
 * for these dates). A policy the kansli sends passes what was chosen before as `kept`, so a step it
 * turns on that the dates cannot hold is refused instead (`fitChoiceToCampaign`). Throws
 * InputValidationError (400), with each step's path under `reminderPolicy`, for that and for a
 * policy that is invalid in itself.
 */
export function policyForDates(
  chosen: Record<string, unknown>,
  dates: { opensAt: string; closesAt: string },
  kept: Record<string, unknown> = chosen,
): PolicyForDates {
  const result = fitChoiceToCampaign(
    chosen,
    { opensAt: new Date(dates.opensAt), closesAt: new Date(dates.closesAt) },
    kept,
  );
  if (!result.ok) throw invalidPolicy(result.errors);
  const removed = result.removed.map((step) => step.step);
  if (removed.length === 0) return { reminderPolicy: result.policy, removed };
  return { reminderPolicy: result.policy, chosenReminderPolicy: checkedReminderPolicy(chosen), removed };
}

/**
 * The campaign with its reminder plan beside it (schedule and the policy's warnings on its dates,
 * `reminderPlan`), as the console's routes answer it. Derived here, never stored.
 */
export function withReminderPlan<T extends Pick<Campaign, 'reminderPolicy' | 'opensAt' | 'closesAt'>>(
  campaign: T,
): T & ReminderPlan {
  return { ...campaign, ...reminderPlan(campaign.reminderPolicy, campaign) };
}
