/**
 * Scoring: pure functions over survey JSON and answers, free of survey-core so any page or Lambda
 * can import them. Code that builds a survey-core Model imports `./scoring-properties` instead,
 * which registers the custom properties on import.
 */
export { type AnsweredShareOptions, answeredShare, responseProgress } from './answered-share';
export { measureScoringThroughput, type ScoringThroughput } from './benchmark';
export { CHANGE_5Y_STEPS, CHANGE_SINCE_1990_STEPS, emissionOutcome, PER_INHABITANT_STEPS } from './emission-outcome';
export * from './emission-outcome.schema';
export { UnsupportedExpressionError } from './expression';
export { sampleAnswers } from './sample-answers';
export {
  passesGate,
  questionPoints,
  type ScoreOptions,
  sameStoredScore,
  score,
  scoreWithOverrides,
  UnknownOverrideError,
} from './score';
export * from './score.schema';
export { listScoredQuestions, type YesValue, yesValueOf } from './scored-questions';
export { compileScoring, type PagePlan, type QuestionPlan, ScoringConfigError, type ScoringPlan } from './scoring-plan';
