import { useSearch } from 'wouter';
import { useT } from '../i18n';
import { useSession } from '../session';

/** Where "Logga in igen" leads: the login page, and back to `path` (with its query) afterwards. */
export function signInAgainHref(path: string, search = ''): string {
  const back = search ? `${path}?${search.replace(/^\?/, '')}` : path;
  return `/login?next=${encodeURIComponent(back)}`;
}

/**
 * Shown by the app shell while the session has ended on an open page: the page stays as it is
 * (a survey keeps what was typed), and signing in again opens in a new tab, so nothing here is
 * lost. Coming back to this tab afterwards picks up the new session (see SessionProvider).
 * Sticky at the top of the page, so it is in view however far down the person has scrolled.
 */
export function SessionEndedBanner() {
  const t = useT();
  const { state } = useSession();
  const search = useSearch();
  if (state.status !== 'ended') return null;
  return (
    <div className="notice notice-error session-ended" role="alert" data-session="ended">
      <p>
        <strong>{t('session.ended.title')}</strong> {t('session.ended.body')}
      </p>
      <p>
        <a className="button" href={signInAgainHref(state.path, search)} target="_blank" rel="noopener">
          {t('session.ended.signIn')} <span className="visually-hidden">{t('session.ended.newTab')}</span>
        </a>
      </p>
    </div>
  );
}

/** Said (politely) once someone whose session had ended has signed in again and is back on the page. */
export function SessionResumedStatus() {
  const t = useT();
  const { state } = useSession();
  const resumed = state.status === 'signed-in' && state.resumed;
  return (
    <div role="status" aria-live="polite" className={resumed ? 'notice notice-success' : undefined}>
      {resumed ? <p>{t('session.resumed')}</p> : null}
    </div>
  );
}
