/**
 * Saves an open page still owes the server (the survey's autosave). Signing out ends the session,
 * after which the server refuses them, so "Logga ut" has them sent first and asks before signing
 * out if any could not be.
 */

/**
 * Answers the page shows but cannot store until the person corrects them (a number out of range):
 * trying again cannot help, so "Logga ut" says which answers and offers to go to them.
 */
export interface AnswersToCorrect {
  /** The questions' titles, worded when asked (so in the language shown then). */
  questions: () => string[];
  /** Takes the person to the first answer to correct (its page, focus in the field). */
  correct: () => void;
}

/**
 * Stores everything pending now. Rejects when something could not be stored (with a
 * `PendingSaveFailed` when answers need correcting as well); resolves with the answers to correct
 * when all that can be stored is, but some answers cannot be until corrected.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a save that stores everything is an async function returning nothing.
export type PendingSave = () => Promise<AnswersToCorrect | void>;

/** A save that failed while answers also need correcting: "Logga ut" says both. */
export class PendingSaveFailed extends Error {
  constructor(readonly toCorrect?: AnswersToCorrect) {
    super('pending answers not saved');
  }
}

/**
 * - `saved`: everything is stored; signing out loses nothing.
 * - `to-correct`: all that can be stored is, but these answers need correcting first.
 * - `failed`: something could not be stored (the store, the network, a conflict); trying again may help.
 */
export type PendingOutcome =
  | { kind: 'saved' }
  | { kind: 'to-correct'; questions: () => string[]; correct: () => void }
  | { kind: 'failed'; toCorrect?: AnswersToCorrect };

const registered = new Set<PendingSave>();

/**
 * Registers a page's "store everything pending now" (see `PendingSave`); returns the function that
 * unregisters it, for when the page goes.
 */
export function registerPendingSave(save: PendingSave): () => void {
  registered.add(save);
  return () => {
    registered.delete(save);
  };
}

/**
 * Runs every registered save and answers what came of them. A failed save comes first (trying
 * again is the advice), with the answers to correct beside it when there are some too.
 */
export async function savePending(): Promise<PendingOutcome> {
  // A save that throws at once counts as one that could not store its answers.
  const results = await Promise.allSettled([...registered].map((save) => Promise.resolve().then(save)));
  const toCorrect: AnswersToCorrect[] = [];
  let failed = false;
  for (const result of results) {
    if (result.status === 'rejected') {
      failed = true;
      if (result.reason instanceof PendingSaveFailed && result.reason.toCorrect)
        toCorrect.push(result.reason.toCorrect);
    } else if (result.value) toCorrect.push(result.value);
  }
  const answers: AnswersToCorrect | undefined = toCorrect.length
    ? {
        questions: () => toCorrect.flatMap((each) => each.questions()),
        correct: () => toCorrect[0]?.correct(),
      }
    : undefined;
  if (failed) return answers ? { kind: 'failed', toCorrect: answers } : { kind: 'failed' };
  return answers ? { kind: 'to-correct', ...answers } : { kind: 'saved' };
}
