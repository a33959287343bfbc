/**
 * Draft validation for autosave: partial answers are fine, and every value of a question of the
 * survey must fit its question. Keys that are not (or no longer) questions or comments of the
 * survey are dropped, not refused: the kansli may edit an open survey, and a draft holding an
 * answer to a removed question must still save. Plain code: does not load survey-core.
 */
import { isJsonObject } from '../scoring/survey-json';
import { messages, type Problem } from './messages';
import { questionIndexOf } from './question-index';
import type { ValidationDetail, ValidationResult } from './validation.schema';
import { checkComment, checkValue, leafProblem } from './value-checks';

/**
 * Checks a draft against the survey. Returns `{ok: true, data, dropped?}` with null/undefined
 * values and keys that are no question (or allowed comment) of the survey left out, `dropped`
 * naming those keys; or `{ok: false, details}` listing every wrong value with its code and Swedish
 * and English messages.
 * @throws TypeError when the survey JSON itself is not an object.
 */
export function validateDraft(surveyJson: object, data: unknown): ValidationResult {
  if (!isJsonObject(data)) return { ok: false, details: [{ question: '', ...messages.notAnObject }] };
  const { questions, commentKeys } = questionIndexOf(surveyJson);
  const details: ValidationDetail[] = [];
  const clean: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    const question = questions.get(key);
    let problems: Problem[];
    if (question) problems = checkValue(question, value);
    else if (commentKeys.has(key)) problems = checkComment(value);
    else {
      // Not a question of the survey (any more), or a comment its question no longer has.
      dropped.push(key);
      continue;
    }
    if (problems.length === 0) {
      const problem = leafProblem(value);
      if (problem) problems = [problem];
    }
    for (const problem of problems) details.push({ question: key, ...problem });
    clean[key] = value;
  }
  if (details.length > 0) return { ok: false, details };
  return dropped.length > 0 ? { ok: true, data: clean, dropped } : { ok: true, data: clean };
}
