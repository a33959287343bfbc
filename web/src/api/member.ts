import { ApiError, apiClient } from './client';
import type { CurrentCampaign, MyOrganisation, SurveyResponse } from './types';

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

/** The deadline that applies to the caller's organisation. */
export function effectiveDeadline(campaign: CurrentCampaign): string {
  return campaign.closesAtForOrganisation ?? campaign.closesAt;
}

/**
 * What the organisation can do with the campaign's survey now, as the server decides it
 * (`acceptsWrites` and an organisation's own extension, in response.service.ts):
 * - `submitted`: sent in, read-only;
 * - `editable`: open, between its opening date and the (possibly extended) deadline;
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
  const at = now.getTime();
  const deadline = effectiveDeadline(campaign);
  const deadlinePassed = new Date(deadline).getTime() <= at;
  // An extension of the organisation's own (the kansli reopened its response) lets it answer
  // whatever the campaign's state, as on the server.
  const extended =
    Boolean(campaign.closesAtForOrganisation) &&
    new Date(campaign.closesAtForOrganisation as string).getTime() > new Date(campaign.closesAt).getTime();
  if (extended) return deadlinePassed ? { kind: 'closed', since: deadline } : { kind: 'editable' };
  const opensAhead = new Date(campaign.opensAt).getTime() > at;
  if (campaign.status === 'draft') return { kind: 'upcoming', opensAt: opensAhead ? campaign.opensAt : undefined };
  if (campaign.status === 'open') {
    if (opensAhead) return { kind: 'upcoming', opensAt: campaign.opensAt };
    return deadlinePassed ? { kind: 'closed', since: deadline } : { kind: 'editable' };
  }
  // Closed or published: at the deadline, or earlier by the kansli's hand.
  return deadlinePassed ? { kind: 'closed', since: deadline } : { kind: 'closed' };
}
