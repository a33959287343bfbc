import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { sampleAnswers } from '../../shared/scoring/sample-answers';

/** A realistic autosave body's answers: about 85 % of the kommun medlemstest answered (the whole draft is sent). */
export function autosaveAnswers(seed = 42): Record<string, unknown> {
  return sampleAnswers(DEFAULT_SURVEYS.kommun, 1, seed)[0] ?? {};
}
