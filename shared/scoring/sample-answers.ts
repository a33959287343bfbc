/** Deterministic pseudo-random answers for a survey: benchmark input and demo/seed data. */
import type { Values } from './expression';
import { compileScoring, type QuestionPlan } from './scoring-plan';
import { choiceItems } from './survey-json';

/** A small seeded PRNG (mulberry32) so samples are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleValue(q: QuestionPlan, random: () => number): unknown {
  const values = choiceItems(q.json).map((item) => item.value);
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)];
  switch (q.type) {
    case 'radiogroup':
    case 'dropdown':
      return pick(values);
    case 'checkbox':
    case 'tagbox':
      return values.filter(() => random() < 0.4);
    case 'boolean':
      return random() < 0.6;
    case 'comment':
      return 'Exempeltext.';
    case 'text':
      if (q.json.inputType === 'number') {
        // Within the question's own range (M2 asks for a year from 2020), else 0–100.
        const min = typeof q.json.min === 'number' ? q.json.min : 0;
        const max = typeof q.json.max === 'number' ? q.json.max : Math.max(min, 100);
        return min + Math.round(random() * (max - min));
      }
      if (q.json.inputType === 'url') return 'https://www.example.se/dokument';
      return 'Exempel';
    default:
      return undefined;
  }
}

/**
 * Generates `count` answer sets: about 85 % of answerable questions answered with a random valid
 * value. The same seed gives the same answers.
 * @throws ScoringConfigError when the survey's scoring is malformed.
 */
export function sampleAnswers(surveyJson: object, count: number, seed = 1): Values[] {
  const plan = compileScoring(surveyJson);
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const answers: Values = {};
    for (const q of plan.questions) {
      if (!q.answerable || random() < 0.15) continue;
      const value = sampleValue(q, random);
      if (value !== undefined) answers[q.name] = value;
    }
    return answers;
  });
}
