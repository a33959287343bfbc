/** Pure helpers that shape a member's scorecard for the page: no React, no chart.js. */
import type { Scorecard } from '../../api/types';

type Lang = 'sv' | 'en';

/** A text in the page's language, and `lang: 'sv'` when it is the Swedish text shown on an English page. */
export interface Localised {
  text: string;
  lang: 'sv' | undefined;
}

/**
 * An area's, question's or requirement's title: English on an English page when the API sends one,
 * else the Swedish title marked `sv`. (The report page has the same rule in its own chunk: importing
 * it from there would make every page share a chunk for three lines.)
 */
export function titleOf(item: { title: string; titleEn?: string }, lang: Lang): Localised {
  return lang === 'en' && item.titleEn
    ? { text: item.titleEn, lang: undefined }
    : { text: item.title, lang: lang === 'en' ? 'sv' : undefined };
}

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
