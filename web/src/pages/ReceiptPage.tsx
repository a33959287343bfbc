import { Link } from 'wouter';
import { loadMemberOverview } from '../api/member';
import { BackLink } from '../components/BackLink';
import { LoadError, Loading } from '../components/Feedback';
import { useLang, useT } from '../i18n';
import { formatDateTime } from '../lib/format';
import { summarizeSurvey } from '../lib/survey-summary';
import { useAsync } from '../lib/use-async';
import { usePageTitle } from '../lib/use-page-title';
import { KansliMessages } from './survey/KansliMessages';

/** The receipt after submitting: a plain, printable list of every answer (no survey-core here). */
export function ReceiptPage() {
  const t = useT();
  const [lang] = useLang();
  usePageTitle(t('receipt.title'));
  const [state, reload] = useAsync(loadMemberOverview, []);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const { my, campaign, response } = state.value;

  if (!campaign || !response || response.status !== 'submitted') {
    return (
      <>
        <h1>{t('receipt.title')}</h1>
        <p>{t('receipt.notSubmitted')}</p>
        <p>
          <Link className="button" href={campaign ? '/enkat' : '/'}>
            {campaign ? t('receipt.toSurvey') : t('survey.back')}
          </Link>
        </p>
      </>
    );
  }

  const submitter = response.submittedBy ?? response.updatedBy;
  const pages = summarizeSurvey(campaign.survey, response.data, lang, { yes: t('receipt.yes'), no: t('receipt.no') })
    // Answered questions, plus any required one left empty (which a submitted response should not have).
    .map((page) => ({
      ...page,
      items: page.items.filter((item) => item.answer !== undefined || (item.required && !item.conditional)),
    }))
    .filter((page) => page.items.length > 0);

  return (
    <article className="receipt">
      <BackLink />
      <p className="eyebrow">
        {campaign.title} · {my.organisation.name}
      </p>
      <h1>{t('receipt.title')}</h1>
      <div className="card card-success receipt-confirmation">
        <p className="receipt-thanks">
          <span className="check" aria-hidden="true">
            ✓
          </span>
          {t('receipt.thanks', { date: formatDateTime(response.submittedAt, lang) })}
        </p>
        {/* Submitting also sets updatedBy, and a submitted response takes no further edits. */}
        {submitter && <p>{t('receipt.by', { name: submitter.name })}</p>}
        <p>{t('receipt.emailed', { organisation: my.organisation.name })}</p>
        <p className="no-print">
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t('receipt.print')}
          </button>
        </p>
      </div>

      {/* What the kansli said about these answers: every reopen's reason and every review note. */}
      <KansliMessages
        fromKansli={response.fromKansli}
        status={response.status}
        published={campaign.status === 'published'}
        headingLevel={2}
        t={t}
        lang={lang}
      />

      <h2>{t('receipt.summary')}</h2>
      {pages.map((page) => (
        <section key={page.name} className="answer-section" aria-labelledby={`page-${page.name}`}>
          <h3 id={`page-${page.name}`}>{page.title}</h3>
          <dl className="answers">
            {page.items.map((item) => (
              <div key={item.name} className="answer-row">
                <dt>{item.title}</dt>
                <dd className={item.answer === undefined ? 'muted' : undefined}>
                  {item.answer === undefined ? (
                    t('receipt.noAnswer')
                  ) : item.url && /^https?:\/\//.test(item.answer) ? (
                    <a href={item.answer} rel="noopener noreferrer">
                      {item.answer}
                    </a>
                  ) : (
                    item.answer
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </article>
  );
}
