import { normaliseOrganisationName, type OrganisationType, parseOrganisationCode } from '../domain/organisation-codes';

/** An organisation in the platform's register; `code` is its id (kommunkod or länskod). */
export interface RegisteredOrganisation {
  code: string;
  name: string;
  type: OrganisationType;
}

/** How an organisation is identified on a row of a file. */
export interface OrganisationReference {
  code?: string | number | null;
  name?: string | null;
}

export interface OrganisationMatch {
  organisation: RegisteredOrganisation;
  via: 'code' | 'name';
  /** The row's name names another organisation than its code; worth a warning, since columns may be shifted. */
  nameDiffers: boolean;
}

export interface OrganisationMatcher {
  /** The registered organisation a row refers to, or null when there is none. */
  match(reference: OrganisationReference): OrganisationMatch | null;
}

/**
 * Builds a matcher over the register: by code first (a 3-digit kommunkod is padded, a region may be
 * written as its länskod or Kolada's "00" + länskod), then by normalised name ("Stockholms stad",
 * "Region Skåne", "MALMÖ KOMMUN").
 *
 * @returns a matcher; a name shared by a kommun and a region (Gotland) goes to the region only when
 *   the name says "Region", "län" or "landsting".
 */
export function createOrganisationMatcher(organisations: readonly RegisteredOrganisation[]): OrganisationMatcher {
  const byCode = new Map<string, RegisteredOrganisation>();
  const byName = new Map<string, RegisteredOrganisation[]>();
  for (const organisation of organisations) {
    const parsed = parseOrganisationCode(organisation.code);
    byCode.set(parsed ? `${parsed.type}:${parsed.code}` : `raw:${organisation.code.trim()}`, organisation);
    const key = normaliseOrganisationName(organisation.name);
    byName.set(key, [...(byName.get(key) ?? []), organisation]);
  }

  function findByName(name: string): RegisteredOrganisation | null {
    const key = normaliseOrganisationName(name);
    if (key === '') return null;
    // The genitive rule cannot know every name that natively ends in s, so also try with and without one.
    const candidates =
      byName.get(key) ?? byName.get(`${key}s`) ?? (key.endsWith('s') ? byName.get(key.slice(0, -1)) : undefined);
    if (!candidates || candidates.length === 0) return null;
    if (candidates.length === 1) return candidates[0] ?? null;
    const wantsRegion = /\b(region|regionen|län|lan|landsting)\b/i.test(name);
    return (
      candidates.find((candidate) => candidate.type === (wantsRegion ? 'region' : 'kommun')) ?? candidates[0] ?? null
    );
  }

  return {
    match({ code, name }) {
      const codeText = code === null || code === undefined ? '' : String(code).trim();
      const nameText = name?.trim() ?? '';
      if (codeText !== '') {
        const parsed = parseOrganisationCode(codeText);
        const organisation = parsed ? byCode.get(`${parsed.type}:${parsed.code}`) : byCode.get(`raw:${codeText}`);
        if (organisation) {
          const nameDiffers =
            nameText !== '' &&
            normaliseOrganisationName(nameText) !== normaliseOrganisationName(organisation.name) &&
            findByName(nameText) !== organisation;
          return { organisation, via: 'code', nameDiffers };
        }
      }
      const organisation = nameText === '' ? null : findByName(nameText);
      return organisation ? { organisation, via: 'name', nameDiffers: false } : null;
    },
  };
}
