import { ReminderPolicySchema } from '../../../shared/reminders/reminder-policy.schema';
import { validatePolicy } from '../../../shared/reminders/validate-policy';
import { InputValidationError } from '../../errors/domain-errors';

/** The policy a campaign gets when neither the kansli nor an earlier campaign gives one: every default. */
export function defaultReminderPolicy(): Record<string, unknown> {
  return ReminderPolicySchema.parse({});
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
  if (!result.ok) {
    throw new InputValidationError(
      `Påminnelsepolicyn är ogiltig: ${result.errors.map((error) => error.message).join(' ')}`,
      result.errors.map((error) => ({
        path: ['reminderPolicy', ...error.path],
        code: error.code,
        message: error.message,
      })),
    );
  }
  return result.policy;
}
