/**
 * The nine main sectors of the national emissions database, in its order. Apart from sectors.ts
 * (names, synonyms, Kolada codes), so the web app can list them without loading the rest.
 */
export const SECTOR_IDS = [
  'transporter',
  'utrikes-transporter',
  'industri',
  'jordbruk',
  'el-och-fjarrvarme',
  'egen-uppvarmning',
  'arbetsmaskiner',
  'produktanvandning',
  'avfall',
] as const;

export type SectorId = (typeof SECTOR_IDS)[number];
