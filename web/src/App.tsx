import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { Loading } from './components/Feedback';
import { Layout } from './components/Layout';
import { I18nProvider, useT } from './i18n';
import { loadSurveyCss } from './lib/survey-css';
import { usePageTitle } from './lib/use-page-title';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { SessionProvider, useSession } from './session';

// The survey page is the only one that loads survey-core and survey-react-ui.
const SurveyPage = lazy(() => {
  void loadSurveyCss();
  return import('./pages/survey/SurveyPage');
});
// The receipt (with its answer summary) is visited rarely: its own chunk keeps every other page lighter.
const ReceiptPage = lazy(() => import('./pages/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));
// Klimatläget (public) and the member scorecard draw charts; the chart renderer loads later still, from ChartFigure.
const KlimatlagetPage = lazy(() => import('./pages/klimatlaget/KlimatlagetPage'));
const ScorecardPage = lazy(() => import('./pages/scorecard/ScorecardPage'));
// The secretariat's console grows in its own chunk, away from the member pages.
const AdminHome = lazy(() => import('./pages/admin/AdminHome'));

/** Pages behind sign-in send a signed-out visitor to /login and back afterwards. */
function RequireAuth({ need, children }: { need: 'member' | 'admin'; children: ReactNode }) {
  const { state } = useSession();
  // Re-render on navigation; the address itself is read whole below.
  useLocation();
  if (state.status === 'loading') return <Loading />;
  // Inside the console's nested router a relative target would become /admin/login (a blank
  // page): `~` makes the redirects absolute, and `next` is the whole address, not the nested part.
  const here = window.location.pathname + window.location.search;
  if (state.status === 'signed-out') return <Redirect to={`~/login?next=${encodeURIComponent(here)}`} />;
  if (need === 'member' && state.me.role === 'admin') return <Redirect to="~/admin" />;
  // A member who follows a console link is told why there is nothing here, rather than moved away.
  if (need === 'admin' && state.me.role !== 'admin') return <AdminOnly />;
  return <>{children}</>;
}

/**
 * A page that only says why there is nothing here, with a way home. A plain link: inside the
 * console's nested router `/` would mean /admin/.
 */
function NothingHere({ page }: { page: 'adminOnly' | 'notFound' }) {
  const t = useT();
  usePageTitle(t(`app.${page}.title`));
  return (
    <>
      <h1>{t(`app.${page}.title`)}</h1>
      <p>{t(`app.${page}.body`)}</p>
      <p>
        <a href="/">{t('app.notFound.home')}</a>
      </p>
    </>
  );
}

/** A console address opened by a signed-in member. */
const AdminOnly = () => <NothingHere page="adminOnly" />;
const NotFound = () => <NothingHere page="notFound" />;

/** After a client-side navigation, focus the new page's heading so screen readers announce it. */
function useFocusOnNavigate() {
  const [location] = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of location by design.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = document.getElementById('main');
    main?.focus({ preventScroll: true });
  }, [location]);
}

function Routes() {
  useFocusOnNavigate();
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/login" component={LoginPage} />
          <Route path="/">
            <RequireAuth need="member">
              <HomePage />
            </RequireAuth>
          </Route>
          <Route path="/enkat">
            <RequireAuth need="member">
              <SurveyPage />
            </RequireAuth>
          </Route>
          <Route path="/kvitto">
            <RequireAuth need="member">
              <ReceiptPage />
            </RequireAuth>
          </Route>
          <Route path="/klimatlaget/:year?" component={KlimatlagetPage} />
          <Route path="/resultat/:year?">
            <RequireAuth need="member">
              <ScorecardPage />
            </RequireAuth>
          </Route>
          <Route path="/admin" nest>
            <RequireAuth need="admin">
              <AdminHome />
            </RequireAuth>
          </Route>
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Routes />
      </SessionProvider>
    </I18nProvider>
  );
}
