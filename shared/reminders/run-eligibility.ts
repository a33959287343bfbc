/**
 * When the kansli may run the reminders job by hand (`POST …/reminders/run`, `npm run reminders`),
 * as one pure rule that the API enforces and the console follows to offer, or explain, the action.
 * The scheduled run is never refused: it runs only the open campaign, and planReminders skips every
 * contact (`campaign_not_open`) while the campaign does not take answers.
 */

export type RunnableCampaignStatus = 'draft' | 'open' | 'closed' | 'published';

/**
 * Why a run at `at` is refused:
 * - `draft`, `closed`, `published`: a real run needs an open campaign (a draft's would send nothing,
 *   a closed or published one's nothing ever again);
 * - `not_yet_open`, `deadline_passed`: the campaign is open but does not take answers at `at`
 *   (opened before its opening time, or still open after its deadline), so no step is due.
 * A dry run is refused only on a closed or published campaign, where it could show nothing: a
 * draft's dry run previews what the schedule would send at `at` once the campaign is open
 * (see planStatusFor), and an open campaign's previews any date, before or after its dates too.
 */
export type ReminderRunBlock = 'draft' | 'closed' | 'published' | 'not_yet_open' | 'deadline_passed';

interface RunnableCampaign {
  status: RunnableCampaignStatus;
  opensAt: string | Date;
  closesAt: string | Date;
}

/** Why a run of the job for `campaign` at `at` is refused, or null when it may run. */
export function reminderRunBlock(campaign: RunnableCampaign, at: Date, dryRun: boolean): ReminderRunBlock | null {
  if (dryRun) return campaign.status === 'closed' || campaign.status === 'published' ? campaign.status : null;
  if (campaign.status !== 'open') return campaign.status;
  if (at.getTime() < new Date(campaign.opensAt).getTime()) return 'not_yet_open';
  if (at.getTime() >= new Date(campaign.closesAt).getTime()) return 'deadline_passed';
  return null;
}

/**
 * The status the job plans with: a draft's dry run plans as if the campaign were open, so the kansli
 * can preview whom the invitation and the first reminders would reach before opening it. Every
 * other run plans with the status as stored.
 */
export function planStatusFor(status: RunnableCampaignStatus, dryRun: boolean): RunnableCampaignStatus {
  return dryRun && status === 'draft' ? 'open' : status;
}
