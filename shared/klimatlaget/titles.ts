/**
 * English texts for the report and the scorecard. Survey texts are SurveyJS localizable strings,
 * `{"default": <Swedish>, "en": <English>}`; the Swedish text is what scoring already calls `title`.
 */
import { englishText, walkSurvey } from '../scoring/survey-json';

export { englishText };

/** `{titleEn}` when there is an English text, else nothing, so snapshots stay small and optional fields absent. */
export function withEnglish<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  const text = englishText(value);
  return text === undefined ? {} : ({ [key]: text } as Record<K, string>);
}

/** English page titles by page name, for the pages that have one. */
export function englishPageTitles(survey: object): Map<string, string> {
  const titles = new Map<string, string>();
  for (const page of walkSurvey(survey).pages) {
    const text = englishText(page.json.title);
    if (text !== undefined) titles.set(page.name, text);
  }
  return titles;
}
