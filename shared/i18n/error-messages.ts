/**
 * English versions of the API's error messages, by error code. Swedish is the default and
 * comes from where the error is raised; a client that asks for English gets these.
 */
export const ENGLISH_ERROR_MESSAGES: Record<string, string> = {
  invalid_input: 'The input is not valid.',
  malformed_json: 'The request body is not valid JSON.',
  unsupported_media_type: 'Send the body as application/json.',
  payload_too_large: 'The request body is too large.',
  not_authenticated: 'You are not signed in.',
  session_expired: 'Your session has expired. Please sign in again.',
  token_unknown: 'The sign-in link is not valid. Request a new one.',
  token_used: 'The sign-in link has already been used. Request a new one.',
  token_expired: 'The sign-in link has expired. Request a new one.',
  forbidden: 'You do not have access to this.',
  admin_only: 'Only the secretariat can do this.',
  members_only: 'Only member contacts can do this.',
  not_found: 'Not found.',
  already_exists: 'It already exists.',
  version_conflict: 'Someone else saved a newer version.',
  already_claimed: 'Already taken.',
  rate_limited: 'Too many attempts. Try again later.',
  store_unavailable: 'Storage is not answering right now. Try again shortly.',
  campaign_closed: 'The survey is closed.',
  already_submitted: 'The response has already been submitted.',
  no_open_campaign: 'No survey is open right now.',
  invalid_response: 'Some answers are not valid.',
  no_earlier_response: 'There are no answers submitted in earlier years to start from.',
  internal: 'An unexpected error occurred.',
  csrf: 'The request came from another site and was refused.',
  organisation_submitted: 'The organisation has already submitted its answers. No reminder was sent.',
  organisation_excused: "The organisation is excused from this year's survey. No reminder was sent.",
  campaign_not_open: 'The survey does not take answers from this organisation right now. No reminder was sent.',
  no_reachable_contacts:
    "None of the organisation's contacts can be reached by email (unsubscribed, bouncing or no valid address). No reminder was sent.",
  already_reminded:
    'The organisation has already been reminded today. A contact is reminded by hand at most once a day.',
  override_not_found: 'The question has no override to remove.',
};

/** Picks the message for the client's language; Swedish unless English is preferred. */
export function localiseErrorMessage(code: string, swedish: string, acceptLanguage: string | undefined): string {
  const prefersEnglish = /^\s*en\b/i.test(acceptLanguage ?? '');
  return prefersEnglish ? (ENGLISH_ERROR_MESSAGES[code] ?? swedish) : swedish;
}
