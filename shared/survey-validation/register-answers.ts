/**
 * Answers the register gives, not the member: the survey's read-only "organisation" question (the
 * page fills it in from the account, docs/security.md). Submit stores the register's name there,
 * from the organisation item it reads anyway, so what the review page and the export show is not
 * whatever a caller of the API sent. Pure.
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
