import { EmailSchema, type EmailState } from '../schemas/contact.schema';
import type {
  ReminderEmailKind,
  ReminderLogEntry,
  ReminderPolicy,
  ReminderSkipReason,
  ReminderStepId,
  ReminderVariant,
} from './reminder-policy.schema';
import { countsForAddress } from './reminder-recipient';
import { dueStep, type ReminderCampaign, type ReminderStep, scheduleSteps } from './reminder-steps';
import { daysBetween, isInWindow, stockholmDate } from './send-window';

/**
 * Suggested claim lease: 15 minutes, the longest a Lambda invocation can live. A claim older than
 * that cannot belong to a run that is still going, so taking it over cannot double-send from two live
 * runs; and the hourly schedule retries it within the hour. A local run (no hard timeout) should
 * finish a batch well inside it at 10 emails a second.
 */
export const DEFAULT_CLAIM_LEASE_MS = 15 * 60 * 1000;

/** How a claimed or failed entry may be retried. */
export interface RetryOptions {
  leaseMs: number;
  maxAttempts: number;
}

/**
 * Whether the caller may (re)claim this log entry at `at`: a `claimed` entry whose lease has run out
 * (the run that claimed it crashed before recording the send), or a `failed` one, in both cases only
 * while `attempts < maxAttempts`. A `sent` entry is never retryable.
 */
export function isRetryable(entry: ReminderLogEntry, at: Date, options: RetryOptions): boolean {
  if (entry.state === 'sent' || entry.attempts >= options.maxAttempts) return false;
  if (entry.state === 'failed') return true;
  return at.getTime() - entry.at.getTime() >= options.leaseMs;
}

/** Whether an address is one we can send to; the same rule as a stored contact's email. */
export function isValidEmail(email: string): boolean {
  return EmailSchema.safeParse(email).success;
}

export interface PlanContact {
  id: string;
  email: string;
  name: string;
  role: string;
  emailState: EmailState;
}

export interface PlanOrganisation {
  id: string;
  name: string;
  type: string;
  /** The organisation's response to this campaign. */
  status: 'not_started' | 'draft' | 'submitted';
  /** Marked by the kansli as not expected to answer this campaign. */
  excused: boolean;
  answered?: number;
  total?: number;
  contacts: PlanContact[];
}

export interface PlanInput {
  policy: ReminderPolicy;
  campaign: ReminderCampaign;
  at: Date;
  organisations: PlanOrganisation[];
  /** This campaign's reminder log. */
  log: ReminderLogEntry[];
  /** Claim lease for retries; defaults to `DEFAULT_CLAIM_LEASE_MS`. Attempts come from the policy. */
  leaseMs?: number;
}

export interface PlannedEmail {
  contactId: string;
  organisationId: string;
  stepId: ReminderStepId;
  kind: ReminderEmailKind;
  variant: ReminderVariant;
  /** 1 for a first try; higher when a claimed or failed entry is retried. */
  attempt: number;
}

export interface SkippedContact {
  contactId: string;
  organisationId: string;
  reason: ReminderSkipReason;
}

export interface ReminderPlan {
  step: ReminderStep | null;
  due: PlannedEmail[];
  skipped: SkippedContact[];
}

const UNREACHABLE_FOR_INVITATION: ReadonlySet<EmailState> = new Set(['bounced', 'complained']);

function variantFor(step: ReminderStep, organisation: PlanOrganisation): ReminderVariant {
  if (step.kind === 'invitation') return 'invitation';
  if (step.id === 'last-day') return 'last-day';
  return organisation.status === 'draft' ? 'draft' : 'no-response';
}

