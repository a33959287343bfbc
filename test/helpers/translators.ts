/**
 * The web app's t() over its real dictionaries, for tests: as translate and adminTranslate, a count
 * of one takes the key's singular form (textForm), and a key a dictionary lacks reads as itself.
 */
import { format, type Lang, type Translate, textForm } from '../../web/src/i18n';
import { en } from '../../web/src/i18n/en';
import { sv } from '../../web/src/i18n/sv';
import type { AdminT } from '../../web/src/pages/admin/i18n';
import { en as adminEn } from '../../web/src/pages/admin/i18n/en';
import { sv as adminSv } from '../../web/src/pages/admin/i18n/sv';

/** The public site's and the member pages' t(). */
export function siteT(lang: Lang): Translate {
  const dictionary: Record<string, string> = lang === 'sv' ? sv : en;
  return (key, params) => format(textForm(key, params, (k) => dictionary[k]) ?? key, params);
}

/** The kansli console's t(). */
export function adminT(lang: Lang): AdminT {
  const dictionary: Record<string, string> = lang === 'sv' ? adminSv : adminEn;
  return (key, params) => format(textForm(key, params, (k) => dictionary[k]) ?? key, params);
}
