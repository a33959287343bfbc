/**
 * The year in an address such as `/klimatlaget/2025` or `/resultat/2025`:
 * - `none`: the address names no year (`/resultat`): the page picks one;
 * - `year`: four digits within the years a campaign can have;
 * - `noSurvey`: four digits outside them (`/resultat/1999`): no survey was ever run then, and the
 *   API would refuse the year as invalid rather than say so. A year within them that had no survey
 *   is told by the API (the report's 404 `no_survey`, the scorecard's `not_found`), and the pages
 *   show it as this same case;
 * - `invalid`: anything else (`abc`, `2025.5`): not a year at all, so the page must not name it as one.
 */
export type AddressYear =
  | { kind: 'none' }
  | { kind: 'year'; year: number }
  | { kind: 'noSurvey'; year: number }
  | { kind: 'invalid' };

/** The years a campaign can have: the API's own bounds (YearSchema in functions/features/campaigns/campaign.params.ts). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

export function addressYear(segment: string | undefined): AddressYear {
  if (segment === undefined || segment === '') return { kind: 'none' };
  if (!/^\d{4}$/.test(segment)) return { kind: 'invalid' };
  const year = Number(segment);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? { kind: 'year', year } : { kind: 'noSurvey', year };
}
