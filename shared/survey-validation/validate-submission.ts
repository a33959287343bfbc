/**
 * Submission validation with survey-core headless, held to the same rules as the web page.
 * Heavy (survey-core is about 1.4 MB): import this module lazily, only on submit.
 */
import { Model, type Question, type SurveyError, surveyLocalization } from 'survey-core';
import 'survey-core/i18n/swedish';
import '../scoring/scoring-properties';
import { COMMENT_SUFFIX } from '../scoring/survey-json';
import { validateDraft } from './validate-draft';
import type { ValidationDetail, ValidationResult } from './validation.schema';

// The surveys' "default" texts (titles, validator messages) are Swedish, with "en" beside them, as
// the web page reads them; without this, locale 'en' would be the default and show the Swedish.
surveyLocalization.defaultLocale = 'sv';

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
 * and the survey's validators as survey-core applies them (code `survey_<error type>`, worded in
 * Swedish and English). Returns `{ok: true, data}` where data has those keys and the values of
 * hidden questions dropped (store that), or `{ok: false, details}`.
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
  const errors: Array<{ question: Question; error: SurveyError }> = model
    .getAllQuestions()
    .filter(isShown)
    .flatMap((question) => question.errors.map((error) => ({ question, error })));
  if (errors.length === 0) return { ok: true, data: visibleData };
  const swedish = errors.map(({ error }) => error.getText());
  const steps = errors.map(({ question, error }, i) => isStepError(question, error, swedish[i]!));
  // survey-core words the errors it holds again in the new locale (validators' texts included).
  model.locale = 'en';
  const details: ValidationDetail[] = errors.map(({ question, error }, i) => ({
    question: question.name,
    code: steps[i] ? 'survey_step' : `survey_${error.getErrorType()}`,
    message: swedish[i]!,
    // The step error is a custom error holding the text of the locale it was made in: word it again.
    messageEn: steps[i] ? stepErrorText(question) : error.getText(),
  }));
  return { ok: false, details };
}

type StepQuestion = Question & { getStepErrorText(): string };

function hasStepError(question: Question): question is StepQuestion {
  return typeof (question as Partial<StepQuestion>).getStepErrorText === 'function';
}

/** Whether an error is a number question's "not a multiple of the step" (a custom error in survey-core). */
function isStepError(question: Question, error: SurveyError, text: string): boolean {
  return error.getErrorType() === 'custom' && hasStepError(question) && question.getStepErrorText() === text;
}

function stepErrorText(question: Question): string {
  return hasStepError(question) ? question.getStepErrorText() : '';
}
