import { z } from 'zod';
import { YearSchema } from '../../../shared/schemas/params';

/** `{year}` in the API's paths (shared/schemas/params.ts): four plain digits, 2000–2100. */
export { YearSchema };

export const YearParamSchema = z.object({ year: YearSchema });
