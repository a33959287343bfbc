import { stockholmDate } from './stockholm-time';

/**
 * The file name of a contact's personal-data export: "personuppgifter-anna-andersson-2026-03-18.json"
 * (the name without diacritics or punctuation, the date in Swedish time), so a downloaded export
 * says whose it is and when it was made.
 */
export function contactExportFileName(name: string, exportedAt: Date | string, contactId: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const date = stockholmDate(typeof exportedAt === 'string' ? exportedAt : exportedAt.getTime());
  const who = slug || `kontakt-${contactId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40)}`;
  return `personuppgifter-${who}-${date}.json`;
}
