/**
 * Compiles survey JSON once into a scoring plan: per question its kind, points table, maximum and a
 * visibility predicate. Scoring a response then does no JSON walking or expression parsing.
 */
import { z } from 'zod';
import { type Condition, compileCondition, UnsupportedExpressionError } from './expression';
import {
  DEFAULT_SCORE_BANDS,
  type NumberScoreBand,
  NumberScoreBandSchema,
  type ScoreBand,
  ScoreBandSchema,
} from './score.schema';
import { choiceItems, englishText, type JsonObject, localText, type PageNode, walkSurvey } from './survey-json';

/**
 * What is wrong with a survey's scoring, as data: where (a question, a page, or the survey itself),
 * which property, and the value found. The texts for people are `scoringProblemText`'s.
 */
export interface ScoringProblem {
  /** The question the property is on; absent for a page's or the survey's own property. */
  question?: string;
  /** The page whose `maxScore` it is. */
  page?: string;
  /** The property: scoreTrue, scoreFalse, maxScore, reviewScore, score (a choice's), scoreBands, visibleIf, requiredIf. */
  property: string;
  /** The choice value, for a choice's `score`. */
  choice?: string;
  /** The value found (for an expression, the expression). */
  value?: unknown;
  reason: 'points' | 'questionBands' | 'surveyBands' | 'expression';
}

/** Thrown when the survey's scoring properties are malformed (negative points, bad bands, bad expressions). */
export class ScoringConfigError extends Error {
  /** The English `message` is for logs; people read `scoringProblemText(problem, lang)`. */
  constructor(readonly problem: ScoringProblem) {
    super(`${whereEn(problem)}: ${reasonEn(problem)}`);
    this.name = 'ScoringConfigError';
  }
}

// The log text keeps the form the editor's locator reads: "Question M3 scoreTrue: …".
function whereEn(p: ScoringProblem): string {
  if (p.question !== undefined) {
    if (p.choice !== undefined) return `Question ${p.question} choice ${p.choice}`;
    return p.property === 'scoreBands' ? `Question ${p.question}` : `Question ${p.question} ${p.property}`;
  }
  if (p.page !== undefined) return `Page ${p.page} ${p.property}`;
  return `Survey ${p.property}`;
}

function reasonEn(p: ScoringProblem): string {
  switch (p.reason) {
    case 'points':
      return `points must be a number of 0 or more, but is ${shown(p.value)}`;
    case 'questionBands':
      return 'scoreBands must be a list of [{min?, max?, score ≥ 0}]';
    case 'surveyBands':
      return 'scoreBands must be a list of at least one [{minShare 0–1, label}]';
    case 'expression':
      return `the expression ${shown(p.value)} is not supported`;
  }
}

function reasonSv(p: ScoringProblem): string {
  switch (p.reason) {
    case 'points':
      return `poängen måste vara ett tal som är 0 eller större, men är ${shown(p.value)}`;
    case 'questionBands':
      return 'scoreBands måste vara en lista med [{min?, max?, score ≥ 0}]';
    case 'surveyBands':
      return 'scoreBands måste vara en lista med minst ett [{minShare 0–1, label}]';
    case 'expression':
      return `uttrycket ${shown(p.value)} stöds inte`;
  }
}

/** The value as written in the JSON, so a number in quotes shows its quotes. */
function shown(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * The problem in words, naming the question (or page), the property and the value, in Swedish or
 * English: "frågan M3, egenskapen scoreTrue: poängen måste vara … men är "3"".
 */
export function scoringProblemText(p: ScoringProblem, lang: 'sv' | 'en'): string {
  const sv = lang === 'sv';
  let where: string;
  if (p.question !== undefined && p.choice !== undefined) {
    where = sv
      ? `frågan ${p.question}, svarsalternativet ${p.choice} (score)`
      : `question ${p.question}, choice ${p.choice} (score)`;
  } else if (p.question !== undefined) {
    where = sv ? `frågan ${p.question}, egenskapen ${p.property}` : `question ${p.question}, property ${p.property}`;
  } else if (p.page !== undefined) {
    where = sv ? `sidan ${p.page}, egenskapen ${p.property}` : `page ${p.page}, property ${p.property}`;
  } else {
    where = sv ? `enkätens ${p.property}` : `the survey's ${p.property}`;
  }
  return `${where}: ${sv ? reasonSv(p) : reasonEn(p)}`;
}

export type ScoringKind = 'choice' | 'checkbox' | 'boolean' | 'number' | 'none';

export interface QuestionPlan {
  name: string;
  title: string;
  type: string;
  pageIndex: number;
  kind: ScoringKind;
  gate: boolean;
  /** Points the question can give by the rules; 0 for gates and unscored questions. */
  max: number;
  /**
   * Points only the kansli awards on this question in its review (an override): its `reviewScore`,
   * or for a survey written before that property, its page's remainder (see `reviewQuestionOf`).
   * Not part of `max`: the rules never give them, so they stay out of the question lists and
   * yes-shares; the page's maximum holds them.
   */
  reviewMax: number;
  /** Choice value (as string) → score. */
  choiceScores: Map<string, number>;
  cap: number | undefined;
  scoreTrue: number;
  scoreFalse: number;
  valueTrue: unknown;
  numberBands: NumberScoreBand[];
  /** False for display-like questions (expression) and read-only prefilled ones. */
  answerable: boolean;
  isRequired: Condition;
  /** Null when the question is always visible. */
  isVisible: Condition | null;
  json: JsonObject;
}

export interface PagePlan {
  name: string;
  title: string;
  /** The page's English title, when the survey has one. */
  titleEn?: string;
  /** Page maximum: its `maxScore` when set, else the sum of its questions' maxima. Totals are capped at it. */
  max: number;
}

export interface ScoringPlan {
  pages: PagePlan[];
  questions: QuestionPlan[];
  byName: Map<string, QuestionPlan>;
  /** Question index by name and by lower-cased name (SurveyJS matches variables case-insensitively). */
  indexOf: Map<string, number>;
  bands: ScoreBand[];
  max: number;
  hasConditions: boolean;
}

const CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'imagepicker', 'buttongroup']);
const MULTI_CHOICE_TYPES = new Set(['checkbox', 'tagbox']);
const NUMBER_INPUT_TYPES = new Set(['number', 'range']);

