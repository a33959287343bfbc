/** Pure helpers of the survey editor: question titles, example answers, editor diagnostics. */

import type { RemovedQuestions } from '../../../../../shared/schemas/campaign.schema';
import { walkSurvey } from '../../../../../shared/scoring/survey-json';
import { duplicateNames } from '../../../../../shared/survey-validation/duplicate-names';
import { ApiError } from '../../../api/client';
import type { Lang } from '../../../i18n';
import { localized } from '../../../lib/survey-summary';
import { type JsonRange, locate, pathOfScoringMessage, pathTo } from '../lib/json-locate';

type Json = Record<string, unknown>;

export interface QuestionInfo {
  name: string;
  title: string;
  page: string;
  pageTitle: string;
}

function elementsOf(node: Json): Json[] {
  return [...((node.elements as Json[] | undefined) ?? []), ...((node.templateElements as Json[] | undefined) ?? [])];
}

/** Every named question in survey order with its page. */
export function questionIndex(survey: unknown, lang: Lang): Map<string, QuestionInfo> {
  const out = new Map<string, QuestionInfo>();
  const pages = ((survey as Json | null)?.pages as Json[] | undefined) ?? [];
  for (const page of pages) {
    const pageName = String(page.name ?? '');
    const pageTitle = localized(page.title as never, lang) || pageName;
    const walk = (elements: Json[]) => {
      for (const element of elements) {
        if (element.type === 'panel' || element.type === 'paneldynamic') walk(elementsOf(element));
        if (typeof element.name === 'string' && element.type !== 'panel') {
          out.set(element.name, {
            name: element.name,
            title: localized(element.title as never, lang) || element.name,
            page: pageName,
            pageTitle,
          });
        }
      }
    };
    walk(elementsOf(page));
  }
  return out;
}

/**
 * Each page's title in `lang` by the page's name (`page<N>` for one without, as the scoring names
 * it), for the section sums: the score preview titles sections in Swedish whatever the language.
 */
export function pageTitles(survey: unknown, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  const pages = ((survey as Json | null)?.pages as unknown[] | undefined) ?? [];
  pages.forEach((page, index) => {
    if (!page || typeof page !== 'object') return;
    const { name, title } = page as Json;
    const key = typeof name === 'string' && name !== '' ? name : `page${index + 1}`;
    out.set(key, localized(title as never, lang) || key);
  });
  return out;
}

/**
 * Answers that earn the most points, for trying the scoring out: the highest-scored choice, every
 * scored checkbox choice, true for a boolean worth more than false, the best number band.
 */
export function bestAnswers(survey: unknown): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const visit = (elements: Json[]) => {
    for (const element of elements) {
      if (Array.isArray(element.elements)) visit(element.elements as Json[]);
      const name = element.name;
      if (typeof name !== 'string' || element.readOnly) continue;
      const choices = (element.choices as unknown[] | undefined)?.filter(
        (c): c is { value: unknown; score?: number } => typeof c === 'object' && c !== null && 'value' in c,
      );
      switch (element.type) {
        case 'radiogroup':
        case 'dropdown': {
          const best = [...(choices ?? [])].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
          if (best && (best.score ?? 0) > 0) data[name] = best.value;
          break;
        }
        case 'checkbox':
        case 'tagbox': {
          const scored = (choices ?? []).filter((c) => (c.score ?? 0) > 0).map((c) => c.value);
          if (scored.length) data[name] = scored;
          break;
        }
        case 'boolean':
          if (element.gate || Number(element.scoreTrue ?? 0) >= Number(element.scoreFalse ?? 0)) data[name] = true;
          break;
        case 'text': {
          const bands = element.scoreBands as Array<{ min?: number; max?: number; score: number }> | undefined;
          const best = [...(bands ?? [])].sort((a, b) => b.score - a.score)[0];
          if (best && best.score > 0) data[name] = best.min ?? (best.max !== undefined ? best.max - 1 : 0);
          break;
        }
      }
    }
  };
  for (const page of ((survey as Json | null)?.pages as Json[] | undefined) ?? []) visit(elementsOf(page));
  return data;
}

export interface EditorProblem extends JsonRange {
  severity: 'error' | 'warning';
  message: string;
  source: 'schema' | 'scoring' | 'structure';
}

/** survey-core's JsonError, as much as the editor needs. */
export interface ModelJsonError {
  message: string;
  jsonObj?: unknown;
  propertyName?: string;
}

/** survey-core's complaints about the JSON (unknown properties, unknown types) placed in the text. */
export function schemaProblems(text: string, parsed: unknown, errors: readonly ModelJsonError[]): EditorProblem[] {
  return errors.map((error) => {
    const path = error.jsonObj ? pathTo(parsed, error.jsonObj) : null;
    const range = (path &&
      locate(text, error.propertyName ? [...path, error.propertyName] : path, {
        key: Boolean(error.propertyName),
      })) ?? { from: 0, to: 1 };
    return { ...range, severity: 'warning', message: error.message, source: 'schema' };
  });
}

