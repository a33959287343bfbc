import type { ReminderPlan } from '../../../../shared/schemas/campaign.schema';
import { useLang } from '../../i18n';
import { useAdminT } from './i18n';
import { policyWarningLines, scheduleLine } from './lib/reminder-plan-text';
import './i18n/reminders';

/**
 * The policy's warnings on the campaign's dates (from the API's `reminderWarnings` and schedule),
 * e.g. a 2-day step a Monday deadline moves onto the last day's morning, which is not sent. Nothing
 * when there is none.
 */
export function PolicyWarnings({ plan }: { plan: Partial<ReminderPlan> }) {
  const t = useAdminT();
  const [lang] = useLang();
  const lines = policyWarningLines(plan, t, lang);
  if (lines.length === 0) return null;
  return (
    <div className="notice notice-warning" data-testid="policy-warnings">
      <p>{t('schedule.warningsTitle')}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** Each step of the schedule with the day it actually goes out, or that it is not sent and why. */
export function ReminderScheduleList({ plan }: { plan: Partial<ReminderPlan> }) {
  const t = useAdminT();
  const [lang] = useLang();
  if (!plan.reminderSchedule) return null;
  return (
    <>
      <h4>{t('schedule.title')}</h4>
      {plan.reminderSchedule.length === 0 ? (
        <p>{t('schedule.none')}</p>
      ) : (
        <ul className="plain-list schedule-list" data-testid="reminder-schedule">
          {plan.reminderSchedule.map((step) => (
            <li key={step.stepId} className={step.supersededBy ? 'warn-text' : undefined}>
              {step.supersededBy && <span aria-hidden="true">! </span>}
              {scheduleLine(step, t, lang)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
