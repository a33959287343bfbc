/**
 * The scoring function: a pure function of survey JSON and answers, shared by the web preview, the
 * API (submit, re-scoring, score preview) and reports. Rules are documented in docs/scoring.md.
 */
import { bandForShare } from './bands';
import type { Values } from './expression';
import type { QuestionScore, ScoreOverride, ScoreResult, SectionScore } from './score.schema';
import { compileScoring, type QuestionPlan, type ScoringPlan } from './scoring-plan';
import { canonicalJson, isJsonObject } from './survey-json';
import { resolveVisibility } from './visibility';

export interface ScoreOptions {
  /** Kansli overrides, stored separately by the API; they replace computed points but are marked. */
  overrides?: readonly ScoreOverride[];
}

/**
 * An override of a question the survey does not have. A RangeError, as before; `text` says it for
 * people in both languages (the English `message` is for logs).
 */
export class UnknownOverrideError extends RangeError {
  readonly text: { sv: string; en: string };
  constructor(readonly question: string) {
    super(`Override for unknown question "${question}".`);
    this.name = 'UnknownOverrideError';
    this.text = {
      sv: `Det finns en justering av frågan ${question}, men frågan finns inte i enkäten. Ta bort justeringen eller lägg till frågan.`,
      en: `There is an override of question ${question}, but the question is not in the survey. Remove the override or add the question.`,
    };
  }
}

/** Rounds away floating-point noise from sums of fractional points. */
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Computed points of one visible question for its answer value. */
export function questionPoints(question: QuestionPlan, value: unknown): number {
  if (question.gate || value === undefined || value === null) return 0;
  switch (question.kind) {
    case 'choice':
      return question.choiceScores.get(String(value)) ?? 0;
    case 'checkbox': {
      if (!Array.isArray(value)) return 0;
      const chosen = new Set(value.map(String));
      let sum = 0;
      for (const item of chosen) sum += question.choiceScores.get(item) ?? 0;
      return question.cap === undefined ? sum : Math.min(sum, question.cap);
    }
    case 'boolean':
      if (value === question.valueTrue) return question.scoreTrue;
      return value === (question.json.valueFalse ?? false) ? question.scoreFalse : 0;
    case 'number': {
      const n = numberFrom(value);
      if (n === undefined) return 0;
      const band = question.numberBands.find(
        (b) => (b.min === undefined || n >= b.min) && (b.max === undefined || n < b.max),
      );
      return band?.score ?? 0;
    }
    case 'none':
      return 0;
  }
}

/** True when a gate question's answer counts as yes: true, a choice scored > 0, or "ja"/"yes". */
export function passesGate(question: QuestionPlan, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (question.kind === 'boolean') return value === question.valueTrue;
  if ((question.choiceScores.get(String(value)) ?? 0) > 0) return true;
  return value === true || (typeof value === 'string' && ['ja', 'yes'].includes(value.trim().toLowerCase()));
}

function evaluate(plan: ScoringPlan, answers: Values, overrides: readonly ScoreOverride[]): ScoreResult {
  const { visible, value } = resolveVisibility(plan, answers);
  const overrideOf = new Map(overrides.map((o) => [o.question, o.points]));
  for (const name of overrideOf.keys()) {
    if (!plan.byName.has(name)) throw new UnknownOverrideError(name);
  }
  const pageSums = plan.pages.map(() => 0);
  const questions: QuestionScore[] = [];
  let gatePassed = true;

  plan.questions.forEach((q, i) => {
    const isVisible = visible[i] === true;
    if (q.gate && isVisible && !passesGate(q, value[i])) gatePassed = false;
    const computed = isVisible ? questionPoints(q, value[i]) : 0;
    const override = overrideOf.get(q.name);
    if (q.max === 0 && override === undefined) return;
    const points = override ?? computed;
    pageSums[q.pageIndex] = (pageSums[q.pageIndex] ?? 0) + points;
    questions.push(
      override === undefined
        ? { name: q.name, points: round(points), max: q.max }
        : { name: q.name, points: round(points), max: q.max, computedPoints: round(computed) },
    );
  });

  const sections: SectionScore[] = plan.pages.map((page, i) => {
    const sum = pageSums[i] ?? 0;
    // Capped so kansli overrides never lift a section above its maximum.
    const total = Math.min(sum, page.max);
    // The English title is kept so a later year's English scorecard can title an area only this year had.
    return {
      name: page.name,
      title: page.title,
      ...(page.titleEn === undefined ? {} : { titleEn: page.titleEn }),
      total: round(total),
      max: round(page.max),
    };
  });
  const total = round(sections.reduce((acc, s) => acc + s.total, 0));
  const max = round(plan.max);
  const share = max > 0 ? Math.min(1, total / max) : 0;
  const band = gatePassed && max > 0 ? bandForShare(plan.bands, share) : null;
  return { total, max, share, band, gatePassed, sections, questions };
}

/**
 * Scores one response against the survey's scoring properties.
 * Returns the total, maximum, share of maximum, band (null when the gate fails or the survey has
 * no points), gate result, and per-section and per-question points.
 * @throws ScoringConfigError when the survey's scoring is malformed; UnknownOverrideError (a
 *   RangeError) for an override of a question that is not in the survey.
 */
export function score(surveyJson: object, answers: Values, options: ScoreOptions = {}): ScoreResult {
  return evaluate(compileScoring(surveyJson), answers, options.overrides ?? []);
}

/**
 * A response's effective score, the one meaning of a stored score: its answers scored with the
 * kansli's overrides (the latest per question wins) of the questions still in the survey. Overrides
 * of questions a survey edit removed stay stored but count nowhere. Submit, an adjustment, re-scoring
 * and publishing all store this, so every reader (review, export, scorecard, report) uses it as is.
 * @throws ScoringConfigError when the survey's scoring is malformed.
 */
export function scoreWithOverrides(
  surveyJson: object,
  answers: Values,
  overrides: ReadonlyArray<{ question: string; points: number }>,
): ScoreResult {
  const plan = compileScoring(surveyJson);
  const kept = overrides
    .filter((o) => plan.byName.has(o.question))
    .map(({ question, points }) => ({ question, points }));
  return evaluate(plan, answers, kept);
}

/**
 * Whether a stored score is the one scoring gives now (`fresh`), so re-scoring, the review's
 * "re-score needed" and the count of stale scores agree. A section stored without an English title
 * is compared without one: scores stored before sections kept it would otherwise all look stale.
 */
export function sameStoredScore(stored: unknown, fresh: ScoreResult): boolean {
  if (!isJsonObject(stored)) return false;
  const storedSections: unknown[] = Array.isArray(stored.sections) ? stored.sections : [];
  const storedEnglish = new Set(
    storedSections.flatMap((s) => (isJsonObject(s) && s.titleEn !== undefined ? [s.name] : [])),
  );
  const comparable = {
    ...fresh,
    sections: fresh.sections.map(({ titleEn, ...section }) =>
      titleEn === undefined || !storedEnglish.has(section.name) ? section : { ...section, titleEn },
    ),
  };
  return canonicalJson(stored) === canonicalJson(comparable);
}
