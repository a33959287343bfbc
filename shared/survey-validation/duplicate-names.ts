/**
 * Names a survey uses twice. SurveyJS loads such a survey without complaint, but two questions
 * with one name share one answer (and one score), so the platform refuses it: the kansli's editor
 * as an error that blocks saving, the API as 422 duplicate_name. Plain JSON, no survey-core.
 */

import { isJsonObject } from '../scoring/survey-json';

/** Where a named page or element sits: its JSON path (for the editor) and the page it is on. */
export interface NamePlace {
  /** e.g. `['pages', 2, 'elements', 0]`: the object holding the `name`. */
  path: Array<string | number>;
  /** The page's name, or `page<N>` (1-based) for a page without one, as walkSurvey names it. */
  page: string;
}

export interface DuplicateName {
  /** Pages and elements are separate namespaces in SurveyJS: a page may share its name with a question. */
  kind: 'page' | 'element';
  name: string;
  /** Where the name is first used. */
  first: NamePlace;
  /** The later use, the one to fix. */
  again: NamePlace;
}

/**
 * Every second (third, …) use of a page name or an element name (questions and panels, nested at
 * any depth, dynamic panels' templates included), in survey order. Empty for a survey without
 * pages or a value that is not an object.
 */
export function duplicateNames(survey: unknown): DuplicateName[] {
  const out: DuplicateName[] = [];
  if (!isJsonObject(survey) || !Array.isArray(survey.pages)) return out;
  const pages = new Map<string, NamePlace>();
  const elements = new Map<string, NamePlace>();
  const note = (kind: DuplicateName['kind'], seen: Map<string, NamePlace>, name: string, place: NamePlace) => {
    const first = seen.get(name);
    if (first) out.push({ kind, name, first, again: place });
    else seen.set(name, place);
  };
  const walk = (list: unknown, path: Array<string | number>, page: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((element, index) => {
      if (!isJsonObject(element)) return;
      const at = [...path, index];
      if (typeof element.name === 'string') note('element', elements, element.name, { path: at, page });
      for (const key of ['elements', 'templateElements']) walk(element[key], [...at, key], page);
    });
  };
  survey.pages.forEach((page, index) => {
    if (!isJsonObject(page)) return;
    const path = ['pages', index];
    const name = typeof page.name === 'string' && page.name !== '' ? page.name : `page${index + 1}`;
    if (typeof page.name === 'string') note('page', pages, page.name, { path, page: name });
    for (const key of ['elements', 'templateElements']) walk(page[key], [...path, key], name);
  });
  return out;
}

/** A duplicate in words, for the API's message: "frågenamnet "M1" finns både på sidan "mal" och på sidan "atgarder"". */
export function duplicateNameText(duplicate: DuplicateName, lang: 'sv' | 'en'): string {
  const { kind, name, first, again } = duplicate;
  if (lang === 'en') {
    if (kind === 'page') return `the page name "${name}" is used by two pages`;
    return first.page === again.page
      ? `the question name "${name}" is used twice on the page "${first.page}"`
      : `the question name "${name}" is on both the page "${first.page}" and the page "${again.page}"`;
  }
  if (kind === 'page') return `sidnamnet "${name}" används av två sidor`;
  return first.page === again.page
    ? `frågenamnet "${name}" används två gånger på sidan "${first.page}"`
    : `frågenamnet "${name}" finns både på sidan "${first.page}" och på sidan "${again.page}"`;
}
