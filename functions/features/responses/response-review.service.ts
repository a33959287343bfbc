import type { z } from 'zod';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type {
  NoteInputSchema,
  OverrideInputSchema,
  ReviewedResponse,
  ReviewNote,
  SurveyResponse,
} from '../../../shared/schemas/response.schema';
import { score } from '../../../shared/scoring/score';
import type { ScoreResult } from '../../../shared/scoring/score.schema';
import { compileScoring } from '../../../shared/scoring/scoring-plan';
import { DomainRuleError, NotFoundError, StateConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import type { AuditLog } from '../audit/audit.log';
import type { CampaignService } from '../campaigns/campaign.service';
import { type OrganisationBundle, type ResponseRepository, ResponseWriteRefused } from './response.repository';
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
  baseUrl: string;
  log: (entry: Record<string, unknown>) => void;
}

/**
 * The kansli's review of one organisation's response: read it beside last year's, override a
 * question's points with a reason, and leave a note that is emailed to the contacts. The stored
 * `score` always keeps the computed points; overrides are kept beside it and applied on read.
 */
export class ResponseReviewService {
  constructor(private readonly deps: ResponseReviewDeps) {}

  /** This year's response (null if none) and the latest earlier one. One query plus campaign reads. Throws NotFoundError. */
  async review(year: number, code: string) {
    const campaign = await this.deps.campaigns.get(year);
    const bundle = await this.bundle(code);
    const organisation = bundle.organisation!;
    const response = bundle.responses.get(year);
    const previousYear = Math.max(-1, ...[...bundle.responses.keys()].filter((y) => y < year));
    const previous = bundle.responses.get(previousYear);
    const previousCampaign = previous ? await this.campaignOrUndefined(previousYear) : undefined;
    return {
      organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
      response: response ? reviewed(response, campaign) : null,
      previous: previous ? reviewed(previous, previousCampaign) : null,
    };
  }

  /**
   * Records an override of one question's points on a submitted response and answers the response
   * with its effective score. Throws DomainRuleError `unknown_question`, `question_not_scored`,
   * `points_above_max`, `response_not_submitted` or `campaign_published`; NotFoundError.
   */
  async override(year: number, code: string, input: OverrideInput, actor: string): Promise<ReviewedResponse> {
    const campaign = await this.deps.campaigns.get(year);
    if (campaign.status === 'published') {
      throw new DomainRuleError('campaign_published', 'Kampanjen är publicerad; poängen kan inte längre ändras.');
    }
    const bundle = await this.bundle(code);
    const organisation = bundle.organisation!;
    const question = compileScoring(campaign.surveys[organisation.type]).byName.get(input.question);
    if (!question) {
      throw new DomainRuleError('unknown_question', `Frågan ${input.question} finns inte i enkäten.`, [
        { path: ['question'], message: 'Okänd fråga.' },
      ]);
    }
    if (question.max === 0) {
      throw new DomainRuleError('question_not_scored', `Frågan ${input.question} ger inga poäng.`, [
        { path: ['question'], message: 'Frågan ger inga poäng.' },
      ]);
    }
    if (input.points > question.max) {
      throw new DomainRuleError('points_above_max', `Frågan ${input.question} ger högst ${question.max} poäng.`, [
        { path: ['points'], message: `Högst ${question.max}.` },
      ]);
    }
    let response = bundle.responses.get(year);
    const entry = { ...input, by: actor, at: this.deps.clock.now().toISOString() };
    for (let attempt = 1; ; attempt++) {
      if (response?.status !== 'submitted') {
        throw new DomainRuleError('response_not_submitted', 'Poäng kan bara justeras på inskickade svar.');
      }
      try {
        const before = effectivePoints(reviewed(response, campaign).effectiveScore, input.question);
        const saved = await this.deps.responses.replaceOverrides({
          year,
          organisationId: code,
          organisationType: organisation.type,
          expected: response.overrides,
          next: [...response.overrides, entry],
          requireStatus: 'submitted',
        });
        const result = reviewed(saved, campaign);
        await this.deps.audit.record({
          actor,
          action: 'response.override',
          target: `response:${year}:${code}:${input.question}`,
          organisationId: code,
          year,
          before: { question: input.question, points: before },
          after: { question: input.question, points: input.points, reason: input.reason },
        });
        return result;
      } catch (error) {
        if (!(error instanceof ResponseWriteRefused)) throw error;
        if (attempt >= APPEND_ATTEMPTS) throw busy();
        response = await this.deps.responses.get(year, code);
      }
    }
  }

