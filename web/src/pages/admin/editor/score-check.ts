/** What the score preview last said about the survey in the editor, and when to ask it again. */

import { ApiError } from '../../../api/client';

export type ScoreCheck =
  /** Checked (or not asked yet): nothing to say. */
  | { state: 'checked' }
  /** The API refused the survey's scoring: an error in the survey, and saving waits for it. */
  | { state: 'invalid'; message: string; details?: unknown }
  /**
   * The points could not be checked now (network, server, session): a notice only. The save is
   * checked by the server anyway, so this never blocks it. `attempts`: failures in a row.
   */
  | { state: 'unchecked'; attempts: number };

export const CHECKED: ScoreCheck = { state: 'checked' };

/**
 * The check after a failed preview request. Only the API saying the survey is wrong (422 for its
 * scoring, 400 for its shape: a save would be refused the same way) makes an error; anything else
 * (no network, 5xx, an ended session, a throttle) says nothing about the survey.
 */
export function checkAfterFailure(error: unknown, previous: ScoreCheck): ScoreCheck {
  if (error instanceof ApiError && (error.status === 422 || error.status === 400)) {
    // The details (question, property, value) point the editor at the right line in either language.
    return { state: 'invalid', message: error.message, details: error.details };
  }
  return { state: 'unchecked', attempts: previous.state === 'unchecked' ? previous.attempts + 1 : 1 };
}

/** How long an unchecked survey waits before the preview is asked again by itself: 5 s, doubling up to a minute. */
export function retryDelayMs(check: ScoreCheck): number | null {
  if (check.state !== 'unchecked') return null;
  return Math.min(5_000 * 2 ** (check.attempts - 1), 60_000);
}
