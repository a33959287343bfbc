import { useEffect } from 'react';
import { ApiError, isNotAuthenticated } from '../api/client';
import { useT } from '../i18n';
import { useSession } from '../session';
import { signInAgainHref } from './SessionNotice';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

/**
 * An error from loading a page, with the API's own message when it sent one. A page that could not
 * load because the session has ended has nothing to keep: it leaves for /login (and comes back
 * here after sign-in) instead of offering a retry that cannot work.
 */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const { leave } = useSession();
  const signedOut = isNotAuthenticated(error);
  useEffect(() => {
    if (signedOut) leave();
  }, [signedOut, leave]);
  if (signedOut) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('session.ended.login')}</p>
        <p>
          <a href={signInAgainHref(window.location.pathname, window.location.search)}>{t('session.ended.signIn')}</a>
        </p>
      </div>
    );
  }
  const message =
    error instanceof ApiError && error.status !== 0 && error.message ? error.message : t('app.error.generic');
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.error.retry')}
        </button>
      )}
    </div>
  );
}
