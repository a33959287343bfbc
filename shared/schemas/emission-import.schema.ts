import { z } from 'zod';
import {
  EmissionChangesSchema,
  EmissionValueSchema,
  EncodingSchema,
  FileTypeSchema,
  ImportIssueSchema,
  ImportPreviewSchema,
  LayoutSchema,
  SectorIdSchema,
  UnknownOrganisationSchema,
} from '../emissions-import/import.schema';
import { wholeNumberParam } from './params';

/**
 * The import API's wire shapes (issue 5). The pure parser's own shapes live in
 * shared/emissions-import/import.schema.ts; these add what storage and the API keep around them.
 */

/**
 * previewed → committing → committed → rolling_back → rolled_back. A commit or rollback that failed
 * part-way stays in its -ing state, and running it again completes it.
 */
export const ImportStateSchema = z.enum(['previewed', 'committing', 'committed', 'rolling_back', 'rolled_back']);
export type ImportState = z.infer<typeof ImportStateSchema>;

export const ImportIdSchema = z.uuid();

/** What a commit did: values new to storage, values it replaced, values already as in the file, items written. */
export const CommitCountsSchema = EmissionChangesSchema.extend({
  written: z.number().int().nonnegative(),
});
export type CommitCounts = z.infer<typeof CommitCountsSchema>;

export const RollbackCountsSchema = z.object({
  /** Values set back to what they were before the import. */
  restored: z.number().int().nonnegative(),
  /** Values the import had created, now deleted. */
  deleted: z.number().int().nonnegative(),
});
export type RollbackCounts = z.infer<typeof RollbackCountsSchema>;

/** The import that makes a preview out of date, and what it did when (see `outdatedBy`). */
export const OutdatedBySchema = z.object({
  id: ImportIdSchema,
  fileName: z.string(),
  action: z.enum(['committed', 'rolled_back']),
  at: z.string(),
});
export type OutdatedBy = z.infer<typeof OutdatedBySchema>;

