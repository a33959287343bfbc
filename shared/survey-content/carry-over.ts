/**
 * "Start from last year's answers": an annual survey changes little from one year to the next, so
 * a member may fill this year's draft with the answers it submitted before. Plain code, no
 * survey-core, used by the API (which decides) and by nothing that could skip its checks.
 */
import type { SurveyData } from '../schemas/response.schema';
import { isEmptyValue } from '../scoring/survey-json';
import { questionIndexOf } from '../survey-validation/question-index';
import { checkComment, checkValue } from '../survey-validation/value-checks';

export interface CarriedOver {
  /** What to add to the draft: only keys the draft has not answered, each valid in this survey. */
  values: SurveyData;
  /** Earlier answers left behind: their question is gone or read-only, or no longer accepts the value. */
  left: string[];
}

/**
 * The answers of `earlier` (an earlier year's submitted data) that this year's `survey` still
 * accepts, for the questions `draft` leaves unanswered; what the draft already holds always wins.
 * Read-only and computed questions are never carried (they are prefilled or derived each year),
 * nor a question marked `"carryOver": false` (who fills in changes from year to year), and a
 * comment only comes along with an answer to its question.
 * @throws TypeError when the survey JSON is not an object.
 */
export function carryOverAnswers(survey: object, earlier: SurveyData, draft: SurveyData): CarriedOver {
  const { questions, commentKeys } = questionIndexOf(survey);
  const values: SurveyData = {};
  const left: string[] = [];
  const comments: Array<[key: string, owner: string, value: unknown]> = [];
  for (const [key, value] of Object.entries(earlier)) {
    if (isEmptyValue(value) || !isEmptyValue(draft[key])) continue;
    const question = questions.get(key);
    const owner = commentKeys.get(key);
    if (owner !== undefined && checkComment(value).length === 0) comments.push([key, owner, value]);
    else if (
      question &&
      question.type !== 'expression' &&
      question.json.readOnly !== true &&
      question.json.carryOver !== false &&
      checkValue(question, value).length === 0
    ) {
      values[key] = value;
    } else left.push(key);
  }
  for (const [key, owner, value] of comments) {
    if (values[owner] !== undefined || !isEmptyValue(draft[owner])) values[key] = value;
    else left.push(key);
  }
  return { values, left };
}
