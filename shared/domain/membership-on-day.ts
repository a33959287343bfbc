/**
 * How a membership stands on one day, with no other import: the console's move dialog uses it, and
 * `membership.ts` (which pulls in the reminder schedule and its zod schemas) re-exports it. Pure.
 */

/** A calendar date as the register writes it, `YYYY-MM-DD`; such strings compare in date order. */
export type IsoDate = string;

/** The register's membership fields (null as a PATCH clears them). */
export interface MembershipDates {
  memberSince?: IsoDate | null;
  memberUntil?: IsoDate | null;
}

/** How a membership stands on a day: in force, not begun yet, or ended. */
export type MembershipOnDay = 'member' | 'not_yet' | 'ended';

/** Whether the membership is in force on `day` (both register dates inclusive), has not begun, or has ended. */
export function membershipOn(membership: MembershipDates, day: IsoDate): MembershipOnDay {
  if (membership.memberSince && day < membership.memberSince) return 'not_yet';
  if (membership.memberUntil && day > membership.memberUntil) return 'ended';
  return 'member';
}
