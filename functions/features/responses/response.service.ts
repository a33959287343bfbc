import { acceptsWrites, honoursOwnDeadlines, organisationAcceptsWrites } from '../../../shared/domain/answer-window';
import { fromKansli } from '../../../shared/domain/kansli-messages';
import { type MembershipSpan, membershipAt } from '../../../shared/domain/membership-span';
import { parseOrganisationCode } from '../../../shared/domain/organisation-codes';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type {
  CarryOverOffer,
  CarryOverResult,
  Editor,
  Prefill,
  ResponseVersion,
  SurveyData,
  SurveyResponse,
} from '../../../shared/schemas/response.schema';
import { responseProgress } from '../../../shared/scoring/answered-share';
import { countStaleOverrides } from '../../../shared/scoring/override-answers';
import { scoreWithOverrides } from '../../../shared/scoring/score';
import { carryOverAnswers, latestEarlierSubmission } from '../../../shared/survey-content/carry-over';
import { withRegisterAnswers } from '../../../shared/survey-validation/register-answers';
import { validateDraft } from '../../../shared/survey-validation/validate-draft';
import type { ValidationResult } from '../../../shared/survey-validation/validation.schema';
import {
  DomainRuleError,
  ForbiddenError,
  NotFoundError,
  StateConflictError,
  VersionConflictError,
} from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import { assertMayAnswer, notMemberReason, registerMembership } from '../auth/membership-check';
import type { SessionUser } from '../auth/session.service';
import type { CampaignService } from '../campaigns/campaign.service';
import { receiptEmail } from './receipt.email';
import { type OrganisationBundle, type ResponseRepository, ResponseWriteRefused } from './response.repository';

/** Supplies values a response is prefilled with, such as imported emissions. */
export interface PrefillSource {
  prefillFor(organisationId: string, year: number, survey: object): Promise<Prefill>;
}

export const NO_PREFILL: PrefillSource = { prefillFor: async () => ({ values: {}, sources: {} }) };

interface ResponseServiceDeps {
  responses: ResponseRepository;
  campaigns: CampaignService;
  clock: Clock;
  mail: Mail;
  prefill: PrefillSource;
  baseUrl: string;
  log: (entry: Record<string, unknown>) => void;
}

/**
 * A member organisation's shared answer: drafts saved by any of its contacts with optimistic
 * locking, and one submit that validates, scores and freezes it.
 */
export class ResponseService {
  constructor(private readonly deps: ResponseServiceDeps) {}

  /**
   * The response as the member sees it; `not_started` with version 0 when nobody has saved yet.
   * Reads the organisation's partition (one query), so it can also offer the latest earlier
   * submission's answers (`carryOver`) while the draft is not submitted.
   */
  async view(user: SessionUser, year: number) {
    const organisationId = memberOrganisation(user);
    const campaign = await this.campaignForMembers(year);
    const survey = campaign.surveys[organisationTypeOf(organisationId)];
    const [bundle, prefill] = await Promise.all([
      this.deps.responses.bundle(organisationId),
      this.deps.prefill.prefillFor(organisationId, year, survey),
    ]);
    const response = bundle.responses.get(year);
    // The session's membership: changing the register's dates ends the sessions, and working out the
    // register's instants here would load the time-zone data on every first page load.
    const membership = user.membership;
    const notMember = notMemberReason(membership, campaign, this.deps.clock.now());
    // "x av y obligatoriska frågor besvarade": what is left before the survey can be submitted.
    let required = { answered: 0, total: 0 };
    try {
      const share = responseProgress(survey, response?.data ?? {});
      required = { answered: share.answered, total: share.total };
    } catch (error) {
      // A survey whose scoring does not compile: saving says so; the member can still read.
      this.deps.log({ level: 'warn', msg: 'progress not counted', error: (error as Error).name });
    }
    return {
      data: response?.data ?? {},
      version: response?.version ?? 0,
      status: response?.status ?? ('not_started' as const),
      updatedAt: response?.updatedAt,
      updatedBy: response?.updatedBy,
      submittedAt: response?.submittedAt,
      submittedBy: response?.submittedBy,
      closesAtOverride: response?.closesAtOverride,
      required,
      notAMember: notMember
        ? { reason: notMember, memberSince: membership?.memberSince, memberUntil: membership?.memberUntil }
        : null,
      prefill,
      fromKansli: fromKansli(response),
      // Offered only while the answers can still change: a closed or submitted response has no use for it.
      carryOver: whyNotWritable(campaign, response, this.deps.clock.now().toISOString())
        ? null
        : carryOverOffer(survey, bundle, year, response?.data ?? {}),
    };
  }