/**
 * The score-preview's 422 placed where it points. `details` (the error's: `{question, property,
 * choice?}` or `{page, property}`, or a list of them from a save) says where; without them the
 * message is read, in Swedish or English ("frågan M3, egenskapen scoreTrue: …", "question M3,
 * property scoreTrue: …") or the older log form ("Question M1 choice ja: …").
 */
export function scoringProblem(text: string, parsed: unknown, message: string, details?: unknown): EditorProblem {
  const path = pathOfScoringMessage(parsed, scoringWhere(details) ?? scoringWhereInText(message) ?? message);
  const range = (path && locate(text, path)) ?? { from: 0, to: 1 };
  return { ...range, severity: 'error', message, source: 'scoring' };
}

/** Where a scoring error's details point, in the form `pathOfScoringMessage` reads ("Question M3 scoreTrue:"). */
function scoringWhere(details: unknown): string | null {
  const first = Array.isArray(details) ? details[0] : details;
  if (!first || typeof first !== 'object') return null;
  const { question, page, property, choice } = first as Record<string, unknown>;
  const prop = typeof property === 'string' && /^\w+$/.test(property) ? ` ${property}` : '';
  if (typeof question === 'string' && question) {
    return typeof choice === 'string' ? `Question ${question} choice ${choice}:` : `Question ${question}${prop}:`;
  }
  if (typeof page === 'string' && page) return `Page ${page}${prop}:`;
  return null;
}

/** The same from the message's words (Swedish or English), for an error that came without details. */
function scoringWhereInText(message: string): string | null {
  const choice = /(?:frågan|question) ([^\s,:]+), (?:svarsalternativet|choice) (.+?) \(score\):/.exec(message);
  if (choice) return `Question ${choice[1]} choice ${choice[2]}:`;
  const question = /(?:frågan|question) ([^\s,:]+), (?:egenskapen|property) (\w+):/.exec(message);
  if (question) return `Question ${question[1]} ${question[2]}:`;
  const page = /(?:sidan|page) ([^\s,:]+), (?:egenskapen|property) (\w+):/.exec(message);
  if (page) return `Page ${page[1]} ${page[2]}:`;
  return null;
}

/**
 * Things SurveyJS accepts but the platform cannot use: no pages, and names used twice (the API
 * refuses a save with those with 422 duplicate_name, by the same shared check). `duplicate` may
 * say `{name}`, `{page}` (the page of the later use) and `{firstPage}`.
 */
export function structureProblems(
  text: string,
  parsed: unknown,
  messages: { noPages: string; duplicate: string; duplicatePage?: string },
): EditorProblem[] {
  const survey = parsed as Json | null;
  if (!survey || typeof survey !== 'object' || !Array.isArray(survey.pages) || survey.pages.length === 0) {
    return [{ from: 0, to: 1, severity: 'error', message: messages.noPages, source: 'structure' }];
  }
  return duplicateNames(survey).map(({ kind, name, first, again }) => ({
    ...(locate(text, [...again.path, 'name']) ?? { from: 0, to: 1 }),
    severity: 'error',
    message: fill(kind === 'page' ? (messages.duplicatePage ?? messages.duplicate) : messages.duplicate, {
      name,
      page: again.page,
      firstPage: first.page,
    }),
    source: 'structure',
  }));
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A question whose answers a survey save would lose: its name and title. */
export type RemovedQuestion = RemovedQuestions[number]['questions'][number];

/**
 * The questions of `saved` that `next` no longer has as questions members answer (removed,
 * renamed, or hidden for good with `visible: false`), judged as the API judges a survey save
 * (removedQuestions in functions/features/campaigns/survey-changes.ts, both by walkSurvey): in
 * survey order, titled in `lang`. Empty when either is not a survey.
 */
export function removedQuestions(saved: unknown, next: unknown, lang: Lang): RemovedQuestion[] {
  let before: ReturnType<typeof walkSurvey>;
  let after: ReturnType<typeof walkSurvey>;
  try {
    before = walkSurvey(saved);
    after = walkSurvey(next);
  } catch {
    return [];
  }
  const kept = new Set(after.questions.map((question) => question.name));
  const removed = new Map<string, RemovedQuestion>();
  for (const { name, json } of before.questions) {
    if (kept.has(name) || removed.has(name)) continue;
    removed.set(name, { name, title: localized(json.title as never, lang) || name });
  }
  return [...removed.values()];
}

/**
 * The questions a 409 questions_removed lists for the survey `type`, titled in `lang` from the
 * survey they are removed from where it has them (the API titles them in Swedish); null when the
 * error is not such a refusal.
 */
export function questionsRemovedIn(
  error: unknown,
  type: 'kommun' | 'region',
  saved: unknown,
  lang: Lang,
): RemovedQuestion[] | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'questions_removed') return null;
  const details = Array.isArray(error.details) ? (error.details as Partial<RemovedQuestions[number]>[]) : [];
  const listed = details.find((removal) => removal?.survey === type)?.questions;
  if (!Array.isArray(listed)) return [];
  const titles = questionIndex(saved, lang);
  return listed
    .filter((question) => typeof question?.name === 'string')
    .map(({ name, title }) => ({ name, title: titles.get(name)?.title ?? (typeof title === 'string' ? title : name) }));
}
