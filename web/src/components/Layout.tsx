import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useLang, useT } from '../i18n';
import { useSession } from '../session';
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

function SiteHeader() {
  const t = useT();
  const { state, logout } = useSession();
  const [, navigate] = useLocation();
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
              <button
                type="button"
                className="header-button"
                onClick={async () => {
                  await logout();
                  navigate('/login');
                }}
              >
                {t('app.logout')}
              </button>
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
