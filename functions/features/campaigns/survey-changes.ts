/**
 * What a survey edit changed, for the audit trail: which questions were added, removed and changed
 * (by name, comparing each question's JSON), which pages changed otherwise (their own settings,
 * which questions they hold and in what order), and the size before and after. Names only, never
 * the survey itself, so an audit entry stays a few KB however large the survey is.
 */

import type { RemovedQuestions } from '../../../shared/schemas/campaign.schema';
import { canonicalJson, isJsonObject, localText, walkSurvey } from '../../../shared/scoring/survey-json';

type Json = Record<string, unknown>;

/** At most this many names per list; `more` counts the rest. */
export const MAX_NAMES = 50;

/** A list of names as the audit records it: the first MAX_NAMES, and how many more were left out. */
export interface CappedNames {
  names: string[];
  more: number;
}

export interface SurveySize {
  pages: number;
  questions: number;
}

export interface SurveyChanges {
  before: SurveySize;
  after: SurveySize;
  added: CappedNames;
  removed: CappedNames;
  changed: CappedNames;
  /** Pages added, removed, or whose own settings or questions (which, in what order) changed. */
  pagesChanged: CappedNames;
  /** Whether the survey's own settings (title, progress bar, score bands…) changed. */
  settingsChanged: boolean;
}

/** The changes from `before` to `after`; undefined when they are the same survey. */
export function surveyChanges(before: unknown, after: unknown): SurveyChanges | undefined {
  if (sameJson(before, after)) return undefined;
  const a = readSurvey(before);
  const b = readSurvey(after);
  const added = [...b.questions.keys()].filter((name) => !a.questions.has(name));
  const removed = [...a.questions.keys()].filter((name) => !b.questions.has(name));
  const changed = [...b.questions.keys()].filter(
    (name) => a.questions.has(name) && !sameJson(a.questions.get(name), b.questions.get(name)),
  );
  const pageNames = [...new Set([...a.pages.keys(), ...b.pages.keys()])];
  const pagesChanged = pageNames.filter((name) => !sameJson(a.pages.get(name), b.pages.get(name)));
  return {
    before: { pages: a.pages.size, questions: a.questions.size },
    after: { pages: b.pages.size, questions: b.questions.size },
    added: capped(added),
    removed: capped(removed),
    changed: capped(changed),
    pagesChanged: capped(pagesChanged),
    settingsChanged: !sameJson(a.settings, b.settings),
  };
}

interface ReadSurvey {
  /** Survey-level settings: everything but the pages. */
  settings: Json;
  /** Each page's outline: its own settings with its elements as question names (panels kept as panels). */
  pages: Map<string, unknown>;
  /** Each question's JSON by name. */
  questions: Map<string, unknown>;
}

function readSurvey(survey: unknown): ReadSurvey {
  const questions = new Map<string, unknown>();
  const pages = new Map<string, unknown>();
  const { pages: pageList, ...settings } = isJsonObject(survey) ? survey : {};
  const outline = (elements: unknown): unknown[] =>
    (Array.isArray(elements) ? elements : []).map((element) => {
      if (!isJsonObject(element)) return element;
      if (element.type === 'panel') {
        const { elements: inner, ...own } = element;
        return { ...own, elements: outline(inner) };
      }
      const name = typeof element.name === 'string' ? element.name : JSON.stringify(element);
      questions.set(name, element);
      return name;
    });
  (Array.isArray(pageList) ? pageList : []).forEach((page, index) => {
    if (!isJsonObject(page)) return;
    const { elements, ...own } = page;
    const name = typeof page.name === 'string' && page.name !== '' ? page.name : `page${index + 1}`;
    pages.set(name, { ...own, elements: outline(elements) });
  });
  return { settings, pages, questions };
}

/** A question whose answers a survey edit would lose, with its title as the stored survey has it. */
export type RemovedQuestion = RemovedQuestions[number]['questions'][number];

/**
 * The questions of `before` that `after` no longer has as questions members answer: removed,
 * renamed, or hidden for good (`visible: false` without a condition). Autosave keeps only the
 * answers to the survey's questions as walkSurvey finds them (shared/survey-validation), so these
 * are the answers the next save of each draft drops. Every name, in survey order, once.
 */
export function removedQuestions(before: unknown, after: unknown): RemovedQuestion[] {
  const kept = new Set(walkSurvey(after).questions.map((question) => question.name));
  const removed = new Map<string, RemovedQuestion>();
  for (const { name, json } of walkSurvey(before).questions) {
    if (!kept.has(name) && !removed.has(name)) removed.set(name, { name, title: localText(json.title) ?? name });
  }
  return [...removed.values()];
}

function capped(names: string[]): CappedNames {
  return { names: names.slice(0, MAX_NAMES), more: Math.max(0, names.length - MAX_NAMES) };
}

/** Whether two JSON values are equal, whatever the order of their objects' keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
