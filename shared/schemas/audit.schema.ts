import { z } from 'zod';
import { AuditCursorParam, OrganisationCodeParam, wholeNumberParam, YearSchema } from './params';

/** One entry of the append-only audit trail: who did what to which target, with before/after summaries. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  organisationId: z.string().optional(),
  year: z.number().int().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * GET /api/admin/audit: filter by organisation, by campaign year, or both; `limit` entries per page
 * and `cursor`, the opaque `X-Next-Cursor` of the page before, for the next (older) page.
 */
export const AuditQuerySchema = z.object({
  organisation: OrganisationCodeParam.optional(),
  campaign: YearSchema.optional(),
  limit: wholeNumberParam(z.number().int().min(1).max(500)).default(200),
  cursor: AuditCursorParam.optional(),
});

/** The response header that carries the next page's cursor; absent on the last page. */
export const AUDIT_NEXT_CURSOR_HEADER = 'X-Next-Cursor';
