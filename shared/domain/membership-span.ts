/**
 * The membership rule of `membership.ts` on instants instead of Stockholm dates, for the member
 * API's hot path. Turning an instant into a Stockholm date needs the time-zone data (the first
 * time-zone formatter costs a cold start ~18 ms, docs/performance.md), so sign-in works out once
 * when the organisation's membership starts and ends (`membershipSpan` in membership.ts) and the
 * session carries that; autosave then only compares instants. Pure, no imports: nothing here may
 * pull the reminder schedule onto the member API's cold path.
 *
 * The rule is the same as `mayEmailAbout` (test/shared/domain/membership.test.ts checks the two
 * agree): an organisation answers a campaign on the days it is a member, if it is in the campaign.
 */

/**
 * A membership as the register gives it (`memberSince`, `memberUntil`, Stockholm dates, both
 * inclusive) and as instants: `startsAt` is the Stockholm midnight that begins `memberSince`,
 * `endsAt` the one that ends `memberUntil` (the first instant it is no longer a member). A missing
 * date, and its instant, is open.
 */
export interface MembershipSpan {
  memberSince?: string;
  memberUntil?: string;
  startsAt?: string;
  endsAt?: string;
}

/** How a membership stands at an instant: in force, not begun yet, or ended. */
export type MembershipStanding = 'member' | 'not_yet' | 'ended';

/** The campaign fields the rule reads (ISO instants, closing exclusive). */
export interface CampaignInstants {
  opensAt: string;
  closesAt: string;
}

/** Whether the membership is in force at `at`, has not begun, or has ended. */
export function membershipAt(span: MembershipSpan, at: Date): MembershipStanding {
  const now = at.getTime();
  if (span.startsAt && now < Date.parse(span.startsAt)) return 'not_yet';
  if (span.endsAt && now >= Date.parse(span.endsAt)) return 'ended';
  return 'member';
}

/**
 * In the campaign: a member on at least one of its answer days. Both ends of the span are Stockholm
 * midnights, so "starts by the campaign's closing day" is "starts before it closes", and "lasts
 * until its first day" is "ends after it opens": no date needs working out.
 */
export function isCampaignMemberSpan(span: MembershipSpan, campaign: CampaignInstants): boolean {
  return (
    (!span.startsAt || Date.parse(span.startsAt) < Date.parse(campaign.closesAt)) &&
    (!span.endsAt || Date.parse(span.endsAt) > Date.parse(campaign.opensAt))
  );
}

/**
 * Whether the organisation may answer the campaign at `at` (save, start from earlier answers,
 * submit): it is in the campaign and a member at that moment, the days it is also emailed about it.
 * A membership that ends while the campaign runs answers until its last day, and what it saved or
 * submitted stands; one that begins while it runs answers from its first day.
 */
export function mayAnswer(span: MembershipSpan, campaign: CampaignInstants, at: Date): boolean {
  return isCampaignMemberSpan(span, campaign) && membershipAt(span, at) === 'member';
}

/** Whether two spans are the same membership (a session's, and the register's now). */
export function sameMembership(a: MembershipSpan | undefined, b: MembershipSpan | undefined): boolean {
  return a?.startsAt === b?.startsAt && a?.endsAt === b?.endsAt;
}
