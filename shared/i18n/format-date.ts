/** Formats an instant in Europe/Stockholm time, as every page and email shows dates. */
export function formatStockholm(iso: string, locale: 'sv' | 'en' = 'sv'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}
