import { swedishHolidayOn } from '../domain/swedish-holidays';
import type { ReminderPlan, ReminderPolicyWarning } from '../schemas/campaign.schema';
import { ReminderPolicySchema } from './reminder-policy.schema';
import { scheduleSteps, supersededBy } from './reminder-steps';
import { stockholmDate } from './send-window';
import { validatePolicy } from './validate-policy';

/**
 * A campaign's reminder schedule and its policy's warnings, for the console: every step the job can
 * send (due inside [opensAt, closesAt)), when it goes out, and for a step the send window moves onto
 * another's instant the step sent instead (`supersededBy`, the job's own tie-break). Warnings are
 * `validatePolicy`'s for these dates; a stored policy these dates reject (stored before the check)
 * gives its errors as warnings, as those steps are not sent either. Derived on every read, never
 * stored. A policy that does not parse gives an empty plan. Never throws.
 */
export function reminderPlan(policy: unknown, dates: { opensAt: string; closesAt: string }): ReminderPlan {
  const parsed = ReminderPolicySchema.safeParse(policy ?? {});
  const campaign = { opensAt: new Date(dates.opensAt), closesAt: new Date(dates.closesAt) };
  if (!parsed.success || Number.isNaN(campaign.opensAt.getTime()) || Number.isNaN(campaign.closesAt.getTime())) {
    return { reminderSchedule: [], reminderWarnings: [] };
  }
  const steps = scheduleSteps(parsed.data, campaign).filter(
    (step) => step.dueAt >= campaign.opensAt && step.dueAt < campaign.closesAt,
  );
  const reminderSchedule = steps.map((step) => {
    // The holiday says why a step moved; one that did not move needs no reason.
    const moved = step.dueAt.getTime() !== step.nominalAt.getTime();
    const holiday = moved ? swedishHolidayOn(stockholmDate(step.nominalAt)) : undefined;
    const instead = supersededBy(step, steps);
    return {
      stepId: step.id,
      nominalAt: step.nominalAt.toISOString(),
      dueAt: step.dueAt.toISOString(),
      ...(holiday ? { holiday: { name: holiday.name, nameEn: holiday.nameEn } } : {}),
      ...(instead ? { supersededBy: instead.id } : {}),
    };
  });
  const checked = validatePolicy(parsed.data, campaign);
  const issues = checked.ok ? checked.warnings : checked.errors;
  const reminderWarnings = issues.flatMap((issue): ReminderPolicyWarning[] =>
    isWarningCode(issue.code) ? [{ ...issue, code: issue.code }] : [],
  );
  return { reminderSchedule, reminderWarnings };
}

const WARNING_CODES = new Set<string>([
  'step_superseded',
  'steps_too_close',
  'too_many_steps',
  'step_after_close',
  'step_before_open',
]);

function isWarningCode(code: string): code is ReminderPolicyWarning['code'] {
  return WARNING_CODES.has(code);
}
