/**
 * Which of the kansli's overrides were made on the answer a response holds now. An override is
 * stored with the answer it was made on (`answer`, the question's value then, null when it was
 * unanswered); overrides survive a reopen, so when the member changes that answer and submits
 * again the override still counts, and the review must say the answer changed since.
 */

import { compileScoring } from './scoring-plan';
import { canonicalJson } from './survey-json';

/**
 * - `current`: made on the answer the response holds now;
 * - `changed`: made on another answer (the member changed it since, e.g. after a reopen);
 * - `unknown`: stored before overrides recorded their answer, so nothing can be said.
 */
export type OverrideAnswerState = 'current' | 'changed' | 'unknown';

/** Question types whose answer is a set of choices: picking the same ones in another order changes nothing. */
const UNORDERED_TYPES = new Set(['checkbox', 'tagbox']);

/** The answer an override is made on, as it is stored with it: the question's value, null when unanswered. */
export function answerForOverride(data: Record<string, unknown>, question: string): unknown {
  const value = data[question];
  return isBlank(value) ? null : value;
}

/**
 * The state of each override of `response` (in its order) against the answers it holds now. With
 * the survey, a checkbox answer is compared as a set; without it (or when its scoring does not
 * compile), as it is stored.
 */
export function overrideAnswerStates(
  response: { data: Record<string, unknown>; overrides: ReadonlyArray<{ question: string; answer?: unknown }> },
  surveyJson?: object,
): OverrideAnswerState[] {
  const unordered = unorderedQuestions(surveyJson);
  return response.overrides.map((override) => {
    // Absent (not null): stored before the answer was recorded with the override.
    if (override.answer === undefined) return 'unknown';
    const now = answerForOverride(response.data, override.question);
    return sameAnswer(override.answer, now, unordered(override.question)) ? 'current' : 'changed';
  });
}

/** An override that counts (the latest of its question) made on an answer the response no longer holds. */
export interface StaleOverride {
  question: string;
  /** The answer the override was made on (null: unanswered). */
  answer: unknown;
  /** The answer now (null: unanswered). */
  current: unknown;
}

/**
 * The overrides that count (the latest per question, as scoring takes them) whose answer changed
 * since they were made. Overrides stored without their answer are never stale: unknown.
 */
export function staleOverrides(
  response: { data: Record<string, unknown>; overrides: ReadonlyArray<{ question: string; answer?: unknown }> },
  surveyJson?: object,
): StaleOverride[] {
  const states = overrideAnswerStates(response, surveyJson);
  const latest = new Map<string, number>();
  for (const [index, override] of response.overrides.entries()) latest.set(override.question, index);
  return [...latest.values()]
    .filter((index) => states[index] === 'changed')
    .map((index) => {
      const override = response.overrides[index]!;
      return {
        question: override.question,
        answer: override.answer,
        current: answerForOverride(response.data, override.question),
      };
    });
}

/**
 * How many of the response's counting overrides are stale (`staleOverrides`): what the response
 * item stores as `overridesToCheck` in the write that changes its answers or overrides, so the
 * review list can flag it without reading answers. The same rule as the review page's.
 */
export function countStaleOverrides(
  response: { data: Record<string, unknown>; overrides: ReadonlyArray<{ question: string; answer?: unknown }> },
  surveyJson?: object,
): number {
  return staleOverrides(response, surveyJson).length;
}

function unorderedQuestions(surveyJson: object | undefined): (question: string) => boolean {
  if (!surveyJson) return () => false;
  try {
    const plan = compileScoring(surveyJson);
    return (question) => UNORDERED_TYPES.has(plan.byName.get(question)?.type ?? '');
  } catch {
    // A survey whose scoring no longer compiles: compare answers as stored.
    return () => false;
  }
}

function sameAnswer(then: unknown, now: unknown, unordered: boolean): boolean {
  const a = normalised(then, unordered);
  const b = normalised(now, unordered);
  return canonicalJson(a) === canonicalJson(b);
}

/** Blank is null; text without the spaces around it; a set of choices sorted. */
function normalised(value: unknown, unordered: boolean): unknown {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value.trim();
  if (unordered && Array.isArray(value)) {
    return value.map((item) => canonicalJson(item ?? null)).sort();
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)
  );
}
