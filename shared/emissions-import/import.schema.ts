import { z } from 'zod';
import { SECTOR_IDS } from './sectors';

/** The first year the national emissions database covers; earlier years are rejected. */
export const FIRST_EMISSION_YEAR = 1990;

export const SectorIdSchema = z.enum(SECTOR_IDS);

/** One imported figure: an organisation's emissions in one main sector in one year. */
export const EmissionValueSchema = z.object({
  /** The organisation's code in the register (kommunkod or länskod). */
  organisationId: z.string().min(1),
  year: z.number().int().min(FIRST_EMISSION_YEAR),
  sector: SectorIdSchema,
  tonnesCO2e: z.number().nonnegative(),
  population: z.number().nonnegative().optional(),
});
export type EmissionValue = z.infer<typeof EmissionValueSchema>;

/** An emission value as kept in storage, with the import that wrote it. */
export const StoredEmissionSchema = EmissionValueSchema.extend({ importId: z.string().optional() });
export type StoredEmission = z.infer<typeof StoredEmissionSchema>;

/**
 * A problem found in a file. `row` is 1-based as Excel shows it and `column` is the Excel column
 * letter; both are null when the problem concerns the whole file. `code` says which kind of
 * problem it is (IMPORT_ISSUE_CODES in messages.ts); `message` is Swedish and `messageEn` English,
 * whatever language the request asked for, so the console shows the reader's language.
 *
 * Previews stored before issues had codes read with the code `unspecified` and no English.
 */
export const ImportIssueSchema = z.object({
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  code: z.string().min(1).default('unspecified'),
  message: z.string().min(1),
  messageEn: z.string().min(1).optional(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;
/** An issue that blocks the commit. */
export type ParseError = ImportIssue;

/** An organisation named in the file but not found in the register: the first row it appears on, and how it was written. */
export const UnknownOrganisationSchema = z.object({
  row: z.number().int().positive(),
  value: z.string(),
});
export type UnknownOrganisation = z.infer<typeof UnknownOrganisationSchema>;

export const LayoutSchema = z.enum(['long', 'wide-years', 'wide-sectors']);
export const FileTypeSchema = z.enum(['xlsx', 'csv']);
export const EncodingSchema = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']);
export const DelimiterSchema = z.enum([';', ',', '\t']);

export const ImportOrganisationsSchema = z.object({
  /** Codes of the registered organisations the file has values for, sorted. */
  matched: z.array(z.string()),
  unknown: z.array(UnknownOrganisationSchema),
});

/** What a file contained. `layout` and `fileType` are null when the file could not be read at all. */
export const ParsedImportSchema = z.object({
  layout: LayoutSchema.nullable(),
  fileType: FileTypeSchema.nullable(),
  encoding: EncodingSchema.optional(),
  delimiter: DelimiterSchema.optional(),
  sheet: z.string().optional(),
  /** 1-based row of the header, null when none was found. */
  headerRow: z.number().int().positive().nullable(),
  /** Non-blank data rows read below the header. */
  rows: z.number().int().nonnegative(),
  values: z.array(EmissionValueSchema),
  organisations: ImportOrganisationsSchema,
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
  /** Main sectors present in the values, in the national database's order. */
  sectors: z.array(SectorIdSchema),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
});
export type ParsedImport = z.infer<typeof ParsedImportSchema>;

/** Counts of what a commit would do. */
export const EmissionChangesSchema = z.object({
  new: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type EmissionChanges = z.infer<typeof EmissionChangesSchema>;

/** One value a commit would write; `before` is absent for a new value. */
export const EmissionChangeSchema = z.object({
  key: z.string(),
  before: StoredEmissionSchema.optional(),
  after: EmissionValueSchema,
});
export type EmissionChange = z.infer<typeof EmissionChangeSchema>;

export const EmissionDiffSchema = EmissionChangesSchema.extend({ changes: z.array(EmissionChangeSchema) });
export type EmissionDiff = z.infer<typeof EmissionDiffSchema>;

/** The preview the import API answers with (issue 5), built from a ParsedImport and a diff. */
export const ImportPreviewSchema = ParsedImportSchema.pick({
  layout: true,
  rows: true,
  organisations: true,
  years: true,
  sectors: true,
  errors: true,
  warnings: true,
}).extend({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  changes: EmissionChangesSchema,
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
