import { ApiError } from '../../../api/client';
import { isEmailShaped } from '../../../lib/email';
import type { AddressErasureResult, ErasureResult } from '../api';
import type { AdminKey, AdminT } from '../i18n';
import { errorMessage, fieldErrors } from './field-errors';
import '../i18n/erasure';

/** The counts both erasures answer (shared/schemas/privacy.schema.ts). */
export type ErasureCounts = Pick<
  AddressErasureResult,
  | 'sessionsEnded'
  | 'loginTokensDeleted'
  | 'outboxDeleted'
  | 'reminderLogRedacted'
  | 'responsesRedacted'
  | 'auditRedacted'
>;

/**
 * What any erasure does under the person's address, as both confirmation dialogs list it (the
 * per-contact one and erasure by address); each dialog adds what is particular to it.
 */
export const ERASURE_STEPS: readonly AdminKey[] = [
  'privacy.eraseSessions',
  'privacy.eraseLoginLinks',
  'privacy.eraseOutbox',
  'privacy.eraseReminders',
  'privacy.eraseResponses',
];

/** Each count with its label, in the order the confirmation dialogs list the steps. */
export const ERASURE_COUNTS: ReadonlyArray<readonly [keyof ErasureCounts, AdminKey]> = [
  ['sessionsEnded', 'erasure.count.sessions'],
  ['loginTokensDeleted', 'erasure.count.loginTokens'],
  ['outboxDeleted', 'erasure.count.outbox'],
  ['reminderLogRedacted', 'erasure.count.reminders'],
  ['responsesRedacted', 'erasure.count.responses'],
  ['auditRedacted', 'erasure.count.audit'],
];

/** The counts as labelled items, every one of them (a zero says that step found nothing). */
export function erasureCountItems(
  counts: ErasureCounts,
  t: AdminT,
): Array<{ key: string; label: string; value: number }> {
  return ERASURE_COUNTS.map(([key, label]) => ({ key, label: t(label), value: counts[key] }));
}

/** What an erasure by address shows: the counts, then how many removed contacts' records went. */
export function addressErasureCountItems(
  result: AddressErasureResult,
  t: AdminT,
): Array<{ key: string; label: string; value: number }> {
  return [
    ...erasureCountItems(result, t),
    { key: 'contacts', label: t('former.recordsCount'), value: result.contacts.length },
  ];
}

/** Items as one sentence each ("Avslutade inloggningar: 1."), for a live region. */
function itemsText(items: ReadonlyArray<{ label: string; value: number }>): string {
  return items.map((item) => `${item.label}: ${item.value}.`).join(' ');
}

/** The counts as one sentence each ("Avslutade inloggningar: 1."), for a live region. */
export function erasureCountsText(counts: ErasureCounts, t: AdminT): string {
  return itemsText(erasureCountItems(counts, t));
}

/** Whether an erasure by address found anything: a removed contact's record or any count. */
export function erasedAnything(result: AddressErasureResult): boolean {
  return result.contacts.length > 0 || ERASURE_COUNTS.some(([key]) => result[key] > 0);
}

/** The organisations of the erased contact records, each once, in the order the API listed them. */
export function erasedOrganisations(contacts: ReadonlyArray<{ organisationId: string }>): string[] {
  return [...new Set(contacts.map((c) => c.organisationId))];
}

/**
 * What the organisation page announces after erasing a contact: the counts, and the records of the
 * same person's earlier removals that went with it (the contact itself is `contacts[0]`).
 */
