/** The scoring rules a snapshot records: everything in a survey that gives points, compactly. */

import { compileScoring } from '../scoring/scoring-plan';
import { canonicalJson } from '../scoring/survey-json';
import type { SurveyRules } from './report.schema';

/**
 * Summarises the survey's scoring: per question its maximum and point table, the section maxima and
 * the bands. `hash` (of the whole JSON, see canonicalJson) identifies the exact survey.
 * @throws ScoringConfigError when the survey's scoring is malformed.
 */
export function scoringRulesOf(surveyJson: object, hash: string): SurveyRules {
  const plan = compileScoring(surveyJson);
  return {
    hash,
    max: plan.max,
    bands: plan.bands,
    sections: plan.pages.filter((page) => page.max > 0).map((page) => ({ name: page.name, max: page.max })),
    questions: plan.questions
      .filter((q) => q.max > 0 || q.gate)
      .map((q) => ({
        name: q.name,
        section: plan.pages[q.pageIndex]?.name ?? '',
        max: q.max,
        ...(q.gate ? { gate: true } : {}),
        ...(q.choiceScores.size > 0 ? { choices: Object.fromEntries(q.choiceScores) } : {}),
        ...(q.kind === 'boolean' ? { scoreTrue: q.scoreTrue, scoreFalse: q.scoreFalse } : {}),
        ...(q.cap === undefined ? {} : { cap: q.cap }),
        ...(q.kind === 'number' ? { numberBands: q.numberBands } : {}),
        ...(q.isVisible === null ? {} : { visibleIf: true }),
      })),
  };
}

export { canonicalJson };
