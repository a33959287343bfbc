import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useLang, useT } from '../i18n';
import { type PendingOutcome, savePending } from '../lib/pending-saves';
import { signOutDialog } from '../lib/sign-out-dialog';
import { useSession } from '../session';
import { Dialog } from './Dialog';
import { SessionEndedBanner, SessionResumedStatus } from './SessionNotice';

function LanguageToggle() {
  const [lang, setLang] = useLang();
  const t = useT();
  const other = lang === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="header-button lang-toggle" lang={other} onClick={() => setLang(other)}>
      {t('app.switchLanguage')}
    </button>
  );
}

/**
 * "Logga ut": what an open page has not saved yet (the survey's last answers) is sent first, while
 * the session still lets it; if it cannot be, the person is asked before anything is lost. Two
 * cases are told apart: a save that failed ("Stanna kvar" and try again), and answers that cannot
 * be saved until corrected (a number out of range: "Stanna och rätta" goes to the first of them);
 * with both, the dialog says both (`signOutDialog`).
 */
function LogoutButton() {
  const t = useT();
  const { logout } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Exclude<PendingOutcome, { kind: 'saved' }> | null>(null);
  // Run once the dialog has closed and handed focus back (its effect runs before this component's).
  const afterClose = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (problem) return;
    const then = afterClose.current;
    afterClose.current = null;
    then?.();
  }, [problem]);
  const signOut = async () => {
    setProblem(null);
    setBusy(true);
    try {
      await logout();
      navigate('/login');
    } finally {
      setBusy(false);
    }
  };
  const view = problem && signOutDialog(problem, t);
  const stay = () => {
    afterClose.current = view?.afterStay ?? null;
    setProblem(null);
  };
  return (
    <>
      <button
        type="button"
        className="header-button"
        aria-disabled={busy}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          const outcome = await savePending().finally(() => setBusy(false));
          if (outcome.kind === 'saved') await signOut();
          else setProblem(outcome);
        }}
      >
        {busy ? t('app.logout.busy') : t('app.logout')}
      </button>
      <Dialog open={view !== null} title={view?.title ?? ''} onCancel={stay} initialFocus=".button-secondary">
        {view?.body.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={signOut}>
            {t('app.logout.anyway')}
          </button>
          <button type="button" className="button button-secondary" onClick={stay}>
            {view?.stay}
          </button>
        </div>
      </Dialog>
    </>
  );
}

function SiteHeader() {
  const t = useT();
  const { state } = useSession();
  return (
    <header className="site-header">
      <div className="wrap">
        <Link className="brand" href="/">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.brand')}
        </Link>
        <div className="header-tools">
          {/* A session that ended during use shows as signed out; the banner in <main> says what to do. */}
          {(state.status === 'signed-out' || state.status === 'ended') && (
            <Link className="header-link" href="/klimatlaget">
              {t('app.nav.report')}
            </Link>
          )}
          <LanguageToggle />
          {state.status === 'signed-in' && (
            <>
              <span className="signed-in">
                <span className="signed-in-label">{t('app.signedInAs')} </span>
                {state.me.name}
              </span>
              <LogoutButton />
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p className="footer-brand">Klimatkommunerna</p>
        <p>{t('app.footer.about')}</p>
        <p>
          <Link href="/klimatlaget">{t('app.footer.report')}</Link>
        </p>
        <p>{t('app.footer.contact')}</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          <SessionEndedBanner />
          <SessionResumedStatus />
          {children}
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
