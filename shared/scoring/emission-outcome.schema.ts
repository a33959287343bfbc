/** zod schemas for the emission outcome ("Utfall"); types inferred from them. */
import { z } from 'zod';

/** One imported emission figure: a sector's tonnes CO2e in a year, with the population when known. */
export const EmissionRowSchema = z.object({
  year: z.number().int(),
  sector: z.string(),
  tonnesCO2e: z.number(),
  population: z.number().positive().optional(),
});
export type EmissionRow = z.infer<typeof EmissionRowSchema>;

/**
 * The emission outcome of one organisation. Changes are fractions (-0.53 = 53 % lower); null when
 * the data for them is missing. `max` counts only the parts that could be computed.
 */
export const EmissionOutcomeSchema = z.object({
  latestYear: z.number().int(),
  perInhabitant: z.number().nullable(),
  changeSince1990: z.number().nullable(),
  change5y: z.number().nullable(),
  /** Whether the changes compare per-inhabitant figures or, lacking population, totals. */
  changeBasis: z.enum(['perInhabitant', 'total']),
  points: z.number().min(0),
  max: z.number().min(0),
});
export type EmissionOutcome = z.infer<typeof EmissionOutcomeSchema>;

/**
 * Each respondent's Utfall as a publish froze it, by organisation code (null: no emissions then).
 * Stored with the snapshot, so a published year's scorecards and exports keep the outcome they
 * were published with when emissions are imported or rolled back later.
 */
export const FrozenEmissionOutcomesSchema = z.record(z.string(), EmissionOutcomeSchema.nullable());
export type FrozenEmissionOutcomes = z.infer<typeof FrozenEmissionOutcomesSchema>;

/**
 * Where a shown Utfall comes from: `published` is the one frozen by revision `revision`'s publish;
 * `live` is computed now from the stored emissions (a year not yet published, a snapshot published
 * before outcomes were frozen, or an organisation that submitted after the publish).
 */
export const EmissionOutcomeSourceSchema = z.object({
  source: z.enum(['published', 'live']),
  revision: z.number().int().min(1).optional(),
  publishedAt: z.string().optional(),
});
export type EmissionOutcomeSource = z.infer<typeof EmissionOutcomeSourceSchema>;