  /**
   * Removes a question's override (every override recorded for it), so the question counts its
   * computed points again, and answers the response with its effective score. Allowed whatever the
   * response's status, until the campaign is published. Audited as `response.override.remove` with
   * the points before and after and the reason. Throws NotFoundError (unknown organisation, or
   * `override_not_found` when the question has no override) and DomainRuleError `campaign_published`.
   */
  async removeOverride(
    year: number,
    code: string,
    question: string,
    input: { reason: string },
    actor: string,
  ): Promise<ReviewedResponse> {
    const campaign = await this.deps.campaigns.get(year);
    if (campaign.status === 'published') {
      throw new DomainRuleError('campaign_published', 'Kampanjen är publicerad; poängen kan inte längre ändras.');
    }
    const bundle = await this.bundle(code);
    const organisation = bundle.organisation!;
    let response = bundle.responses.get(year);
    for (let attempt = 1; ; attempt++) {
      const removed = response?.overrides.filter((entry) => entry.question === question) ?? [];
      if (!response || removed.length === 0) {
        throw new NotFoundError(`Frågan ${question} har ingen justering att ta bort.`, 'override_not_found');
      }
      try {
        const before = effectivePoints(reviewed(response, campaign).effectiveScore, question);
        const saved = await this.deps.responses.replaceOverrides({
          year,
          organisationId: code,
          organisationType: organisation.type,
          expected: response.overrides,
          next: response.overrides.filter((entry) => entry.question !== question),
        });
        const result = reviewed(saved, campaign);
        await this.deps.audit.record({
          actor,
          action: 'response.override.remove',
          target: `response:${year}:${code}:${question}`,
          organisationId: code,
          year,
          before: { question, points: before, reason: removed.at(-1)?.reason },
          after: { question, points: effectivePoints(result.effectiveScore, question), reason: input.reason },
        });
        return result;
      } catch (error) {
        if (!(error instanceof ResponseWriteRefused)) throw error;
        if (attempt >= APPEND_ATTEMPTS) throw busy();
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
        if (!(error instanceof ResponseWriteRefused)) throw error;
        if (attempt >= APPEND_ATTEMPTS) throw busy();
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

  private async bundle(code: string): Promise<OrganisationBundle> {
    const bundle = await this.deps.responses.bundle(code);
    if (!bundle.organisation) throw new NotFoundError(`Organisationen ${code} finns inte.`);
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
 * The response with its effective score: the stored score when nothing is overridden, else the
 * survey re-scored with the overrides (the latest per question wins), whose overridden questions
 * carry their `computedPoints`. Without the survey it falls back to the stored score.
 */
export function reviewed(response: SurveyResponse, campaign: Campaign | undefined): ReviewedResponse {
  const stored = response.score ?? null;
  if (!stored || response.overrides.length === 0 || !campaign) return { ...response, effectiveScore: stored };
  const overrides = response.overrides.map(({ question, points }) => ({ question, points }));
  try {
    return {
      ...response,
      effectiveScore: score(campaign.surveys[response.organisationType], response.data, { overrides }),
    };
  } catch {
    // A survey edited after the override no longer has the question: show the stored score.
    return { ...response, effectiveScore: stored };
  }
}

function effectivePoints(result: ScoreResult | null, question: string): number | null {
  return result?.questions.find((q) => q.name === question)?.points ?? null;
}

function busy() {
  return new StateConflictError('review_busy', 'Någon annan ändrade svaret samtidigt. Försök igen.');
}
