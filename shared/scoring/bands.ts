import type { ScoreBand } from './score.schema';

/** Tolerance so a share of exactly 0.8 reaches the 0.8 band despite floating-point division. */
const SHARE_EPSILON = 1e-9;

/**
 * The band a share of maximum reaches when every basic requirement is met: the first band, highest
 * `minShare` first, with share ≥ minShare (docs/scoring.md, "Band"). `score()` uses it, and the
 * scorecard uses it to say what a response that missed a basic requirement would have had.
 * Null when no band covers the share.
 */
export function bandForShare(bands: readonly ScoreBand[], share: number): string | null {
  const sorted = [...bands].sort((a, b) => b.minShare - a.minShare);
  return sorted.find((band) => share + SHARE_EPSILON >= band.minShare)?.label ?? null;
}