export function contactErasedMessage(name: string, result: ErasureResult, t: AdminT): string {
  const earlier = result.contacts.filter((c) => c.contactId !== result.contactId).length;
  return [
    t('privacy.erased', { name }),
    erasureCountsText(result, t),
    earlier > 0 ? t('privacy.erasedEarlier', { count: earlier }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A contact in the register who holds the address (409 address_in_register, `details.contacts`). */
export interface RegisteredHolder {
  contactId: string;
  organisationId: string;
}

/** Why an erasure by address did not finish, as the page handles it; `null` for any other error. */
export type AddressErasureStop =
  | { kind: 'incomplete' }
  | { kind: 'in-register'; contacts: RegisteredHolder[] }
  | { kind: 'invalid' };

/**
 * Reads the API's refusal of an erasure by address: `erasure_incomplete` (send it again),
 * `address_in_register` with the contacts that hold the address, or a 400 about the address
 * (the page words it itself, in the console's language). Anything else (a network failure, 503) is `null`: the dialog
 * shows it and can be sent again as it is.
 */
export function addressErasureStop(error: unknown): AddressErasureStop | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 409 && error.code === 'erasure_incomplete') return { kind: 'incomplete' };
  if (error.status === 409 && error.code === 'address_in_register') {
    return { kind: 'in-register', contacts: registeredHolders(error.details) };
  }
  if (error.status === 400 && fieldErrors(error).email) return { kind: 'invalid' };
  return null;
}

function registeredHolders(details: unknown): RegisteredHolder[] {
  const list = (details as { contacts?: unknown } | null | undefined)?.contacts;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is RegisteredHolder =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as RegisteredHolder).contactId === 'string' &&
      typeof (c as RegisteredHolder).organisationId === 'string',
  );
}

/** The answer the erasure-by-address page shows below its form. */
export type AddressErasureOutcome =
  | { kind: 'done'; email: string; result: AddressErasureResult }
  | { kind: 'incomplete'; email: string; failure?: string }
  | { kind: 'in-register'; email: string; contacts: RegisteredHolder[] };

/**
 * What the erasure-by-address page does with an answer. An answer it shows gets focus on its
 * heading, whose section holds the counts, and nothing in the live region (a screen reader would
 * read it twice). An address the API refuses sends focus to the field. Any other failure of
 * "Fortsätt radera" (`via: 'continue'`) is shown under the button, which keeps focus, and announced.
 */
export type AddressErasureStep =
  | { outcome: AddressErasureOutcome; focus: 'outcome' }
  | { outcome: null; fieldError: string; focus: 'field' }
  | { outcome: AddressErasureOutcome; focus: 'button'; announce: string };

/**
 * The step for an answer to POST /api/admin/contacts/erase, sent from the confirmation dialog or
 * by "Fortsätt radera". `null` when the dialog is to show the error itself (a network failure,
 * 503): it stays open and can be sent again as it is.
 */
export function addressErasureStep(
  email: string,
  answer: { result: AddressErasureResult },
  via: 'dialog' | 'continue',
  t: AdminT,
): AddressErasureStep;
export function addressErasureStep(
  email: string,
  answer: { result: AddressErasureResult } | { error: unknown },
  via: 'dialog' | 'continue',
  t: AdminT,
): AddressErasureStep | null;
export function addressErasureStep(
  email: string,
  answer: { result: AddressErasureResult } | { error: unknown },
  via: 'dialog' | 'continue',
  t: AdminT,
): AddressErasureStep | null {
  if ('result' in answer) return { outcome: { kind: 'done', email, result: answer.result }, focus: 'outcome' };
  const stop = addressErasureStop(answer.error);
  if (stop?.kind === 'invalid') return { outcome: null, fieldError: t('error.email'), focus: 'field' };
  if (stop) {
    const outcome: AddressErasureOutcome =
      stop.kind === 'incomplete' ? { kind: 'incomplete', email } : { ...stop, email };
    return { outcome, focus: 'outcome' };
  }
  if (via === 'dialog') return null;
  const failure = errorMessage(answer.error, t('error.generic'));
  return { outcome: { kind: 'incomplete', email, failure }, focus: 'button', announce: failure };
}

/** An address worth asking the API about (the same check as the console's person fields). */
export function addressError(email: string, t: AdminT): string | undefined {
  const trimmed = email.trim();
  if (!trimmed) return t('former.emailRequired');
  return isEmailShaped(trimmed) ? undefined : t('error.email');
}
