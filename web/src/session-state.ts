import type { Me } from './api/types';

/**
 * Who is signed in, as the web app knows it.
 *
 * - `ended`: the session ended while a page was open (an API request answered 401
 *   not_authenticated). The page at `path` stays as it is, with whatever was typed into it, and
 *   the app shell offers to sign in again; the header shows nobody signed in.
 * - `signed-out` with `ended`: the person left that page (or it had nothing to keep), so the
 *   pages behind sign-in send them to /login, which says why and fills in their address.
 * - `signed-in` with `resumed`: signed in again (in another tab) while the page was kept.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; ended?: Me }
  | { status: 'signed-in'; me: Me; resumed?: boolean }
  | { status: 'ended'; me: Me; path: string };

export type SessionEvent =
  /** GET /api/me answered: `me`, or null for 401. */
  | { type: 'checked'; me: Me | null }
  /** Signed in through a link (or `setMe`). */
  | { type: 'signed-in'; me: Me }
  /** Signed out on purpose. */
  | { type: 'signed-out' }
  /** A request answered 401 not_authenticated while the page at `path` was open. */
  | { type: 'not-authenticated'; path: string }
  /** The app moved to `path`. */
  | { type: 'navigated'; path: string }
  /** The open page has nothing to keep (it failed to load for want of a session). */
  | { type: 'leave' };

export function nextSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'checked':
      if (state.status === 'loading')
        return event.me ? { status: 'signed-in', me: event.me } : { status: 'signed-out' };
      if (state.status === 'ended') return event.me ? { status: 'signed-in', me: event.me, resumed: true } : state;
      // A late answer never signs in someone who signed out meanwhile, nor signs out a fresh sign-in:
      // a 401 during use arrives as 'not-authenticated'.
      if (state.status === 'signed-in' && event.me) return { ...state, me: event.me };
      return state;
    case 'signed-in':
      return { status: 'signed-in', me: event.me };
    case 'signed-out':
      return { status: 'signed-out' };
    case 'not-authenticated':
      return state.status === 'signed-in' ? { status: 'ended', me: state.me, path: event.path } : state;
    case 'navigated':
      if (state.status === 'ended' && event.path !== state.path) return { status: 'signed-out', ended: state.me };
      if (state.status === 'signed-in' && state.resumed) return { status: 'signed-in', me: state.me };
      return state;
    case 'leave':
      return state.status === 'ended' ? { status: 'signed-out', ended: state.me } : state;
  }
}
