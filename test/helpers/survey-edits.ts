/** Edits of survey JSON as the kansli makes them in the editor: questions cut, renamed, changed. */

type Json = Record<string, unknown>;

/** A question or panel of a survey's JSON. */
export interface SurveyElement extends Json {
  name?: string;
  elements?: SurveyElement[];
}

/** A copy of `survey` with `change` applied to every element list, pages and panels alike. */
export function edited(survey: object, change: (elements: SurveyElement[]) => SurveyElement[]): Json {
  const copy = structuredClone(survey) as { pages: SurveyElement[] };
  const visit = (node: SurveyElement) => {
    if (!node.elements) return;
    node.elements = change(node.elements);
    node.elements.forEach(visit);
  };
  copy.pages.forEach(visit);
  return copy as unknown as Json;
}

/** A copy of `survey` with the element `name` changed (renamed, retitled, hidden…). */
export const withChanges = (survey: object, name: string, changes: Json) =>
  edited(survey, (elements) => elements.map((e) => (e.name === name ? { ...e, ...changes } : e)));
