import { randomUUID } from 'node:crypto';
import { laterOwnDeadline, organisationAcceptsWrites } from '../../../shared/domain/answer-window';
import { mayEmailAbout, membershipOn, stockholmDay } from '../../../shared/domain/membership';
import {
  type BackoffOptions,
  countsForAddress,
  DEFAULT_CLAIM_LEASE_MS,
  DEFAULT_THROTTLE_BACKOFF,
  type DueReminder,
  daysBetween,
  type FailedReminder,
  formatStockholm,
  forOrganisation,
  isForAnotherAddress,
  isRetryable,
  isValidEmail,
  logRecipient,
  manualStepId,
  nextSendAfter,
  nextWindowOpening,
  owesInvitation,
  type PlannedEmail,
  type PlanOrganisation,
  planReminders,
  planStatusFor,
  type ReminderLogEntry,
  type ReminderLogRow,
  type ReminderPolicy,
  ReminderPolicySchema,
  type ReminderRunBlock,
  type ReminderRunContact,
  type ReminderRunResult,
  type ReminderSkipReason,
  type RemindNowResult,
  realTimers,
  reminderEmail,
  reminderRunBlock,
  reminderRunRefusalMessage,
  SendPacer,
  type SkippedReminder,
  stockholmDate,
  type Timers,
  withBackoff,
} from '../../../shared/reminders/index';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type { Contact } from '../../../shared/schemas/contact.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';
import type { ResponseSummary } from '../../../shared/schemas/response.schema';
import { requiredQuestionCeiling } from '../../../shared/scoring/answered-share';
import { readSecret, type SecretSource } from '../../app-deps';
import {
  AlreadyClaimedError,
  DomainError,
  DomainRuleError,
  StateConflictError,
  StoreUnavailableError,
} from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import { type Mail, MailRejectedError, MailThrottledError } from '../../ports/mail';
import type { AuditLog } from '../audit/audit.log';
import { signInLink } from '../auth/sign-in-link';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import { organisationNotFound } from '../organisations/register-errors';
import type { ResponseRepository } from '../responses/response.repository';
import { INVITATION_NOT_SENT_MSG, REMINDER_NOT_SENT_MSG } from './log-messages';
import {
  LeaseLostError,
  type ReminderLogRepository,
  type ReminderRef,
  type StoredReminderEntry,
  toPlanLog,
} from './reminder-log.repository';
import { signUnsubscribeToken } from './unsubscribe-token';

/** The sign-in link in a reminder is valid for a week; a used or expired one leads to "request a new link". */
export const REMINDER_SIGN_IN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Where the sign-in link lands: straight in the survey. */
export const SURVEY_PATH = '/enkat';
/** Who scheduled runs are recorded as in the audit trail. */
export const SCHEDULED_ACTOR = 'system:reminders';

/** Makes the single-use sign-in token a reminder carries (AuthService.issueToken). */
export interface TokenIssuer {
  issueToken(
    identity: { email: string; name: string; role: 'member'; organisationId: string; contactId: string },
    options: { ttlMs: number; next?: string },
  ): Promise<string>;
}

export interface RemindersServiceDeps {
  organisations: OrganisationRepository;
  responses: ResponseRepository;
  reminderLog: ReminderLogRepository;
  tokens: TokenIssuer;
  mail: Mail;
  clock: Clock;
  audit?: AuditLog;
  baseUrl: string;
  /** Signs the unsubscribe links. */
  sessionSecret: SecretSource;
  /** Structured log lines; ids and counts only, never an address. */
  log: (entry: Record<string, unknown>) => void;
  /** Real time for pacing, backoff and the run budget; tests pass virtual time. */
  timers?: Timers;
  /** How long a claim is held before another run may take it over; DEFAULT_CLAIM_LEASE_MS (15 min). */
  leaseMs?: number;
  backoff?: BackoffOptions;
  /** The campaign that is open now, if any; for the console's invitation to a new contact (inviteContact). */
  openCampaign?: () => Promise<Campaign | undefined>;
}

export interface RunRemindersOptions {
  campaign: Campaign;
  /** The instant to plan for: now, or a time-travel / dry-run instant. */
  at: Date;
  dryRun: boolean;
  /**
   * Who asked for the run, recorded in the audit trail; absent for the scheduled run. Without one,
   * only runs that had something to send are recorded, and a run the campaign cannot have is not
   * refused but planned (everyone skipped), so the schedule never fails on it.
   */
  actor?: string;
  /** Real time after which the run claims nothing more (the rest is `deferred`); default a third of the lease. */
  budgetMs?: number;
  /** Called as each due email is done (sent, failed or passed over). */
  onProgress?: (done: number, total: number) => void;
}

interface Gathered {
  policy: ReminderPolicy;
  contacts: Map<string, Contact & { organisationName: string }>;
  organisations: Map<string, Organisation>;
  responses: Map<string, ResponseSummary>;
  /** The campaign's log as read, by `entryKey`: a claim for a new person goes over the one it finds. */
  entries: Map<string, StoredReminderEntry>;
}

function entryKey(entry: { organisationId: string; contactId: string; stepId: string }): string {
  return `${entry.organisationId}#${entry.contactId}#${entry.stepId}`;
}

const EMAIL_IN_TEXT = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/** An error as the log and the API show it: a code and a short text, with any address removed. */
export function describeSendError(error: unknown): string {
  const text = (value: string) => value.replace(EMAIL_IN_TEXT, '<adress>').slice(0, 300);
  if (error instanceof MailThrottledError) return `mail_throttled: ${text(error.message)}`;
  if (error instanceof MailRejectedError) return `mail_rejected: ${text(error.message)}`;
  if (error instanceof DomainError) return `${error.code}: ${text(error.message)}`;
  if (error instanceof Error) return `${error.name}: ${text(error.message)}`;
  return text(String(error));
}