type Where = Pick<ScoringProblem, 'question' | 'page' | 'property' | 'choice'>;

function points(value: unknown, where: Where): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ScoringConfigError({ ...where, value, reason: 'points' });
  }
  return value;
}

function condition(expression: unknown, where: Where): Condition | null {
  if (typeof expression !== 'string' || expression.trim() === '') return null;
  try {
    return compileCondition(expression);
  } catch (error) {
    if (error instanceof UnsupportedExpressionError) {
      throw new ScoringConfigError({ ...where, value: expression, reason: 'expression' });
    }
    throw error;
  }
}

function all(predicates: Condition[]): Condition | null {
  if (predicates.length === 0) return null;
  if (predicates.length === 1) return predicates[0]!;
  return (read) => predicates.every((predicate) => predicate(read));
}

function kindOf(question: JsonObject, type: string): ScoringKind {
  if (CHOICE_TYPES.has(type)) return question.multiSelect === true ? 'checkbox' : 'choice';
  if (MULTI_CHOICE_TYPES.has(type)) return 'checkbox';
  if (type === 'boolean') return 'boolean';
  if (type === 'text' && NUMBER_INPUT_TYPES.has(String(question.inputType)) && question.scoreBands !== undefined) {
    return 'number';
  }
  return 'none';
}

// Built once: a zod schema costs far more to construct than to run. Parsed without zod's compiled
// fast path (jitless): each runs a few times per survey, and compiling one cost a cold autosave ~2 ms.
const NumberScoreBandsSchema = z.array(NumberScoreBandSchema);
const SurveyScoreBandsSchema = z.array(ScoreBandSchema).min(1);

function parseNumberBands(raw: unknown, question: string): NumberScoreBand[] {
  const parsed = NumberScoreBandsSchema.safeParse(raw, { jitless: true });
  if (!parsed.success) {
    throw new ScoringConfigError({ question, property: 'scoreBands', value: raw, reason: 'questionBands' });
  }
  return parsed.data;
}

function parseSurveyBands(raw: unknown): ScoreBand[] {
  if (raw === undefined) return [...DEFAULT_SCORE_BANDS];
  const parsed = SurveyScoreBandsSchema.safeParse(raw, { jitless: true });
  if (!parsed.success) throw new ScoringConfigError({ property: 'scoreBands', value: raw, reason: 'surveyBands' });
  return [...parsed.data].sort((a, b) => b.minShare - a.minShare);
}

function compileQuestion(node: ReturnType<typeof walkSurvey>['questions'][number]): QuestionPlan {
  const { json, name, type } = node;
  const on = (property: string): Where => ({ question: name, property });
  const kind = kindOf(json, type);
  const gate = json.gate === true;
  const choiceScores = new Map<string, number>();
  for (const item of choiceItems(json))
    choiceScores.set(
      String(item.value),
      points(item.score, { question: name, property: 'score', choice: String(item.value) }),
    );
  const cap = json.maxScore === undefined ? undefined : points(json.maxScore, on('maxScore'));
  const scoreTrue = points(json.scoreTrue, on('scoreTrue'));
  const scoreFalse = points(json.scoreFalse, on('scoreFalse'));
  const numberBands = kind === 'number' ? parseNumberBands(json.scoreBands, name) : [];
  const reviewScore = points(json.reviewScore, on('reviewScore'));

  let max = 0;
  if (kind === 'choice') max = Math.max(0, ...choiceScores.values());
  else if (kind === 'checkbox') {
    const sum = [...choiceScores.values()].reduce((acc, score) => acc + score, 0);
    max = cap === undefined ? sum : Math.min(sum, cap);
  } else if (kind === 'boolean') max = Math.max(scoreTrue, scoreFalse);
  else if (kind === 'number') max = Math.max(0, ...numberBands.map((band) => band.score));

  const required = json.isRequired === true;
  const requiredIf = condition(json.requiredIf, on('requiredIf'));
  return {
    name,
    title: localText(json.title) ?? name,
    type,
    pageIndex: node.page.index,
    kind,
    gate,
    max: gate ? 0 : max,
    reviewMax: gate ? 0 : reviewScore,
    choiceScores,
    cap,
    scoreTrue,
    scoreFalse,
    valueTrue: json.valueTrue ?? true,
    numberBands,
    answerable: type !== 'expression' && json.readOnly !== true,
    isRequired: required ? () => true : (requiredIf ?? (() => false)),
    isVisible: all(
      node.conditions.map((expression) => condition(expression, on('visibleIf'))!).filter((fn) => fn !== null),
    ),
    json,
  };
}

