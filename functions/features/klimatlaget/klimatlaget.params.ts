import { z } from 'zod';
import { YearSchema } from '../campaigns/campaign.params';

// Path and query parameters the public and the admin Klimatläget routes share.
export const Year = YearSchema;
export const YearParams = z.object({ year: Year });
export const RevisionQuery = z.object({ revision: z.coerce.number().int().min(1).optional() });
export const RevisionParams = z.object({ year: Year, revision: z.coerce.number().int().min(1) });
export const OrganisationParams = z.object({ year: Year, code: z.string().regex(/^\d{2}(\d{2})?$/) });

/** Public reports may be cached briefly; a republish shows within a minute. */
export const PUBLIC_CACHE = 'public, max-age=60';
export const NO_STORE = 'no-store';