/** The stored policy with defaults filled in; a stored policy that no longer parses stops the run. */
export function policyOf(campaign: Campaign): ReminderPolicy {
  const parsed = ReminderPolicySchema.safeParse(campaign.reminderPolicy ?? {});
  if (!parsed.success) {
    throw new DomainRuleError(
      'invalid_reminder_policy',
      `Påminnelsepolicyn för ${campaign.year} är ogiltig. Rätta den i kampanjen innan påminnelser kan skickas.`,
      parsed.error.issues.map((issue) => ({ path: ['reminderPolicy', ...issue.path], message: issue.message })),
      `The reminder policy for ${campaign.year} is not valid. Correct it in the campaign before reminders can be sent.`,
    );
  }
  return parsed.data;
}

/**
 * The reminders job: `runReminders({campaign, at, dryRun})` gathers the register, the campaign's
 * responses and its reminder log (three paged queries, however many contacts), plans with the pure
 * `planReminders` for the organisations that are members on the day of `at` (`mayEmailAbout`:
 * former and future members get nothing), and for each due email claims the step, issues a 7-day
 * sign-in token, sends it at the policy's rate and records the outcome. A run that sends to an organisation that has not
 * started reads the year before's responses too (a fourth paged query), to mention its answers.
 * Emails, scheduled or "Påminn nu", mention only the year before's submission; the survey page
 * offers the latest earlier one, whichever year that is. Nothing is ever sent twice for one contact and step:
 * see ReminderLogRepository.claim.
 */
export class RemindersService {
  private readonly timers: Timers;
  private readonly leaseMs: number;

  constructor(private readonly deps: RemindersServiceDeps) {
    this.timers = deps.timers ?? realTimers;
    this.leaseMs = deps.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  }

  /**
   * A run the kansli asks for (one with an `actor`: the API's and the CLI's) that the campaign cannot
   * have (reminderRunBlock) throws DomainRuleError `campaign_not_open_for_reminders` (details: the
   * reason, status and dates) before anything is read, sent or audited: a real run of a campaign
   * that is not open or does not take answers at `at`, a dry run of a closed or published one. A
   * scheduled run (no actor) is never refused: it plans as always, and every contact is skipped as
   * `campaign_not_open` while the campaign does not take answers. A draft's dry run plans as if the
   * campaign were open at `at`.
   */
  async runReminders(options: RunRemindersOptions): Promise<ReminderRunResult> {
    const { campaign, at, dryRun } = options;
    const block = options.actor === undefined ? null : reminderRunBlock(campaign, at, dryRun);
    if (block) throw notRunnable(campaign, block, at, dryRun);
    const policy = policyOf(campaign);
    const [register, responses, entries] = await Promise.all([
      this.deps.organisations.register(),
      this.deps.responses.listSummariesByCampaign(campaign.year),
      this.deps.reminderLog.listByCampaign(campaign.year),
    ]);
    // Only organisations that are members on the day of `at` are planned for; a former (or future)
    // member is neither emailed nor listed, not even as skipped (shared/domain/membership.ts).
    const members = register.filter(({ organisation }) => mayEmailAbout(organisation, campaign, at));
    const gathered = gather(policy, members, responses, entries);
    const plan = planReminders({
      policy,
      campaign: {
        opensAt: new Date(campaign.opensAt),
        closesAt: new Date(campaign.closesAt),
        status: planStatusFor(campaign.status, dryRun),
      },
      at,
      organisations: planOrganisations(members, gathered.responses),
      log: toPlanLog(entries),
      leaseMs: this.leaseMs,
    });
    const contactOf = (contactId: string): ReminderRunContact => {
      const found = gathered.contacts.get(contactId);
      return found
        ? {
            id: found.id,
            organisationId: found.organisationId,
            organisationName: found.organisationName,
            name: found.name,
            email: found.email,
            // An unsubscribed contact is due only for the invitation; the console marks it.
            ...(found.emailState === 'ok' ? {} : { emailState: found.emailState }),
          }
        : { id: contactId, organisationId: '', organisationName: '', name: '', email: '' };
    };
    const due: DueReminder[] = plan.due.map((email) => toDue(email, contactOf(email.contactId)));
    const result: ReminderRunResult = {
      year: campaign.year,
      at: at.toISOString(),
      dryRun,
      step: plan.step ? { id: plan.step.id, kind: plan.step.kind, dueAt: plan.step.dueAt.toISOString() } : null,
      due,
      sent: [],
      failed: [],
      skipped: plan.skipped.map((skip) => ({ contact: contactOf(skip.contactId), reason: skip.reason })),
      // For the console, which says when the next email goes out without loading the schedule itself.
      nextSend:
        campaign.status === 'open' || campaign.status === 'draft'
          ? nextSendAfter(policy, { opensAt: new Date(campaign.opensAt), closesAt: new Date(campaign.closesAt) }, at)
          : null,
      windowOpensAt: nextWindowOpening(policy.sendWindow, at).toISOString(),
    };
    if (!dryRun && plan.due.length > 0) await this.send(options, plan.due, gathered, result);
    this.deps.log({
      level: 'info',
      msg: 'reminders run',
      year: campaign.year,
      at: result.at,
      dryRun,
      step: result.step?.id ?? null,
      due: result.due.length,
      sent: result.sent.length,
      failed: result.failed.length,
      skipped: countReasons(result.skipped),
    });
    if (!dryRun && this.deps.audit && (options.actor || result.due.length > 0)) {
      await this.deps.audit.record({
        actor: options.actor ?? SCHEDULED_ACTOR,
        action: 'reminders.run',
        target: `campaign:${campaign.year}`,
        year: campaign.year,
        after: {
          at: result.at,
          step: result.step?.id ?? null,
          due: result.due.length,
          sent: result.sent.length,
          failed: result.failed.length,
          skipped: countReasons(result.skipped),
        },
      });
    }
    return result;
  }

