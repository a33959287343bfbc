import type { ReminderLogRepository } from '../reminders/reminder-log.repository';

/**
 * Reminder occasions per organisation in a campaign, from the campaign's reminder log (one paged
 * query): the distinct steps with a `sent` entry, each scheduled step (`d14`, `last-day`…) and each
 * day of "Påminn nu" (`manual-<date>`) once, however many of its contacts got it, leaving out the
 * invitation. Counting emails made one click to two contacts read "2", as if reminded twice.
 * No log yet (the job has not run) gives an empty map.
 */
export async function sentRemindersByOrganisation(
  log: ReminderLogRepository,
  year: number,
): Promise<Map<string, number>> {
  const steps = new Map<string, Set<string>>();
  for (const entry of await log.listByCampaign(year)) {
    // An entry taken over for a new person keeps the earlier send in `previous`: the same step.
    const sent = entry.state === 'sent' || (entry.previous ?? []).some((earlier) => earlier.state === 'sent');
    if (!sent || entry.stepId === 'invitation') continue;
    const ofOrganisation = steps.get(entry.organisationId) ?? new Set<string>();
    ofOrganisation.add(entry.stepId);
    steps.set(entry.organisationId, ofOrganisation);
  }
  return new Map([...steps].map(([organisationId, ids]) => [organisationId, ids.size]));
}
