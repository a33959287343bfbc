/**
 * The nine main sectors of the national emissions database (Nationella emissionsdatabasen), with
 * the Swedish and English names and sub-sectors seen in exports, and the Kolada KPI codes.
 * Copied from the team's domain brief; this file is the single source inside the repo.
 */

import { SECTOR_IDS, type SectorId } from './sector-ids';

export { SECTOR_IDS, type SectorId };

export interface MainSector {
  id: SectorId;
  /** The name used by the national emissions database. */
  nameSv: string;
  nameEn: string;
  /** Kolada KPI for the sector's emissions in t CO2e, where Kolada has one. */
  koladaKpi?: string;
  /** Other names for the whole sector, Swedish or English. */
  synonyms: readonly string[];
  /** Names of parts of the sector; rows with these are summed into the sector. */
  subSectors: readonly string[];
}

export const MAIN_SECTORS: readonly MainSector[] = [
  {
    id: 'transporter',
    nameSv: 'Transporter',
    nameEn: 'Transport',
    koladaKpi: 'N85533',
    synonyms: ['Inrikes transporter', 'Transports', 'Transportation', 'Domestic transport'],
    subSectors: [
      'Vägtrafik',
      'Personbilar',
      'Lätta lastbilar',
      'Tunga lastbilar',
      'Bussar',
      'Mopeder och motorcyklar',
      'Inrikes flyg',
      'Inrikes luftfart',
      'Inrikes sjöfart',
      'Järnväg',
      'Bantrafik',
      'Road traffic',
      'Road transport',
      'Passenger cars',
      'Cars',
      'Light trucks',
      'Heavy trucks',
      'Buses',
      'Mopeds and motorcycles',
      'Domestic aviation',
      'Domestic navigation',
      'Domestic shipping',
      'Railways',
    ],
  },
  {
    id: 'utrikes-transporter',
    nameSv: 'Utrikes transporter',
    nameEn: 'International transport',
    koladaKpi: 'N85534',
    synonyms: ['International transports', 'Bunkring'],
    subSectors: [
      'Utrikes flyg',
      'Utrikes luftfart',
      'Utrikes sjöfart',
      'International aviation',
      'International shipping',
    ],
  },
  {
    id: 'industri',
    nameSv: 'Industri (energi + processer)',
    nameEn: 'Industry (energy + processes)',
    koladaKpi: 'N85537',
    synonyms: ['Industri', 'Industry', 'Industri energi och processer'],
    subSectors: ['Industriprocesser', 'Förbränning inom industrin', 'Industrial processes', 'Industrial combustion'],
  },
  {
    id: 'jordbruk',
    nameSv: 'Jordbruk',
    nameEn: 'Agriculture',
    koladaKpi: 'N85538',
    synonyms: [],
    subSectors: [
      'Djurens matsmältning',
      'Enterisk fermentering',
      'Gödselhantering',
      'Jordbruksmark',
      'Kalkning',
      'Enteric fermentation',
      'Manure management',
      'Agricultural soils',
      'Liming',
    ],
  },
  {
    id: 'el-och-fjarrvarme',
    nameSv: 'El och fjärrvärme',
    nameEn: 'Electricity and district heating',
    koladaKpi: 'N85536',
    synonyms: ['El- och fjärrvärme', 'Energiförsörjning', 'Electricity and heat production'],
    subSectors: ['Elproduktion', 'Fjärrvärme', 'Kraftvärme', 'Electricity production', 'District heating'],
  },
  {
    id: 'egen-uppvarmning',
    nameSv: 'Egen uppvärmning av bostäder och lokaler',
    nameEn: 'Own heating of buildings',
    koladaKpi: 'N85532',
    synonyms: [
      'Egen uppvärmning',
      'Uppvärmning av bostäder och lokaler',
      'Heating of residential and commercial premises',
      'Heating of buildings',
      'Residential and commercial heating',
    ],
    subSectors: ['Bostäder', 'Lokaler', 'Småhus', 'Flerbostadshus', 'Residential', 'Commercial premises'],
  },
  {
    id: 'arbetsmaskiner',
    nameSv: 'Arbetsmaskiner',
    nameEn: 'Work machinery',
    koladaKpi: 'N85535',
    synonyms: ['Off-road vehicles and machinery', 'Off-road machinery', 'Non-road mobile machinery', 'Machinery'],
    subSectors: [],
  },
  {
    id: 'produktanvandning',
    nameSv: 'Produktanvändning (inkl. lösningsmedel)',
    nameEn: 'Product use (incl. solvents)',
    synonyms: ['Produktanvändning', 'Produktanvändning inkl lösningsmedel', 'Product use', 'Solvent and product use'],
    subSectors: ['Lösningsmedel', 'Köldmedier', 'F-gaser', 'Solvents', 'Refrigerants', 'F-gases'],
  },
  {
    id: 'avfall',
    nameSv: 'Avfall (inkl. avlopp)',
    nameEn: 'Waste (incl. wastewater)',
    synonyms: ['Avfall', 'Avfall och avlopp', 'Waste', 'Waste and wastewater'],
    subSectors: [
      'Deponier',
      'Deponi',
      'Avloppsrening',
      'Avlopp',
      'Biologisk behandling',
      'Kompostering',
      'Landfills',
      'Wastewater',
      'Wastewater treatment',
      'Biological treatment',
      'Composting',
    ],
  },
];

