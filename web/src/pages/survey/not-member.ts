import type { ApiError } from '../../api/client';
import type { Lang, Translate } from '../../i18n';
import { formatDate } from '../../lib/format';

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
