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

/**
 * A refused run's facts, for its words: times as Stockholm's `YYYY-MM-DD HH:MM` (formatStockholm),
 * `at` the time the run was asked for.
 */
export interface ReminderRunRefusal {
  block: ReminderRunBlock;
  year: number;
  dryRun: boolean;
  at: string;
  opensAt: string;
  closesAt: string;
}

/**
 * The words for a refused run in Swedish and English, one set for the API's message
 * (reminderRunRefusalMessage) and the CLI's (functions/local/cli-language.ts), which each put them
 * together their own way. Reasons start in lower case: the CLI puts them after "npm run reminders: ".
 */
export interface ReminderRunRefusalWords {
  /** Why, naming the date that decides (the opening or the deadline). */
  reason(r: ReminderRunRefusal): string;
  /** Why, naming the time the run was asked for (`--at` in the CLI), for the two date reasons. */
  reasonAt(r: ReminderRunRefusal): string;
  /** "svarstid 2026-03-02 09:00–2026-04-01 17:00 Stockholmstid". */
  period(r: ReminderRunRefusal): string;
  rule: string;
  /** What a draft needs before a real run. */
  openFirst: string;
  /** What came of it: nothing sent, or nothing to preview. */
  outcome(dryRun: boolean): string;
}

export const REMINDER_RUN_REFUSAL_WORDS: Record<'sv' | 'en', ReminderRunRefusalWords> = {
  sv: {
    reason: (r) =>
      r.block === 'not_yet_open'
        ? `kampanjen ${r.year} tar emot svar först från ${r.opensAt}`
        : r.block === 'deadline_passed'
          ? `sista svarsdagen för kampanjen ${r.year} passerade ${r.closesAt}`
          : SV_STATUS_REASON[r.block](r.year),
    reasonAt: (r) =>
      r.block === 'not_yet_open'
        ? `kampanjen ${r.year} tar inte emot svar ännu vid ${r.at}`
        : r.block === 'deadline_passed'
          ? `kampanjen ${r.year} tar inte längre emot svar vid ${r.at}`
          : SV_STATUS_REASON[r.block](r.year),
    period: (r) => `svarstid ${r.opensAt}–${r.closesAt} Stockholmstid`,
    rule: 'Påminnelser skickas bara medan kampanjen är öppen och tar emot svar.',
    openFirst: 'Öppna kampanjen först.',
    outcome: (dryRun) => (dryRun ? 'Det finns inget att förhandsgranska.' : 'Inget skickades.'),
  },
  en: {
    reason: (r) =>
      r.block === 'not_yet_open'
        ? `campaign ${r.year} takes answers only from ${r.opensAt}`
        : r.block === 'deadline_passed'
          ? `the deadline of campaign ${r.year} passed at ${r.closesAt}`
          : EN_STATUS_REASON[r.block](r.year),
    reasonAt: (r) =>
      r.block === 'not_yet_open'
        ? `campaign ${r.year} does not take answers yet at ${r.at}`
        : r.block === 'deadline_passed'
          ? `campaign ${r.year} no longer takes answers at ${r.at}`
          : EN_STATUS_REASON[r.block](r.year),
    period: (r) => `answer period ${r.opensAt}–${r.closesAt} Stockholm time`,
    rule: 'Reminders go out only while the campaign is open and taking answers.',
    openFirst: 'Open the campaign first.',
    outcome: (dryRun) => (dryRun ? 'There is nothing to preview.' : 'Nothing was sent.'),
  },
};

type StatusBlock = Exclude<ReminderRunBlock, 'not_yet_open' | 'deadline_passed'>;

const SV_STATUS_REASON: Record<StatusBlock, (year: number) => string> = {
  draft: (year) => `kampanjen ${year} är ett utkast och har inte öppnats`,
  closed: (year) => `kampanjen ${year} är stängd`,
  published: (year) => `kampanjen ${year} är publicerad`,
};

const EN_STATUS_REASON: Record<StatusBlock, (year: number) => string> = {
  draft: (year) => `campaign ${year} is a draft and has not been opened`,
  closed: (year) => `campaign ${year} is closed`,
  published: (year) => `campaign ${year} is published`,
};

/**
 * The API's message for a refused run (422 `campaign_not_open_for_reminders`) in `lang`: the reason
 * with its date, the rule, what to do for a draft, and what came of it.
 */
export function reminderRunRefusalMessage(r: ReminderRunRefusal, lang: 'sv' | 'en'): string {
  const words = REMINDER_RUN_REFUSAL_WORDS[lang];
  const reason = words.reason(r);
  return [
    `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`,
    words.rule,
    ...(r.block === 'draft' ? [words.openFirst] : []),
    words.outcome(r.dryRun),
  ].join(' ');
}
