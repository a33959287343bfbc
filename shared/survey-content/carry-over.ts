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
  /** How many questions `values` answers (a question's comment comes with it and is not counted). */
  answers: number;
  /** Earlier answers left behind: their question is gone or read-only, or no longer accepts the value. */
  left: string[];
}

/**
 * The answers of `earlier` (an earlier year's submitted data) that this year's `survey` still
 * accepts, for the questions `draft` leaves unanswered; what the draft already holds always wins.
 * Read-only and computed questions are never carried (they are prefilled or derived each year),
 * nor a question marked `"carryOver": false` (who fills in changes from year to year). A comment
 * (`<name>-Comment`, e.g. the text of an "other" choice) only comes with its question's answer in
 * this same carry-over: it was written for that answer, not for one given this year.
 * @throws TypeError when the survey JSON is not an object.
 */
export function carryOverAnswers(survey: object, earlier: SurveyData, draft: SurveyData): CarriedOver {
  const { questions, commentKeys } = questionIndexOf(survey);
  const values: SurveyData = {};
  const left: string[] = [];
  const comments: Array<[key: string, owner: string, value: unknown]> = [];
  let answers = 0;
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
      answers++;
    } else left.push(key);
  }
  for (const [key, owner, value] of comments) {
    if (values[owner] !== undefined) values[key] = value;
    else left.push(key);
  }
  return { values, answers, left };
}

/** The submitted response of the latest year before `year` among an organisation's responses, if any. */
export function latestEarlierSubmission<T extends { year: number; status: string }>(
  responses: Iterable<T>,
  year: number,
): T | undefined {
  let latest: T | undefined;
  for (const response of responses) {
    if (response.year < year && response.status === 'submitted' && (!latest || response.year > latest.year)) {
      latest = response;
    }
  }
  return latest;
}