  /**
   * "Påminn nu": emails one organisation's reachable contacts now, outside the schedule and its send
   * window. A contact who has not had the invitation for this organisation gets the invitation
   * instead of a reminder, by the scheduled run's rule (`owesInvitation`, docs/reminders.md): a
   * person's first email about the campaign says what the survey is. Reads the organisation's bundle
   * and its own entries of the campaign's log (never the register or the whole log).
   * Each reminder is claimed first on the log item `manual-<Stockholm date>` with one conditional
   * write, so a second click the same day emails nobody twice; the entry is an ordinary reminder-log
   * entry, so progress counts it and the schedule's spacing rules see it. An invitation is claimed on
   * the contact's `invitation` item, as the run and the console claim it, so it goes once. One email
   * by hand a day: a contact invited today gets no reminder the same day (`min_days_between`), and
   * one reminded by hand today no invitation (`already_sent`).
   *
   * With `dryRun` nothing is claimed, sent, logged or audited: the answer says who a click now would
   * email and with what (`due`), after the same refusals.
   *
   * Throws NotFoundError (unknown organisation), DomainRuleError `organisation_not_member` (not a
   * member today, or not in the campaign: shared/domain/membership.ts), `organisation_submitted`,
   * `organisation_excused`, `campaign_not_open` (the organisation cannot answer now),
   * `no_reachable_contacts`, and (not on a dry run) StateConflictError `already_reminded` when every
   * reachable contact was already emailed today (nothing was sent).
   */
  async remindNow(options: {
    campaign: Campaign;
    organisationId: string;
    actor: string;
    dryRun?: boolean;
  }): Promise<RemindNowResult> {
    const { campaign, organisationId } = options;
    const dryRun = options.dryRun === true;
    const policy = policyOf(campaign);
    const [bundle, logged] = await Promise.all([
      this.deps.responses.bundle(organisationId),
      this.deps.reminderLog.listByOrganisation(campaign.year, organisationId),
    ]);
    const organisation = bundle.organisation;
    if (!organisation) throw organisationNotFound(organisationId);
    const response = bundle.responses.get(campaign.year);
    const at = this.deps.clock.now();
    if (!mayEmailAbout(organisation, campaign, at)) throw notMember(organisation, campaign, at);
    if (response?.status === 'submitted') {
      throw new DomainRuleError(
        'organisation_submitted',
        `${organisation.name} har redan skickat in svaren för ${campaign.year}. Ingen påminnelse skickades.`,
        undefined,
        `${organisation.name} has already submitted its answers for ${campaign.year}. No reminder was sent.`,
      );
    }
    if (response?.excused) {
      throw new DomainRuleError(
        'organisation_excused',
        `${organisation.name} är befriad från ${campaign.year} års enkät. Ingen påminnelse skickades.`,
        undefined,
        `${organisation.name} is excused from the ${campaign.year} survey. No reminder was sent.`,
      );
    }
    if (!answerableNow(campaign, response, at)) {
      throw new DomainRuleError(
        'campaign_not_open',
        `Enkäten ${campaign.year} tar inte emot svar från ${organisation.name} just nu. Ingen påminnelse skickades.`,
        undefined,
        `The ${campaign.year} survey does not take answers from ${organisation.name} right now. No reminder was sent.`,
      );
    }

    const today = stockholmDate(at);
    const stepId = manualStepId(today);
    const variant = response?.status === 'draft' ? ('draft' as const) : ('no-response' as const);
    const result: RemindNowResult = {
      year: campaign.year,
      organisationId,
      organisationName: organisation.name,
      stepId,
      variant,
      at: at.toISOString(),
      ...(dryRun ? { dryRun: true, due: [] } : {}),
      sent: [],
      failed: [],
      skipped: [],
    };
    const runContact = (contact: Contact): ReminderRunContact => ({
      id: contact.id,
      organisationId,
      organisationName: organisation.name,
      name: contact.name,
      email: contact.email,
      ...(contact.emailState === 'ok' ? {} : { emailState: contact.emailState }),
    });
    const skip = (contact: Contact, reason: ReminderSkipReason) =>
      result.skipped.push({ contact: runContact(contact), reason });
    const retry = { leaseMs: this.leaseMs, maxAttempts: policy.maxSendAttempts };
    const planLog = toPlanLog(logged);

    // Who can be reached, and with what: the scheduled run's rules for the invitation (unsubscribed
    // contacts get it, bounced and complained ones nothing), a reminder to the rest.
    const reachable: Array<{ contact: Contact; kind: 'invitation' | 'reminder'; entries: ReminderLogEntry[] }> = [];
    for (const contact of bundle.contacts) {
      if (contact.emailState === 'bounced' || contact.emailState === 'complained') {
        skip(contact, contact.emailState);
        continue;
      }
      const entries = planLog.filter((entry) => entry.contactId === contact.id);
      const kind =
        policy.invitationOnOpen && owesInvitation(entries, contact.email, organisationId, retry)
          ? ('invitation' as const)
          : ('reminder' as const);
      if (kind === 'reminder' && contact.emailState === 'unsubscribed') skip(contact, 'unsubscribed');
      else if (!isValidEmail(contact.email)) skip(contact, 'invalid_email');
      else reachable.push({ contact, kind, entries });
    }
    if (reachable.length === 0) {
      throw new DomainRuleError(
        'no_reachable_contacts',
        `Ingen kontaktperson för ${organisation.name} kan nås med e-post (avregistrerad, studsande eller ogiltig adress). Ingen påminnelse skickades.`,
        result.skipped.map((skipped) => ({ contactId: skipped.contact.id, reason: skipped.reason })),
        `None of ${organisation.name}'s contacts can be reached by email (unsubscribed, bouncing or no valid address). No reminder was sent.`,
      );
    }

    // One email by hand a day: today's reminder to this person (sent, or being sent) holds back a
    // second click's email of either kind, and an invitation sent today holds back the reminder. The
    // claims below still decide between two clicks at once.
    const planned: Array<{ contact: Contact; kind: 'invitation' | 'reminder' }> = [];
    for (const { contact, kind, entries } of reachable) {
      const mine = entries.filter((entry) => countsForAddress(entry, contact.email));
      const remindedToday = mine.find((entry) => entry.stepId === stepId);
      if (remindedToday && !isRetryable(remindedToday, at, retry)) skip(contact, 'already_sent');
      else if (kind === 'reminder' && invitedOn(mine, organisationId, today)) skip(contact, 'min_days_between');
      else planned.push({ contact, kind });
    }
    if (dryRun) {
      result.due = planned.map(({ contact, kind }) => ({ contact: runContact(contact), kind }));
      return result;
    }

    const claimId = randomUUID();
    const seenEntries = new Map(logged.map((entry) => [entryKey(entry), entry]));
    for (const { contact, kind } of planned) {
      const ref: ReminderRef = {
        year: campaign.year,
        organisationId,
        contactId: contact.id,
        stepId: kind === 'invitation' ? 'invitation' : stepId,
      };
      try {
        if (kind === 'invitation') {
          await this.claimInvitationFor(ref, contact, {
            claimId,
            at: this.deps.clock.now(),
            seen: seenEntries.get(entryKey(ref)),
          });
        } else await this.claimManualFor(ref, contact, { variant, claimId, maxAttempts: policy.maxSendAttempts });
      } catch (error) {
        if (error instanceof AlreadyClaimedError) {
          // Another click or run got there first: today's reminder, or the invitation being sent.
          skip(contact, kind === 'invitation' ? 'in_progress' : 'already_sent');
        } else {
          // Nothing was claimed, so nothing is recorded: the next click tries this contact again.
          result.failed.push({ contact: runContact(contact), kind, error: describeSendError(error) });
        }
        continue;
      }
      const delivered = await this.deliver({
        campaign,
        email: kind === 'invitation' ? { kind, variant: 'invitation' } : { kind, variant },
        contact: { ...contact, organisationName: organisation.name },
        response,
        submittedYearBefore: bundle.responses.get(campaign.year - 1)?.status === 'submitted',
        ref,
        claimId,
        now: () => this.deps.clock.now(),
        onFailure: (error) => {
          const description = describeSendError(error);
          result.failed.push({ contact: runContact(contact), kind, error: description });
          this.deps.log({
            level: 'warn',
            msg: REMINDER_NOT_SENT_MSG,
            organisationId,
            contactId: contact.id,
            stepId: ref.stepId,
          });
          return description;
        },
      });
      if (delivered) {
        result.sent.push({
          contact: runContact(contact),
          kind,
          at: delivered.sentAt.toISOString(),
          messageId: delivered.messageId,
        });
      }
    }

    if (result.sent.length === 0 && result.failed.length === 0) {
      const reminded = result.skipped.some((skipped) => skipped.reason === 'already_sent');
      throw new StateConflictError(
        'already_reminded',
        reminded
          ? `${organisation.name} har redan påmints i dag. Samma kontakt påminns högst en gång per dag.`
          : `${organisation.name} har fått inbjudan i dag. En påminnelse kan skickas tidigast i morgon.`,
        {
          stepId,
          contacts: result.skipped
            .filter((s) => s.reason === 'already_sent' || s.reason === 'min_days_between' || s.reason === 'in_progress')
            .map((s) => s.contact.id),
        },
        reminded
          ? `${organisation.name} has already been reminded today. A contact is reminded by hand at most once a day.`
          : `${organisation.name} has had the invitation today. A reminder can be sent tomorrow at the earliest.`,
      );
    }
    this.deps.log({
      level: 'info',
      msg: 'reminder sent by hand',
      year: campaign.year,
      organisationId,
      stepId,
      sent: result.sent.length,
      invited: result.sent.filter((sent) => sent.kind === 'invitation').length,
      failed: result.failed.length,
      skipped: countReasons(result.skipped),
    });
    await this.auditSentMail({
      actor: options.actor,
      action: 'reminder.send',
      target: `response:${campaign.year}:${organisationId}`,
      organisationId,
      year: campaign.year,
      after: {
        stepId,
        variant,
        sentTo: result.sent.map((sent) => sent.contact.id),
        // Those of sentTo who got the invitation instead of the reminder.
        invitedTo: result.sent.filter((sent) => sent.kind === 'invitation').map((sent) => sent.contact.id),
        failed: result.failed.map((failed) => failed.contact.id),
        skipped: countReasons(result.skipped),
      },
    });
    return result;
  }

