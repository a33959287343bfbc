import type { EmissionValue } from './import.schema';
import { SECTOR_IDS, type SectorId } from './sectors';

export type EmissionKeyParts = Pick<EmissionValue, 'organisationId' | 'year' | 'sector'>;

/**
 * The stable identity of an emission value, e.g. "0180#2020#transporter". Storage, diffs and
 * rollbacks use it, so its format must not change.
 */
export function emissionKey({ organisationId, year, sector }: EmissionKeyParts): string {
  return `${organisationId}#${year}#${sector}`;
}

/**
 * Splits a key made by {@link emissionKey}.
 *
 * @returns the parts, or null when the string is not such a key.
 */
export function parseEmissionKey(key: string): EmissionKeyParts | null {
  const [organisationId, year, sector, ...rest] = key.split('#');
  if (rest.length > 0 || !organisationId || !year || !/^\d{4}$/.test(year)) return null;
  if (!SECTOR_IDS.includes(sector as SectorId)) return null;
  return { organisationId, year: Number(year), sector: sector as SectorId };
}
