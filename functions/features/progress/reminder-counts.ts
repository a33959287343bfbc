import type { ReminderLogRepository } from '../reminders/reminder-log.repository';

/**
 * Reminder emails sent per organisation in a campaign, from the campaign's reminder log (one paged
 * query). Counts entries in state `sent`, one per contact and step, leaving out the invitation.
 * No log yet (the job has not run) gives an empty map.
 */
export async function sentRemindersByOrganisation(
  log: ReminderLogRepository,
  year: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const entry of await log.listByCampaign(year)) {
    if (entry.state !== 'sent' || entry.stepId === 'invitation') continue;
    counts.set(entry.organisationId, (counts.get(entry.organisationId) ?? 0) + 1);
  }
  return counts;
}
