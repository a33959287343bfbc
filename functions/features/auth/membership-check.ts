import type { MembershipDates } from '../../../shared/domain/membership';
import {
  type CampaignInstants,
  isCampaignMemberSpan,
  type MembershipSpan,
  mayAnswer,
  membershipAt,
} from '../../../shared/domain/membership-span';
import { ForbiddenError } from '../../errors/domain-errors';

/** Why a non-member is refused, for the client to word it (`details.reason`), with the register's dates. */
export type NotMemberReason = 'ended' | 'not_yet' | 'not_in_campaign';

/**
 * Why the organisation may not answer the campaign at `at`, or null when it may (`mayAnswer`):
 * not in the campaign at all first, else its membership has ended or not begun. Without a
 * membership (an admin, or a session from before sign-in stored one) it may, as a register
 * without dates does.
 */
export function notMemberReason(
  membership: MembershipSpan | undefined,
  campaign: CampaignInstants,
  at: Date,
): NotMemberReason | null {
  if (!membership || mayAnswer(membership, campaign, at)) return null;
  if (!isCampaignMemberSpan(membership, campaign)) return 'not_in_campaign';
  return membershipAt(membership, at) === 'ended' ? 'ended' : 'not_yet';
}

const CONTACT_KANSLI = 'Kontakta kansliet om det inte stämmer.';
const CONTACT_KANSLI_EN = 'Contact the secretariat if that is wrong.';

/**
 * Refuses an answer (autosave, "start from last year's answers", submit) from an organisation that
 * may not answer the campaign at `at` (`mayAnswer`, shared/domain/membership-span.ts): 403
 * `not_a_member`. Without a membership (an admin, or a session from before sign-in stored one) it
 * lets the answer through, as a register without dates does.
 */
export function assertMayAnswer(
  membership: MembershipSpan | undefined,
  campaign: CampaignInstants & { year: number },
  at: Date,
): void {
  const reason = notMemberReason(membership, campaign, at);
  if (!membership || !reason) return;
  if (reason === 'not_in_campaign') {
    throw notAMember(
      `Enkäten ${campaign.year} gäller inte er organisation: den är inte medlem i Klimatkommunerna under någon av de dagar enkäten tar emot svar. ${CONTACT_KANSLI}`,
      membership,
      'not_in_campaign',
      `The ${campaign.year} survey does not apply to your organisation: it is not a member of Klimatkommunerna on any of the days the survey takes answers. ${CONTACT_KANSLI_EN}`,
    );
  }
  const ended = reason === 'ended';
  throw notAMember(
    ended
      ? `Er organisation är inte längre medlem i Klimatkommunerna: medlemskapet upphörde ${membership.memberUntil}. Därför kan ni inte längre svara på enkäten. ${CONTACT_KANSLI}`
      : `Er organisation är inte medlem i Klimatkommunerna ännu: medlemskapet börjar ${membership.memberSince}. Ni kan svara på enkäten från den dagen. ${CONTACT_KANSLI}`,
    membership,
    ended ? 'ended' : 'not_yet',
    ended
      ? `Your organisation is no longer a member of Klimatkommunerna: the membership ended on ${membership.memberUntil}. So you can no longer answer the survey. ${CONTACT_KANSLI_EN}`
      : `Your organisation is not a member of Klimatkommunerna yet: the membership begins on ${membership.memberSince}. You can answer the survey from that day. ${CONTACT_KANSLI_EN}`,
  );
}

/**
 * Refuses sign-in for a contact whose organisation is not a member at `at` (its membership has
 * ended, or not begun): 403 `not_a_member`. A login link is not even sent then; this catches a
 * link sent before (a reminder's lasts 7 days).
 */
export function assertMaySignIn(membership: MembershipSpan, at: Date): void {
  const standing = membershipAt(membership, at);
  if (standing === 'member') return;
  throw notAMember(
    standing === 'ended'
      ? `Din organisation är inte längre medlem i Klimatkommunerna: medlemskapet upphörde ${membership.memberUntil}. Därför kan du inte logga in. ${CONTACT_KANSLI}`
      : `Din organisation är inte medlem i Klimatkommunerna ännu: medlemskapet börjar ${membership.memberSince}. Du kan logga in från den dagen. ${CONTACT_KANSLI}`,
    membership,
    standing,
    standing === 'ended'
      ? `Your organisation is no longer a member of Klimatkommunerna: the membership ended on ${membership.memberUntil}. So you cannot sign in. ${CONTACT_KANSLI_EN}`
      : `Your organisation is not a member of Klimatkommunerna yet: the membership begins on ${membership.memberSince}. You can sign in from that day. ${CONTACT_KANSLI_EN}`,
  );
}

function notAMember(
  message: string,
  membership: MembershipSpan,
  reason: NotMemberReason,
  messageEn: string,
): ForbiddenError {
  return new ForbiddenError(
    'not_a_member',
    message,
    { reason, memberSince: membership.memberSince ?? null, memberUntil: membership.memberUntil ?? null },
    messageEn,
  );
}

/**
 * The register's membership as a session carries it (dates and Stockholm-midnight instants); open
 * without dates. Working out the instants needs the time-zone data, so membership.ts is loaded here,
 * on first use and only for an organisation with dates: autosave, which judges by the session, never
 * comes here.
 */
export async function registerMembership(organisation: MembershipDates | undefined): Promise<MembershipSpan> {
  if (!organisation?.memberSince && !organisation?.memberUntil) return {};
  const { membershipSpan } = await import('../../../shared/domain/membership');
  return membershipSpan(organisation);
}
