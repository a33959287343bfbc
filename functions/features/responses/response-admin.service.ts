import {
  acceptsWrites,
  answersEnd,
  closedEarly,
  organisationAcceptsWrites,
} from '../../../shared/domain/answer-window';
import { reopenHistory, withReopen } from '../../../shared/domain/kansli-messages';
import { formatStockholm } from '../../../shared/i18n/format-date';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';
import type { ReopenRecord, SurveyResponse } from '../../../shared/schemas/response.schema';
import type { ExcuseInput, ReopenInput, ReopenIntent } from '../../../shared/schemas/response-admin.schema';
import { DomainRuleError, StateConflictError } from '../../errors/domain-errors';
import type { Mail } from '../../ports/mail';
import type { AuditLog } from '../audit/audit.log';
import type { CampaignService } from '../campaigns/campaign.service';
import type { ContactRepository } from '../contacts/contact.repository';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import { organisationNotFound } from '../organisations/register-errors';
import { reopenEmail } from './reopen.email';
import { type ResponseRepository, ResponseWriteRefused } from './response.repository';
import { responseBusy } from './response-errors';

/** A reopen is retried this often when the member saved or submitted between the read and the write. */
const WRITE_ATTEMPTS = 3;

interface ResponseAdminDeps {
  responses: ResponseRepository;
  organisations: OrganisationRepository;
  campaigns: CampaignService;
  audit: AuditLog;
  now: () => Date;
  /** The organisation's contacts are told of a reopen or extension by email. */
  contacts: ContactRepository;
  mail: Mail;
  baseUrl: string;
  log: (entry: Record<string, unknown>) => void;
}

/**
 * The kansli's actions on one organisation's response: reopen a submitted response or give the
 * organisation a deadline of its own (`closesAtOverride`), and excuse it. Each action either
 * changes what the organisation can do, or is refused with a reason and writes nothing:
 *
 * - nothing once the campaign is published (the members' answers are frozen; the kansli corrects
 *   points with an adjustment and publishes a new version): 422 `campaign_published`;
 * - no reopen or extension before the campaign has opened: 422 `campaign_not_started`;
 * - an own deadline must lie in the future (`invalid_dates`) and after the campaign's own, which
 *   would otherwise apply anyway (`deadline_not_after_campaign`);
 * - a reopen that would leave the organisation unable to submit again (the campaign no longer
 *   takes answers and it has no own deadline still to come) needs a new deadline: `deadline_required`;
 * - an action that would change nothing (extend without a new deadline, excuse twice): `nothing_to_change`;
 * - a reopen or extension of a response that changed since the kansli saw it: 409 `response_changed`.
 */
export class ResponseAdminService {
  constructor(private readonly deps: ResponseAdminDeps) {}