  /**
   * Claims a contact's invitation on the item the run, "Påminn nu" and the console all claim (step
   * `invitation`): over `seen` when that went to someone else (another address; with
   * `unrecordedIsAnother` also an entry that records none), else created, or retried after a failed
   * send (ReminderLogRepository.claimInvitation). With `readWhenRefused`, a caller that did not read
   * the entry first reads it after a refused claim and takes it over when it was someone else's.
   * AlreadyClaimedError when it was sent or is being sent meanwhile.
   */
  private async claimInvitationFor(
    ref: ReminderRef,
    contact: Pick<Contact, 'email' | 'name'>,
    options: {
      claimId: string;
      at: Date;
      seen: StoredReminderEntry | undefined;
      unrecordedIsAnother?: boolean;
      readWhenRefused?: boolean;
    },
  ): Promise<void> {
    const forAnother = (entry: StoredReminderEntry) =>
      isForAnotherAddress(entry, contact.email) || (options.unrecordedIsAnother === true && entry.email === undefined);
    const claim = {
      ...ref,
      variant: 'invitation' as const,
      at: options.at,
      claimId: options.claimId,
      leaseMs: this.leaseMs,
      recipient: { email: contact.email, name: contact.name },
    };
    const claimOver = (seen: StoredReminderEntry) =>
      this.deps.reminderLog.claimOver({ ...claim, kind: 'invitation', seen });
    if (options.seen && forAnother(options.seen)) return claimOver(options.seen);
    try {
      await this.deps.reminderLog.claimInvitation(claim);
    } catch (error) {
      if (!(error instanceof AlreadyClaimedError) || !options.readWhenRefused) throw error;
      const refused = await this.deps.reminderLog.get(ref);
      if (!refused || !forAnother(refused)) throw error;
      await claimOver(refused);
    }
  }

