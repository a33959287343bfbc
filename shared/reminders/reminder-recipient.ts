/**
 * Who a reminder-log entry was for. The log is keyed by contact id, and a contact's name and address
 * can be replaced under the same id ("Ändra" with another person), so each entry records the address
 * (and name) it was claimed for. An entry counts in the schedule only for that address: the person who
 * took over the contact has had none of it. Entries written before addresses were recorded count for
 * whoever holds the contact, as before.
 */

/** The person an entry was claimed for, as it stands on the entry. */
export interface RecordedRecipient {
  /** The address it was claimed for; absent on entries written before it was recorded, or erased. */
  email?: string;
  name?: string;
  /** Set by erasure, which takes `email` and `name` out: whoever it went to, it is nobody in the register now. */
  erasedAt?: string;
}

/** Addresses compare as stored contacts do: trimmed, case-insensitive. */
export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether the entry counts for the contact now at `email`: recorded for it, or recorded without an address. */
export function countsForAddress(entry: RecordedRecipient, email: string): boolean {
  // Erasure needs the address out of the register first (or takes the contact with it), so an erased
  // entry is never the current holder's.
  if (entry.erasedAt !== undefined) return false;
  return entry.email === undefined || sameAddress(entry.email, email);
}

/** Whether the entry was claimed for another address than `email` (so a claim for `email` takes it over). */
export function isForAnotherAddress(entry: RecordedRecipient, email: string): boolean {
  return !countsForAddress(entry, email);
}

/**
 * The recipient a log row shows: the one the entry was claimed for, with the contact's current name and
 * address beside it when the contact now has another address. An entry without a recorded address
 * shows the contact as it is now (all there is); one whose contact is gone shows what was recorded.
 */
export function logRecipient(
  entry: RecordedRecipient,
  current: { name: string; email: string } | undefined,
): { name: string | null; email: string | null; current?: { name: string; email: string } } {
  if (entry.erasedAt !== undefined) return { name: null, email: null };
  if (entry.email === undefined) return { name: current?.name ?? null, email: current?.email ?? null };
  const changed = current !== undefined && !sameAddress(entry.email, current.email);
  return {
    // An entry recorded before names were kept beside the address has the address only.
    name: entry.name ?? (changed ? null : (current?.name ?? null)),
    email: entry.email,
    ...(changed ? { current: { name: current.name, email: current.email } } : {}),
  };
}
