/**
 * The home page's notice for an organisation that may not answer the campaign. The API says why
 * (`notAMember` on the response, by the same rule that refuses its saves with 403 `not_a_member`),
 * so the page can say so before anyone types; this only words it.
 */
import type { NotAMember } from '../../../shared/schemas/response.schema';
import type { Lang, Translate } from '../i18n';
import { formatDate } from '../lib/format';

/** Where a contact who thinks the register is wrong writes (the footer names it too). */
export const KANSLI_EMAIL = 'kansli@klimatkommunerna.se';

/** Why, in the page's language, with the day the membership ended or begins. */
export function notMemberText(notMember: NotAMember, t: Translate, lang: Lang): string {
  if (notMember.reason === 'ended') return t('home.notMember.ended', { date: formatDate(notMember.memberUntil, lang) });
  if (notMember.reason === 'not_yet') {
    return t('home.notMember.notYet', { date: formatDate(notMember.memberSince, lang) });
  }
  return t('home.notMember.notInCampaign');
}