  /**
   * Claims today's manual reminder for this contact. Refused (AlreadyClaimedError) when this person
   * was reminded by hand today or is being reminded now; an entry of today that went to someone else
   * under the same contact id (replaced with "Ändra") is taken over for the new person, whom it never
   * reached. One conditional write, and a read only when that one is refused.
   */
  private async claimManualFor(
    ref: ReminderRef,
    contact: Contact,
    claim: { variant: 'draft' | 'no-response'; claimId: string; maxAttempts: number },
  ): Promise<void> {
    const recipient = { email: contact.email, name: contact.name };
    const base = { ...ref, variant: claim.variant, claimId: claim.claimId, leaseMs: this.leaseMs, recipient };
    try {
      await this.deps.reminderLog.claimManual({ ...base, at: this.deps.clock.now(), maxAttempts: claim.maxAttempts });
    } catch (error) {
      if (!(error instanceof AlreadyClaimedError)) throw error;
      const seen = await this.deps.reminderLog.get(ref);
      if (!seen || !isForAnotherAddress(seen, contact.email)) throw error;
      await this.deps.reminderLog.claimOver({ ...base, kind: 'reminder', at: this.deps.clock.now(), seen });
    }
  }

  /**
   * The invitation to a contact the kansli has just added, moved to another organisation or given a
   * new address on the organisation page, sent at once rather than at the next run (which would send
   * whatever step is due then), and outside the send window: a person acted. Due while a campaign is
   * open and takes answers from the organisation, its policy sends invitations, the organisation is
   * a member, has not submitted and is not excused, and the contact has no invitation yet (or, with
   * `newAddress`, had one at the old address). Claimed on the reminder log's `invitation` item first
   * (ReminderLogRepository.claimInvitation), so the scheduled run does not send it again and a run
   * sending it now wins instead. One GetItem (the open campaign's lock; the campaign itself is
   * usually cached), one Query (the organisation's bundle), then the claim, the sign-in token and the
   * sent mark.
   *
   * Answers true when it went, false when it was due but did not go (the address bounces or
   * complained, the send or a read failed: logged without the address; the next run's catch-up
   * retries a failed send), and undefined when none was due. Never throws: the contact change it
   * follows stands either way.
   */
  async inviteContact(input: { contact: Contact; newAddress: boolean }): Promise<boolean | undefined> {
    const { contact } = input;
    const notSent = (reason: string, level: 'info' | 'warn' = 'warn') => {
      this.deps.log({
        level,
        msg: INVITATION_NOT_SENT_MSG,
        organisationId: contact.organisationId,
        contactId: contact.id,
        reason,
      });
      return false;
    };
    try {
      const campaign = await this.deps.openCampaign?.();
      if (campaign?.status !== 'open' || !policyOf(campaign).invitationOnOpen) return undefined;
      const at = this.deps.clock.now();
      const bundle = await this.deps.responses.bundle(contact.organisationId);
      const organisation = bundle.organisation;
      // As stored now: the change was written before this read.
      const current = bundle.contacts.find((candidate) => candidate.id === contact.id);
      const response = bundle.responses.get(campaign.year);
      if (
        !organisation ||
        !current ||
        !mayEmailAbout(organisation, campaign, at) ||
        response?.status === 'submitted' ||
        response?.excused ||
        !answerableNow(campaign, response, at)
      ) {
        return undefined;
      }
      if (current.emailState === 'bounced' || current.emailState === 'complained') {
        return notSent(current.emailState, 'info');
      }
      if (!isValidEmail(current.email)) return notSent('invalid_email', 'info');
      const ref: ReminderRef = {
        year: campaign.year,
        organisationId: organisation.id,
        contactId: current.id,
        stepId: 'invitation',
      };
      const claimId = randomUUID();
      // The invitation may have gone to the address before this one (or to the person this contact
      // replaced): that entry is taken over, kept as the earlier send. A new address reads the entry
      // first, as it usually has one; otherwise the claim alone decides, and a refusal leads to the read.
      try {
        await this.claimInvitationFor(ref, current, {
          claimId,
          at,
          seen: input.newAddress ? await this.deps.reminderLog.get(ref) : undefined,
          unrecordedIsAnother: input.newAddress,
          readWhenRefused: !input.newAddress,
        });
      } catch (error) {
        // Invited already, or a run is sending it right now.
        if (error instanceof AlreadyClaimedError) return undefined;
        throw error;
      }
      let failure = '';
      const delivered = await this.deliver({
        campaign,
        email: { kind: 'invitation', variant: 'invitation' },
        contact: { ...current, organisationName: organisation.name },
        response,
        submittedYearBefore: bundle.responses.get(campaign.year - 1)?.status === 'submitted',
        ref,
        claimId,
        now: () => this.deps.clock.now(),
        onFailure: (error) => {
          failure = describeSendError(error);
          return failure;
        },
      });
      if (!delivered) return notSent(failure);
      this.deps.log({
        level: 'info',
        msg: 'invitation sent to a new contact',
        year: campaign.year,
        organisationId: organisation.id,
        contactId: current.id,
      });
      return true;
    } catch (error) {
      return notSent(describeSendError(error));
    }
  }

