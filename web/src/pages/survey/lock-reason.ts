import type { ApiError } from '../../api/client';
import type { SurveyAvailability } from '../../api/member';
import type { Lang, Translate } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';

/** Why the survey page is read-only: kept as data and worded when drawn, in the language shown then. */
export type LockReason =
  | { kind: 'submitted' }
  | { kind: 'closed' }
  | { kind: 'not_open_yet'; opensAt?: string }
  | { kind: 'not_a_member'; error: Pick<ApiError, 'details'> };

/** Why the survey opens read-only, from what the organisation can do with it now; null when editable. */
export function lockOfAvailability(availability: SurveyAvailability): LockReason | null {
  switch (availability.kind) {
    case 'editable':
      return null;
    // Sent in (by either contact) while the campaign may still be open: not "closed".
    case 'submitted':
      return { kind: 'submitted' };
    case 'upcoming':
      return { kind: 'not_open_yet', opensAt: availability.opensAt };
    case 'closed':
      return { kind: 'closed' };
  }
}

/** The lock an API refusal means, or null for an error that does not make the survey read-only. */
export function lockReasonOf(error: Pick<ApiError, 'code' | 'details'>, opensAt: string): LockReason | null {
  switch (error.code) {
    case 'already_submitted':
      return { kind: 'submitted' };
    case 'campaign_closed':
      return { kind: 'closed' };
    case 'campaign_not_open_yet':
      return { kind: 'not_open_yet', opensAt };
    case 'not_a_member':
      return { kind: 'not_a_member', error };
    default:
      return null;
  }
}

/** The read-only notice for a lock, in the page's language. */
export function lockText(reason: LockReason, t: Translate, lang: Lang): string {
  switch (reason.kind) {
    case 'submitted':
      return t('survey.readOnlySubmitted');
    case 'closed':
      return t('survey.closed');
    case 'not_open_yet':
      return reason.opensAt
        ? t('survey.opensAt', { date: formatDateTime(reason.opensAt, lang) })
        : t('survey.notOpenYet');
    case 'not_a_member':
      return notMemberText(reason.error, t, lang);
  }
}

/**
 * Why the organisation may not answer (403 `not_a_member`, whose `details.reason` is `ended`,
 * `not_yet` or `not_in_campaign`), in the page's language, for the survey's read-only notice.
 */
export function notMemberText(error: Pick<ApiError, 'details'>, t: Translate, lang: Lang): string {
  const details = (error.details ?? {}) as { reason?: string; memberUntil?: string | null };
  if (details.reason === 'ended' && details.memberUntil) {
    return t('home.notMember.ended', { date: formatDate(details.memberUntil, lang) });
  }
  if (details.reason === 'not_in_campaign') return t('home.notMember.notInCampaign');
  return t('survey.notMember');
}