  /**
   * Reopens a submitted response (it becomes a draft again, its answers kept) and/or sets the
   * organisation's own deadline. `intent` is what the kansli saw and chose: `reopen` a submitted
   * response, or `extend` one that is not submitted; when the response has changed since (the
   * member submitted meanwhile, another admin reopened it) the answer is 409 `response_changed`
   * and nothing is written, so an extension never undoes a submission nobody saw. Without `intent`
   * it is taken from the response as first read. One write conditioned on the version read: a
   * member's save or submit in between makes it read and decide again (409 `review_busy` after
   * three tries). The same write appends what the members are told to the response's `reopens`
   * (kind, when, the reason, the own deadline set; the last 10), conditioned on that history as read,
   * which their home, survey, receipt and scorecard pages show. Audited as `response.reopen`.
   * The organisation's contacts whose address works
   * are then emailed the reason and the deadline that applies; a lost email is logged, the reopen stands.
   */
  async reopen(year: number, code: string, input: ReopenInput, actor: string): Promise<SurveyResponse> {
    const campaign = await this.deps.campaigns.get(year);
    if (campaign.status === 'published') {
      throw published(
        'Kampanjen är publicerad, så medlemmarnas svar är låsta och kan inte öppnas igen eller förlängas. ' +
          'Ett fel i poängen rättas med en justering på granskningssidan och publiceras som en ny version.',
        "The campaign is published, so the members' answers are locked and cannot be reopened or given more time. " +
          'A mistake in the points is corrected with an adjustment on the review page and published as a new version.',
      );
    }
    const organisation = await this.organisationFor(code);
    const now = this.deps.now().toISOString();
    if (campaign.status === 'draft' || Date.parse(now) < Date.parse(campaign.opensAt)) {
      throw new DomainRuleError(
        'campaign_not_started',
        'Kampanjen har inte öppnat än. Ändra kampanjens datum i stället för att förlänga för en organisation.',
        undefined,
        "The campaign has not opened yet. Change the campaign's dates instead of extending the time for one organisation.",
      );
    }
    // With milliseconds, as every stored time: the write's condition compares them as text.
    const closesAt = input.closesAt === undefined ? undefined : new Date(input.closesAt).toISOString();
    if (closesAt !== undefined) assertValidOwnDeadline(campaign, closesAt, now);

    let intent = input.intent;
    for (let attempt = 1; ; attempt++) {
      const before = await this.deps.responses.get(year, code);
      intent ??= before?.status === 'submitted' ? 'reopen' : 'extend';
      assertUnchanged(organisation, before, intent);
      const change = plannedReopen(campaign, organisation, before, closesAt, now);
      // What the members read in the app, in the same write: the email alone may be lost.
      const told: ReopenRecord = {
        kind: before?.status === 'submitted' ? 'reopened' : 'extended',
        at: now,
        reason: input.reason.trim(),
        ...(closesAt !== undefined && change.set.closesAtOverride !== undefined ? { closesAt } : {}),
      };
      let after: SurveyResponse;
      try {
        after = await this.deps.responses.adminUpdate(
          year,
          code,
          organisation.type,
          // Appended to the history as read; the write requires it unchanged, so no reopen is lost.
          { ...change.set, reopens: withReopen(reopenHistory(before), told) },
          {
            // An item written before the history was kept: its single reopen is now the list's first.
            remove: before?.reopen ? [...(change.remove ?? []), 'reopen'] : change.remove,
            expectedVersion: before?.version ?? 0,
            reopensAsRead: before ?? {},
          },
        );
      } catch (error) {
        if (!(error instanceof ResponseWriteRefused)) throw error;
        if (attempt >= WRITE_ATTEMPTS) throw responseBusy();
        continue;
      }
      await this.deps.audit.record({
        actor,
        action: 'response.reopen',
        target: `response:${year}:${code}`,
        organisationId: code,
        year,
        before: { status: before?.status ?? 'not_started', closesAtOverride: before?.closesAtOverride },
        after: { status: after.status, closesAtOverride: after.closesAtOverride, reason: input.reason },
      });
      await this.tellContacts(campaign, organisation, after, before?.status === 'submitted', input.reason);
      return after;
    }
  }

  /**
   * Excuses the organisation from the campaign (no reminders, not counted as missing), or takes the
   * excuse back. One write conditioned on the flag as it was, so two admins excusing at once make
   * one change and one `nothing_to_change`. Audited as `response.excuse` / `response.unexcuse`.
   */
  async excuse(year: number, code: string, input: ExcuseInput, actor: string): Promise<SurveyResponse> {
    const campaign = await this.deps.campaigns.get(year);
    if (campaign.status === 'published') {
      throw published(
        'Kampanjen är publicerad och rapporten är låst, så befrielser kan inte längre ändras.',
        'The campaign is published and its report is locked, so excuses can no longer be changed.',
      );
    }
    const organisation = await this.organisationFor(code);
    const unchanged = () =>
      input.excused
        ? nothingToChange(`${organisation.name} är redan befriad.`, `${organisation.name} is already excused.`)
        : nothingToChange(`${organisation.name} är inte befriad.`, `${organisation.name} is not excused.`);
    // No read first: the write is conditioned on the flag, and a refusal means the same thing.
    let updated: SurveyResponse;
    try {
      updated = await this.deps.responses.adminUpdate(
        year,
        code,
        organisation.type,
        { excused: input.excused },
        { expectedExcused: !input.excused },
      );
    } catch (error) {
      if (error instanceof ResponseWriteRefused) throw unchanged();
      throw error;
    }
    await this.deps.audit.record({
      actor,
      action: input.excused ? 'response.excuse' : 'response.unexcuse',
      target: `response:${year}:${code}`,
      organisationId: code,
      year,
      after: { excused: input.excused, reason: input.reason },
    });
    return updated;
  }