function compilePage(page: PageNode, questions: QuestionPlan[]): PagePlan {
  const own = questions.filter((q) => q.pageIndex === page.index);
  const sum = own.reduce((acc, q) => acc + q.max + q.reviewMax, 0);
  const cap =
    page.json.maxScore === undefined
      ? undefined
      : points(page.json.maxScore, { page: page.name, property: 'maxScore' });
  const titleEn = englishText(page.json.title);
  const plan: PagePlan = {
    name: page.name,
    title: localText(page.json.title) ?? page.name,
    ...(titleEn === undefined ? {} : { titleEn }),
    max: cap ?? sum,
  };
  // A survey from before `reviewScore` (campaigns copy their predecessor's): the page's `maxScore`
  // above its questions' maxima is the review point, awarded on its one free-text question (S6).
  const remainder = Math.round((plan.max - sum) * 1e6) / 1e6;
  if (remainder > 0 && !own.some((q) => q.reviewMax > 0)) {
    const question = reviewQuestionOf(own, questions);
    if (question) question.reviewMax = remainder;
  }
  return plan;
}

const FREE_TEXT_INPUT_TYPES = new Set([undefined, 'text']);

/**
 * The question of a page that takes the page's review points when no question sets `reviewScore`:
 * its only free-text question (comment or plain text) that gives no points, is answerable, and is
 * not another question's `_comment` or `_url`. Undefined when there is none or more than one, so
 * nothing becomes adjustable by guess.
 */
function reviewQuestionOf(own: QuestionPlan[], all: QuestionPlan[]): QuestionPlan | undefined {
  const names = new Set(all.map((q) => q.name));
  const companion = (name: string) => /_(comment|url)$/.test(name) && names.has(name.replace(/_(comment|url)$/, ''));
  const candidates = own.filter(
    (q) =>
      q.max === 0 &&
      !q.gate &&
      q.answerable &&
      q.isVisible === null &&
      (q.type === 'comment' ||
        (q.type === 'text' && FREE_TEXT_INPUT_TYPES.has(q.json.inputType as string | undefined))) &&
      !companion(q.name),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * The most points the kansli may set on a question in its review: what the rules can give plus its
 * review points. 0 for a question that gives no points (a gate, a comment): nothing to adjust.
 */
export function adjustableMax(question: Pick<QuestionPlan, 'max' | 'reviewMax'>): number {
  return Math.round((question.max + question.reviewMax) * 1e6) / 1e6;
}

/** `adjustableMax` of every question that has one above 0, by name, for the review page. */
export function adjustableMaxima(surveyJson: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const question of compileScoring(surveyJson).questions) {
    const max = adjustableMax(question);
    if (max > 0) out[question.name] = max;
  }
  return out;
}

function compile(surveyJson: object): ScoringPlan {
  const walked = walkSurvey(surveyJson);
  const questions = walked.questions.map(compileQuestion);
  const pages = walked.pages.map((page) => compilePage(page, questions));
  return {
    pages,
    questions,
    byName: new Map(questions.map((q) => [q.name, q])),
    indexOf: new Map(questions.flatMap((q, i) => [[q.name.toLowerCase(), i] as const, [q.name, i] as const])),
    bands: parseSurveyBands((surveyJson as JsonObject).scoreBands),
    max: pages.reduce((acc, page) => acc + page.max, 0),
    hasConditions: questions.some((q) => q.isVisible !== null),
  };
}

const plans = new WeakMap<object, ScoringPlan>();

/**
 * Returns the scoring plan of a survey JSON object, compiled on first use and cached by object
 * identity (so do not mutate a survey JSON after scoring with it; pass a new object instead).
 * @throws TypeError when the JSON is not an object; ScoringConfigError when its scoring is malformed.
 */
export function compileScoring(surveyJson: object): ScoringPlan {
  const cached = plans.get(surveyJson);
  if (cached) return cached;
  const plan = compile(surveyJson);
  plans.set(surveyJson, plan);
  return plan;
}
