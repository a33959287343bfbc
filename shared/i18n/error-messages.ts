/**
 * English versions of the API's error messages, by error code. Swedish is the default and
 * comes from where the error is raised; a client that asks for English gets these.
 */
export const ENGLISH_ERROR_MESSAGES: Record<string, string> = {
  invalid_input: 'The input is not valid.',
  malformed_json: 'The request body is not valid JSON.',
  malformed_form: 'The form data (multipart) in the request cannot be read.',
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
  campaign_not_open_yet: 'The survey has not opened for answers yet.',
  already_submitted: 'The response has already been submitted.',
  no_open_campaign: 'No survey is open right now.',
  invalid_response: 'Some answers are not valid.',
  number_not_storable: 'A number is too large or too small to be saved. Check the answers.',
  nothing_to_submit: 'There are no saved answers to submit. Answer at least one question first.',
  no_earlier_response: 'There are no answers submitted in earlier years to start from.',
  internal: 'An unexpected error occurred.',
  csrf: 'The request came from another site and was refused.',
  origin_not_verified: 'The request did not come through the website and was refused.',
  organisation_submitted: 'The organisation has already submitted its answers. No reminder was sent.',
  organisation_excused: "The organisation is excused from this year's survey. No reminder was sent.",
  campaign_not_open: 'The survey does not take answers from this organisation right now. No reminder was sent.',
  no_reachable_contacts:
    "None of the organisation's contacts can be reached by email (unsubscribed, bouncing or no valid address). No reminder was sent.",
  already_reminded:
    'The organisation has already been reminded today. A contact is reminded by hand at most once a day.',
  override_not_found: 'The question has no override to remove.',
  campaign_not_open_to_close: 'The campaign cannot be closed because it is not open.',
  campaign_not_open_for_reminders:
    'Reminders go out only while the campaign is open and taking answers, and this campaign is not at that time. Nothing was sent.',
  survey_misconfigured:
    "The survey is set up incorrectly on Klimatkommunerna's side, so this could not be done. The fault is not yours. Please contact the secretariat so it can be fixed.",
  organisation_not_member:
    'The organisation is not a member on this date, or was not one while the survey took answers. No reminder was sent.',
  not_a_member:
    'Your organisation is not a member of Klimatkommunerna now, or was not one while this survey takes answers, so this cannot be done. Contact the secretariat if that is wrong.',
  // The secretariat's console
  admin_from_config: 'This address is an administrator through the configuration (ADMIN_EMAILS); remove it there.',
  last_admin: 'The last administrator cannot be removed. Add another one first.',
  email_is_admin:
    'The address belongs to an admin of the console: it cannot be a member contact’s, and a contact erasure does not apply to it.',
  email_is_contact:
    'The address belongs to a member contact and cannot also be an admin. Remove the contact or give it another address first.',
  another_campaign_open: 'Another campaign is already open. Close it first.',
  deadline_passed:
    'The deadline has already passed, so nobody could answer. Set a new deadline first, then open the campaign.',
  campaign_changed: 'Someone else changed the campaign. Reload and try again.',
  campaign_not_started: 'The campaign has not opened yet.',
  nothing_to_publish: 'No responses have been submitted, so there is nothing to publish.',
  campaign_published: 'The campaign is published and its report is frozen, so this can no longer be changed.',
  invalid_dates: 'The dates are not valid: a deadline must be in the future and after the opening.',
  invalid_reminder_policy: "The campaign's reminder policy is not valid. Correct it in the campaign first.",
  invalid_scoring: "The survey's scoring is not valid.",
  duplicate_name: 'The survey uses a question or page name twice.',
  questions_removed:
    'The change removes questions that members may have answered. Their answers disappear from drafts the next time they are saved and do not come back if the question is added again. Nothing was saved. Confirm the removal to save.',
  report_too_large: 'The report is too large to store. Reduce the number of questions or choices.',
  time_travel_not_allowed:
    'When deployed, a time (at) can only be given for a dry run (dryRun: true). A real run always happens now.',
  contact_not_found: 'The contact is no longer in the member register.',
  unknown_organisation: 'The organisation does not exist.',
  points_above_max: 'The points are above what the question can give.',
  points_unchanged: 'The question already gives these points without an adjustment. Change the points or cancel.',
  question_not_scored: 'The question gives no points.',
  unknown_question: 'The question is not in the survey.',
  response_not_submitted: 'Points can only be adjusted on submitted responses.',
  review_busy: 'Someone else changed the response at the same time. Try again.',
  deadline_required:
    'The survey no longer takes answers. Give a new deadline in the future, or the organisation cannot submit again.',
  deadline_not_after_campaign:
    "An organisation's own deadline must be later than the campaign's deadline, or than when it was closed.",
  deadline_too_far: 'The new deadline can be at most a year ahead.',
  // Each refusal carries its own English (what to do instead); this is only the fallback.
  nothing_to_change: 'This would change nothing, so nothing was saved.',
  response_changed:
    'The response has changed since the page was loaded (it may have been submitted or reopened). Reload the page and try again.',
  erasure_incomplete: 'More audit entries are left to clear than one request handles. Erase again to continue.',
  address_in_register:
    "The address belongs to a contact in the member register. Erase that contact under Personal data on its organisation's page; earlier data under the address is erased with it.",
  // Imports
  import_choices_changed: 'The import was already saved with other choices of whom to replace. Reload the preview.',
  unknown_replacement: 'A row chosen for replacement replaces nobody. Reload the preview.',
  import_choice_settled: 'The choices for this import were saved at the same time by someone else. Try again.',
  import_commit_started: 'Someone else began saving this import at the same time. Try again.',
  import_not_found: 'The import does not exist.',
  import_has_errors: 'The file has errors. Correct them and upload the file again.',
  import_expired: 'The preview is too old. Upload the file again.',
  import_committed: 'The import has already been saved.',
  import_conflict: 'A value was changed by another import in the meantime. Upload the file again.',
  import_incomplete: "The import's stored values are incomplete. Upload the file again.",
  import_not_committed: 'The import has not been saved, so there is nothing to undo.',
  import_rolled_back: 'The import has been undone and cannot be saved again. Upload the file again.',
  import_state_changed: 'Someone else changed the import at the same time. Try again.',
  import_superseded: 'The import cannot be undone: later imports changed some of its values. Undo those first.',
  import_outdated:
    'The preview is out of date: another import was saved or undone after the file was read and changed values of the same organisations. Upload the file again to see what it changes now.',
  unreadable_file: 'The file could not be read.',
  upload_not_found: 'The uploaded file was not found. Upload it again.',
  uploads_unavailable: 'Two-step upload is not configured here.',
  // Klimatläget and sign-in
  not_published: 'The results are not published yet.',
  no_survey: 'No member survey has been run for that year, so there is no report for it.',
  no_submitted_response: 'There are no submitted responses for that year.',
  token_rejected: 'The sign-in link could not be used.',
};

/**
 * Whether an Accept-Language header ranks English above Swedish, by q-value and then by order
 * ("de, en;q=0.5" and "fi,en" are English; "en-GB;q=0.1, sv;q=0.9" is Swedish). Swedish when
 * neither is listed.
 */
export function prefersEnglish(acceptLanguage: string | undefined): boolean {
  const rank = { en: { q: 0, at: Number.POSITIVE_INFINITY }, sv: { q: 0, at: Number.POSITIVE_INFINITY } };
  (acceptLanguage ?? '').split(',').forEach((range, at) => {
    const [tag = '', ...params] = range.trim().toLowerCase().split(';');
    const language = tag.trim().split('-')[0];
    if (language !== 'en' && language !== 'sv') return;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= rank[language].q) return;
    rank[language] = { q, at };
  });
  const { en, sv } = rank;
  return en.q > sv.q || (en.q > 0 && en.q === sv.q && en.at < sv.at);
}

/** Picks the message for the client's language; Swedish unless English is preferred. */
export function localiseErrorMessage(code: string, swedish: string, acceptLanguage: string | undefined): string {
  return prefersEnglish(acceptLanguage) ? (ENGLISH_ERROR_MESSAGES[code] ?? swedish) : swedish;
}
