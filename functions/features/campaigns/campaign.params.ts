import { z } from 'zod';

/** `{year}` in a campaign's paths, for the member's and the kansli's routes alike. */
export const YearParamSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