/** Kolada KPI for total greenhouse gas emissions, t CO2e. */
export const KOLADA_TOTAL_KPI = 'N07702';
/** Kolada KPI for greenhouse gas emissions per inhabitant, t CO2e. */
export const KOLADA_PER_INHABITANT_KPI = 'N00401';

const TOTAL_LABELS = [
  'Totalt',
  'Total',
  'Summa',
  'Totala utsläpp',
  'Totalt alla sektorer',
  'Alla sektorer',
  'Samtliga sektorer',
  'Total emissions',
  'All sectors',
  'Sum',
  KOLADA_TOTAL_KPI,
];

// Reported in some exports but outside the nine main sectors (and allowed to be negative); skipped.
const EXCLUDED_LABELS = [
  'LULUCF',
  'Markanvändning',
  'Markanvändning och skogsbruk',
  'Markanvändning, förändrad markanvändning och skogsbruk',
  'Kolsänkor',
  'Land use',
  'Land use, land-use change and forestry',
];

/** How a sector label from a file is to be treated. */
export type SectorResolution =
  | { kind: 'main'; sector: SectorId }
  | { kind: 'sub'; sector: SectorId }
  | { kind: 'total' }
  | { kind: 'excluded' };

/** Lower case, no diacritics, punctuation folded to single spaces: the form labels are compared in. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Built on first use: importing the sector list (the report does) need not normalise ~150 labels.
let lookup: Map<string, SectorResolution> | undefined;
function labelLookup(): Map<string, SectorResolution> {
  if (lookup) return lookup;
  lookup = new Map();
  for (const sector of MAIN_SECTORS) {
    for (const label of [sector.id, sector.nameSv, sector.nameEn, ...sector.synonyms]) {
      lookup.set(normaliseLabel(label), { kind: 'main', sector: sector.id });
    }
    if (sector.koladaKpi) lookup.set(normaliseLabel(sector.koladaKpi), { kind: 'main', sector: sector.id });
    for (const label of sector.subSectors) lookup.set(normaliseLabel(label), { kind: 'sub', sector: sector.id });
  }
  for (const label of TOTAL_LABELS) lookup.set(normaliseLabel(label), { kind: 'total' });
  for (const label of EXCLUDED_LABELS) lookup.set(normaliseLabel(label), { kind: 'excluded' });
  return lookup;
}

// "Transporter - Personbilar", "Transport: Cars", "Avfall / Deponier": the part before the separator names the sector.
const SUB_SECTOR_SEPARATOR = /\s+[-–—>/]\s+|:\s+|\s*»\s*/;

/**
 * Maps a sector label from a file to one of the nine main sectors.
 *
 * @returns `main` for a whole sector, `sub` for a part to be summed into its sector, `total` for a
 *   "Totalt" row or column, `excluded` for sectors outside the nine (LULUCF), or null when unknown.
 */
export function resolveSector(label: string): SectorResolution | null {
  const exact = labelLookup().get(normaliseLabel(label));
  if (exact) return exact;
  const separator = label.match(SUB_SECTOR_SEPARATOR);
  if (separator?.index !== undefined && separator.index > 0) {
    const head = resolveSector(label.slice(0, separator.index));
    if (head?.kind === 'main' || head?.kind === 'sub') return { kind: 'sub', sector: head.sector };
    if (head) return head;
  }
  return null;
}

/** The main sector with the given id. */
export function mainSector(id: SectorId): MainSector {
  const found = MAIN_SECTORS.find((sector) => sector.id === id);
  if (!found) throw new Error(`Unknown sector id ${id}`);
  return found;
}
