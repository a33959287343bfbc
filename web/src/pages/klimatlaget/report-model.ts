/** Pure helpers that shape a published Klimatläget report for the page: no React, no chart.js. */
import type { QuestionAggregate, TypeAggregate } from '../../api/types';

export interface Area {
  name: string;
  title: string;
  /** The section's maximum points; 0 for the gate section (baskrav), which carries none. */
  max: number;
  questions: QuestionAggregate[];
}

/**
 * The questions of one organisation type grouped by area (survey page), in survey order. The gate
 * questions' page has no points and so no section aggregate: `untitled` names it.
 */
export function areasOf(aggregate: TypeAggregate, untitled: (section: string) => string): Area[] {
  const sections = new Map(aggregate.sections.map((s) => [s.name, s]));
  const areas = new Map<string, Area>();
  for (const question of aggregate.questions) {
    let area = areas.get(question.section);
    if (!area) {
      const section = sections.get(question.section);
      area = {
        name: question.section,
        title: section?.title ?? untitled(question.section),
        max: section?.max ?? 0,
        questions: [],
      };
      areas.set(question.section, area);
    }
    area.questions.push(question);
  }
  return [...areas.values()];
}

/** Questions with a yes-share (booleans, single choice): the bars of an area's chart. */
export function yesQuestions(area: Area): QuestionAggregate[] {
  return area.questions.filter((q) => q.yes !== null);
}

/** Questions whose answers are best read as a distribution: checkboxes, numbers by band, single choice. */
export function distributionQuestions(area: Area): QuestionAggregate[] {
  return area.questions.filter((q) => q.distribution !== null && q.distribution.length > 0);
}

/** The answer a yes-share counts, for a single-choice question: its highest-scored choice's text. */
export function countedAnswer(question: QuestionAggregate): string | null {
  if (!question.yes || question.type === 'boolean') return null;
  const value = question.yes.value;
  return question.distribution?.find((c) => c.value === value)?.text ?? String(value);
}

export interface Extremes {
  highest: QuestionAggregate;
  lowest: QuestionAggregate;
}

/** The questions with the highest and lowest yes-share among those anyone answered. */
export function extremes(questions: readonly QuestionAggregate[]): Extremes | null {
  const answered = questions.filter((q) => q.yes && q.n > 0);
  if (answered.length === 0) return null;
  const byShare = [...answered].sort((a, b) => (b.yes?.share ?? 0) - (a.yes?.share ?? 0));
  return { highest: byShare[0]!, lowest: byShare[byShare.length - 1]! };
}
