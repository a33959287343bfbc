/**
 * Why an organisation may not answer the campaign, worded for the home page's notice and the
 * survey's read-only notice. The API says why, by one rule (shared/domain/membership-span.ts): as
 * `notAMember` on the response, so the pages say so before anyone types, and as the `details` of a
 * refused save (403 `not_a_member`). Both have the same shape.
 */
import type { Lang, Translate } from '../i18n';
import { formatDate } from './format';

/** Where a contact who thinks the register is wrong writes (the footer names it too). */
export { KANSLI_EMAIL } from '../../../shared/domain/kansli-contact';

/** `notAMember` of the response view, or a `not_a_member` refusal's `details`, as far as they are known. */
export interface NotMemberInfo {
  reason?: string;
  memberSince?: string | null;
  memberUntil?: string | null;
}

/** Why, in the page's language, with the day the membership ended or begins when it is known. */
export function notMemberText(info: NotMemberInfo, t: Translate, lang: Lang): string {
  if (info.reason === 'ended' && info.memberUntil) {
    return t('home.notMember.ended', { date: formatDate(info.memberUntil, lang) });
  }
  if (info.reason === 'not_yet' && info.memberSince) {
    return t('home.notMember.notYet', { date: formatDate(info.memberSince, lang) });
  }
  if (info.reason === 'not_in_campaign') return t('home.notMember.notInCampaign');
  return t('survey.notMember');
}
