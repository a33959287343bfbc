/** Pure helpers that shape a member's scorecard for the page: no React, no chart.js. */
import type { Scorecard } from '../../api/types';
import { type Lang, type Localised, titleOf } from '../../i18n';

export { titleOf };

export interface GateExplanation {
  /** The basic requirements not met, in survey order, titled in the page's language. */
  failed: Array<{ name: string; title: Localised; answered: boolean }>;
  /** The band the points would have reached with every basic requirement met, and that band's threshold. */
  band: { label: string; minShare: number } | null;
}

/**
 * Why the scorecard has no band: which basic requirements were not met, and what the points would
 * otherwise have given (the threshold from the survey's own bands, as the API sends them). Null when
 * every basic requirement was met.
 */
export function gateExplanation(scorecard: Scorecard, lang: Lang): GateExplanation | null {
  if (scorecard.gatePassed) return null;
  const label = scorecard.bandIfGatePassed ?? null;
  const threshold = label === null ? undefined : scorecard.scoreBands.find((b) => b.label === label);
  return {
    failed: scorecard.failedGates.map((gate) => ({
      name: gate.name,
      title: titleOf(gate, lang),
      answered: gate.answered,
    })),
    band: label === null || threshold === undefined ? null : { label, minShare: threshold.minShare },
  };
}
