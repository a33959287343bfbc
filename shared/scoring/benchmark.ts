/** Throughput measurement of `score`, for the unit test log and the benchmark suite. */
import { sampleAnswers } from './sample-answers';
import { score } from './score';

export interface ScoringThroughput {
  responses: number;
  elapsedMs: number;
  perSecond: number;
}

/**
 * Scores `responses` sample responses (after a warm-up pass over the first 1,000 that also compiles the plan) and
 * returns the elapsed time and responses per second. Asserts nothing.
 */
export function measureScoringThroughput(surveyJson: object, responses = 5000, seed = 1): ScoringThroughput {
  const samples = sampleAnswers(surveyJson, responses, seed);
  for (const answers of samples.slice(0, 1000)) score(surveyJson, answers);
  const start = performance.now();
  for (const answers of samples) score(surveyJson, answers);
  const elapsedMs = performance.now() - start;
  return { responses, elapsedMs, perSecond: elapsedMs > 0 ? Math.round((responses / elapsedMs) * 1000) : Infinity };
}
