/** The survey's bands as the report and the scorecard explain them. */
import type { ScoreBand } from '../scoring/score.schema';

/** The same tolerance as `score()`: a share of exactly 0.8 reaches the 0.8 band despite floating-point division. */
const SHARE_EPSILON = 1e-9;

/**
 * The band a share of maximum reaches when every basic requirement is met: the first band, highest
 * `minShare` first, with share ≥ minShare. This is `score()`'s rule (docs/scoring.md, "Band"); a unit
 * test checks that the two agree on the shipped surveys. Null when no band covers the share.
 */
export function bandForShare(bands: readonly ScoreBand[], share: number): string | null {
  const sorted = [...bands].sort((a, b) => b.minShare - a.minShare);
  return sorted.find((band) => share + SHARE_EPSILON >= band.minShare)?.label ?? null;
}
