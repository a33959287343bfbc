import type { ProgressStatus } from '../schemas/progress.schema';
import type { SurveyResponse } from '../schemas/response.schema';

/**
 * An organisation's status in a campaign, from its response (absent when nobody has saved).
 * @returns `submitted` when submitted (even if also excused), else `excused` when the kansli
 *   excused it, else the response's status, `not_started` without a response.
 */
export function progressStatusOf(response: Pick<SurveyResponse, 'status' | 'excused'> | undefined): ProgressStatus {
  if (!response) return 'not_started';
  if (response.status === 'submitted') return 'submitted';
  return response.excused ? 'excused' : response.status;
}
