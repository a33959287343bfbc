/**
 * Which questions are visible for a set of answers, the way the server stores a submission:
 * values of hidden questions are dropped, and dropping them can hide further questions, so this
 * repeats until nothing changes.
 */
import type { Lookup, Values } from './expression';
import type { ScoringPlan } from './scoring-plan';
import { COMMENT_SUFFIX } from './survey-json';

export interface Visibility {
  /** Visible flag per question, in plan order. */
  visible: boolean[];
  /** Answer per question in plan order; undefined for hidden or unanswered questions. */
  value: unknown[];
  /** Reads an answer the way conditions see it: hidden questions (and their comments) are undefined. */
  read: Lookup;
}

/** Resolves visibility of every question of the plan for the given answers; never throws on data. */
export function resolveVisibility(plan: ScoringPlan, answers: Values): Visibility {
  const { questions, indexOf } = plan;
  // An array indexed like the plan: keyed reads from large answer objects are the slow part.
  const value = questions.map((q) => answers[q.name]);
  const visible = questions.map(() => true);
  const read: Lookup = (name) => {
    const index = indexOf.get(name) ?? indexOf.get(name.toLowerCase());
    if (index !== undefined) return value[index];
    if (name.endsWith(COMMENT_SUFFIX)) {
      const owner = indexOf.get(name.slice(0, -COMMENT_SUFFIX.length));
      if (owner !== undefined && !visible[owner]) return undefined;
    }
    return answers[name];
  };
  if (!plan.hasConditions) return { visible, value, read };
  // Values are only ever removed, so this settles within questions.length + 1 rounds.
  for (let round = 0; round <= questions.length; round++) {
    let changed = false;
    questions.forEach((q, i) => {
      if (q.isVisible === null) return;
      visible[i] = q.isVisible(read);
      if (!visible[i] && value[i] !== undefined) {
        value[i] = undefined;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return { visible, value, read };
}
