import { enCommon } from './en-common';
import { enSurvey } from './en-survey';
import type { MessageKey } from './sv';

/**
 * English UI strings: every key, typed against the Swedish keys, so a missing key fails the
 * type-check. The app never bundles this object (as sv.ts): index.tsx loads enCommon, and the survey
 * page adds enSurvey.
 */
export const en: Record<MessageKey, string> = { ...enCommon, ...enSurvey };
