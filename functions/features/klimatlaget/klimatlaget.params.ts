import { z } from 'zod';
import { inputMessage } from '../../../shared/i18n/input-messages';
import { OrganisationCodeParam, wholeNumberParam } from '../../../shared/schemas/params';
import { YearSchema } from '../campaigns/campaign.params';

const REVISION_MESSAGE = inputMessage('revisionParam');
/** A snapshot's revision, 1 and up; one message for every way it can be wrong. */
const Revision = wholeNumberParam(z.number({ error: REVISION_MESSAGE }).int(REVISION_MESSAGE).min(1, REVISION_MESSAGE));

// Path and query parameters the public and the admin Klimatläget routes share.
export const Year = YearSchema;
export const YearParams = z.object({ year: Year });
export const RevisionQuery = z.object({ revision: Revision.optional() });
export const RevisionParams = z.object({ year: Year, revision: Revision });
export const OrganisationParams = z.object({ year: Year, code: OrganisationCodeParam });

/** Public reports may be cached briefly; a republish shows within a minute. */
export const PUBLIC_CACHE = 'public, max-age=60';
export const NO_STORE = 'no-store';
