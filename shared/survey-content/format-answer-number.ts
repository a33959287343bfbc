/**
 * A number answered in the survey, in the reader's format. Plain Intl, no imports: the web's
 * receipt and review page and the API's receipt email share it, so a number reads the same in all.
 */
export type AnswerLang = 'sv' | 'en';

const NUMBER_LOCALES: Record<AnswerLang, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * 2.4 → "2,4" / "2.4", 12500 → "12 500" / "12,500". Every decimal given is kept (the member typed
 * it). Four digits stay ungrouped, as Swedish allows, so a year such as 2045 (the net-zero year)
 * never reads "2 045".
 */
export function formatAnswerNumber(value: number, lang: AnswerLang): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: 20, useGrouping: 'min2' }).format(value);
}
