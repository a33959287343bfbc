import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { measureScoringThroughput } from '../../shared/scoring';
import type { Benchmark } from '../lib/context';

/** 7. Scoring the medlemstest with realistic sample answers; no floor, an absolute budget. */
export const scoring: Benchmark = {
  name: 'scoring',
  title: 'Scoring throughput',
  async run(ctx, rows) {
    const responses = ctx.quick ? 500 : 5000;
    for (const type of ['kommun', 'region'] as const) {
      const result = measureScoringThroughput(DEFAULT_SURVEYS[type], responses, 1);
      rows.measured({
        metric: `score() medlemstest ${type}`,
        value: result.perSecond,
        unit: 'responses/s',
        budget: { kind: 'min', min: 2000 },
        note: `${result.responses} sample responses (shared/scoring/sample-answers) in ${Math.round(result.elapsedMs)} ms after a warm-up`,
      });
    }
  },
};
