/** Progress of a response: "12 av 40 frågor besvarade". Plain code, no survey-core. */
import type { Values } from './expression';
import type { AnsweredShare } from './score.schema';
import { compileScoring } from './scoring-plan';
import { isEmptyValue } from './survey-json';
import { resolveVisibility } from './visibility';

export interface AnsweredShareOptions {
  /** `all` (default) counts every visible answerable question; `required` only required ones. */
  scope?: 'all' | 'required';
}

/**
 * Counts visible questions a member can answer (not read-only, not computed) and how many hold an
 * answer. Share is 0 when there is nothing to answer.
 * @throws ScoringConfigError when the survey's expressions cannot be compiled.
 */
export function answeredShare(surveyJson: object, answers: Values, options: AnsweredShareOptions = {}): AnsweredShare {
  const plan = compileScoring(surveyJson);
  const { visible, value, read } = resolveVisibility(plan, answers);
  let answered = 0;
  let total = 0;
  plan.questions.forEach((q, i) => {
    if (!visible[i] || !q.answerable) return;
    if (options.scope === 'required' && !q.isRequired(read)) return;
    total++;
    if (!isEmptyValue(value[i])) answered++;
  });
  return { answered, total, share: total > 0 ? answered / total : 0 };
}

/**
 * A response's progress as every reader shows it (the member's page, the stored `answered` /
 * `totalQuestions`, the kansli's progress page, the draft reminders): the visible required
 * questions, `requiredIf` included. Optional extras such as a link or a comment beside a question
 * would otherwise make a draft that can be submitted look a third done.
 * @throws ScoringConfigError when the survey's expressions cannot be compiled.
 */
export function responseProgress(surveyJson: object, answers: Values): AnsweredShare {
  return answeredShare(surveyJson, answers, { scope: 'required' });
}

/**
 * The most questions a response's progress can count: those required now or under some answers
 * (`isRequired`, `requiredIf`). A stored `totalQuestions` above it was counted before progress meant
 * required questions, and is not to be shown as such; the response's next save counts it again.
 * @throws ScoringConfigError when the survey's expressions cannot be compiled.
 */
export function requiredQuestionCeiling(surveyJson: object): number {
  return compileScoring(surveyJson).questions.filter(
    (q) => q.answerable && (q.json.isRequired === true || q.json.requiredIf !== undefined),
  ).length;
}
