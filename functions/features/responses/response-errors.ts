import { StateConflictError } from '../../errors/domain-errors';

/**
 * A review or kansli write on a response that lost to other writes (a member's save, another admin)
 * on every try: worded once, so the review and the reopen say the same in both languages.
 */
export function responseBusy(): StateConflictError {
  return new StateConflictError(
    'review_busy',
    'Någon annan ändrade svaret samtidigt. Försök igen.',
    undefined,
    'Someone else changed the response at the same time. Try again.',
  );
}
