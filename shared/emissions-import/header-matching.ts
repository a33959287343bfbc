import { normaliseLabel } from './sectors';

/** What a column holds in a long or partly wide export. */
export type ColumnRole =
  | 'organisationName'
  | 'organisationCode'
  | 'year'
  | 'sector'
  | 'subSector'
  | 'emissions'
  | 'population';

const EXACT_HEADERS: Record<ColumnRole, readonly string[]> = {
  organisationName: [
    'Kommun',
    'Kommunnamn',
    'Kommunens namn',
    'Organisation',
    'Organisationsnamn',
    'Region',
    'Regionnamn',
    'Län',
    'Namn',
    'Medlem',
    'Organization',
    'Municipality',
    'Municipality name',
    'Name',
    'City',
    'Member',
  ],
  organisationCode: [
    'Kommunkod',
    'Kod',
    'Kommun kod',
    'Kommun-ID',
    'Kommun id',
    'Regionkod',
    'Länskod',
    'Organisationskod',
    'Municipality code',
    'Municipality id',
    'Region code',
    'County code',
    'Code',
    'Organisation code',
    'Organization code',
    'Id',
  ],
  year: ['År', 'Årtal', 'Year', 'Inventeringsår', 'Period'],
  sector: ['Sektor', 'Huvudsektor', 'Sector', 'Main sector', 'GPC-sektor', 'GPC sector', 'Kategori', 'Category'],
  subSector: ['Undersektor', 'Delsektor', 'Subsector', 'Sub-sector', 'Sub sector'],
  emissions: [
    'Utsläpp',
    'Utsläpp (ton CO2e)',
    'Utsläpp (ton CO2-ekv)',
    'ton CO2-ekv',
    'ton CO2e',
    'Växthusgaser',
    'Emissions',
    'Emissions (t CO2e)',
    't CO2e',
    'GHG emissions',
    'Värde',
    'Value',
  ],
  population: ['Invånare', 'Antal invånare', 'Befolkning', 'Folkmängd', 'Population', 'Inhabitants'],
};

const exactLookup = new Map<string, ColumnRole>();
for (const [role, headers] of Object.entries(EXACT_HEADERS) as [ColumnRole, readonly string[]][]) {
  for (const header of headers) exactLookup.set(normaliseLabel(header), role);
}

/** A header recognised as the emissions column, with the factor that turns its unit into tonnes. */
export interface HeaderMatch {
  role: ColumnRole;
  /** Multiply values by this to get tonnes CO2e (1000 for kton columns). */
  unitFactor: number;
}

/**
 * Recognises a column header in Swedish or English, in any case, with or without diacritics and
 * unit annotations ("Utsläpp (ton CO2e)", "Emissions, kt CO2-eq").
 *
 * @returns the column's role, or null when the header is not one the importer knows.
 */
export function matchHeader(header: string): HeaderMatch | null {
  const key = normaliseLabel(header);
  if (key === '') return null;
  const exact = exactLookup.get(key);
  if (exact) return { role: exact, unitFactor: exact === 'emissions' ? unitFactorOf(key) : 1 };
  // Per-inhabitant figures are derived, not imported; they would otherwise look like emissions or population.
  if (/\bper (inv\w*|capita|person)\b/.test(key)) return null;
  // Units and gas names vary too much to list, so any header about emissions or CO2 counts.
  if (/\b(utslapp\w*|emission\w*|co2\w*|vaxthusgas\w*|ghg)\b/.test(key)) {
    return { role: 'emissions', unitFactor: unitFactorOf(key) };
  }
  if (/\b(invanare|befolkning|population)\b/.test(key)) return { role: 'population', unitFactor: 1 };
  return null;
}

function unitFactorOf(normalisedHeader: string): number {
  return /\b(kton|kt|tusen ton|1000 ton|thousand tonnes)\b/.test(normalisedHeader) ? 1000 : 1;
}

/**
 * Reads a header cell as a year column ("1990", 2005 as a number, "År 2022").
 *
 * @returns the year, or null when the header is not a plausible year (1900–2100).
 */
export function matchYearHeader(header: string | number): number | null {
  const text = typeof header === 'number' ? String(header) : normaliseLabel(header).replace(/^(ar|year) /, '');
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1900 && year <= 2100 ? year : null;
}
