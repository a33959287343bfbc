import type { DynamoCost } from './dynamo-meter';
import type { RowSink } from './results';

/** Measurements one benchmark leaves for a later one (the cost model reads them). */
export interface SharedMeasurements {
  /** Per operation: DynamoDB cost and the in-process handling time (a Lambda's billed duration). */
  operations: Record<string, { cost: DynamoCost; ms: number; emails?: number; count?: number }>;
  /** Median cold start of the real API handler (ms) and its bundle size. */
  coldStartMs?: number;
  /** Organisations the growth operations were measured at (the cost model wants 311). */
  growthAt?: number;
}

export interface BenchContext {
  root: string;
  quick: boolean;
  tmp: string;
  shared: SharedMeasurements;
  log: (line: string) => void;
}

export interface Benchmark {
  name: string;
  title: string;
  run(ctx: BenchContext, rows: RowSink): Promise<void>;
}
