/**
 * Moving a contact to another organisation, as pure functions of data (unit-tested in
 * test/web/admin-organisation-page.test.ts): finding the organisation among the register's 311 by
 * what the kansli types, and what the move means for the statutes' roles on both sides.
 */

import { type MembershipDates, membershipOn } from '../../../../../shared/domain/membership-on-day';
import { stockholmDay } from '../../../../../shared/domain/stockholm-date';
import type { ContactRole } from '../../../../../shared/schemas/contact.schema';

/** Lower case without diacritics, so "malmo" finds Malmö and "Ange" finds Ånge. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * The organisations that match `query`, best first: the exact code, codes that start with it (in
 * code order), names that start with it, names with a word that starts with it, names that contain
 * it (each in Swedish alphabetical order). An empty query matches nothing.
 */
export function searchOrganisations<T extends { id: string; name: string }>(
  organisations: readonly T[],
  query: string,
): T[] {
  const wanted = fold(query);
  if (wanted === '') return [];
  const rank = (organisation: T): number => {
    if (organisation.id === wanted) return 0;
    if (/^\d+$/.test(wanted)) return organisation.id.startsWith(wanted) ? 1 : -1;
    const name = fold(organisation.name);
    if (name.startsWith(wanted)) return 2;
    if (name.split(/[\s-]+/).some((word) => word.startsWith(wanted))) return 3;
    return name.includes(wanted) ? 4 : -1;
  };
  return organisations
    .map((organisation) => ({ organisation, rank: rank(organisation) }))
    .filter((match) => match.rank >= 0)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        // Codes typed: in code order; names: in Swedish alphabetical order.
        (a.rank === 1
          ? a.organisation.id.localeCompare(b.organisation.id)
          : a.organisation.name.localeCompare(b.organisation.name, 'sv')),
    )
    .map((match) => match.organisation);
}

interface Holder {
  id: string;
  name: string;
  role: ContactRole;
}

/**
 * What moving `contact` to `target` with `role` does to the statutes' one politician and one
 * official: the target's contacts who hold that role already (the API allows two, and warns only
 * for a missing role), and whether the organisation it leaves has nobody else in its role.
 */
export function moveConsequences(
  contact: Holder,
  from: { contacts: readonly Holder[] },
  target: { contacts: readonly Holder[] },
  role: ContactRole,
): { holders: Holder[]; leavesGap: boolean } {
  return {
    holders: target.contacts.filter((other) => other.id !== contact.id && other.role === role),
    leavesGap: !from.contacts.some((other) => other.id !== contact.id && other.role === contact.role),
  };
}

/**
 * Whether the organisation a contact would move to is a member on `today` (a Stockholm date): a
 * contact of a former member cannot sign in and gets no invitation or reminder, nor one of an
 * organisation whose membership has not begun, until it does. Null for a member.
 */
export function targetMembership(
  organisation: MembershipDates,
  today: string,
): { state: 'ended'; date: string } | { state: 'not_yet'; date: string } | null {
  const state = membershipOn(organisation, today);
  if (state === 'ended') return { state, date: organisation.memberUntil as string };
  if (state === 'not_yet') return { state, date: organisation.memberSince as string };
  return null;
}

/** Today's date in Stockholm, `YYYY-MM-DD`, as the register's membership dates are written. */
export function stockholmToday(now = new Date()): string {
  // The one Stockholm date function (zod-free, so the page stays in its bundle budget).
  return stockholmDay(now);
}