  /**
   * Audits mail that has already gone out. Answering failure now would be false (and a retry is
   * refused as already_reminded), so a failed write is tried once more and else logged whole as
   * an error, from which the entry can be restored; the reminder log holds each send as well.
   */
  private async auditSentMail(entry: Parameters<AuditLog['record']>[0]): Promise<void> {
    if (!this.deps.audit) return;
    try {
      await this.deps.audit.record(entry);
    } catch {
      try {
        await this.deps.audit.record(entry);
      } catch (error) {
        this.deps.log({ level: 'error', msg: 'audit entry not written', error: (error as Error).name, entry });
      }
    }
  }

  /**
   * The campaign's log joined with the register: who, which step, when, how it went. The recipient is
   * the one recorded on the entry (with the contact as it is now beside it when another person has
   * taken the contact over); an earlier person's send of the same step is a row of its own.
   */
  async listLog(year: number): Promise<ReminderLogRow[]> {
    const [entries, register] = await Promise.all([
      this.deps.reminderLog.listByCampaign(year),
      this.deps.organisations.register(),
    ]);
    const organisations = new Map(register.map((entry) => [entry.organisation.id, entry.organisation]));
    const contacts = new Map(register.flatMap((entry) => entry.contacts.map((contact) => [contact.id, contact])));
    return entries
      .flatMap((entry): ReminderLogRow[] => {
        const contact = contacts.get(entry.contactId);
        const row = (sent: {
          email?: string;
          name?: string;
          erasedAt?: string;
          variant?: StoredReminderEntry['variant'];
          state: StoredReminderEntry['state'];
          at: string;
          sentAt?: string;
          attempts: number;
          error?: string;
        }): ReminderLogRow => {
          const recipient = logRecipient(sent, contact && { name: contact.name, email: contact.email });
          return {
            organisationId: entry.organisationId,
            organisationName: organisations.get(entry.organisationId)?.name ?? null,
            contactId: entry.contactId,
            contactName: recipient.name,
            email: recipient.email,
            ...('current' in recipient && recipient.current ? { currentContact: recipient.current } : {}),
            // The state of the address it went to; another person's now would explain nothing here.
            emailState: contact && recipient.email !== null && !('current' in recipient) ? contact.emailState : null,
            stepId: entry.stepId,
            kind: entry.kind,
            variant: sent.variant,
            state: sent.state,
            at: sent.at,
            sentAt: sent.sentAt,
            attempts: sent.attempts,
            error: sent.error,
          };
        };
        return [...(entry.previous ?? []).map(row), row({ ...entry, at: entry.at.toISOString() })];
      })
      .sort((a, b) => a.at.localeCompare(b.at) || a.organisationId.localeCompare(b.organisationId));
  }