  /**
   * What an open survey page checks now and then (GET …/response/version): the response item
   * alone, one GetItem, with no campaign, organisation or prefill read (with the session's, ~2–3
   * read units, where `view` costs up to ~27). The answers only when the stored version is not
   * `since`. The membership is judged by the session at this moment: a page that asks loaded as a
   * member of the campaign (else it is locked and does not ask), so only a membership ending since
   * can change that. Without the campaign a year of a draft campaign answers as a year without one:
   * version 0, not started.
   */
  async version(user: SessionUser, year: number, since?: number): Promise<ResponseVersion> {
    const organisationId = memberOrganisation(user);
    const stored = await this.deps.responses.get(year, organisationId);
    const version = stored?.version ?? 0;
    const membership = user.membership;
    const standing = membership ? membershipAt(membership, this.deps.clock.now()) : 'member';
    return {
      version,
      status: stored?.status ?? 'not_started',
      updatedAt: stored?.updatedAt,
      updatedBy: stored?.updatedBy,
      notAMember:
        standing === 'member'
          ? null
          : { reason: standing, memberSince: membership?.memberSince, memberUntil: membership?.memberUntil },
      ...(version === since ? {} : { data: stored?.data ?? {} }),
    };
  }

  /**
   * Saves a partial answer as the next version: one conditional write, no read on the happy path.
   * Throws InputValidationError-like DomainRuleError (invalid_response), VersionConflictError with
   * the stored version, StateConflictError already_submitted, or ForbiddenError campaign_closed, or
   * not_a_member when the organisation may not answer the campaign (by the membership the session
   * carries: no read).
   */
  async saveDraft(user: SessionUser, year: number, input: { data: SurveyData; version: number }) {
    const organisationId = memberOrganisation(user);
    const campaign = await this.campaignForMembers(year);
    assertMayAnswer(user.membership, campaign, this.deps.clock.now());
    const checked = validateDraft(campaign.surveys[organisationTypeOf(organisationId)], input.data);
    if (!checked.ok) throw invalidResponse(checked.details);
    // Stores the checked answers: keys that are no longer questions of the survey are left out.
    return this.writeDraft(user, campaign, organisationId, checked.data, input.version);
  }

  /**
   * Fills the draft's unanswered questions with the answers of the organisation's latest earlier
   * submission that this year's survey still accepts (shared/survey-content/carry-over.ts). Never
   * overwrites an answer. One query and, when something is added, one conditional write at
   * `version`, like an autosave: VersionConflictError when someone saved first; not_a_member when
   * the organisation may not answer the campaign (by the register's dates, read with the rest).
   */
  async carryOver(user: SessionUser, year: number, input: { version: number }): Promise<CarryOverResult> {
    const organisationId = memberOrganisation(user);
    const campaign = await this.campaignForMembers(year);
    const bundle = await this.deps.responses.bundle(organisationId);
    assertMayAnswer(await membershipOf(user, bundle), campaign, this.deps.clock.now());
    const current = bundle.responses.get(year);
    const now = this.deps.clock.now().toISOString();
    assertWritable(campaign, current, now);
    if ((current?.version ?? 0) !== input.version) throw conflict(current);
    const earlier = latestEarlierSubmission(bundle.responses.values(), year);
    if (!earlier) {
      throw new NotFoundError(
        'Det finns inga inskickade svar från tidigare år att utgå från.',
        'no_earlier_response',
        'There are no answers submitted in earlier years to start from.',
      );
    }
    const draft = current?.data ?? {};
    const survey = campaign.surveys[organisationTypeOf(organisationId)];
    const { values, answers } = carryOverAnswers(survey, earlier.data, draft);
    if (Object.keys(values).length === 0) {
      return {
        version: input.version,
        updatedAt: current?.updatedAt,
        updatedBy: current?.updatedBy,
        fromYear: earlier.year,
        values,
        answers,
      };
    }
    const saved = await this.writeDraft(user, campaign, organisationId, { ...draft, ...values }, input.version);
    return { ...saved, fromYear: earlier.year, values, answers };
  }

