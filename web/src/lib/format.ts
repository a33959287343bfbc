import type { Lang } from '../i18n';

/** Every date on the site is shown in Swedish time, whatever the visitor's clock says. */
export const TIME_ZONE = 'Europe/Stockholm';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "12 december 2026 kl. 23:59" / "12 December 2026 at 23:59". */
export function formatDateTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
  return `${day} ${lang === 'sv' ? 'kl.' : 'at'} ${formatTime(iso, lang)}`;
}

/** "12 december 2026". */
export function formatDate(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}

/** "14:32". */
export function formatTime(iso: string | Date, lang: Lang): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locales[lang], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(value);
}

/** 0.654 → "65 %" (Swedish, with a no-break space) / "65%". */
export function formatPercent(share: number, lang: Lang, digits = 0): string {
  const format = new Intl.NumberFormat(locales[lang], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format;
  // A share that is neither none nor all never reads as "0 %" or "100 %": 299 of 300 is "> 99 %".
  const step = 10 ** -(digits + 2);
  if (share > 0 && share < 1) {
    if (share >= 1 - step / 2) return `>\u00a0${format(1 - step)}`;
    if (share < step / 2) return `<\u00a0${format(step)}`;
  }
  return format(share);
}

/** 31.46 → "31,5" / "31.5"; whole numbers stay whole unless `fixed` (then 5 → "5,0"). */
export function formatDecimal(value: number, lang: Lang, digits = 1, fixed = false): string {
  return new Intl.NumberFormat(locales[lang], {
    maximumFractionDigits: digits,
    minimumFractionDigits: fixed ? digits : 0,
  }).format(value);
}

/** A change in share points: 0.032 → "+3,2" / "+3.2"; the caller adds the unit ("procentenheter"). */
export function formatPointChange(change: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change * 100);
}

/** A relative change: -0.53 → "−53 %" / "−53%". */
export function formatChange(change: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(change);
}
