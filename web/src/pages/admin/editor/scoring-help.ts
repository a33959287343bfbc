/**
 * The survey JSON's scoring properties as the editor explains them: in the "Så sätts poäng" panel
 * and as completions in the JSON editor. The same list as shared/scoring/scoring-properties.ts
 * registers (a test keeps them in step), plus the two properties that are not about points.
 */

// The strings these keys name come with the editor's own part of the dictionary.
import '../i18n/editor';
import type { AdminKey } from '../i18n';

export interface ScoringPropertyHelp {
  /** Its own key in the dictionaries (`maxScore` and `scoreBands` each go in two places). */
  id: string;
  /** The property name as written in the JSON. */
  names: readonly string[];
  /** Where it goes, and what it does: dictionary keys. */
  where: AdminKey;
  what: AdminKey;
  /** One line of JSON showing it in place. */
  example: string;
  /** Not about points (prefill, carryOver): listed after the scoring properties. */
  other?: boolean;
}

export const SCORING_HELP: readonly ScoringPropertyHelp[] = [
  {
    id: 'score',
    names: ['score'],
    where: 'editor.help.score.where',
    what: 'editor.help.score.what',
    example: '{ "value": "ja", "text": "Ja", "score": 2 }',
  },
  {
    id: 'scoreTrue',
    names: ['scoreTrue', 'scoreFalse'],
    where: 'editor.help.scoreTrue.where',
    what: 'editor.help.scoreTrue.what',
    example: '{ "type": "boolean", "name": "M3", "scoreTrue": 2, "scoreFalse": 0 }',
  },
  {
    id: 'numberBands',
    names: ['scoreBands'],
    where: 'editor.help.numberBands.where',
    what: 'editor.help.numberBands.what',
    example:
      '"scoreBands": [{ "max": 50, "score": 0 }, { "min": 50, "max": 80, "score": 1 }, { "min": 80, "score": 2 }]',
  },
  {
    id: 'questionMax',
    names: ['maxScore'],
    where: 'editor.help.questionMax.where',
    what: 'editor.help.questionMax.what',
    example: '{ "type": "checkbox", "name": "M7", "maxScore": 2, "choices": [] }',
  },
  {
    id: 'pageMax',
    names: ['maxScore'],
    where: 'editor.help.pageMax.where',
    what: 'editor.help.pageMax.what',
    example: '{ "name": "samhallsplanering", "maxScore": 10, "elements": [] }',
  },
  {
    id: 'gate',
    names: ['gate'],
    where: 'editor.help.gate.where',
    what: 'editor.help.gate.what',
    example: '{ "type": "boolean", "name": "B1", "gate": true }',
  },
  {
    id: 'reviewScore',
    names: ['reviewScore'],
    where: 'editor.help.reviewScore.where',
    what: 'editor.help.reviewScore.what',
    example: '{ "type": "comment", "name": "S6", "reviewScore": 1 }',
  },
  {
    id: 'surveyBands',
    names: ['scoreBands'],
    where: 'editor.help.surveyBands.where',
    what: 'editor.help.surveyBands.what',
    example:
      '"scoreBands": [{ "minShare": 0.8, "label": "A" }, { "minShare": 0.6, "label": "B" }, { "minShare": 0, "label": "C" }]',
  },
  {
    id: 'prefill',
    names: ['prefill'],
    where: 'editor.help.prefill.where',
    what: 'editor.help.prefill.what',
    // emissions.year, not the medlemstest's emissions.perInhabitant: that is also a dictionary key.
    example: '{ "type": "text", "name": "emissions_year", "readOnly": true, "prefill": "emissions.year" }',
    other: true,
  },
  {
    id: 'carryOver',
    names: ['carryOver'],
    where: 'editor.help.carryOver.where',
    what: 'editor.help.carryOver.what',
    example: '{ "type": "text", "name": "respondent_name", "carryOver": false }',
    other: true,
  },
];

/** A completion of a property name: the name, where it goes (shown beside it) and what it does. */
export interface PropertyCompletion {
  label: string;
  detail: string;
  info: string;
}

/** The completions for the editor, one per property name (a name in two places says both). */
export function propertyCompletions(t: (key: AdminKey) => string): PropertyCompletion[] {
  const byName = new Map<string, PropertyCompletion>();
  for (const help of SCORING_HELP) {
    for (const label of help.names) {
      const where = t(help.where);
      const what = t(help.what);
      const known = byName.get(label);
      byName.set(
        label,
        known
          ? { label, detail: `${known.detail} · ${where}`, info: `${known.info}\n${where}: ${what}` }
          : { label, detail: where, info: `${where}: ${what}` },
      );
    }
  }
  return [...byName.values()];
}
