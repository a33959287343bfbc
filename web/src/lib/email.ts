// Something, an @, something with a dot. Deliberately loose: the API's EmailSchema decides.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Whether `value` looks like an e-mail address: the check a form runs before asking the API, so an
 * obvious slip is shown on the field at once. Spaces around it are not trimmed here; callers trim
 * what they send.
 */
export function isEmailShaped(value: string): boolean {
  return EMAIL_SHAPE.test(value);
}