  /** Stores checked draft data as the next version: one conditional write, no read on the happy path. */
  private async writeDraft(
    user: SessionUser,
    campaign: Campaign,
    organisationId: string,
    data: SurveyData,
    expectedVersion: number,
  ) {
    const organisationType = organisationTypeOf(organisationId);
    const now = this.deps.clock.now().toISOString();
    // The write's condition lets an organisation's own deadline through; once the campaign no
    // longer honours such deadlines (published), the write is refused before it is sent.
    if (!acceptsWrites(campaign, now) && !honoursOwnDeadlines(campaign)) {
      throw await this.whyRefused(campaign, organisationId, now);
    }
    // Stored for the progress page and the draft reminders: the same count the member's page shows.
    const progress = responseProgress(campaign.surveys[organisationType], data);
    try {
      const saved = await this.deps.responses.saveDraft({
        year: campaign.year,
        organisationId,
        organisationType,
        data,
        editor: editorOf(user),
        answered: progress.answered,
        totalQuestions: progress.total,
        expectedVersion,
        campaignAcceptsWrites: acceptsWrites(campaign, now),
        now,
      });
      return { version: saved.version, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy };
    } catch (error) {
      if (error instanceof ResponseWriteRefused) throw await this.whyRefused(campaign, organisationId, now);
      throw error;
    }
  }

  /**
   * Submits the stored draft at `version`: validates it with survey-core exactly as the web page
   * does, drops answers to hidden questions, scores it with the kansli's stored overrides (kept from
   * before a reopen), stores it read-only and emails a receipt.
   * Two reads (session, organisation bundle) and one write, plus one email per contact. Refused with
   * not_a_member when the organisation may not answer the campaign (by the register's dates in the
   * bundle, so a change the session has not seen still counts).
   */
  async submit(user: SessionUser, year: number, input: { version: number }) {
    const organisationId = memberOrganisation(user);
    const organisationType = organisationTypeOf(organisationId);
    const campaign = await this.campaignForMembers(year);
    const now = this.deps.clock.now().toISOString();
    const bundle = await this.deps.responses.bundle(organisationId);
    assertMayAnswer(await membershipOf(user, bundle), campaign, new Date(now));
    const stored = bundle.responses.get(year);
    assertWritable(campaign, stored, now);
    const survey = campaign.surveys[organisationType];
    // survey-core is heavy; only submit needs it, so autosave's cold start never loads it.
    const { validateSubmission } = await import('../../../shared/survey-validation/validate-submission');
    if (!stored || stored.version === 0) throw nothingSaved(validateSubmission(survey, {}));
    if (stored.version !== input.version) throw conflict(stored);
    const validated = validateSubmission(survey, stored.data);
    if (!validated.ok) throw invalidResponse(validated.details);
    // The organisation's name as the register has it (read in the bundle), not as the draft held it.
    const checked = { ...validated, data: withRegisterAnswers(survey, validated.data, bundle.organisation) };
    const progress = responseProgress(survey, checked.data);
    let submitted: SurveyResponse;
    try {
      submitted = await this.deps.responses.submit({
        year,
        organisationId,
        data: checked.data,
        editor: editorOf(user),
        // The kansli's adjustments stay through a reopen: the stored score is always the effective one.
        score: scoreWithOverrides(survey, checked.data, stored.overrides ?? []),
        expectedOverrides: stored.overrides ?? [],
        // The review list's flag: adjustments kept through a reopen whose answer the member changed.
        overridesToCheck: countStaleOverrides({ data: checked.data, overrides: stored.overrides ?? [] }, survey),
        answered: progress.answered,
        totalQuestions: progress.total,
        expectedVersion: input.version,
        campaignAcceptsWrites: acceptsWrites(campaign, now),
        now,
      });
    } catch (error) {
      if (error instanceof ResponseWriteRefused) throw await this.whyRefused(campaign, organisationId, now);
      throw error;
    }
    await this.sendReceipts(bundle, campaign, submitted, survey);
    return { status: 'submitted' as const, submittedAt: submitted.submittedAt ?? now };
  }

  /**
   * The year's campaign as members may see it: a draft is the kansli's until it opens, so members
   * get the same 404 as for a year without a campaign (and cannot tell that one is being prepared).
   */
  private async campaignForMembers(year: number): Promise<Campaign> {
    const campaign = await this.deps.campaigns.getCached(year);
    if (campaign.status === 'draft') {
      throw new NotFoundError(`Det finns ingen enkät för ${year}.`, 'not_found', `There is no survey for ${year}.`);
    }
    return campaign;
  }

  /** After a refused write, one read tells the member exactly why. */
  private async whyRefused(campaign: Campaign, organisationId: string, now: string): Promise<Error> {
    const current = await this.deps.responses.get(campaign.year, organisationId);
    return whyNotWritable(campaign, current, now) ?? conflict(current);
  }

