import { laterOwnDeadline, organisationAcceptsWrites } from '../../../shared/domain/answer-window';
import type { ResponseVersion } from '../../../shared/schemas/response.schema';
import { ApiError, api, apiClient } from './client';
import type { CurrentCampaign, MyOrganisation, ResponseStatus, SurveyResponse } from './types';

export interface MemberOverview {
  my: MyOrganisation;
  /** Null when no campaign is open (404 no_open_campaign). */
  campaign: CurrentCampaign | null;
  response: SurveyResponse | null;
}

/** What the organisation page, the survey and the receipt all start from. */
export async function loadMemberOverview(): Promise<MemberOverview> {
  const [my, campaign] = await Promise.all([
    apiClient.myOrganisation(),
    apiClient.currentCampaign().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  ]);
  const response = campaign ? await apiClient.response(campaign.year) : null;
  return { my, campaign, response };
}

/**
 * The stored version of the year's response, read from its item alone (a few read units, where
 * `apiClient.response` costs up to ~27): with its answers when they are not version `since`.
 */
export function responseVersion(year: number, since: number): Promise<ResponseVersion> {
  return api<ResponseVersion>(`/api/campaigns/${year}/response/version?since=${since}`);
}

/** The deadline that applies to the caller's organisation: its own, when later than the campaign's. */
export function effectiveDeadline(campaign: CurrentCampaign): string {
  return laterOwnDeadline(campaign, campaign.closesAtForOrganisation) ?? campaign.closesAt;
}

/**
 * What the organisation can do with the campaign's survey now, by the rule the server applies
 * (`organisationAcceptsWrites`, shared/domain/answer-window.ts):
 * - `submitted`: sent in, read-only;
 * - `editable`: open, between its opening date and the deadline, or within an extension of its own
 *   (which a published campaign no longer honours);
 * - `upcoming`: not open yet; `opensAt` when the opening date is still ahead (the kansli may have
 *   opened the campaign early, or not opened it at all yet);
 * - `closed`: the deadline has passed (`since` is the deadline), or the kansli closed the campaign
 *   before it (`since` absent: the day it was closed is not known to the member API).
 */
export type SurveyAvailability =
  | { kind: 'submitted' }
  | { kind: 'editable' }
  | { kind: 'upcoming'; opensAt?: string }
  | { kind: 'closed'; since?: string };

export function surveyAvailability(
  campaign: CurrentCampaign,
  response: SurveyResponse,
  now = new Date(),
): SurveyAvailability {
  if (response.status === 'submitted') return { kind: 'submitted' };
  return answerWindow(campaign, now);
}

/**
 * The deadline line beside the status: `closes` (the deadline ahead, while the survey takes or will
 * take answers), `closed` (since the deadline, passed), or `closedEarly`: closed or published
 * before its deadline, whose date then is no longer a time it closes, so none is shown.
 */
export type DeadlineLine = { kind: 'closes'; at: string } | { kind: 'closed'; at: string } | { kind: 'closedEarly' };

export function deadlineLine(campaign: CurrentCampaign, now = new Date()): DeadlineLine {
  // By the campaign, not the response: a submitted organisation's campaign may still be open.
  const answers = answerWindow(campaign, now);
  if (answers.kind !== 'closed') return { kind: 'closes', at: effectiveDeadline(campaign) };
  return answers.since ? { kind: 'closed', at: answers.since } : { kind: 'closedEarly' };
}

/** Whether the campaign takes the organisation's answers now, whatever its response's status. */
function answerWindow(campaign: CurrentCampaign, now: Date): Exclude<SurveyAvailability, { kind: 'submitted' }> {
  const own = laterOwnDeadline(campaign, campaign.closesAtForOrganisation) ?? undefined;
  if (organisationAcceptsWrites(campaign, own, now.toISOString())) return { kind: 'editable' };
  const opensAhead = Date.parse(campaign.opensAt) > now.getTime();
  if (campaign.status === 'draft') return { kind: 'upcoming', opensAt: opensAhead ? campaign.opensAt : undefined };
  if (campaign.status === 'open' && opensAhead) return { kind: 'upcoming', opensAt: campaign.opensAt };
  // Past the deadline, or closed (or published) earlier by the kansli's hand.
  const deadline = effectiveDeadline(campaign);
  return Date.parse(deadline) <= now.getTime() ? { kind: 'closed', since: deadline } : { kind: 'closed' };
}

/**
 * What the home page says about how far the organisation came this year:
 * - `progress`: answered of required, with a bar, while there is work that can still be done
 *   (editable, or upcoming: a carried-over draft may already count answers);
 * - `unsubmitted`: the survey closed without a submission; the count is history, not a to-do, so it
 *   is told once without a bar (`answered`/`total` only when the draft was started and has a count);
 * - `none`: nothing to say (submitted: the submission line says it; or no count is known).
 */
export type HomeProgress =
  | { kind: 'progress'; answered: number; total: number }
  | { kind: 'unsubmitted'; year: number; answered?: number; total?: number }
  | { kind: 'none' };

export function homeProgress(
  campaign: CurrentCampaign,
  response: SurveyResponse,
  availability: SurveyAvailability,
): HomeProgress {
  if (availability.kind === 'submitted' || response.status === 'submitted') return { kind: 'none' };
  const required = response.required && response.required.total > 0 ? response.required : null;
  if (availability.kind === 'closed') {
    // A never-started organisation has no count worth telling: "0 av 49" would read as a task.
    return response.status === 'draft' && required
      ? { kind: 'unsubmitted', year: campaign.year, answered: required.answered, total: required.total }
      : { kind: 'unsubmitted', year: campaign.year };
  }
  return required ? { kind: 'progress', answered: required.answered, total: required.total } : { kind: 'none' };
}

/**
 * The status badge on the home page: the response's status while the survey takes (or will take)
 * answers, or once it is submitted; `unsubmitted` ("Ej inskickad") when the survey closed (or was
 * published, or its deadline passed) without a submission, a draft that was never sent included.
 * "Ej påbörjad" would read as a task still to start, when nothing can be sent any more.
 */
export type HomeStatus = ResponseStatus | 'unsubmitted';

export function homeStatus(response: SurveyResponse, availability: SurveyAvailability): HomeStatus {
  if (response.status !== 'submitted' && availability.kind === 'closed') return 'unsubmitted';
  return response.status;
}
