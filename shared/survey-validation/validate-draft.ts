/**
 * Draft validation for autosave: partial answers are fine, but every key must be a question of
 * the survey and every value must fit its question. Plain code: does not load survey-core.
 */
import { COMMENT_SUFFIX, isJsonObject } from '../scoring/survey-json';
import { messages } from './messages';
import { questionIndexOf } from './question-index';
import type { ValidationDetail, ValidationResult } from './validation.schema';
import { checkComment, checkValue } from './value-checks';

/**
 * Checks a draft against the survey. Returns `{ok: true, data}` with null/undefined values left
 * out, or `{ok: false, details}` listing every problem with Swedish messages.
 * @throws TypeError when the survey JSON itself is not an object.
 */
export function validateDraft(surveyJson: object, data: unknown): ValidationResult {
  if (!isJsonObject(data)) return { ok: false, details: [{ question: '', message: messages.notAnObject }] };
  const { questions, commentKeys } = questionIndexOf(surveyJson);
  const details: ValidationDetail[] = [];
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    const question = questions.get(key);
    let problems: string[];
    if (question) problems = checkValue(question, value);
    else if (commentKeys.has(key)) problems = checkComment(value);
    else if (key.endsWith(COMMENT_SUFFIX) && questions.has(key.slice(0, -COMMENT_SUFFIX.length))) {
      problems = [messages.commentNotAllowed(key.slice(0, -COMMENT_SUFFIX.length))];
    } else problems = [messages.unknownQuestion(key)];
    for (const message of problems) details.push({ question: key, message });
    clean[key] = value;
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, data: clean };
}
