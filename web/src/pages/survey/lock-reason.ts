import type { ApiError } from '../../api/client';
import type { SurveyAvailability } from '../../api/member';
import type { Lang, Translate } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type NotMemberInfo, notMemberText } from '../../lib/not-a-member';

/** Why the survey page is read-only: kept as data and worded when drawn, in the language shown then. */
export type LockReason =
  | { kind: 'submitted' }
  | { kind: 'closed' }
  | { kind: 'not_open_yet'; opensAt?: string }
  | { kind: 'not_a_member'; notMember: NotMemberInfo };

/**
 * Why the survey opens read-only, from what the organisation can do with it now (and, when the
 * campaign takes answers, whether the organisation may: the response's `notAMember`); null when
 * editable.
 */
export function lockOfAvailability(
  availability: SurveyAvailability,
  notAMember?: NotMemberInfo | null,
): LockReason | null {
  switch (availability.kind) {
    case 'editable':
      return notAMember ? { kind: 'not_a_member', notMember: notAMember } : null;
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
      return { kind: 'not_a_member', notMember: (error.details ?? {}) as NotMemberInfo };
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
      return notMemberText(reason.notMember, t, lang);
  }
}