/**
 * Decides who gets which email at `at`. Pure: the caller supplies the clock, the log and the
 * contacts, then claims each `due` item with a conditional write and sends it.
 *
 * **Catch-up invitation.** While the policy sends invitations, a reminder step is due and a contact
 * has no `sent` invitation in the log (a contact added after the invitation went out, or whose
 * invitation was skipped then, or one moved under the same id from another organisation, whose
 * invitation named that one: only an invitation entry for the contact's organisation counts), that
 * contact's email is the invitation (step `invitation`, variant `invitation`) instead of the reminder: a new person first hears what the survey is, and the log key
 * (contact, `invitation`) keeps it to one. Only an invitation with no attempts left falls back to the
 * reminder, so a broken send does not hold the contact back for good. Its step is the contact's own
 * step below (unsubscribed contacts get it, `maxReminders` does not count it, `minDaysBetween` holds
 * it back unless the run's step is the last day).
 *
 * Per contact, the first matching reason wins, in this order:
 * 1. the campaign's status is not `open` or `at` is outside [opensAt, closesAt) → `campaign_not_open`;
 *    `at` outside the send window (at night, on a weekend or a Swedish holiday) → `outside_send_window`
 *    (the step still waits; `step` says which);
 * 2. the organisation has submitted or is excused (no email of any kind) → `submitted` / `excused`;
 * 3. the contact is `bounced` or `complained` (no email of any kind), or `unsubscribed` (invitation
 *    only) → that state; an address that is not a valid email → `invalid_email`; the same contact id
 *    listed twice → `duplicate_contact`;
 * 4. the log for this contact and step (only entries claimed for the contact's current address, or
 *    recorded without one, count here and below: a new person under the same contact id starts afresh): `sent` → `already_sent`; `claimed` inside its lease →
 *    `in_progress`; `claimed` or `failed` with no attempts left → `attempts_exhausted`; otherwise a
 *    retry (due with `attempt` > 1). An entry under another organisation (the contact moved) is
 *    `already_sent` when sent and `in_progress` inside its lease; otherwise this organisation's step
 *    is a first try (`attempt` 1), as a retry claims the entry under its own organisation's key;
 * 5. reminders only: `sent` reminder steps ≥ `maxReminders` → `max_reminders`;
 * 6. any `sent` email (invitation included) fewer than `minDaysBetween` Stockholm calendar days
 *    before `at` → `min_days_between`; the run's last-day step is exempt, being the final call (also
 *    for a catch-up invitation on the last day), except after an invitation sent that same day, which
 *    already names the deadline. Calendar days, not 24-hour periods, so a step at 08:00
 *    three days after an email sent at 08:00:05 is not held back by five seconds, and DST does not
 *    shift the count.
 * When no step is due yet (e.g. invitations disabled and the first reminder not reached) the plan is
 * empty.
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const { policy, campaign, at, organisations, log } = input;
  const retry: RetryOptions = { leaseMs: input.leaseMs ?? DEFAULT_CLAIM_LEASE_MS, maxAttempts: policy.maxSendAttempts };
  const step = dueStep(policy, campaign, at);
  const due: PlannedEmail[] = [];
  const skipped: SkippedContact[] = [];

  const isOpen = campaign.status === 'open' && at >= campaign.opensAt && at < campaign.closesAt;
  let globalReason: ReminderSkipReason | null = null;
  if (!isOpen) globalReason = 'campaign_not_open';
  else if (!isInWindow(policy.sendWindow, at)) globalReason = 'outside_send_window';
  else if (step === null) return { step, due, skipped };

  const entriesByContact = new Map<string, ReminderLogEntry[]>();
  for (const entry of log) {
    const entries = entriesByContact.get(entry.contactId) ?? [];
    entries.push(entry);
    entriesByContact.set(entry.contactId, entries);
  }
  const today = stockholmDate(at);
  const seen = new Set<string>();
  // The invitation a contact without one gets instead of a reminder (see above); only while the
  // policy sends invitations and the invitation step falls inside the campaign, as dueStep asks.
  const catchUp =
    step?.kind === 'reminder' && policy.invitationOnOpen
      ? scheduleSteps(policy, campaign).find(
          (candidate) =>
            candidate.kind === 'invitation' &&
            candidate.dueAt >= campaign.opensAt &&
            candidate.dueAt < campaign.closesAt &&
            candidate.dueAt <= at,
        )
      : undefined;

  for (const organisation of organisations) {
    for (const contact of organisation.contacts) {
      const skip = (reason: ReminderSkipReason) =>
        skipped.push({ contactId: contact.id, organisationId: organisation.id, reason });
      const duplicate = seen.has(contact.id);
      seen.add(contact.id);
      if (globalReason !== null || step === null) {
        skip(globalReason ?? 'outside_send_window');
        continue;
      }
      if (organisation.status === 'submitted') {
        skip('submitted');
        continue;
      }
      if (organisation.excused) {
        skip('excused');
        continue;
      }
      if (UNREACHABLE_FOR_INVITATION.has(contact.emailState)) {
        skip(contact.emailState as 'bounced' | 'complained');
        continue;
      }
      // Only what went to this address: someone who took over the contact id has had none of it.
      const entries = (entriesByContact.get(contact.id) ?? []).filter((entry) =>
        countsForAddress(entry, contact.email),
      );
      // The invitation names the organisation: one claimed for another (a contact moved under the same
      // id, as the contacts import moves it) is not this one's. Reminders and spacing go by the person.
      const stepEntries = entries.filter(
        (entry) => entry.stepId !== 'invitation' || forOrganisation(entry, organisation.id),
      );
      const own = catchUp && owesInvitation(entries, contact.email, organisation.id, retry) ? catchUp : step;
      if (own.kind === 'reminder' && contact.emailState === 'unsubscribed') {
        skip('unsubscribed');
        continue;
      }
      if (!isValidEmail(contact.email)) {
        skip('invalid_email');
        continue;
      }
      if (duplicate) {
        skip('duplicate_contact');
        continue;
      }

      const forStep = stepEntries.filter((entry) => entry.stepId === own.id);
      if (forStep.some((entry) => entry.state === 'sent')) {
        skip('already_sent');
        continue;
      }
      // A retry claims the entry it retries, under its organisation's key. One failed under another
      // organisation (the contact moved since) is not retried there: this organisation's is a first
      // try. A send in flight for the other still holds the step, so the person gets it once.
      const current =
        forStep.find((entry) => forOrganisation(entry, organisation.id)) ??
        forStep.find((entry) => entry.state === 'claimed' && at.getTime() - entry.at.getTime() < retry.leaseMs);
      if (current && !isRetryable(current, at, retry)) {
        skip(current.attempts >= retry.maxAttempts ? 'attempts_exhausted' : 'in_progress');
        continue;
      }

      const sent = entries.filter((entry) => entry.state === 'sent');
      if (own.kind === 'reminder') {
        const remindersSent = new Set(
          sent.filter((entry) => entry.stepId !== 'invitation').map((entry) => entry.stepId),
        );
        if (remindersSent.size >= policy.maxReminders) {
          skip('max_reminders');
          continue;
        }
      }
      // The closing day's call is the last chance to answer, so the spacing rule does not hold it back;
      // but an invitation sent today already says the deadline (a contact added on the last day).
      const tooRecent =
        step.id !== 'last-day'
          ? sent.some((entry) => daysBetween(stockholmDate(entry.at), today) < policy.minDaysBetween)
          : policy.minDaysBetween > 0 &&
            sent.some((entry) => entry.stepId === 'invitation' && daysBetween(stockholmDate(entry.at), today) === 0);
      if (tooRecent) {
        skip('min_days_between');
        continue;
      }

      due.push({
        contactId: contact.id,
        organisationId: organisation.id,
        stepId: own.id,
        kind: own.kind,
        variant: variantFor(own, organisation),
        attempt: (current?.attempts ?? 0) + 1,
      });
    }
  }
  return { step, due, skipped };
}

/** Whether the entry was claimed for the organisation; one recorded without it counts for any. */
export function forOrganisation(entry: ReminderLogEntry, organisationId: string): boolean {
  return entry.organisationId === undefined || entry.organisationId === organisationId;
}