  /** Emails the contacts what the kansli did; a failed send is logged, as for receipts, and never fails the reopen. */
  private async tellContacts(
    campaign: Campaign,
    organisation: Organisation,
    after: SurveyResponse,
    reopened: boolean,
    reason: string,
  ): Promise<void> {
    let recipients: string[];
    try {
      const contacts = await this.deps.contacts.listByOrganisation(organisation.id);
      recipients = contacts.filter((contact) => contact.emailState === 'ok').map((contact) => contact.email);
    } catch (error) {
      this.deps.log({ level: 'warn', msg: 'reopen email not sent', error: (error as Error).name });
      return;
    }
    const email = reopenEmail({
      organisationName: organisation.name,
      campaignTitle: campaign.title,
      reopened,
      closesAt: after.closesAtOverride ?? campaign.closesAt,
      reason: reason.trim(),
      link: `${this.deps.baseUrl}/enkat`,
    });
    for (const to of recipients) {
      try {
        await this.deps.mail.send({ to: [to], kind: 'reopened', ...email });
      } catch (error) {
        this.deps.log({ level: 'warn', msg: 'reopen email not sent', error: (error as Error).name });
      }
    }
  }

  private async organisationFor(code: string): Promise<Organisation> {
    const organisation = await this.deps.organisations.get(code);
    if (!organisation) throw organisationNotFound(code);
    return organisation;
  }
}

/** The response is still as the kansli saw it: submitted for a reopen, not submitted for an extension. */
function assertUnchanged(organisation: Organisation, before: SurveyResponse | undefined, intent: ReopenIntent): void {
  const submitted = before?.status === 'submitted';
  if (intent === 'extend' && submitted) {
    throw new StateConflictError(
      'response_changed',
      `${organisation.name} har skickat in sina svar sedan sidan lästes in, så svarstiden förlängdes inte. Läs in sidan igen och välj Öppna igen om svaren ska ändras.`,
      undefined,
      `${organisation.name} has submitted its answers since the page was loaded, so the time to answer was not extended. Reload the page and choose Reopen if the answers are to be changed.`,
    );
  }
  if (intent === 'reopen' && !submitted) {
    throw new StateConflictError(
      'response_changed',
      `Svaren från ${organisation.name} är inte inskickade längre; någon har redan öppnat dem igen. Läs in sidan igen.`,
      undefined,
      `The answers from ${organisation.name} are no longer submitted; someone has already reopened them. Reload the page.`,
    );
  }
}

/** How far ahead an own deadline may lie: a typo of a year (2062 for 2026) would keep a year open for good. */
const MAX_OWN_DEADLINE_DAYS = 366;

/**
 * An own deadline that would have an effect: in the future, within a year, and after the
 * campaign's end (its deadline, or when the kansli closed it before that).
 */
