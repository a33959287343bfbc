import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import { englishInputMessage, INVALID_VALUE_EN } from '../../shared/i18n/input-messages';

/**
 * One detail of a 400 `invalid_input`: where, zod's (or the check's) code, the Swedish message and
 * the English one. Both languages travel with every detail, as survey answer validation's do, so
 * the console shows the reader's language whatever the request asked for.
 */
export interface InputDetail {
  path: PropertyKey[];
  code?: string;
  message: string;
  messageEn: string;
}

let englishLocale: ((issue: z.core.$ZodRawIssue) => unknown) | undefined;

/** zod's English message for an issue its Swedish locale worded; made on the first invalid input. */
function zodEnglish(issue: z.core.$ZodIssue, input: unknown): string {
  englishLocale ??= en().localeError as (issue: z.core.$ZodRawIssue) => unknown;
  // The finished issue has lost its input, which the English (like the Swedish) names for a wrong type.
  const message = englishLocale({ ...issue, input: valueAt(input, issue.path) } as z.core.$ZodRawIssue);
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object' && typeof (message as { message?: unknown }).message === 'string') {
    return (message as { message: string }).message;
  }
  return INVALID_VALUE_EN;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The details of a failed request check: each issue's Swedish message as zod raised it (a schema's
 * own from shared/i18n/input-messages.ts, else zod's Swedish locale) and its English (the same
 * table's, else zod's English locale). `input` is what was checked, for the value a message names.
 */
export function detailsOfIssues(issues: readonly z.core.$ZodIssue[], input: unknown): InputDetail[] {
  return issues.map((issue) => ({
    path: issue.path,
    code: issue.code,
    message: issue.message,
    messageEn: englishInputMessage(issue.message) ?? zodEnglish(issue, input),
  }));
}

/**
 * An invalid_input's details with `messageEn` on every one that has a Swedish `message` and lacks
 * it: a check outside the schemas (the organisation's stored dates, an audit cursor) raises its
 * detail in Swedish from the same table, where its English is found.
 */
export function withEnglish(details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((detail) => {
    if (!detail || typeof detail !== 'object') return detail;
    const { message, messageEn } = detail as { message?: unknown; messageEn?: unknown };
    if (typeof message !== 'string' || typeof messageEn === 'string') return detail;
    return { ...detail, messageEn: englishInputMessage(message) ?? INVALID_VALUE_EN };
  });
}
