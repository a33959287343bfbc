/**
 * Saves an open page still owes the server (the survey's autosave). Signing out ends the session,
 * after which the server refuses them, so "Logga ut" has them sent first and asks before signing
 * out if any could not be.
 */
export type PendingSave = () => Promise<void>;

const registered = new Set<PendingSave>();

/**
 * Registers a page's "store everything pending now" (it rejects when something cannot be stored);
 * returns the function that unregisters it, for when the page goes.
 */
export function registerPendingSave(save: PendingSave): () => void {
  registered.add(save);
  return () => {
    registered.delete(save);
  };
}

/** Runs every registered save; true when all stored everything, false when any could not. */
export async function savePending(): Promise<boolean> {
  // A save that throws at once counts as one that could not store its answers.
  const results = await Promise.allSettled([...registered].map((save) => Promise.resolve().then(save)));
  return results.every((result) => result.status === 'fulfilled');
}
