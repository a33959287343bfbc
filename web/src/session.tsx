import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, apiClient } from './api/client';
import type { Me } from './api/types';

type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

interface SessionValue {
  state: SessionState;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in, read once from GET /api/me and updated by sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Each change gets a number, so a slow GET /api/me cannot undo a sign-in that happened meanwhile.
  const round = useRef(0);
  const refresh = useCallback(async () => {
    const mine = ++round.current;
    let next: SessionState;
    try {
      next = { status: 'signed-in', me: await apiClient.me() };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.warn('GET /api/me failed', error);
      next = { status: 'signed-out' };
    }
    if (mine === round.current) setState(next);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const setMe = useCallback((me: Me | null) => {
    round.current++;
    setState(me ? { status: 'signed-in', me } : { status: 'signed-out' });
  }, []);
  const logout = useCallback(async () => {
    try {
      await apiClient.logout();
    } finally {
      round.current++;
      setState({ status: 'signed-out' });
    }
  }, []);
  const value = useMemo(() => ({ state, setMe, refresh, logout }), [state, setMe, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
