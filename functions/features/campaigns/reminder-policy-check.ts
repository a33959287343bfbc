import { ReminderPolicySchema } from '../../../shared/reminders/reminder-policy.schema';
import { fitPolicyToCampaign, type PolicyIssue, validatePolicy } from '../../../shared/reminders/validate-policy';
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
    })),
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

/**
 * A policy nobody wrote for these dates (the defaults, or the previous campaign's) as stored for
 * them: with every default filled in and without the steps that could not be sent between them
 * (`fitPolicyToCampaign`: e.g. "sista dagen" when the campaign closes on a Sunday or julafton), so
 * the stored policy is one the kansli can save again unchanged. `removed` holds the ids of the
 * steps taken out (`last-day`, `d2`), for the audit entry. Throws InputValidationError (400) for a
 * policy that is invalid in itself.
 */
export function fittedReminderPolicy(
  policy: Record<string, unknown>,
  dates: { opensAt: string; closesAt: string },
): { policy: Record<string, unknown>; removed: string[] } {
  const result = fitPolicyToCampaign(policy, { opensAt: new Date(dates.opensAt), closesAt: new Date(dates.closesAt) });
  if (!result.ok) throw invalidPolicy(result.errors);
  return { policy: result.policy, removed: result.removed.map((removed) => removed.step) };
}

/** A campaign's reminder-policy fields: the policy that applies, and the chosen one when it differs. */
export interface PolicyForDates {
  reminderPolicy: Record<string, unknown>;
  /** Set only when fitting took steps out (`Campaign.chosenReminderPolicy`). */
  chosenReminderPolicy?: Record<string, unknown>;
  /** The ids of the steps taken out, for the audit entry. */
  removed: string[];
}

/**
 * `chosen` (a policy the kansli, an earlier campaign or the defaults chose, not written for these
 * dates) fitted to the dates as `fittedReminderPolicy` does, with the chosen policy kept beside it
 * when steps were taken out: a later date change or the next year's campaign fits it again, so a
 * step one year's dates could not hold comes back when the dates allow it. Throws
 * InputValidationError (400) for a policy that is invalid in itself.
 */
export function policyForDates(
  chosen: Record<string, unknown>,
  dates: { opensAt: string; closesAt: string },
): PolicyForDates {
  const fitted = fittedReminderPolicy(chosen, dates);
  if (fitted.removed.length === 0) return { reminderPolicy: fitted.policy, removed: [] };
  return {
    reminderPolicy: fitted.policy,
    chosenReminderPolicy: checkedReminderPolicy(chosen),
    removed: fitted.removed,
  };
}
