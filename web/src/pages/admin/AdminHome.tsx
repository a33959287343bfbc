import { lazy, Suspense } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { Loading } from '../../components/Feedback';
import { loadSurveyCss } from '../../lib/survey-css';
import { type AdminKey, useAdminT } from './i18n';

// Each section is its own chunk, so a page loads only its own code.
const ProgressPage = lazy(() => import('./ProgressPage').then((m) => ({ default: m.ProgressPage })));
const OrganisationsPage = lazy(() => import('./OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
const ContactImportPage = lazy(() => import('./OrganisationsPage').then((m) => ({ default: m.ContactImportPage })));
const FormerContactErasurePage = lazy(() =>
  import('./FormerContactErasure').then((m) => ({ default: m.FormerContactErasurePage })),
);
const OrganisationDetailPage = lazy(() =>
  import('./OrganisationDetailPage').then((m) => ({ default: m.OrganisationDetailPage })),
);
const CampaignsPage = lazy(() => import('./CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CampaignDetailPage = lazy(() => import('./CampaignsPage').then((m) => ({ default: m.CampaignDetailPage })));
const ImportPage = lazy(() => import('./ImportPage').then((m) => ({ default: m.ImportPage })));
const ReviewPickerPage = lazy(() => import('./ReviewPage').then((m) => ({ default: m.ReviewPickerPage })));
const ReviewPage = lazy(() => import('./ReviewPage').then((m) => ({ default: m.ReviewPage })));
const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));
// CodeMirror, survey-core and survey-react-ui load only with the survey editor.
const SurveyEditorPage = lazy(() => {
  void loadSurveyCss();
  return import('./editor/SurveyEditorPage');
});

const SECTIONS: Array<{ href: string; key: AdminKey; match: (path: string) => boolean }> = [
  { href: '/', key: 'nav.progress', match: (p) => p === '/' || p === '' },
  { href: '/organisationer', key: 'nav.organisations', match: (p) => p.startsWith('/organisationer') },
  { href: '/kampanjer', key: 'nav.campaigns', match: (p) => p.startsWith('/kampanjer') },
  { href: '/import', key: 'nav.import', match: (p) => p.startsWith('/import') },
  { href: '/granskning', key: 'nav.review', match: (p) => p.startsWith('/granskning') },
  { href: '/logg', key: 'nav.audit', match: (p) => p.startsWith('/logg') },
  { href: '/installningar', key: 'nav.settings', match: (p) => p.startsWith('/installningar') },
];

function ConsoleNav() {
  const t = useAdminT();
  const [location] = useLocation();
  return (
    <nav className="console-nav" aria-label={t('nav.label')}>
      <ul>
        {SECTIONS.map((section) => {
          const current = section.match(location);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={current ? 'current' : ''}
              >
                {t(section.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function ConsoleNotFound() {
  const t = useAdminT();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}

/** The secretariat's console: a sub-navigation and one nested route per section, under /admin. */
export default function AdminHome() {
  return (
    <div className="console">
      <ConsoleNav />
      <div className="console-body">
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={ProgressPage} />
            <Route path="/organisationer" component={OrganisationsPage} />
            <Route path="/organisationer/import-kontakter" component={ContactImportPage} />
            <Route path="/organisationer/radera-tidigare-kontakt" component={FormerContactErasurePage} />
            <Route path="/organisationer/:code">{(params) => <OrganisationDetailPage code={params.code} />}</Route>
            <Route path="/kampanjer" component={CampaignsPage} />
            <Route path="/kampanjer/:year">{(params) => <CampaignDetailPage year={Number(params.year)} />}</Route>
            <Route path="/kampanjer/:year/enkat/:type">
              {(params) =>
                params.type === 'kommun' || params.type === 'region' ? (
                  <SurveyEditorPage year={Number(params.year)} type={params.type} />
                ) : (
                  <ConsoleNotFound />
                )
              }
            </Route>
            <Route path="/import" component={ImportPage} />
            <Route path="/granskning" component={ReviewPickerPage} />
            <Route path="/granskning/:year/:code">
              {(params) => <ReviewPage year={Number(params.year)} code={params.code} />}
            </Route>
            <Route path="/logg" component={AuditPage} />
            <Route path="/installningar" component={SettingsPage} />
            <Route component={ConsoleNotFound} />
          </Switch>
        </Suspense>
      </div>
    </div>
  );
}
