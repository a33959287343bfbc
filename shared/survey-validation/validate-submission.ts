/**
 * Submission validation with survey-core headless, held to the same rules as the web page.
 * Heavy (survey-core is about 1.4 MB): import this module lazily, only on submit.
 */
import { Model, type Question } from 'survey-core';
import 'survey-core/i18n/swedish';
import '../scoring/scoring-properties';
import { COMMENT_SUFFIX } from '../scoring/survey-json';
import { validateDraft } from './validate-draft';
import type { ValidationDetail, ValidationResult } from './validation.schema';

const isShown = (question: Question): boolean => question.isVisible && question.isParentVisible;

/**
 * Drops the values of questions hidden by visibleIf. Clearing a value can hide further questions,
 * so this repeats until nothing changes.
 */
function dropHiddenValues(model: Model, data: Record<string, unknown>): Record<string, unknown> {
  let current = data;
  for (let round = 0; round <= model.getAllQuestions().length; round++) {
    model.data = current;
    const hidden = model
      .getAllQuestions()
      .filter((q) => !isShown(q) && (q.name in current || q.name + COMMENT_SUFFIX in current));
    if (hidden.length === 0) break;
    current = { ...current };
    for (const question of hidden) {
      delete current[question.name];
      delete current[question.name + COMMENT_SUFFIX];
    }
  }
  return current;
}

/**
 * Validates a response for submission: the draft rules (so keys that are no longer questions of
 * the survey are dropped, as on autosave, and never block a submission), then required questions
 * and the survey's validators as survey-core applies them (Swedish messages). Returns
 * `{ok: true, data}` where data has those keys and the values of hidden questions dropped (store
 * that), or `{ok: false, details}`.
 * @throws TypeError when the survey JSON is not an object.
 */
export function validateSubmission(surveyJson: object, data: unknown): ValidationResult {
  const draft = validateDraft(surveyJson, data);
  if (!draft.ok) return draft;
  const model = new Model(surveyJson);
  model.locale = 'sv';
  const visibleData = dropHiddenValues(model, draft.data);
  model.data = visibleData;
  model.validate(true, false);
  const details: ValidationDetail[] = model
    .getAllQuestions()
    .filter(isShown)
    .flatMap((question) => question.errors.map((error) => ({ question: question.name, message: error.getText() })));
  return details.length > 0 ? { ok: false, details } : { ok: true, data: visibleData };
}