  private async sendReceipts(bundle: OrganisationBundle, campaign: Campaign, response: SurveyResponse, survey: object) {
    const message = receiptEmail({
      organisationName: bundle.organisation?.name ?? response.organisationId,
      campaignTitle: campaign.title,
      response,
      survey,
      link: `${this.deps.baseUrl}/kvitto`,
    });
    for (const contact of bundle.contacts) {
      try {
        await this.deps.mail.send({ to: [contact.email], kind: 'receipt', ...message });
      } catch (error) {
        // The submit itself has succeeded; a lost receipt is logged, not reported as a failed submit.
        this.deps.log({ level: 'warn', msg: 'receipt not sent', error: (error as Error).name });
      }
    }
  }
}

function carryOverOffer(
  survey: object,
  bundle: OrganisationBundle,
  year: number,
  draft: SurveyData,
): CarryOverOffer | null {
  const earlier = latestEarlierSubmission(bundle.responses.values(), year);
  if (!earlier) return null;
  const { answers } = carryOverAnswers(survey, earlier.data, draft);
  return answers > 0 ? { year: earlier.year, answers } : null;
}

/**
 * Why the organisation's response takes no writes at `now`, if it does not: it is submitted, or
 * the campaign is closed and no extension of the organisation's own still runs.
 */
function whyNotWritable(campaign: Campaign, stored: SurveyResponse | undefined, now: string): Error | undefined {
  if (stored?.status === 'submitted') return alreadySubmitted();
  if (organisationAcceptsWrites(campaign, stored?.closesAtOverride, now)) return undefined;
  if (campaign.status === 'open' && Date.parse(now) < Date.parse(campaign.opensAt)) {
    return new ForbiddenError(
      'campaign_not_open_yet',
      'Enkäten har inte öppnat för svar ännu.',
      undefined,
      'The survey has not opened for answers yet.',
    );
  }
  return campaignClosed();
}

function assertWritable(campaign: Campaign, stored: SurveyResponse | undefined, now: string): void {
  const refusal = whyNotWritable(campaign, stored, now);
  if (refusal) throw refusal;
}

export function organisationTypeOf(organisationId: string): 'kommun' | 'region' {
  const parsed = parseOrganisationCode(organisationId);
  if (!parsed) throw new NotFoundError('Organisationen finns inte.', 'not_found', 'The organisation does not exist.');
  return parsed.type;
}

/** The membership to judge a write by: the register's, when the request read the organisation anyway, else the session's. */
async function membershipOf(user: SessionUser, bundle: OrganisationBundle): Promise<MembershipSpan | undefined> {
  return bundle.organisation ? registerMembership(bundle.organisation) : user.membership;
}

function memberOrganisation(user: SessionUser): string {
  if (!user.organisationId) {
    throw new ForbiddenError(
      'members_only',
      'Bara medlemmarnas kontaktpersoner kan svara.',
      undefined,
      "Only the members' contacts can answer.",
    );
  }
  return user.organisationId;
}

function editorOf(user: SessionUser): Editor {
  return { name: user.name, email: user.email };
}

function invalidResponse(details: Array<{ question: string; message: string }>) {
  return new DomainRuleError('invalid_response', 'Några svar är ogiltiga.', details, 'Some answers are not valid.');
}

/**
 * A submit with nothing saved: the required questions still to answer, as for a partial draft (the
 * page shows them the same way); a survey that requires nothing gets its own code, not an empty list.
 */
function nothingSaved(checked: ValidationResult) {
  if (!checked.ok) return invalidResponse(checked.details);
  return new DomainRuleError(
    'nothing_to_submit',
    'Det finns inga sparade svar att skicka in. Svara på minst en fråga först.',
    undefined,
    'There are no saved answers to submit. Answer at least one question first.',
  );
}

function alreadySubmitted() {
  return new StateConflictError(
    'already_submitted',
    'Svaren är redan inskickade och kan inte ändras.',
    undefined,
    'The answers have already been submitted and cannot be changed.',
  );
}

function campaignClosed() {
  return new ForbiddenError(
    'campaign_closed',
    'Enkäten är stängd för svar.',
    undefined,
    'The survey is closed for answers.',
  );
}

function conflict(current: SurveyResponse | undefined) {
  return new VersionConflictError(
    'Någon annan har sparat en nyare version.',
    {
      data: current?.data ?? {},
      version: current?.version ?? 0,
      updatedAt: current?.updatedAt,
      updatedBy: current?.updatedBy,
    },
    'Someone else has saved a newer version.',
  );
}
