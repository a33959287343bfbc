import type { z } from 'zod';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type {
  NoteInputSchema,
  OverrideInputSchema,
  ReviewedOverride,
  ReviewedResponse,
  ReviewNote,
  SurveyResponse,
} from '../../../shared/schemas/response.schema';
import {
  answerForOverride,
  countStaleOverrides,
  overrideAnswerStates,
  type StaleOverride,
  staleOverrides,
} from '../../../shared/scoring/override-answers';
import { sameStoredScore, score, scoreWithOverrides } from '../../../shared/scoring/score';
import type { ScoreResult } from '../../../shared/scoring/score.schema';
import { adjustableMax, adjustableMaxima, compileScoring } from '../../../shared/scoring/scoring-plan';
import { DomainRuleError, NotFoundError, PayloadTooLargeError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import type { AuditLog } from '../audit/audit.log';
import type { CampaignService } from '../campaigns/campaign.service';
import type { EmissionRecord, EmissionRepository } from '../emissions/emission.repository';
import { answersWithEmissionPrefill, emissionPrefillQuestions } from '../emissions/emissions-prefill';
import { organisationNotFound } from '../organisations/register-errors';
import { type OrganisationBundle, type ResponseRepository, ResponseWriteRefused } from './response.repository';
import { responseBusy } from './response-errors';
import { reviewNoteEmail } from './review-note.email';

type OverrideInput = z.infer<typeof OverrideInputSchema>;
type NoteInput = z.infer<typeof NoteInputSchema>;

/** Appends retried this often when another admin appended at the same moment. */
const APPEND_ATTEMPTS = 3;

interface ResponseReviewDeps {
  responses: ResponseRepository;
  campaigns: CampaignService;
  audit: AuditLog;
  mail: Mail;
  clock: Clock;
  /** Imported emissions: the prefilled answers (M0) the review shows. */
  emissions: Pick<EmissionRepository, 'ofOrganisation'>;
  baseUrl: string;
  log: (entry: Record<string, unknown>) => void;
}

/**
 * The kansli's review of one organisation's response: read it beside last year's, override a
 * question's points with a reason, and leave a note that is emailed to the contacts. The stored
 * `score` is always the effective score, overrides included (`scoreWithOverrides`): saving or
 * removing an override on a submitted response re-scores it and stores the score in the same write,
 * so the export, the scorecards and the report read it as is. Only the review computes the score
 * without overrides, on read.
 */
export class ResponseReviewService {
  constructor(private readonly deps: ResponseReviewDeps) {}

  /**
   * This year's response (null if none) and the latest earlier one. One query plus campaign reads,
   * and one query of the organisation's emissions for the prefilled answers. Throws NotFoundError.
   */
  async review(year: number, code: string) {
    const campaign = await this.deps.campaigns.get(year);
    const bundle = await this.bundle(code);
    const organisation = bundle.organisation!;
    const response = bundle.responses.get(year);
    const previousYear = Math.max(-1, ...[...bundle.responses.keys()].filter((y) => y < year));
    const previous = bundle.responses.get(previousYear);
    const previousCampaign = previous ? await this.campaignOrUndefined(previousYear) : undefined;
    // Without its campaign, the earlier response is read with this year's survey, as the page does.
    const previousSurvey = (previousCampaign ?? campaign).surveys[organisation.type];
    const emissions = await this.prefillEmissions(
      code,
      [response && campaign.surveys[organisation.type], previous && previousSurvey].filter((s) => s !== undefined),
    );
    return {
      organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
      response: response
        ? withServerPrefill(reviewed(response, campaign), campaign.surveys[organisation.type], emissions)
        : null,
      previous: previous ? withServerPrefill(reviewed(previous, previousCampaign), previousSurvey, emissions) : null,
      adjustableMax: adjustableOf(campaign.surveys[organisation.type]),
    };
  }

  /**
   * Records an override of one question's points on a submitted response and answers the response
   * with its effective score, also on a published campaign (a correction for the next published
   * version; audited with `afterPublishing`). The points may go up to what the question can give
   * plus its review points (`adjustableMax`). Audited as `response.override`, or as
   * `response.override.keep` with the answer before and now when it re-makes a stale override with
   * its points and reason unchanged ("Behåll justeringen"). Throws DomainRuleError `unknown_question`,
   * `question_not_scored`, `points_above_max` or `response_not_submitted`; NotFoundError.
   */
  async override(year: number, code: string, input: OverrideInput, actor: string): Promise<ReviewedResponse> {
    // Allowed after publishing too: a reported mistake is corrected here and published as a new
    // version. The members' answers stay frozen (no reopen), so only the kansli's points change.
    const campaign = await this.deps.campaigns.get(year);
    const bundle = await this.bundle(code);
    const organisation = bundle.organisation!;
    const question = compileScoring(campaign.surveys[organisation.type]).byName.get(input.question);
    if (!question) {
      throw new DomainRuleError(
        'unknown_question',
        `Frågan ${input.question} finns inte i enkäten.`,
        [{ path: ['question'], code: 'unknown_question', message: 'Okänd fråga.', messageEn: 'Unknown question.' }],
        `Question ${input.question} is not in the survey.`,
      );
    }
    // What the rules give plus the points only the kansli awards (S6's review point), never more.
    const max = adjustableMax(question);
    if (max === 0) {
      throw new DomainRuleError(
        'question_not_scored',
        `Frågan ${input.question} ger inga poäng.`,
        [
          {
            path: ['question'],
            code: 'question_not_scored',
            message: 'Frågan ger inga poäng.',
            messageEn: 'The question gives no points.',
          },
        ],
        `Question ${input.question} gives no points.`,
      );
    }
    if (input.points > max) {
      throw new DomainRuleError(
        'points_above_max',
        `Frågan ${input.question} ger högst ${max} poäng.`,
        [{ path: ['points'], code: 'points_above_max', message: `Högst ${max}.`, messageEn: `At most ${max}.` }],
        `Question ${input.question} gives at most ${max} points.`,
      );
    }
    const survey = campaign.surveys[organisation.type];
    let response = bundle.responses.get(year);
    const at = this.deps.clock.now().toISOString();
    for (let attempt = 1; ; attempt++) {
      if (response?.status !== 'submitted') {
        throw new DomainRuleError(
          'response_not_submitted',
          'Poäng kan bara justeras på inskickade svar.',
          undefined,
          'Points can only be adjusted on submitted responses.',
        );
      }
      // Made on the answer as read: overrides survive a reopen, and the review flags one whose
      // answer the member changed since (docs/scoring.md). Re-saving it is how the kansli keeps it.
      const entry = { ...input, answer: answerForOverride(response.data, input.question), by: actor, at };
      // "Behåll justeringen": the same points and reason re-made on the answer now. Audited as a keep
      // with both answers, so the trail says the kansli kept it, not that it adjusted anew.
      const kept = keptOverride(response, survey, input);
      try {
        const before = pointsOf(scoreWithOverrides(survey, response.data, response.overrides), input.question);
        assertChangesPoints(response, input, before);
        const next = [...response.overrides, entry];
        const saved = await this.deps.responses.replaceOverrides({
          year,
          organisationId: code,
          organisationType: organisation.type,
          expected: response.overrides,
          next,
          overridesToCheck: countStaleOverrides({ data: response.data, overrides: next }, survey),
          scored: { score: scoreWithOverrides(survey, response.data, next), expectedVersion: response.version, at },
        });
        const result = reviewed(saved, campaign);
        await this.deps.audit.record({
          actor,
          action: kept ? 'response.override.keep' : 'response.override',
          target: `response:${year}:${code}:${input.question}`,
          organisationId: code,
          year,
          before: { question: input.question, points: before, ...(kept ? { answer: kept.answer } : {}) },
          after: {
            question: input.question,
            points: input.points,
            reason: input.reason,
            ...(kept ? { answer: entry.answer } : {}),
            ...afterPublishing(campaign),
          },
        });
        return result;
      } catch (error) {
        if (!(error instanceof ResponseWriteRefused)) throw error;
        if (attempt >= APPEND_ATTEMPTS) throw responseBusy();
        response = await this.deps.responses.get(year, code);
      }
    }
  }

  /**
   * Removes a question's override (every override recorded for it), so the question counts its
   * computed points again, and answers the response with its effective score. A submitted response
   * is re-scored and the score stored in the same write; a reopened draft keeps its score until it
   * is submitted again. Allowed whatever the response's status, also after publishing.
   * Audited as `response.override.remove` with the points before and after and the reason. Throws
   * NotFoundError (unknown organisation, or `override_not_found` when the question has no override).
   */
  async removeOverride(
    year: number,
    code: string,
    question: string,
    input: { reason: string },
    actor: string,
  ): Promise<ReviewedResponse> {
    const campaign = await this.deps.campaigns.get(year);
    const bundle = await this.bundle(code);
    const organisation = bundle.organisation!;
    const survey = campaign.surveys[organisation.type];
    const at = this.deps.clock.now().toISOString();
    let response = bundle.responses.get(year);
    for (let attempt = 1; ; attempt++) {
      const removed = response?.overrides.filter((entry) => entry.question === question) ?? [];
      if (!response || removed.length === 0) {
        throw new NotFoundError(
          `Frågan ${question} har ingen justering att ta bort.`,
          'override_not_found',
          `Question ${question} has no override to remove.`,
        );
      }
      try {
        const before = pointsOf(scoreWithOverrides(survey, response.data, response.overrides), question);
        const next = response.overrides.filter((entry) => entry.question !== question);
        const saved = await this.deps.responses.replaceOverrides({
          year,
          organisationId: code,
          organisationType: organisation.type,
          expected: response.overrides,
          next,
          overridesToCheck: countStaleOverrides({ data: response.data, overrides: next }, survey),
          ...(response.status === 'submitted'
            ? {
                scored: {
                  score: scoreWithOverrides(survey, response.data, next),
                  expectedVersion: response.version,
                  at,
                },
              }
            : {}),
        });
        const result = reviewed(saved, campaign);
        await this.deps.audit.record({
          actor,
          action: 'response.override.remove',
          target: `response:${year}:${code}:${question}`,
          organisationId: code,
          year,
          before: { question, points: before, reason: removed.at(-1)?.reason },
          after: {
            question,
            points: pointsOf(result.effectiveScore, question),
            reason: input.reason,
            ...afterPublishing(campaign),
          },
        });
        return result;
      } catch (error) {
        if (!(error instanceof ResponseWriteRefused)) throw error;
        if (attempt >= APPEND_ATTEMPTS) throw responseBusy();
        response = await this.deps.responses.get(year, code);
      }
    }
  }

  /**
   * Stores a note on the response and emails it to the organisation's contacts whose address works.
   * A failed email is logged; the note stands. Throws NotFoundError.
   */
  async note(year: number, code: string, input: NoteInput, actor: string) {
    const campaign = await this.deps.campaigns.get(year);
    const bundle = await this.bundle(code);
    const organisation = bundle.organisation!;
    const recipients = bundle.contacts.filter((contact) => contact.emailState === 'ok');
    const note: ReviewNote = {
      message: input.message,
      by: actor,
      at: this.deps.clock.now().toISOString(),
      emailedTo: recipients.length,
    };
    let response = bundle.responses.get(year);
    let saved: SurveyResponse | undefined;
    for (let attempt = 1; !saved; attempt++) {
      const notes = response?.notes ?? [];
      try {
        saved = await this.deps.responses.appendAdminEntry({
          year,
          organisationId: code,
          organisationType: organisation.type,
          list: 'notes',
          entries: [...notes, note],
          expectedLength: notes.length,
        });
      } catch (error) {
        // Notes are stored on the response item, so a long response leaves less room for them.
        if (error instanceof PayloadTooLargeError) throw noteDoesNotFit();
        if (!(error instanceof ResponseWriteRefused)) throw error;
        if (attempt >= APPEND_ATTEMPTS) throw responseBusy();
        response = await this.deps.responses.get(year, code);
      }
    }
    await this.deps.audit.record({
      actor,
      action: 'response.note',
      target: `response:${year}:${code}`,
      organisationId: code,
      year,
      after: { message: input.message, emailedTo: recipients.length },
    });
    const email = reviewNoteEmail({
      organisationName: organisation.name,
      campaignTitle: campaign.title,
      message: input.message,
      // Once published, the survey page may show another year; the year's own result page does not.
      link: campaign.status === 'published' ? `${this.deps.baseUrl}/resultat/${year}` : `${this.deps.baseUrl}/enkat`,
    });
    for (const contact of recipients) {
      try {
        await this.deps.mail.send({ to: [contact.email], kind: 'review-note', ...email });
      } catch (error) {
        this.deps.log({ level: 'warn', msg: 'review note not sent', error: (error as Error).name });
      }
    }
    return { note, response: reviewed(saved, campaign) };
  }

  /** The organisation's emissions, read only when one of these surveys has a question they prefill. */
  private async prefillEmissions(code: string, surveys: object[]): Promise<EmissionRecord[]> {
    if (!surveys.some((survey) => emissionPrefillQuestions(survey).length > 0)) return [];
    return this.deps.emissions.ofOrganisation(code);
  }

  private async bundle(code: string): Promise<OrganisationBundle> {
    const bundle = await this.deps.responses.bundle(code);
    if (!bundle.organisation) throw organisationNotFound(code);
    return bundle;
  }

  private async campaignOrUndefined(year: number): Promise<Campaign | undefined> {
    try {
      return await this.deps.campaigns.get(year);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}

/**
 * The response as the kansli reviews it. `score` is the stored score, the one every other page
 * reads. `effectiveScore` is what the response scores now (its answers, the campaign's survey and
 * its overrides): what submit, an adjustment, re-scoring and publishing store, so for a submitted
 * response it is the stored score unless that was stored before the survey or the overrides last
 * changed (`rescoreNeeded`). `computedScore` is the same without overrides ("Beräknad poäng utan
 * justeringar"). Without the survey (or a scoring that fails) both fall back to what is stored.
 */
export function reviewed(response: SurveyResponse, campaign: Campaign | undefined): ReviewedResponse {
  const stored = response.score ?? null;
  // Nothing scored yet: a draft that was never submitted.
  if (!stored || !campaign) {
    return {
      ...response,
      overrides: checkedOverrides(response, campaign),
      effectiveScore: stored,
      computedScore: null,
      rescoreNeeded: false,
    };
  }
  const survey = campaign.surveys[response.organisationType];
  const overrides = checkedOverrides(response, campaign);
  try {
    const effective = scoreWithOverrides(survey, response.data, response.overrides);
    return {
      ...response,
      overrides,
      effectiveScore: effective,
      computedScore: response.overrides.length === 0 ? effective : score(survey, response.data),
      rescoreNeeded: response.status === 'submitted' && !sameStoredScore(stored, effective),
    };
  } catch {
    // A survey whose scoring no longer compiles: show what is stored.
    return { ...response, overrides, effectiveScore: stored, computedScore: null, rescoreNeeded: false };
  }
}

/** The response with its prefilled answers (M0) from the imported emissions; after scoring, which reads what is stored. */
function withServerPrefill(
  response: ReviewedResponse,
  survey: object,
  emissions: readonly EmissionRecord[],
): ReviewedResponse {
  return { ...response, data: answersWithEmissionPrefill(survey, response.data, emissions, response.year) };
}

/**
 * Each override with `answerChanged`: whether the answer now differs from the one it was made on
 * (null for one stored before that answer was recorded). Without the campaign, compared as stored.
 */
function checkedOverrides(response: SurveyResponse, campaign: Campaign | undefined): ReviewedOverride[] {
  const states = overrideAnswerStates(response, campaign?.surveys[response.organisationType]);
  return response.overrides.map((override, index) => ({
    ...override,
    answerChanged: states[index] === 'unknown' ? null : states[index] === 'changed',
  }));
}

/**
 * The stale override `input` keeps: the question's counting override was made on an answer the
 * response no longer holds, and `input` posts its points and reason unchanged ("Behåll
 * justeringen"). Undefined for any other adjustment.
 */
function keptOverride(response: SurveyResponse, survey: object, input: OverrideInput): StaleOverride | undefined {
  const stale = staleOverrides(response, survey).find((entry) => entry.question === input.question);
  const latest = response.overrides.filter((entry) => entry.question === input.question).at(-1);
  return stale && latest?.points === input.points && latest.reason === input.reason ? stale : undefined;
}

/** The review page's "Justera" limits; none when the survey's scoring no longer compiles. */
function adjustableOf(survey: object): Record<string, number> {
  try {
    return adjustableMaxima(survey);
  } catch {
    return {};
  }
}

/** Marks an adjustment made after publishing, so the audit trail shows it is not in the published version yet. */
function afterPublishing(campaign: Campaign): { afterPublishing?: true } {
  return campaign.status === 'published' ? { afterPublishing: true } : {};
}

/**
 * A first adjustment must change the points: one equal to what the rules give would be stored and
 * shown to the member as "justerat av kansliet" for nothing. (An existing adjustment may be re-made
 * or set to any points; removing it is its own action.) `calculated`: the question's points before,
 * which, without an adjustment of its own, are the rules' own.
 */
function assertChangesPoints(response: SurveyResponse, input: OverrideInput, calculated: number | null): void {
  if (response.overrides.some((override) => override.question === input.question)) return;
  if (calculated !== input.points) return;
  const sv = String(calculated).replace('.', ',');
  throw new DomainRuleError(
    'points_unchanged',
    `Frågan ${input.question} ger redan ${sv} poäng utan justering.`,
    [
      {
        path: ['points'],
        code: 'points_unchanged',
        message: `Poängen är redan ${sv}. Ändra poängen eller avbryt.`,
        messageEn: `The points are already ${calculated}. Change the points or cancel.`,
      },
    ],
    `Question ${input.question} already gives ${calculated} points without an adjustment.`,
  );
}

function pointsOf(result: ScoreResult | null, question: string): number | null {
  return result?.questions.find((q) => q.name === question)?.points ?? null;
}

function noteDoesNotFit(): PayloadTooLargeError {
  return new PayloadTooLargeError(
    'Anteckningen får inte plats: den sparas i organisationens svar, och svaret med dess anteckningar är redan nära ' +
      'gränsen på 400 kB. Korta ner anteckningen.',
    undefined,
    "The note does not fit: it is stored in the organisation's response, and the response with its notes is already " +
      'close to the 400 KB limit. Shorten the note.',
  );
}