/** One import as the list shows it: who, when, which file, counts and state. */
export const ImportSummarySchema = z.object({
  id: ImportIdSchema,
  state: ImportStateSchema,
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  fileType: FileTypeSchema.nullable(),
  layout: LayoutSchema.nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  rows: z.number().int().nonnegative(),
  values: z.number().int().nonnegative(),
  organisationCount: z.number().int().nonnegative(),
  unknownOrganisationCount: z.number().int().nonnegative(),
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  /** The diff against storage when the file was previewed. */
  changes: EmissionChangesSchema,
  /** What the commit did (or, while committing, is doing). */
  result: CommitCountsSchema.optional(),
  committedAt: z.string().optional(),
  committedBy: z.string().optional(),
  rollback: RollbackCountsSchema.optional(),
  rolledBackAt: z.string().optional(),
  rolledBackBy: z.string().optional(),
  /**
   * Only in the list, on a preview not yet committed: the later import that was saved or rolled
   * back after this preview was made and changed values of the same organisations. The preview's
   * counts are out of date and it cannot be committed (409 import_outdated): upload the file again.
   */
  outdatedBy: OutdatedBySchema.optional(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** GET /api/admin/imports/{id}: the summary with everything the preview showed. */
export const ImportDetailSchema = ImportSummarySchema.extend({
  sheet: z.string().optional(),
  encoding: EncodingSchema.optional(),
  delimiter: z.string().optional(),
  headerRow: z.number().int().positive().nullable(),
  organisations: z.object({ matched: z.array(z.string()), unknown: z.array(UnknownOrganisationSchema) }),
  sectors: z.array(SectorIdSchema),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
});
export type ImportDetail = z.infer<typeof ImportDetailSchema>;

/** POST /api/admin/imports answers 201 with this: the issue's preview, plus the state. */
export const ImportPreviewResponseSchema = ImportPreviewSchema.extend({ state: ImportStateSchema });
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponseSchema>;

/** POST /api/admin/imports/{id}/commit: 200 when done, 202 while values remain (call it again). */
export const CommitResponseSchema = z.object({
  id: ImportIdSchema,
  state: ImportStateSchema,
  done: z.boolean(),
  /** True when the import had already been committed before this call; nothing was written now. */
  alreadyCommitted: z.boolean(),
  /** Values still to write; 0 when done. */
  remaining: z.number().int().nonnegative(),
  result: CommitCountsSchema,
});
export type CommitResponse = z.infer<typeof CommitResponseSchema>;

export const RollbackResponseSchema = z.object({
  id: ImportIdSchema,
  state: ImportStateSchema,
  alreadyRolledBack: z.boolean(),
  result: RollbackCountsSchema,
  /** E.g. that a published year rests on the values rolled back (docs/imports.md); not a refusal. */
  warnings: z.array(ImportIssueSchema).default([]),
});
export type RollbackResponse = z.infer<typeof RollbackResponseSchema>;

/**
 * GET /api/admin/imports/{id}/rollback-preview: what POST …/rollback would do now and the warnings
 * it would answer, computed by the same code, with nothing written (it refuses as the rollback
 * would: 409 not committed, 422 import_superseded).
 */
export const RollbackPreviewSchema = z.object({
  id: ImportIdSchema,
  state: ImportStateSchema,
  fileName: z.string(),
  /** Rolled back already: a rollback would change nothing and answer `alreadyRolledBack`. */
  alreadyRolledBack: z.boolean(),
  /** The rollback's `result`: values it would set back to what they were, and values it would delete. */
  result: RollbackCountsSchema,
  /** Organisations whose emissions it would change (0 when already rolled back). */
  organisations: z.number().int().nonnegative(),
  /** The years it would change, first and last; null when none. */
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
  warnings: z.array(ImportIssueSchema),
});
export type RollbackPreview = z.infer<typeof RollbackPreviewSchema>;

/** A value a rollback cannot restore because a later import changed it (details of the 422). */
export const SupersededValueSchema = z.object({
  organisationId: z.string(),
  year: z.number().int(),
  sector: SectorIdSchema,
  /** The import that holds the value now; null when the value was deleted. */
  importId: z.string().nullable(),
});

/** GET /api/admin/organisations/{code}/emissions: one item per year and main sector. */
export const OrganisationEmissionSchema = EmissionValueSchema.pick({
  year: true,
  sector: true,
  tonnesCO2e: true,
  population: true,
}).extend({
  importId: z.string(),
  /** The value this one replaced, with the import that had written it. */
  previous: z
    .object({
      tonnesCO2e: z.number(),
      population: z.number().optional(),
      importId: z.string(),
    })
    .optional(),
});
export type OrganisationEmission = z.infer<typeof OrganisationEmissionSchema>;

/**
 * POST /api/admin/imports/uploads: where the browser POSTs a file (S3 in AWS, the API locally), as
 * multipart/form-data with `fields` first and the file last, in a field named `file`.
 */
export const UploadTicketSchema = z.object({
  uploadId: ImportIdSchema,
  url: z.string(),
  method: z.literal('POST'),
  headers: z.record(z.string(), z.string()),
  /**
   * The form fields to send before the file, unchanged: in AWS the key, the content type and the
   * signed policy (which caps the size at `maxBytes`: S3 answers 400 EntityTooLarge above it).
   */
  fields: z.record(z.string(), z.string()).meta({
    description:
      'Form fields to send, unchanged and before the file (field "file", last), as multipart/form-data: in AWS the key, ' +
      'Content-Type and the signed policy, which caps the size at maxBytes (S3 answers 400 EntityTooLarge above it).',
  }),
  expiresAt: z.string(),
  maxBytes: z.number().int().positive(),
});
export type UploadTicket = z.infer<typeof UploadTicketSchema>;

/** POST /api/admin/imports with JSON: preview a file uploaded with an upload ticket. */
export const ImportFromUploadInputSchema = z.object({
  uploadId: ImportIdSchema,
  fileName: z.string().trim().min(1).max(255),
  sheet: z.string().trim().min(1).max(100).optional(),
});
export type ImportFromUploadInput = z.infer<typeof ImportFromUploadInputSchema>;

export const ImportListQuerySchema = z.object({
  limit: wholeNumberParam(z.number().int().min(1).max(200)).default(50),
});
