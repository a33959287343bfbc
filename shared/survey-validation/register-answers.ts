/**
 * Answers the register gives, not the member: the survey's read-only "organisation" question (the
 * page fills it in from the account, docs/security.md). Submit stores the register's name there,
 * from the organisation item it reads anyway, so what the review page and the export show is not
 * whatever a caller of the API sent. The prefilled questions (M0, from the imported emissions) are
 * shown from the server's prefill when the kansli reads them (`withPrefilledAnswers`). Pure.
 */
import { questionIndexOf } from './question-index';

/** The question the survey page fills with the organisation's name (`SurveyPage.tsx`, by the same name). */
export const ORGANISATION_QUESTION = 'organisation';

export function withRegisterAnswers(
  surveyJson: object,
  data: Record<string, unknown>,
  organisation: { name: string } | undefined,
): Record<string, unknown> {
  const question = questionIndexOf(surveyJson).questions.get(ORGANISATION_QUESTION);
  if (!organisation || question?.json.readOnly !== true) return data;
  return { ...data, [ORGANISATION_QUESTION]: organisation.name };
}

/**
 * The survey's prefilled questions (a `prefill` property, e.g. M0's `emissions.perInhabitant`) with
 * the value the server's prefill gives now, not the one the member's page saved with the draft:
 * a caller of the API can store any number there. A question the prefill has no value for shows
 * none. For the kansli's views (review and export), on read; what is stored is left as it is, so
 * the member's own pages show what they saved. Pure.
 */
export function withPrefilledAnswers(
  surveyJson: object,
  data: Record<string, unknown>,
  prefillValues: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const prefilled = prefilledQuestionsOf(surveyJson);
  if (prefilled.length === 0) return data;
  const result = { ...data };
  for (const { name } of prefilled) {
    const value = prefillValues[name];
    if (value === undefined || value === null) delete result[name];
    else result[name] = value;
  }
  return result;
}

const prefilledCache = new WeakMap<object, ReadonlyArray<{ name: string; key: string }>>();

/** The questions that declare a `prefill`, with its key, read once per survey object. */
export function prefilledQuestionsOf(surveyJson: object): ReadonlyArray<{ name: string; key: string }> {
  const cached = prefilledCache.get(surveyJson);
  if (cached) return cached;
  const found = [...questionIndexOf(surveyJson).questions.values()].flatMap((question) => {
    const key = question.json.prefill;
    return typeof key === 'string' && key !== '' ? [{ name: question.name, key }] : [];
  });
  prefilledCache.set(surveyJson, found);
  return found;
}
