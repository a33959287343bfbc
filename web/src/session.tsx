import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, apiClient, onNotAuthenticated } from './api/client';
import type { Me } from './api/types';
import { nextSession, type SessionEvent, type SessionState } from './session-state';

export type { SessionState } from './session-state';

interface SessionValue {
  state: SessionState;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  /**
   * The open page has nothing to keep after its session ended (it could not even load): leave it,
   * so the pages behind sign-in send the person to /login and back here afterwards.
   */
  leave: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Who is signed in: read once from GET /api/me, updated by sign-in and sign-out, and by every API
 * request that answers 401 not_authenticated (the session ended during use, e.g. after 12 hours).
 * Then the open page stays as it is, the header shows nobody signed in, and the app shell offers
 * to sign in again; once the person has (in another tab), coming back to this tab picks it up.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const current = useRef(state);
  const dispatch = useCallback((event: SessionEvent) => {
    setState((previous) => {
      const next = nextSession(previous, event);
      current.current = next;
      return next;
    });
  }, []);
  const [location] = useLocation();

  const refresh = useCallback(async () => {
    let me: Me | null;
    try {
      me = await apiClient.me();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.warn('GET /api/me failed', error);
      me = null;
    }
    const before = current.current;
    if (before.status === 'ended' && me && me.email !== before.me.email) {
      // Someone else signed in in another tab: this page holds the other person's work and must not
      // save it under their name. Start over as the one signed in now.
      window.location.reload();
      return;
    }
    dispatch({ type: 'checked', me });
  }, [dispatch]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Any request, anywhere in the app, that finds no session.
  useEffect(
    () => onNotAuthenticated(() => dispatch({ type: 'not-authenticated', path: window.location.pathname })),
    [dispatch],
  );

  useEffect(() => {
    dispatch({ type: 'navigated', path: location });
  }, [location, dispatch]);

  // While the session has ended, coming back to this tab (after signing in in another one) checks again.
  const ended = state.status === 'ended';
  useEffect(() => {
    if (!ended) return;
    const check = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [ended, refresh]);

  const setMe = useCallback(
    (me: Me | null) => dispatch(me ? { type: 'signed-in', me } : { type: 'signed-out' }),
    [dispatch],
  );
  const logout = useCallback(async () => {
    try {
      await apiClient.logout();
    } finally {
      dispatch({ type: 'signed-out' });
    }
  }, [dispatch]);
  const leave = useCallback(() => dispatch({ type: 'leave' }), [dispatch]);
  const value = useMemo(() => ({ state, setMe, refresh, logout, leave }), [state, setMe, refresh, logout, leave]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
