import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The address bar's fragment, kept current. A sign-in link pasted into a tab already on /login
 * changes only the fragment, and the browser neither reloads nor tells the router.
 */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
