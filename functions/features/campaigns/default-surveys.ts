import type { Campaign } from '../../../shared/schemas/campaign.schema';
import kommunSurvey from '../../../shared/surveys/kommun.json';
import regionSurvey from '../../../shared/surveys/region.json';

/** The bundled medlemstest, which the very first campaign starts from; later ones copy their predecessor. */
export const DEFAULT_SURVEYS = { kommun: kommunSurvey, region: regionSurvey } as Campaign['surveys'];
