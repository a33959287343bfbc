/**
 * Three-way merge of survey answers after a version conflict. `base` is what the server held when
 * this page last loaded or saved; `mine` is the page's answers now; `theirs` is what the server
 * holds now. A question only one side changed takes that side's answer without asking; a question
 * both sides changed differently is a conflict the person must decide. Nothing is dropped silently.
 */
export type Answers = Record<string, unknown>;

export type Choice = 'mine' | 'theirs';

export interface QuestionConflict {
  name: string;
  mine: unknown;
  theirs: unknown;
}

export interface ConflictAnalysis {
  /** Both sides changed the question to different answers: the person chooses. */
  conflicts: QuestionConflict[];
  /** Only the other side changed these: their answer is taken. */
  takenFromTheirs: string[];
  /** Only this side changed these: my answer is kept. */
  keptFromMine: string[];
}

/** Deep equality for JSON values; key order does not matter, and missing, null and '' are all "no answer". */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return canonical(a) === canonical(b);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function keysOf(...all: Answers[]): string[] {
  const keys = new Set<string>();
  for (const answers of all) for (const key of Object.keys(answers)) keys.add(key);
  return [...keys].sort();
}

/**
 * `names` in the survey's order: `order` lists the data keys as the survey asks them (a question,
 * then its `-Comment`); keys not in it (no longer questions) come last, alphabetically.
 */
export function inSurveyOrder(names: readonly string[], order: readonly string[]): string[] {
  const position = new Map(order.map((name, index) => [name, index]));
  const at = (name: string) => position.get(name) ?? Number.POSITIVE_INFINITY;
  return [...names].sort((a, b) => at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The question a follow-up field belongs to, for context where many share a title ("Länk till
 * underlag", "Kommentar (valfri)"): the survey names them `<question>_url`, `<question>_comment`…,
 * so it is the name without its last `_part`, when that is a question (`isQuestion`).
 */
export function mainQuestionOf(name: string, isQuestion: (name: string) => boolean): string | null {
  const cut = name.lastIndexOf('_');
  if (cut <= 0) return null;
  const main = name.slice(0, cut);
  return isQuestion(main) ? main : null;
}

/**
 * What differs between the three versions. With `order` (the survey's data keys in the order it
 * asks them, see `inSurveyOrder`), every list follows the survey; otherwise the names' order.
 */
export function analyseConflict(
  base: Answers,
  mine: Answers,
  theirs: Answers,
  order?: readonly string[],
): ConflictAnalysis {
  const result: ConflictAnalysis = { conflicts: [], takenFromTheirs: [], keptFromMine: [] };
  const names = keysOf(base, mine, theirs);
  for (const name of order ? inSurveyOrder(names, order) : names) {
    const [b, m, t] = [base[name], mine[name], theirs[name]];
    if (sameAnswer(m, t)) continue;
    const iChanged = !sameAnswer(b, m);
    const theyChanged = !sameAnswer(b, t);
    if (iChanged && theyChanged) result.conflicts.push({ name, mine: m, theirs: t });
    else if (theyChanged) result.takenFromTheirs.push(name);
    else result.keptFromMine.push(name);
  }
  return result;
}

/**
 * The merged answers. `choices` decides each conflict; a conflict without a choice keeps mine only
 * if `defaultChoice` says so (callers ask the person first, so normally every conflict has one).
 */
export function mergeAnswers(
  base: Answers,
  mine: Answers,
  theirs: Answers,
  choices: Record<string, Choice>,
  defaultChoice: Choice = 'mine',
): Answers {
  const merged: Answers = {};
  for (const name of keysOf(base, mine, theirs)) {
    const [b, m, t] = [base[name], mine[name], theirs[name]];
    let value: unknown;
    if (sameAnswer(m, t)) value = m;
    else if (sameAnswer(b, m)) value = t;
    else if (sameAnswer(b, t)) value = m;
    else value = (choices[name] ?? defaultChoice) === 'theirs' ? t : m;
    if (value !== undefined) merged[name] = value;
  }
  return merged;
}

/** Every conflict resolved to `choice`, e.g. "Ta alla deras svar". */
export function chooseAll(analysis: ConflictAnalysis, choice: Choice): Record<string, Choice> {
  return Object.fromEntries(analysis.conflicts.map((c) => [c.name, choice]));
}

/** The conflicts that still have no choice. */
export function unresolved(analysis: ConflictAnalysis, choices: Record<string, Choice>): string[] {
  return analysis.conflicts.filter((c) => !choices[c.name]).map((c) => c.name);
}

/** Answers that differ between two versions, e.g. to skip a save when nothing changed. */
export function changedQuestions(before: Answers, after: Answers): string[] {
  return keysOf(before, after).filter((name) => !sameAnswer(before[name], after[name]));
}
