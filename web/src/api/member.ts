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

/** Whether answers can still be changed: campaign open, deadline not passed, not submitted. */
export function isEditable(campaign: CurrentCampaign, response: SurveyResponse, now = new Date()): boolean {
  if (response.status === 'submitted') return false;
  const extended = Boolean(
    campaign.closesAtForOrganisation &&
      new Date(campaign.closesAtForOrganisation).getTime() > new Date(campaign.closesAt).getTime(),
  );
  if (campaign.status !== 'open' && !extended) return false;
  return new Date(effectiveDeadline(campaign)).getTime() > now.getTime();
}