function assertValidOwnDeadline(campaign: Campaign, closesAt: string, now: string): void {
  if (Date.parse(closesAt) <= Date.parse(now)) {
    throw new DomainRuleError(
      'invalid_dates',
      'Den nya sista svarsdagen måste ligga i framtiden.',
      undefined,
      'The new deadline must be in the future.',
    );
  }
  const latest = new Date(Date.parse(now) + MAX_OWN_DEADLINE_DAYS * 86_400_000).toISOString();
  if (Date.parse(closesAt) > Date.parse(latest)) {
    throw new DomainRuleError(
      'deadline_too_far',
      `Den nya sista svarsdagen får ligga högst ett år fram, senast ${formatStockholm(latest)}.`,
      { latest },
      `The new deadline can be at most a year ahead, ${formatStockholm(latest, 'en')} at the latest.`,
    );
  }
  const end = answersEnd(campaign);
  if (Date.parse(closesAt) <= Date.parse(end)) {
    const open = acceptsWrites(campaign, now);
    const keep = open ? ' Lämna fältet tomt för att behålla kampanjens.' : '';
    const keepEn = open ? " Leave the field empty to keep the campaign's." : '';
    const early = closedEarly(campaign);
    throw new DomainRuleError(
      'deadline_not_after_campaign',
      early
        ? `Organisationens egen sista svarsdag måste vara senare än när kampanjen stängdes, ${formatStockholm(end)}.`
        : `Organisationens egen sista svarsdag måste vara senare än kampanjens, ${formatStockholm(end)}.${keep}`,
      undefined,
      early
        ? `The organisation's own deadline must be later than when the campaign was closed, ${formatStockholm(end, 'en')}.`
        : `The organisation's own deadline must be later than the campaign's, ${formatStockholm(end, 'en')}.${keepEn}`,
    );
  }
}

/**
 * What a reopen writes, given the response as read: a submitted response becomes a draft again; a
 * new own deadline is stored. Throws when that changes nothing, or when the organisation still
 * could not answer afterwards.
 */
function plannedReopen(
  campaign: Campaign,
  organisation: Organisation,
  before: SurveyResponse | undefined,
  closesAt: string | undefined,
  now: string,
): { set: Record<string, unknown>; remove?: string[] } {
  const submitted = before?.status === 'submitted';
  const ownBefore = before?.closesAtOverride;
  const newDeadline = closesAt !== undefined && !(ownBefore && Date.parse(ownBefore) === Date.parse(closesAt));
  if (!submitted && !newDeadline) {
    throw closesAt === undefined
      ? nothingToChange(
          `${organisation.name} har inte skickat in, så det finns inget att öppna igen. Ange en ny sista svarsdag för att förlänga svarstiden.`,
          `${organisation.name} has not submitted, so there is nothing to reopen. Give a new deadline to extend the time to answer.`,
        )
      : nothingToChange(
          `${organisation.name} har redan ${formatStockholm(closesAt)} som egen sista svarsdag.`,
          `${organisation.name} already has ${formatStockholm(closesAt, 'en')} as its own deadline.`,
        );
  }
  const deadline = closesAt ?? ownBefore;
  if (!organisationAcceptsWrites(campaign, deadline, now)) {
    throw new DomainRuleError(
      'deadline_required',
      `Kampanjen tar inte längre emot svar. Ange en ny sista svarsdag i framtiden, annars kan ${organisation.name} inte skicka in igen.`,
      undefined,
      `The survey no longer takes answers. Give a new deadline in the future, or ${organisation.name} cannot submit again.`,
    );
  }
  return {
    set: {
      ...(submitted ? { status: 'draft', reopenedAt: now } : {}),
      ...(newDeadline ? { closesAtOverride: closesAt } : {}),
    },
    remove: submitted ? ['submittedAt', 'submittedBy'] : undefined,
  };
}

// Each refusal with its own English: the codes' general English would not say what to do.
function published(message: string, messageEn: string) {
  return new DomainRuleError('campaign_published', message, undefined, messageEn);
}

function nothingToChange(message: string, messageEn: string) {
  return new DomainRuleError('nothing_to_change', message, undefined, messageEn);
}
