/**
 * Who belongs to a campaign: the one membership rule, used by the invitation and the reminders,
 * "Påminn nu", the progress overview, Klimatläget and the exports. Pure.
 *
 * The register's `memberSince` and `memberUntil` are Stockholm calendar dates, both inclusive; a
 * missing one is open. "Medlem till 2025-12-31" is a member on 31 December 2025 and not on
 * 1 January 2026.
 *
 * - **In the campaign** of year Y (asked to answer, a row in progress, counted as asked in
 *   Klimatläget Y and a row in the exports): a member on at least one of the campaign's answer days,
 *   from the Stockholm date `opensAt` falls on to its closing day (that of the last instant before
 *   `closesAt`). Not the calendar year Y: an organisation that left in January, before the campaign
 *   opened, or joined in September, after it closed, was never asked, and counting it would lower
 *   the share that answered. A per-organisation extension does not widen the answer days.
 * - **Emailed** (the invitation, scheduled reminders, "Påminn nu"): only while a member, on the
 *   Stockholm day the email goes out. An organisation whose membership ends mid-campaign stays in it
 *   but gets nothing after its last day; one that joins mid-campaign gets nothing before its first.
 * - **Answers given stand.** An organisation with a response item for the campaign (a submission,
 *   a draft or the kansli's "excused") stays a row in progress and the exports whatever the register
 *   says, and a submission counts in Klimatläget (as a respondent, and so among the organisations)
 *   although the organisation is not, or no longer, a member. A non-member is never emailed.
 */
import { closingDay } from '../reminders/reminder-steps';
import { addDays, type LocalDate, stockholmInstant } from '../reminders/send-window';
import { type IsoDate, type MembershipDates, type MembershipOnDay, membershipOn } from './membership-on-day';
import type { MembershipSpan } from './membership-span';
import { isoDateOf as isoDate, stockholmDay } from './stockholm-date';

// `stockholmDay` lives in a zod-free module the console imports directly.
export { type IsoDate, type MembershipDates, type MembershipOnDay, membershipOn, stockholmDay };

/** The campaign fields the rule reads: when it opens and closes (ISO instants, closing exclusive). */
export interface CampaignWindow {
  opensAt: string;
  closesAt: string;
}

/**
 * The first and last Stockholm date on which the campaign takes answers; a campaign that closes at
 * midnight closes the day before (`closingDay`, as the reminder schedule reads it).
 */
export function answerDays(campaign: CampaignWindow): { first: IsoDate; last: IsoDate } {
  // Callers ask once per organisation about the same campaign: remember the last answer, as each
  // costs two time-zone conversions (~6–10 ms over a register of 300).
  if (lastAnswerDays?.opensAt !== campaign.opensAt || lastAnswerDays.closesAt !== campaign.closesAt) {
    lastAnswerDays = {
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      days: { first: stockholmDay(new Date(campaign.opensAt)), last: isoDate(closingDay(new Date(campaign.closesAt))) },
    };
  }
  return { ...lastAnswerDays.days };
}
let lastAnswerDays: (CampaignWindow & { days: { first: IsoDate; last: IsoDate } }) | undefined;

/**
 * How the membership stands to the campaign's answer days: `member` on at least one of them (in the
 * campaign), `ended` before the first, or `not_yet`, beginning after the last (the console says which).
 */
export function campaignMembership(membership: MembershipDates, campaign: CampaignWindow): MembershipOnDay {
  const { first, last } = answerDays(campaign);
  if (membership.memberUntil && membership.memberUntil < first) return 'ended';
  if (membership.memberSince && membership.memberSince > last) return 'not_yet';
  return 'member';
}

/** In the campaign: a member on at least one of its answer days. */
export function isCampaignMember(membership: MembershipDates, campaign: CampaignWindow): boolean {
  return campaignMembership(membership, campaign) === 'member';
}

/** Whether the organisation may be emailed about the campaign at `at`: in it, and a member that Stockholm day. */
export function mayEmailAbout(membership: MembershipDates, campaign: CampaignWindow, at: Date): boolean {
  if (!isCampaignMember(membership, campaign)) return false;
  // The same instant for every organisation of a run: its day is worked out once.
  if (lastDayOf?.time !== at.getTime()) lastDayOf = { time: at.getTime(), day: stockholmDay(at) };
  return membershipOn(membership, lastDayOf.day) === 'member';
}
let lastDayOf: { time: number; day: IsoDate } | undefined;

/** A row of the campaign in progress and the exports: in the campaign, or any organisation with a response item. */
export function isListedInCampaign(
  membership: MembershipDates,
  campaign: CampaignWindow,
  hasResponseItem: boolean,
): boolean {
  return hasResponseItem || isCampaignMember(membership, campaign);
}

/**
 * The membership as instants as well as dates (`MembershipSpan`): from the Stockholm midnight that
 * begins `memberSince` to the one that ends `memberUntil`. Sign-in stores it in the session, so that
 * the checks of membership-span.ts need no time-zone data on the member API's hot path.
 */
export function membershipSpan(membership: MembershipDates): MembershipSpan {
  const span: MembershipSpan = {};
  if (membership.memberSince) {
    span.memberSince = membership.memberSince;
    span.startsAt = stockholmMidnight(localDate(membership.memberSince)).toISOString();
  }
  if (membership.memberUntil) {
    span.memberUntil = membership.memberUntil;
    span.endsAt = stockholmMidnight(addDays(localDate(membership.memberUntil), 1)).toISOString();
  }
  return span;
}

function localDate(date: IsoDate): LocalDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

// Stockholm's clocks change at 02:00 and 03:00, so every day has a midnight.
function stockholmMidnight(date: LocalDate): Date {
  return stockholmInstant({ ...date, hour: 0, minute: 0 });
}
