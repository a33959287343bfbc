/** Small statistics for the report. Values are rounded so snapshots stay compact and stable. */
/** Rounds to `decimals` places, removing floating-point noise (0.1 + 0.2 → 0.3). */
export function round(value: number, decimals = 4): number {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0, so JSON and equality checks never see a negative zero.
  return Math.round(value * factor) / factor + 0;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The middle value; the mean of the two middle values for an even count; 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Mean and median, rounded; both 0 when there are no values (the group's count says so). The
 * median is withheld for small groups later (suppression.ts), so here it is always a number.
 */
export function stat(values: readonly number[], decimals = 4): { mean: number; median: number } {
  return { mean: round(mean(values), decimals), median: round(median(values), decimals) };
}
