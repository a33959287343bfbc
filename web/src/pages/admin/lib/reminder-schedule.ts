/**
 * What a reminders run's result says in words when one reason skipped every contact. The schedule
 * itself is the API's (the result's `step` and `windowOpensAt`): parsing the policy here would bring
 * its zod schema into the console's pages, over their 150 KB budget.
 */
import type { Lang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { CampaignSummary, ReminderPolicy, ReminderRunResult } from '../api';
import type { AdminT } from '../i18n';
import { weekdaysText } from '../RemindersPanel';
import { stepLabel } from './step-label';
import '../i18n/reminders';

/**
 * Why every contact was skipped, when one reason applies to the whole run (the campaign takes no
 * answers at that time, or the time is outside the send window), as a sentence that names the date.
 */
export function wholeRunSkipText(
  result: ReminderRunResult,
  campaign: Pick<CampaignSummary, 'opensAt' | 'closesAt' | 'reminderPolicy'>,
  t: AdminT,
  lang: Lang,
): string | null {
  const [first] = result.skipped;
  if (!first || result.skipped.some((s) => s.reason !== first.reason)) return null;
  const count = result.skipped.length;
  if (first.reason === 'campaign_not_open') {
    return Date.parse(result.at) < Date.parse(campaign.opensAt)
      ? t('reminders.skippedBeforeOpening', { count, date: formatDateTime(campaign.opensAt, lang) })
      : t('reminders.skippedNotTakingAnswers', { count, date: formatDateTime(campaign.closesAt, lang) });
  }
  if (first.reason === 'outside_send_window') {
    const window = sendWindowOf(campaign.reminderPolicy as Partial<ReminderPolicy> | undefined);
    const params = { count, window: `${weekdaysText(window.weekdays, t)} ${window.start}–${window.end}` };
    // What is left of the step due now goes out when the window next opens (the job runs hourly).
    return result.step && result.windowOpensAt
      ? t('reminders.skippedOutsideWindowStep', {
          ...params,
          step: stepLabel(result.step.id, t),
          date: formatDateTime(result.windowOpensAt, lang),
        })
      : t('reminders.skippedOutsideWindow', params);
  }
  return null;
}

/** The send window a stored policy applies: its own, or the policy's default (as the summary shows it). */
export function sendWindowOf(policy: Partial<ReminderPolicy> | undefined): ReminderPolicy['sendWindow'] {
  return policy?.sendWindow ?? { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' };
}
