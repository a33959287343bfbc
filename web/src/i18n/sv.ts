import { svCommon } from './sv-common';
import { svSurvey } from './sv-survey';

/**
 * Swedish UI strings, the default language: every key the pages may use. `en.ts` must have the same
 * keys (a unit test checks it). The app never bundles this object: index.tsx starts from svCommon,
 * and the survey page adds svSurvey, so pages only carry the Swedish strings they can show.
 */
export const sv = { ...svCommon, ...svSurvey } as const;

export type MessageKey = keyof typeof sv;
