/** Fixture builders for survey JSON with scoring properties, and answer generators for tests. */
import fc from 'fast-check';
import { compileScoring, type QuestionPlan } from '../../shared/scoring/index';
import { choiceItems, type JsonObject } from '../../shared/scoring/survey-json';

export type Json = JsonObject;

/** A yes/no boolean worth `scoreTrue` points. */
export const yesNo = (name: string, scoreTrue = 1, extra: Json = {}): Json => ({
  type: 'boolean',
  name,
  scoreTrue,
  ...extra,
});

/** A radiogroup whose choices are the keys of `scores`. */
export const choice = (name: string, scores: Record<string, number>, extra: Json = {}): Json => ({
  type: 'radiogroup',
  name,
  choices: Object.entries(scores).map(([value, score]) => ({ value, score })),
  ...extra,
});

/** A checkbox whose choices are the keys of `scores`, optionally capped. */
export const checkbox = (name: string, scores: Record<string, number>, maxScore?: number, extra: Json = {}): Json => ({
  type: 'checkbox',
  name,
  choices: Object.entries(scores).map(([value, score]) => ({ value, score })),
  ...(maxScore === undefined ? {} : { maxScore }),
  ...extra,
});

/** A number input with score bands. */
export const numberWithBands = (name: string, bands: Json[], extra: Json = {}): Json => ({
  type: 'text',
  inputType: 'number',
  name,
  scoreBands: bands,
  ...extra,
});

export const gate = (name: string): Json => ({ type: 'boolean', name, gate: true });

export const page = (name: string, elements: Json[], extra: Json = {}): Json => ({
  name,
  title: name,
  elements,
  ...extra,
});

/**
 * A small survey with a gate page and two scored pages (max 10):
 * - `baskrav`: gates G1, G2;
 * - `a` (max 5): q1 choice ja 2 / delvis 1 / nej 0, q2 yes/no 1, q2b follow-up 1 shown if q2 is true,
 *   q3 yes/no 1 with scoreFalse 0;
 * - `b` (max 5): c1 checkbox x/y/z 1 each capped at 2, n1 number bands <50 → 0, 50–80 → 1, ≥80 → 3.
 * `overrides` replaces top-level keys (e.g. `pages`, `scoreBands`).
 */
export function makeSurvey(overrides: Json = {}): Json {
  return {
    title: 'Testenkät',
    pages: [
      page('baskrav', [gate('G1'), gate('G2')]),
      page('a', [
        choice('q1', { ja: 2, delvis: 1, nej: 0 }),
        yesNo('q2'),
        yesNo('q2b', 1, { visibleIf: '{q2} = true' }),
        yesNo('q3'),
        { type: 'comment', name: 'q3_comment' },
      ]),
      page('b', [
        checkbox('c1', { x: 1, y: 1, z: 1 }, 2),
        numberWithBands('n1', [
          { max: 50, score: 0 },
          { min: 50, max: 80, score: 1 },
          { min: 80, score: 3 },
        ]),
      ]),
    ],
    ...overrides,
  };
}

function bestValue(q: QuestionPlan): unknown {
  const items = choiceItems(q.json);
  const scoreOf = (value: string | number): number => q.choiceScores.get(String(value)) ?? 0;
  switch (q.kind) {
    case 'choice': {
      if (q.gate) return items.find((item) => scoreOf(item.value) > 0)?.value ?? 'ja';
      return items.reduce((best, item) => (scoreOf(item.value) > scoreOf(best.value) ? item : best)).value;
    }
    case 'checkbox':
      return items.filter((item) => scoreOf(item.value) > 0).map((item) => item.value);
    case 'boolean':
      return q.gate || q.scoreTrue >= q.scoreFalse ? q.valueTrue : (q.json.valueFalse ?? false);
    case 'number': {
      const band = q.numberBands.reduce((best, b) => (b.score > best.score ? b : best));
      return band.min ?? (band.max === undefined ? 0 : band.max - 1);
    }
    case 'none':
      return undefined;
  }
}

/** The answers that take every scored question's best choice and pass every gate. */
export function bestAnswers(surveyJson: object): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of compileScoring(surveyJson).questions) {
    if (q.max === 0 && !q.gate) continue;
    const value = bestValue(q);
    if (value !== undefined) answers[q.name] = value;
  }
  return answers;
}

/** The "no" answers: the lowest-scored choice, false, nothing checked, a number in no band. */
export function worstAnswers(surveyJson: object): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of compileScoring(surveyJson).questions) {
    if (q.kind === 'choice') {
      const items = choiceItems(q.json);
      answers[q.name] = items.reduce((worst, item) =>
        (q.choiceScores.get(String(item.value)) ?? 0) < (q.choiceScores.get(String(worst.value)) ?? 0) ? item : worst,
      ).value;
    } else if (q.kind === 'boolean') answers[q.name] = false;
    else if (q.kind === 'checkbox') answers[q.name] = [];
    else if (q.kind === 'number') answers[q.name] = 0;
  }
  return answers;
}

/** An arbitrary for one question's answer: any of its choices, booleans, or numbers around its bands. */
export function valueArbitrary(q: QuestionPlan): fc.Arbitrary<unknown> | undefined {
  const values = choiceItems(q.json).map((item) => item.value);
  switch (q.kind) {
    case 'choice':
      return values.length > 0 ? fc.constantFrom(...values) : undefined;
    case 'checkbox':
      return fc.subarray(values);
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -10, max: 120 }), fc.double({ min: -10, max: 120, noNaN: true }));
    case 'none':
      return undefined;
  }
}

/** An arbitrary for partial answers to the scored and gate questions of a survey. */
export function answersArbitrary(surveyJson: object): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of compileScoring(surveyJson).questions) {
    const arbitrary = valueArbitrary(q);
    if (arbitrary) model[q.name] = arbitrary;
  }
  return fc.record(model, { requiredKeys: [] });
}