  private async send(
    options: RunRemindersOptions,
    planned: PlannedEmail[],
    gathered: Gathered,
    result: ReminderRunResult,
  ): Promise<void> {
    const { policy } = gathered;
    const claimId = randomUUID();
    const startedAt = this.deps.clock.now().getTime();
    const startedTimer = this.timers.now();
    const budgetMs = options.budgetMs ?? this.leaseMs / 3;
    // Times in the log follow the run's `at`, so a time-travel run records its own timeline.
    const nowAt = () => new Date(options.at.getTime() + (this.deps.clock.now().getTime() - startedAt));
    const pacer = new SendPacer(policy.sendRatePerSecond, this.timers);
    const queue = [...planned];
    let done = 0;
    // Organisations that submitted the year before: an email to one that has not started says it can
    // start from those answers. One more paged query, and only when such an email is due.
    const submittedBefore = planned.some((email) =>
      mayStartFromEarlierAnswers(gathered.responses.get(email.organisationId)),
    )
      ? await this.submittedIn(options.campaign.year - 1)
      : new Set<string>();

    const one = async (email: PlannedEmail): Promise<void> => {
      const contact = gathered.contacts.get(email.contactId);
      if (!contact) return;
      const due = toDue(email, contact);
      if (this.timers.now() - startedTimer >= budgetMs) {
        result.skipped.push({ contact: due.contact, reason: 'deferred' });
        return;
      }
      await pacer.waitTurn();
      const ref: ReminderRef = {
        year: options.campaign.year,
        organisationId: email.organisationId,
        contactId: email.contactId,
        stepId: email.stepId,
      };
      const recipient = { email: contact.email, name: contact.name };
      // The planner counted an entry for another address as nothing; the claim takes it over.
      const seen = gathered.entries.get(entryKey(ref));
      try {
        if (seen && isForAnotherAddress(seen, contact.email)) {
          await this.deps.reminderLog.claimOver({
            ...ref,
            kind: email.kind,
            variant: email.variant,
            at: nowAt(),
            claimId,
            leaseMs: this.leaseMs,
            recipient,
            seen,
          });
        } else {
          await this.deps.reminderLog.claim({
            ...ref,
            kind: email.kind,
            variant: email.variant,
            at: nowAt(),
            claimId,
            seenAttempts: email.attempt - 1,
            leaseMs: this.leaseMs,
            maxAttempts: policy.maxSendAttempts,
            recipient,
          });
        }
      } catch (error) {
        if (error instanceof AlreadyClaimedError) {
          result.skipped.push({ contact: due.contact, reason: 'in_progress' });
          return;
        }
        // Nothing was claimed, so nothing is recorded; the next run plans it again.
        this.fail(result, due, error);
        return;
      }

      const delivered = await this.deliver({
        campaign: options.campaign,
        email,
        contact,
        response: gathered.responses.get(email.organisationId),
        submittedYearBefore: submittedBefore.has(email.organisationId),
        ref,
        claimId,
        now: nowAt,
        onFailure: (error) => this.fail(result, due, error).error,
        onBackoff: (delayMs) => {
          pacer.holdFor(delayMs);
          this.deps.log({ level: 'warn', msg: 'mail throttled, backing off', delayMs });
        },
      });
      if (delivered) result.sent.push({ ...due, at: delivered.sentAt.toISOString(), messageId: delivered.messageId });
    };

    const workers = Math.max(1, Math.min(5, Math.ceil(policy.sendRatePerSecond / 5)));
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let email = queue.shift(); email; email = queue.shift()) {
          await one(email);
          done += 1;
          options.onProgress?.(done, planned.length);
        }
      }),
    );
  }

  /** Organisations whose response to `year`'s campaign is submitted. */
  private async submittedIn(year: number): Promise<Set<string>> {
    const summaries = await this.deps.responses.listSummariesByCampaign(year);
    return new Set(
      summaries.filter((summary) => summary.status === 'submitted').map((summary) => summary.organisationId),
    );
  }

  /**
   * Sends one claimed reminder and records how it went on its log entry. Throttling is retried
   * with backoff; any other failure is reported through `onFailure` (which answers the error's
   * description) and marks the entry failed, so a later run or click may try again.
   */
  private async deliver(input: {
    campaign: Campaign;
    email: Pick<PlannedEmail, 'kind' | 'variant'>;
    contact: Contact & { organisationName: string };
    response: ResponseSummary | undefined;
    /** Whether the organisation submitted the year before (its email may then mention those answers). */
    submittedYearBefore: boolean;
    ref: ReminderRef;
    claimId: string;
    now: () => Date;
    onFailure: (error: unknown) => string;
    onBackoff?: (delayMs: number) => void;
  }): Promise<{ messageId: string; sentAt: Date } | undefined> {
    let messageId: string;
    try {
      const message = await this.compose(
        input.campaign,
        input.email,
        input.contact,
        input.response,
        input.submittedYearBefore,
      );
      ({ id: messageId } = await withBackoff(
        () => this.deps.mail.send(message),
        (error) => error instanceof MailThrottledError,
        this.timers,
        this.deps.backoff ?? DEFAULT_THROTTLE_BACKOFF,
        input.onBackoff,
      ));
    } catch (error) {
      const description = input.onFailure(error);
      try {
        await this.deps.reminderLog.markFailed(input.ref, input.claimId, { at: input.now(), error: description });
      } catch (markError) {
        // The claim stays; after the lease a later attempt retries it.
        this.deps.log({ level: 'error', msg: 'reminder failure not recorded', error: describeSendError(markError) });
      }
      return undefined;
    }
    const sentAt = input.now();
    await this.recordSent(input.ref, input.claimId, sentAt, messageId);
    return { messageId, sentAt };
  }

  /** The email went out: record it, retrying a busy store, since an unrecorded send is resent after the lease. */
  private async recordSent(ref: ReminderRef, claimId: string, at: Date, messageId: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.deps.reminderLog.markSent(ref, claimId, { at, messageId });
        return;
      } catch (error) {
        if (error instanceof StoreUnavailableError && attempt < 3) {
          await this.timers.sleep(200 * 2 ** attempt);
          continue;
        }
        this.deps.log({
          level: error instanceof LeaseLostError ? 'warn' : 'error',
          msg: 'reminder sent but not recorded',
          organisationId: ref.organisationId,
          contactId: ref.contactId,
          stepId: ref.stepId,
          error: describeSendError(error),
        });
        return;
      }
    }
  }

  private fail(result: ReminderRunResult, due: DueReminder, error: unknown): FailedReminder {
    const failure: FailedReminder = { ...due, error: describeSendError(error) };
    result.failed.push(failure);
    this.deps.log({
      level: 'warn',
      msg: REMINDER_NOT_SENT_MSG,
      organisationId: due.contact.organisationId,
      contactId: due.contact.id,
      stepId: due.stepId,
      attempt: due.attempt,
      error: failure.error,
    });
    return failure;
  }

  private async compose(
    campaign: Campaign,
    email: Pick<PlannedEmail, 'kind' | 'variant'>,
    contact: Contact & { organisationName: string },
    response: ResponseSummary | undefined,
    submittedYearBefore: boolean,
  ) {
    const token = await this.deps.tokens.issueToken(
      {
        email: contact.email,
        name: contact.name,
        role: 'member',
        organisationId: contact.organisationId,
        contactId: contact.id,
      },
      { ttlMs: REMINDER_SIGN_IN_TTL_MS, next: SURVEY_PATH },
    );
    const signInUrl = signInLink(this.deps.baseUrl, token, SURVEY_PATH);
    const unsubscribeToken = signUnsubscribeToken(await readSecret(this.deps.sessionSecret), {
      organisationId: contact.organisationId,
      contactId: contact.id,
    });
    const unsubscribeUrl = `${this.deps.baseUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`;
    const closesAt = organisationDeadline(campaign, response);
    const content = reminderEmail({
      ...(email.kind === 'invitation'
        ? { kind: 'invitation' as const, variant: 'invitation' as const }
        : { kind: 'reminder' as const, variant: email.variant as 'no-response' | 'draft' | 'last-day' }),
      organisationName: contact.organisationName,
      campaignTitle: campaign.title,
      closesAt,
      ...storedProgress(campaign, response),
      carryOverYear: submittedYearBefore && mayStartFromEarlierAnswers(response) ? campaign.year - 1 : undefined,
      signInUrl,
      unsubscribeUrl,
    });
    return {
      to: [contact.email],
      kind: email.kind,
      subject: content.subject,
      text: content.text,
      html: content.html,
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
  }
}

/**
 * "Påminn nu" for an organisation that is not a member today, or was not one on any of the
 * campaign's answer days (422 `organisation_not_member`). Details: the register's dates.
 */