/**
 * Whether the contact at `email` is still owed its organisation's invitation, from its log entries
 * (any steps, any organisations): only an invitation claimed for this address (or recorded without
 * one) and for this organisation counts, as the invitation names the organisation. The catch-up's
 * rule, shared with "Påminn nu" (RemindersService.remindNow), which sends such a contact the
 * invitation instead of a reminder too.
 */
export function owesInvitation(
  entries: ReminderLogEntry[],
  email: string,
  organisationId: string,
  retry: RetryOptions,
): boolean {
  return needsInvitation(
    entries.filter(
      (entry) =>
        entry.stepId === 'invitation' && countsForAddress(entry, email) && forOrganisation(entry, organisationId),
    ),
    retry,
  );
}

/**
 * Whether a contact is still owed the invitation: no `sent` one in the log, and not one given up
 * (no attempts left), which falls back to the reminder. A claim inside its lease still counts as owed,
 * so the run leaves it to its holder (`in_progress`) rather than sending a reminder beside it.
 */
function needsInvitation(entries: ReminderLogEntry[], retry: RetryOptions): boolean {
  const invitations = entries.filter((entry) => entry.stepId === 'invitation');
  if (invitations.some((entry) => entry.state === 'sent')) return false;
  return !invitations.some((entry) => entry.attempts >= retry.maxAttempts);
}
