import { ApiError } from '../../../api/client';
import { getLang, type Lang } from '../../../i18n';

/**
 * The API's 400 details (`[{path, message, messageEn}]`) as messages by field, in the console's
 * language (English from `messageEn` when the console is in English and the API sent it), keyed by
 * the path joined with dots after dropping `prefix`: `['reminderPolicy', 'steps', 1]` with prefix
 * `['reminderPolicy']` becomes `steps.1`. Issues outside the prefix are left out; the first message
 * for a field wins.
 */
export function fieldErrors(
  error: unknown,
  prefix: readonly (string | number)[] = [],
  lang: Lang = getLang(),
): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const detail of error.details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message, messageEn } = detail as { path?: unknown; message?: unknown; messageEn?: unknown };
    if (!Array.isArray(path) || typeof message !== 'string') continue;
    if (prefix.some((part, index) => path[index] !== part)) continue;
    const key = path.slice(prefix.length).join('.');
    const text = lang === 'en' && typeof messageEn === 'string' && messageEn.trim() !== '' ? messageEn : message;
    if (!(key in out)) out[key] = text;
  }
  return out;
}

/** The first field error whose key is `key` or lies under it (`steps` also finds `steps.1`). */
export function errorUnder(errors: Record<string, string>, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const found = Object.keys(errors).find((k) => k.startsWith(`${key}.`));
  return found ? errors[found] : undefined;
}

/** A human message for any error: the API's own text when it sent one. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError && error.status !== 0 && error.message) return error.message;
  return fallback;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
