import { useId } from 'react';
import { Link } from 'wouter';
import { apiClient } from '../api/client';
import {
  deadlineLine,
  effectiveDeadline,
  homeProgress,
  homeStatus,
  loadMemberOverview,
  surveyAvailability,
} from '../api/member';
import { LoadError, Loading } from '../components/Feedback';
import { StatusBadge } from '../components/StatusBadge';
import { useLang, useT } from '../i18n';
import { formatDateTime, formatNumber } from '../lib/format';
import { KANSLI_EMAIL, notMemberText } from '../lib/not-a-member';
import { useAsync } from '../lib/use-async';
import { usePageTitle } from '../lib/use-page-title';
import { useSession } from '../session';
import { resultsCard } from './home-results';
import { KansliMessages } from './survey/KansliMessages';

/** "12 av 40 frågor besvarade" above a native progress bar it labels (read as such by screen readers). */
function AnsweredProgress({ answered, total }: { answered: number; total: number }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  return (
    <div className="answered-progress">
      <label htmlFor={id}>
        {t('home.progress', { answered: formatNumber(answered, lang), total: formatNumber(total, lang) })}
      </label>
      <progress id={id} className="progress-bar" max={total} value={Math.min(answered, total)} />
    </div>
  );
}

export function HomePage() {
  const t = useT();
  const [lang] = useLang();
  const { state: session } = useSession();
  const [state, reload] = useAsync(loadMemberOverview, []);
  // Published Klimatläget years (public, cached: revalidated here, so the results card shows as
  // soon as a report is published): a failure only hides the card.
  const [published] = useAsync(() => apiClient.publishedYears({ fresh: true }).catch(() => []), []);
  const publishedYears = published.status === 'ready' ? published.value.map((p) => p.year) : [];
  const orgName = state.status === 'ready' ? state.value.my.organisation.name : t('home.title');
  usePageTitle(orgName);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const { my, campaign, response } = state.value;
  const availability = campaign && response ? surveyAvailability(campaign, response) : null;
  const deadline = campaign ? deadlineLine(campaign) : null;
  const progress = campaign && response && availability ? homeProgress(campaign, response, availability) : null;
  // An organisation that may not answer would only learn it from a refused save: say so here, in
  // place of the way into the survey. A submission stands, and a closed survey says it is closed.
  const notMember =
    availability?.kind === 'editable' || availability?.kind === 'upcoming' ? (response?.notAMember ?? null) : null;
  const myEmail = session.status === 'signed-in' ? session.me.email : '';
  const { organisation } = my;
  // The newest published year may be one the organisation did not take part in: the card then
  // points to its latest result, or promises none when it has none.
  const results = resultsCard(publishedYears, my.submittedYears);

  return (
    <>
      <p className="eyebrow">
        {t(organisation.type === 'region' ? 'home.region' : 'home.kommun')}
        {organisation.population !== undefined && (
          <> · {t('home.population', { count: formatNumber(organisation.population, lang) })}</>
        )}
      </p>
      <h1>{organisation.name}</h1>

      <div className="home-grid">
        <section className="card campaign-card" aria-labelledby="campaign-heading">
          <p className="card-kicker">{t('home.campaign')}</p>
          {!campaign || !response ? (
            <>
              <h2 id="campaign-heading">{t('home.title')}</h2>
              <p>{t('home.noCampaign')}</p>
            </>
          ) : (
            <>
              <h2 id="campaign-heading">{campaign.title}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('home.status')}</dt>
                  <dd>
                    {/* Closed without a submission: "Ej inskickad", not a "not started" to do. */}
                    <StatusBadge status={availability ? homeStatus(response, availability) : response.status} />
                  </dd>
                </div>
                {/* Closed before its deadline (by the kansli, or by publishing): no date it "closes" on. */}
                {deadline?.kind === 'closes' ? (
                  <div>
                    <dt>{t('home.deadlineLabel')}</dt>
                    <dd className="deadline">
                      {formatDateTime(deadline.at, lang)}
                      {campaign.closesAtForOrganisation && campaign.closesAtForOrganisation !== campaign.closesAt && (
                        <span className="muted"> {t('home.extended')}</span>
                      )}
                    </dd>
                  </div>
                ) : deadline?.kind === 'closed' ? (
                  <div>
                    <dt>{t('home.closedLabel')}</dt>
                    <dd className="deadline">{formatDateTime(deadline.at, lang)}</dd>
                  </div>
                ) : null}
              </dl>
              {progress?.kind === 'progress' && (
                <AnsweredProgress answered={progress.answered} total={progress.total} />
              )}
              {/* Closed without a submission: what happened, told once, with no bar inviting work. */}
              {progress?.kind === 'unsubmitted' && (
                <p className="unsubmitted" data-progress="unsubmitted">
                  {progress.total !== undefined && progress.answered !== undefined
                    ? t('home.unsubmittedDraft', {
                        year: progress.year,
                        answered: formatNumber(progress.answered, lang),
                        total: formatNumber(progress.total, lang),
                      })
                    : t('home.unsubmitted', { year: progress.year })}
                </p>
              )}
              {/* "Nobody has started yet" is a to-do; a closed survey's unsubmitted line says it all. */}
              {!(progress?.kind === 'unsubmitted' && !response.updatedAt) && (
                <p className="last-edited">
                  {response.status === 'submitted' && response.submittedAt
                    ? response.submittedBy
                      ? t('home.submittedAtBy', {
                          date: formatDateTime(response.submittedAt, lang),
                          name: response.submittedBy.name,
                        })
                      : t('home.submittedAt', { date: formatDateTime(response.submittedAt, lang) })
                    : response.updatedBy && response.updatedAt
                      ? t('home.lastEdited', {
                          name: response.updatedBy.name,
                          date: formatDateTime(response.updatedAt, lang),
                        })
                      : t('home.notEdited')}
                </p>
              )}
              <KansliMessages
                fromKansli={response.fromKansli}
                status={response.status}
                published={campaign.status === 'published'}
                deadline={effectiveDeadline(campaign)}
                headingLevel={3}
                t={t}
                lang={lang}
              />
              {response.carryOver && availability?.kind === 'editable' && !notMember && (
                <p>{t('home.carryOver', { year: response.carryOver.year })}</p>
              )}
              {notMember ? (
                <div className="notice notice-warning" role="status" data-availability="not-a-member">
                  <p>{notMemberText(notMember, t, lang)}</p>
                  <p>
                    <a href={`mailto:${KANSLI_EMAIL}`}>{t('home.notMember.mail', { email: KANSLI_EMAIL })}</a>
                  </p>
                </div>
              ) : availability?.kind === 'submitted' ? (
                <Link className="button button-large" href="/kvitto">
                  {t('home.receipt')}
                </Link>
              ) : availability?.kind === 'editable' ? (
                <Link className="button button-large" href="/enkat">
                  {response.status === 'draft' ? t('home.continue') : t('home.start')}
                  <span aria-hidden="true"> →</span>
                </Link>
              ) : availability?.kind === 'upcoming' ? (
                <p className="notice notice-info" data-availability="upcoming">
                  {availability.opensAt
                    ? t('home.opens', { date: formatDateTime(availability.opensAt, lang) })
                    : t('home.notOpen')}
                </p>
              ) : (
                <p className="notice" data-availability="closed">
                  {availability?.kind === 'closed' && availability.since
                    ? t('home.closed', { date: formatDateTime(availability.since, lang) })
                    : t('home.closedEarly')}
                </p>
              )}
            </>
          )}
        </section>

        <section className="card" aria-labelledby="contacts-heading">
          <h2 id="contacts-heading">{t('home.contacts')}</h2>
          <p className="muted">{t('home.contactsIntro')}</p>
          <ul className="contact-list">
            {my.contacts.map((contact) => (
              <li key={contact.id}>
                <span className="avatar" aria-hidden="true">
                  {contact.name.slice(0, 1).toUpperCase()}
                </span>
                <span>
                  <strong>
                    {contact.name}
                    {contact.email === myEmail && <span className="muted"> {t('home.you')}</span>}
                  </strong>
                  <br />
                  <span className="muted">{t(`home.role.${contact.role}`)}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      {results && (
        <section className="card results-card" aria-labelledby="results-heading" data-results={results.kind}>
          <p className="card-kicker">{t('home.results')}</p>
          <h2 id="results-heading">{t('home.resultsTitle', { year: results.newest })}</h2>
          {results.kind === 'result' ? (
            <>
              <p>
                {results.year === results.newest
                  ? t('home.resultsBody')
                  : t('home.resultsEarlier', {
                      organisation: organisation.name,
                      newest: results.newest,
                      year: results.year,
                    })}
              </p>
              <p className="card-actions">
                <Link className="button" href={`/resultat/${results.year}`}>
                  {results.year === results.newest
                    ? t('home.toScorecard')
                    : t('home.toScorecardYear', { year: results.year })}
                </Link>
                <Link href={`/klimatlaget/${results.newest}`}>{t('home.toReport', { year: results.newest })}</Link>
              </p>
            </>
          ) : (
            <>
              <p>{t('home.resultsNone', { organisation: organisation.name })}</p>
              <p className="card-actions">
                <Link className="button" href={`/klimatlaget/${results.newest}`}>
                  {t('home.toReport', { year: results.newest })}
                </Link>
              </p>
            </>
          )}
        </section>
      )}

      <section className="how" aria-labelledby="how-heading">
        <h2 id="how-heading">{t('home.howItWorks')}</h2>
        <ol className="steps">
          <li>{t('home.how.1')}</li>
          <li>{t('home.how.2')}</li>
          <li>{t('home.how.3')}</li>
        </ol>
      </section>
    </>
  );
}