function notMember(organisation: Organisation, campaign: Campaign, at: Date): DomainRuleError {
  const { name, memberSince, memberUntil } = organisation;
  const standing = membershipOn(organisation, stockholmDay(at));
  const message =
    standing === 'ended'
      ? `${name} är inte längre medlem: medlemskapet upphörde ${memberUntil}.`
      : standing === 'not_yet'
        ? `${name} är inte medlem ännu: medlemskapet börjar ${memberSince}.`
        : `${name} var inte medlem medan enkäten ${campaign.year} tog emot svar.`;
  const messageEn =
    standing === 'ended'
      ? `${name} is no longer a member: the membership ended on ${memberUntil}.`
      : standing === 'not_yet'
        ? `${name} is not a member yet: the membership begins on ${memberSince}.`
        : `${name} was not a member while the ${campaign.year} survey took answers.`;
  return new DomainRuleError(
    'organisation_not_member',
    `${message} Ingen påminnelse skickades.`,
    { memberSince: memberSince ?? null, memberUntil: memberUntil ?? null },
    `${messageEn} No reminder was sent.`,
  );
}

/**
 * A run of the reminders job the campaign cannot have (422 `campaign_not_open_for_reminders`),
 * in words for its reason, Swedish and English (the same words as `npm run reminders`). Details:
 * the status and the dates, so a client can say it its own way.
 */
function notRunnable(campaign: Campaign, block: ReminderRunBlock, at: Date, dryRun: boolean): DomainRuleError {
  const refusal = {
    block,
    year: campaign.year,
    dryRun,
    at: formatStockholm(at),
    opensAt: formatStockholm(new Date(campaign.opensAt)),
    closesAt: formatStockholm(new Date(campaign.closesAt)),
  };
  return new DomainRuleError(
    'campaign_not_open_for_reminders',
    reminderRunRefusalMessage(refusal, 'sv'),
    { reason: block, status: campaign.status, opensAt: campaign.opensAt, closesAt: campaign.closesAt },
    reminderRunRefusalMessage(refusal, 'en'),
  );
}

/** An organisation's own deadline: the campaign's, or a later one the kansli set when reopening. */
function organisationDeadline(campaign: Campaign, response: ResponseSummary | undefined): Date {
  return new Date(laterOwnDeadline(campaign, response?.closesAtOverride) ?? campaign.closesAt);
}

/** An organisation with no draft this year, whose email may say it can start from earlier answers. */
function mayStartFromEarlierAnswers(response: ResponseSummary | undefined): boolean {
  return response?.status !== 'draft';
}

/** Whether the organisation can answer at `at`: the campaign is open, or its own extension still runs. */
function answerableNow(campaign: Campaign, response: ResponseSummary | undefined, at: Date): boolean {
  return organisationAcceptsWrites(campaign, response?.closesAtOverride, at.toISOString());
}

function gather(
  policy: ReminderPolicy,
  register: Array<{ organisation: Organisation; contacts: Contact[] }>,
  responses: ResponseSummary[],
  entries: StoredReminderEntry[],
): Gathered {
  const contacts = new Map<string, Contact & { organisationName: string }>();
  const organisations = new Map<string, Organisation>();
  for (const { organisation, contacts: list } of register) {
    organisations.set(organisation.id, organisation);
    for (const contact of list) {
      contacts.set(contact.id, { ...contact, organisationName: organisation.name });
    }
  }
  return {
    policy,
    contacts,
    organisations,
    responses: new Map(responses.map((response) => [response.organisationId, response])),
    entries: new Map(entries.map((entry) => [entryKey(entry), entry])),
  };
}

function planOrganisations(
  register: Array<{ organisation: Organisation; contacts: Contact[] }>,
  responses: Map<string, ResponseSummary>,
): PlanOrganisation[] {
  return register.map(({ organisation, contacts }) => {
    const response = responses.get(organisation.id);
    return {
      id: organisation.id,
      name: organisation.name,
      type: organisation.type,
      status: response?.status ?? 'not_started',
      excused: response?.excused ?? false,
      answered: response?.answered,
      total: response?.totalQuestions,
      contacts: contacts.map((contact) => ({
        id: contact.id,
        email: contact.email,
        name: contact.name,
        role: contact.role,
        emailState: contact.emailState,
      })),
    };
  });
}

function toDue(
  email: PlannedEmail,
  contact: Omit<ReminderRunContact, 'emailState'> & { emailState?: Contact['emailState'] },
): DueReminder {
  return {
    contact: {
      id: contact.id,
      organisationId: contact.organisationId,
      organisationName: contact.organisationName,
      name: contact.name,
      email: contact.email,
      ...(contact.emailState === undefined || contact.emailState === 'ok' ? {} : { emailState: contact.emailState }),
    },
    stepId: email.stepId,
    kind: email.kind,
    variant: email.variant,
    attempt: email.attempt,
  };
}

/** Whether the contact's invitation for the organisation went out on the Stockholm day `day` (entries for its address). */
function invitedOn(
  entries: ReminderLogEntry[],
  organisationId: string,
  day: ReturnType<typeof stockholmDate>,
): boolean {
  return entries.some(
    (entry) =>
      entry.stepId === 'invitation' &&
      entry.state === 'sent' &&
      forOrganisation(entry, organisationId) &&
      daysBetween(stockholmDate(entry.at), day) === 0,
  );
}

function countReasons(skipped: SkippedReminder[]): Partial<Record<ReminderSkipReason, number>> {
  const counts: Partial<Record<ReminderSkipReason, number>> = {};
  for (const skip of skipped) counts[skip.reason] = (counts[skip.reason] ?? 0) + 1;
  return counts;
}

/**
 * A draft's progress as stored, for the reminder's "N av M obligatoriska frågor". A count stored
 * before progress meant required questions (a total above what the survey can require) is left
 * out rather than called required; the draft's next save counts it again.
 */
function storedProgress(
  campaign: Campaign,
  response: ResponseSummary | undefined,
): { answered?: number; total?: number } {
  if (response?.answered === undefined || response.totalQuestions === undefined) return {};
  const ceiling = requiredQuestionCeiling(campaign.surveys[response.organisationType]);
  return response.totalQuestions > ceiling ? {} : { answered: response.answered, total: response.totalQuestions };
}
