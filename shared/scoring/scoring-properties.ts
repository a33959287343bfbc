/**
 * Registers the scoring properties with survey-core so `new Model(json)` keeps them (and the web
 * survey page and Survey JSON round-trips see no "unknown property" errors).
 * Importing this module registers them; import it wherever a survey-core Model is created.
 * The scoring function itself reads plain JSON and does not need this.
 */
import { Serializer } from 'survey-core';

/** Names of the custom properties, for code that reads them from JSON. */
export const SCORING_PROPERTY_NAMES = [
  'score',
  'scoreTrue',
  'scoreFalse',
  'scoreBands',
  'maxScore',
  'gate',
  'reviewScore',
] as const;

/**
 * Adds the properties to survey-core's Serializer; safe to call any number of times.
 * `scoreBands` is registered untyped on both `survey` ([{minShare, label}]) and `text`
 * ([{min?, max?, score}]): untyped array properties round-trip through `toJSON()` as given, so the
 * two shapes can share one name.
 */
export function registerScoringProperties(): void {
  const add = (className: string, name: string, options: Record<string, unknown> = {}): void => {
    const bare = name.split(':')[0]!;
    if (Serializer.findProperty(className, bare)) return;
    Serializer.addProperty(className, { name, category: 'scoring', ...options });
  };
  add('itemvalue', 'score:number');
  add('boolean', 'scoreTrue:number');
  add('boolean', 'scoreFalse:number');
  add('text', 'scoreBands', { isArray: true });
  add('question', 'maxScore:number');
  add('question', 'gate:boolean');
  // Points only the kansli awards on the question in its review (S6), never by the rules.
  add('question', 'reviewScore:number');
  add('page', 'maxScore:number');
  add('survey', 'scoreBands', { isArray: true });
  // Not scoring: where a read-only question's value comes from, e.g. "emissions.perInhabitant".
  add('question', 'prefill', { category: 'data' });
  // Not scoring: `false` keeps a question out of "start from last year's answers" (e.g. who fills in).
  add('question', 'carryOver:boolean', { category: 'data', default: true });
}

registerScoringProperties();
