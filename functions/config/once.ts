/**
 * Runs `load` on the first call and hands every later call the same promise. A load that fails is
 * forgotten, so the next call (the next invocation of a Lambda instance) tries again.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
