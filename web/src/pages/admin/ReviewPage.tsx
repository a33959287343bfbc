import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { answersEnd, closedEarly, laterOwnDeadline } from '../../../../shared/domain/answer-window';
import type { ReviewedOverride } from '../../../../shared/schemas/response.schema';
import { LoadError, Loading } from '../../components/Feedback';
import { type Lang, useLang } from '../../i18n';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { type SummaryPage, summarizeSurvey } from '../../lib/survey-summary';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi, type CampaignSummary, type ResponseReview, type ReviewedResponse, type ScoreResult } from './api';
import {
  Announcer,
  BackLink,
  CampaignSelect,
  DataTable,
  DateTime,
  DetailLoadError,
  Field,
  FormDialog,
  ProgressStatusTag,
  ReasonField,
  RowButton,
  reasonError,
  SearchFilter,
  showFieldErrors,
  useAnnouncer,
  useCampaignList,
  useRunAction,
  visibleTextError,
} from './components';
import { useAdminT } from './i18n';
import { isFrozen } from './lib/campaign-lifecycle';
import { formatPointsInput, parsePoints } from './lib/points-input';
import {
  DEFAULT_REVIEW_SORT,
  filterReviewRows,
  nextReviewSort,
  REVIEW_SORT_KEYS,
  type ReviewSortKey,
  rowsToCheck,
  sortReviewRows,
} from './lib/review-list';
import { type OverrideAnswerChange, overrideAnswerChange } from './lib/review-override';
import './i18n/review';

/** Choose a campaign and an organisation to review; submitted ones first, with their scores to sort by. */
export function ReviewPickerPage() {
  const t = useAdminT();
  const [lang] = useLang();
  usePageTitle(t('review.title'));
  const { campaigns, error, defaultYear } = useCampaignList();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('ar')) || defaultYear;
  const sortParam = params.get('sortera') as ReviewSortKey | null;
  const sort =
    sortParam && REVIEW_SORT_KEYS.includes(sortParam)
      ? {
          key: sortParam,
          direction: params.get('ordning') === 'fallande' ? ('descending' as const) : ('ascending' as const),
        }
      : DEFAULT_REVIEW_SORT;
  const [query, setQuery] = useState('');
  // In the address, like the sort, so it is still on when the kansli comes back from a review.
  const toCheckOnly = params.get('se-over') === '1';
  const [rows] = useAsync(() => (year ? adminApi.progress(year) : Promise.resolve([])), [year]);
  const toCheck = rows.status === 'ready' ? rowsToCheck(rows.value).length : 0;
  const list = useMemo(() => {
    if (rows.status !== 'ready') return [];
    const shown = toCheckOnly ? rowsToCheck(rows.value) : rows.value;
    return sortReviewRows(filterReviewRows(shown, query), sort.key, sort.direction);
  }, [rows, query, toCheckOnly, sort.key, sort.direction]);
  const columnLabel: Record<ReviewSortKey, string> = {
    code: t('org.code'),
    name: t('org.name'),
    status: t('filter.status'),
    score: t('review.score'),
    band: t('review.col.band'),
  };
  return (
    <>
      <h1>{t('review.title')}</h1>
      <p className="lead">{t('review.intro')}</p>
      {error ? (
        <LoadError error={error} />
      ) : !campaigns ? (
        <Loading />
      ) : (
        <>
          <div className="filters">
            <CampaignSelect
              campaigns={campaigns}
              year={year}
              onChange={(y) =>
                setParams((p) => {
                  p.set('ar', String(y));
                  return p;
                })
              }
            />
            <SearchFilter value={query} onChange={setQuery} />
            {(toCheck > 0 || toCheckOnly) && (
              <label className="check-inline">
                <input
                  type="checkbox"
                  checked={toCheckOnly}
                  onChange={(e) =>
                    setParams((p) => {
                      if (e.target.checked) p.set('se-over', '1');
                      else p.delete('se-over');
                      return p;
                    })
                  }
                />
                {t('review.toCheckOnly', { count: toCheck })}
              </label>
            )}
          </div>
          {toCheck > 0 && (
            <p className="notice notice-warning">
              <span aria-hidden="true">! </span>
              {t('review.toCheckNotice', { count: toCheck })}
            </p>
          )}
          {rows.status === 'loading' && <Loading />}
          {rows.status === 'error' && <LoadError error={rows.error} />}
          {rows.status === 'ready' && (
            <DataTable<ReviewSortKey>
              label={t('review.pickCaption')}
              caption={`${t('review.pickCaption')}, ${t('review.sortedBy', { column: columnLabel[sort.key] })}`}
              captionHidden
              className="compact"
              columns={[
                { label: columnLabel.code, sortKey: 'code' },
                { label: columnLabel.name, sortKey: 'name' },
                { label: columnLabel.status, sortKey: 'status' },
                { label: columnLabel.score, sortKey: 'score', numeric: true },
                { label: columnLabel.band, sortKey: 'band' },
              ]}
              sort={sort}
              onSort={(key) => {
                const next = nextReviewSort(sort, key);
                setParams((p) => {
                  p.set('sortera', next.key);
                  if (next.direction === 'descending') p.set('ordning', 'fallande');
                  else p.delete('ordning');
                  return p;
                });
              }}
            >
              {list.map((r) => (
                <tr key={r.organisationId}>
                  <td className="num">{r.organisationId}</td>
                  <th scope="row">
                    <Link href={`/granskning/${year}/${r.organisationId}`}>{r.name}</Link>
                  </th>
                  <td>
                    <ProgressStatusTag status={r.status} />
                    {r.overridesToCheck > 0 && <OverridesToCheckTag count={r.overridesToCheck} />}
                  </td>
                  <td className="num nowrap">
                    {r.score ? scoreLine(r.score, lang) : <NoValue label={t('review.noScore')} />}
                  </td>
                  <td className="nowrap">
                    {!r.score ? (
                      <NoValue label={t('review.noBandUnsubmitted')} />
                    ) : r.score.band !== null ? (
                      r.score.band
                    ) : !r.score.gatePassed ? (
                      <span className="muted">{t('review.noBandGate')}</span>
                    ) : (
                      <NoValue label={t('review.noBand')} />
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}

/**
 * Under a row's status: adjustments made on an answer the member has changed since. Words and a
 * symbol beside the colour; on its own line, so a phone's narrow column wraps rather than widens.
 */
function OverridesToCheckTag({ count }: { count: number }) {
  const t = useAdminT();
  return (
    <span className="cell-sub">
      <span className="tag tag-problem tag-sentence">
        <span aria-hidden="true">! </span>
        {t('review.toCheck', { count })}
      </span>
    </span>
  );
}

/**
 * An empty cell's dash, named for a screen reader. An image with a name rather than a visually
 * hidden span: that one is positioned absolutely and, in a table wider than a phone, widens the page.
 */
function NoValue({ label }: { label: string }) {
  return (
    <span className="muted" role="img" aria-label={label}>
      –
    </span>
  );
}

interface ReviewData {
  review: ResponseReview;
  /** The campaign's state and deadline (and early close): a published one takes no more adjustments. */
  campaign: Pick<CampaignSummary, 'status' | 'closesAt' | 'closedAt'>;
  pages: SummaryPage[];
  previousPages: SummaryPage[] | null;
  /** This year's survey for the organisation's type: words the answer a stale override was made on. */
  survey: Record<string, unknown>;
}

/** How a yes/no answer reads in the reader's language. */
function answerLabels(lang: Lang) {
  return lang === 'en' ? { yes: 'Yes', no: 'No' } : { yes: 'Ja', no: 'Nej' };
}

async function loadReview(year: number, code: string, lang: Lang): Promise<ReviewData> {
  const review = await adminApi.review(year, code);
  const type = review.organisation.type;
  const labels = answerLabels(lang);
  const campaign = await adminApi.campaign(year);
  const data = review.response?.data ?? {};
  const pages = summarizeSurvey(campaign.surveys[type], data, lang, labels);
  let previousPages: SummaryPage[] | null = null;
  if (review.previous) {
    const before = await adminApi.campaign(review.previous.year).catch(() => campaign);
    previousPages = summarizeSurvey(before.surveys[type], review.previous.data, lang, labels);
  }
  return {
    review,
    campaign: { status: campaign.status, closesAt: campaign.closesAt, closedAt: campaign.closedAt },
    pages,
    previousPages,
    survey: campaign.surveys[type] as Record<string, unknown>,
  };
}

/**
 * On a question's row: its override was made on an answer the member has changed since (overrides
 * survive a reopen). Keeping it ("Behåll justeringen", on a submitted response) or removing it is
 * the kansli's explicit choice; until then the override still counts.
 */
export function OverrideAnswerWarning({ change, canKeep }: { change: OverrideAnswerChange; canKeep: boolean }) {
  const t = useAdminT();
  const unanswered = t('review.unanswered');
  return (
    <p className="notice notice-warning">
      {/* The "!" is decoration; the words carry the warning. */}
      <span aria-hidden="true">! </span>
      {t('review.answerChanged', { madeOn: change.madeOn ?? unanswered, current: change.current ?? unanswered })}
      {!canKeep && ` ${t('review.keepWhenSubmitted')}`}
    </p>
  );
}

/** "64 / 66 (97 %)": points and share in the reader's format. */
export function scoreLine(score: Pick<ScoreResult, 'total' | 'max' | 'share'> | null | undefined, lang: Lang): string {
  if (!score) return '–';
  return `${formatNumber(score.total, lang)} / ${formatNumber(score.max, lang)} (${formatPercent(score.share, lang)})`;
}

export function ReviewPage({ year, code }: { year: number; code: string }) {
  const t = useAdminT();
  const [lang] = useLang();
  const [state, reload] = useAsync(() => loadReview(year, code, lang), [year, code, lang]);
  const [response, setResponse] = useState<ReviewedResponse | null>(null);
  const [compare, setCompare] = useState(false);
  const [overriding, setOverriding] = useState<OverrideTarget | null>(null);
  const [removing, setRemoving] = useState<{ name: string; title: string; computedPoints: number } | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const notePublishedId = useId();
  const [announcement, announce] = useAnnouncer();
  const [sending, run] = useRunAction(announce);
  const [, navigate] = useLocation();
  useEffect(() => setResponse(state.status === 'ready' ? state.value.review.response : null), [state]);
  usePageTitle(
    state.status === 'ready'
      ? t('review.pageTitle', { name: state.value.review.organisation.name })
      : t('review.title'),
  );

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <DetailLoadError
        back={{ href: '/granskning', label: t('review.title') }}
        error={state.error}
        onRetry={reload}
        notFound={(error) => <p className="notice notice-info">{error.message || t('review.notFound')}</p>}
      />
    );
  }
  const { review, campaign, pages, previousPages, survey } = state.value;
  // Published: the members' answers are frozen; the kansli's adjustments and notes stay possible.
  const published = isFrozen(campaign);
  // Judged as the API does: later than the campaign's deadline, or than an early close.
  const ownDeadline = laterOwnDeadline(campaign, response?.closesAtOverride);
  const submitted = response?.status === 'submitted';
  // A submitted response shows its stored score, the one the export, scorecard and report show (it
  // includes the adjustments); a reopened draft what it would score if submitted now.
  const effective =
    (submitted ? (response?.score ?? response?.effectiveScore) : (response?.effectiveScore ?? response?.score)) ?? null;
  const questionScore = new Map((effective?.questions ?? []).map((q) => [q.name, q]));
  const computedPoints = new Map((response?.computedScore?.questions ?? []).map((q) => [q.name, q.points]));
  const overrides = new Map((response?.overrides ?? []).map((o) => [o.question, o]));
  const previousAnswer = new Map((previousPages ?? []).flatMap((p) => p.items.map((i) => [i.name, i.answer] as const)));
  const previousScore = new Map(
    ((review.previous?.score ?? review.previous?.effectiveScore)?.questions ?? []).map((q) => [q.name, q]),
  );
  const showCompare = compare && previousPages !== null;
  // A reopened response keeps its overrides; they can still be removed (until published).
  // Also after publishing: a reported mistake is corrected here and published as a new version.
  const showOverrides = submitted || (response?.overrides.length ?? 0) > 0;
  // What each question can be set to, from the API: its maximum plus any point only the kansli awards (S6).
  const adjustable = review.adjustableMax ?? {};
  const status = response?.excused ? 'excused' : (response?.status ?? 'not_started');
  // The questions whose counting override was made on an answer the member changed since.
  const staleQuestions = [...overrides.values()]
    .filter((o) => o.answerChanged)
    .map((o) => ({
      name: o.question,
      title: pages.flatMap((p) => p.items).find((i) => i.name === o.question)?.title ?? o.question,
    }));

  const sendNote = async () => {
    const problem = note.trim() ? visibleTextError(note.trim(), true) : t('error.required');
    if (problem) {
      setNoteError(problem);
      return;
    }
    setNoteError('');
    await run(async () => {
      const result = await adminApi.note(year, code, note.trim());
      setResponse(result.response);
      setNote('');
      announce(t('review.noteSent', { count: result.note.emailedTo }));
    });
  };
  const afterOverride = (updated: ReviewedResponse, message: string) => {
    setResponse(updated);
    announce(message);
    setOverriding(null);
    setRemoving(null);
  };
  // Re-saves the override as it is on the answer now, through the same endpoint as "Justera".
  const keepOverride = (override: ReviewedOverride, title: string) =>
    run(async () => {
      const updated = await adminApi.override(year, code, {
        question: override.question,
        points: override.points,
        reason: override.reason,
      });
      afterOverride(updated, t('review.overrideKept', { question: title }));
      // The button goes with the warning: keep the keyboard on the row, at its first action.
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`[data-question="${CSS.escape(override.question)}"] .row-actions button`)
          ?.focus(),
      );
    });

  return (
    <>
      <BackLink href={`/?ar=${year}`}>{t('nav.progress')}</BackLink>
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {t('review.eyebrow', { year })} · {review.organisation.id}
          </p>
          <h1>{review.organisation.name}</h1>
        </div>
        <p className="campaign-facts">
          <ProgressStatusTag status={status} />
        </p>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('review.score')}</dt>
          <dd>
            {scoreLine(effective, lang)}
            {effective?.band && ` · ${t('review.band', { band: effective.band })}`}
            {effective && !effective.gatePassed && ` · ${t('review.gateFailed')}`}
          </dd>
        </div>
        {response?.computedScore && response.overrides.length > 0 && (
          <div>
            <dt>{t('review.computedScore')}</dt>
            <dd>{scoreLine(response.computedScore, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t('review.submitted')}</dt>
          <dd>
            {response?.submittedAt ? <DateTime iso={response.submittedAt} /> : t('review.notSubmitted')}
            {response?.submittedBy && <span className="cell-sub">{response.submittedBy.name}</span>}
          </dd>
        </div>
        {ownDeadline && (
          <div>
            <dt>{t('review.ownDeadline')}</dt>
            <dd>
              <DateTime iso={ownDeadline} />
              <span className="cell-sub">
                {closedEarly(campaign)
                  ? t('review.campaignClosed', { date: formatDateTime(answersEnd(campaign), lang) })
                  : t('review.campaignDeadline', { date: formatDateTime(campaign.closesAt, lang) })}
              </span>
            </dd>
          </div>
        )}
        {review.previous && (
          <div>
            <dt>{t('review.previousScore', { year: review.previous.year })}</dt>
            <dd>{scoreLine(review.previous.score ?? review.previous.effectiveScore, lang)}</dd>
          </div>
        )}
      </dl>
      <p className="button-row">
        <Link href={`/logg?organisation=${code}&kampanj=${year}`}>{t('review.auditLink')}</Link>
        <button type="button" className="link-button" onClick={() => navigate(`/organisationer/${code}`)}>
          {t('review.orgLink')}
        </button>
      </p>
      <Announcer message={announcement.message} tone={announcement.tone} />
      {published && (
        <p className="notice notice-info">
          {t('review.publishedLocked')} <Link href={`/kampanjer/${year}`}>{t('review.publishedCampaignLink')}</Link>
        </p>
      )}
      {response?.rescoreNeeded && response.effectiveScore && (
        <p className="notice notice-warning">
          {t('review.rescoreNeeded', {
            score: scoreLine(response.effectiveScore, lang),
            stored: scoreLine(response.score, lang),
          })}{' '}
          <Link href={`/kampanjer/${year}`}>{t('review.rescoreLink')}</Link>
        </p>
      )}
      {staleQuestions.length > 0 && (
        <div className="notice notice-warning">
          <p>
            {staleQuestions.length === 1
              ? t('review.staleOverridesOne')
              : t('review.staleOverrides', { count: staleQuestions.length })}
          </p>
          <ul>
            {staleQuestions.map((q) => (
              <li key={q.name}>
                <a href={`#fraga-${q.name}`}>{q.title}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!response || response.version === 0 ? (
        <p className="notice notice-info">{t('review.noAnswers')}</p>
      ) : (
        <>
          {effective && (
            <DataTable
              label={t('review.sections')}
              className="compact"
              columns={[
                t('review.section'),
                { label: t('review.points'), numeric: true },
                { label: t('review.max'), numeric: true },
              ]}
            >
              {effective.sections.map((s) => (
                <tr key={s.name}>
                  {/* The page's title in the reader's language, as the answer tables below; the score holds Swedish. */}
                  <th scope="row">{pages.find((page) => page.name === s.name)?.title ?? s.title}</th>
                  <td className="num">{formatNumber(s.total, lang)}</td>
                  <td className="num">{formatNumber(s.max, lang)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <div className="section-head">
            <h2>{t('review.answers')}</h2>
            {previousPages ? (
              <label className="check-inline">
                <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
                {t('review.compare', { year: review.previous!.year })}
              </label>
            ) : (
              <span className="muted">{t('review.noPrevious')}</span>
            )}
          </div>
          {pages.map((page) => {
            const items = page.items.filter(
              (i) => i.answer !== undefined || questionScore.get(i.name)?.max || adjustable[i.name],
            );
            if (items.length === 0) return null;
            return (
              <DataTable
                key={page.name}
                label={page.title}
                className="review-table"
                columns={[
                  { label: t('review.question'), className: 'col-question' },
                  t('review.answer', { year }),
                  showCompare && t('review.answer', { year: review.previous!.year }),
                  { label: t('review.points'), numeric: true },
                  showOverrides && t('review.override'),
                ]}
              >
                {items.map((item) => {
                  const score = questionScore.get(item.name);
                  const max = adjustable[item.name] ?? score?.max ?? 0;
                  // A point only the kansli awards (S6): no rule gives it, so "computed" says who sets it.
                  const reviewOnly = max > 0 && !score?.max;
                  const override = overrides.get(item.name);
                  const answerChange = overrideAnswerChange(override, survey, response.data, lang, answerLabels(lang));
                  const before = previousAnswer.get(item.name);
                  const changed = showCompare && (before ?? '') !== (item.answer ?? '');
                  return (
                    <tr
                      key={item.name}
                      id={`fraga-${item.name}`}
                      data-question={item.name}
                      className={changed ? 'row-changed' : undefined}
                    >
                      <th scope="row" className="col-question">
                        {item.title}
                        <span className="cell-sub">{item.name}</span>
                        {/* Beside the question too: on a phone the override column is scrolled out of sight. */}
                        {answerChange && <span className="cell-sub changed-mark">{t('review.answerChangedMark')}</span>}
                      </th>
                      <td className="break">
                        {item.answer ?? <span className="muted">{t('review.unanswered')}</span>}
                      </td>
                      {showCompare && (
                        <td className="break">
                          {before ?? <span className="muted">{t('review.unanswered')}</span>}
                          {changed && <span className="cell-sub changed-mark">{t('review.changed')}</span>}
                          {previousScore.get(item.name)?.max ? (
                            <span className="cell-sub">
                              {t('review.pointsShort', {
                                points: formatNumber(previousScore.get(item.name)!.points, lang),
                              })}
                            </span>
                          ) : null}
                        </td>
                      )}
                      <td className="num">
                        {max > 0 ? (
                          <>
                            {formatNumber(score?.points ?? 0, lang)} / {formatNumber(max, lang)}
                            {reviewOnly && <span className="cell-sub">{t('review.setInReview')}</span>}
                            {!reviewOnly && score?.computedPoints !== undefined && (
                              <span className="cell-sub">
                                {t('review.computed', { points: formatNumber(score.computedPoints, lang) })}
                              </span>
                            )}
                          </>
                        ) : (
                          <span className="muted">–</span>
                        )}
                      </td>
                      {showOverrides && (
                        <td>
                          {answerChange && <OverrideAnswerWarning change={answerChange} canKeep={submitted} />}
                          {override && (
                            <span className="cell-sub override-note">
                              {t('review.overrideBy', { by: override.by, reason: override.reason })}
                            </span>
                          )}
                          <div className="row-actions">
                            {submitted && max > 0 && (
                              <RowButton
                                name={t('review.overrideFor', { question: item.title })}
                                onClick={() =>
                                  setOverriding({
                                    name: item.name,
                                    title: item.title,
                                    max,
                                    points: score?.points ?? 0,
                                    calculated: score?.computedPoints ?? score?.points ?? 0,
                                    reason: override?.reason ?? '',
                                    overridden: Boolean(override),
                                  })
                                }
                              >
                                {t('review.overrideButton')}
                              </RowButton>
                            )}
                            {override && answerChange && submitted && (
                              <RowButton
                                name={t('review.keepOverrideFor', { question: item.title })}
                                disabled={sending}
                                onClick={() => keepOverride(override, item.title)}
                              >
                                {t('review.keepOverride')}
                              </RowButton>
                            )}
                            {override && (
                              <RowButton
                                name={t('review.removeOverrideFor', { question: item.title })}
                                onClick={() =>
                                  setRemoving({
                                    name: item.name,
                                    title: item.title,
                                    computedPoints:
                                      computedPoints.get(item.name) ?? score?.computedPoints ?? score?.points ?? 0,
                                  })
                                }
                              >
                                {t('review.removeOverride')}
                              </RowButton>
                            )}
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </DataTable>
            );
          })}
        </>
      )}

      <section className="panel" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('review.notes')}</h2>
        {(response?.notes ?? []).length === 0 ? (
          <p className="muted">{t('review.noNotes')}</p>
        ) : (
          <ol className="note-list">
            {response!.notes.map((n) => (
              <li key={n.at}>
                <p className="note-meta">
                  <DateTime iso={n.at} /> · {n.by} · {t('review.emailedTo', { count: n.emailedTo })}
                </p>
                <p className="note-text">{n.message}</p>
              </li>
            ))}
          </ol>
        )}
        {/* Kept after publishing: a correction or an explanation of the report may still be owed. */}
        {published && (
          <p className="notice notice-info" id={notePublishedId}>
            {t('review.notePublishedHint')}
          </p>
        )}
        <Field label={t('review.noteLabel')} hint={t('review.noteHint')} error={noteError}>
          {(props) => (
            <textarea
              {...props}
              aria-describedby={
                published ? `${notePublishedId} ${props['aria-describedby'] ?? ''}`.trim() : props['aria-describedby']
              }
              rows={4}
              maxLength={5000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <button type="button" className="button" onClick={sendNote} disabled={sending || !response}>
          {sending ? t('common.working') : t('review.sendNote')}
        </button>
      </section>

      <OverrideDialog
        year={year}
        code={code}
        question={overriding}
        onCancel={() => setOverriding(null)}
        onDone={afterOverride}
      />
      <RemoveOverrideDialog
        year={year}
        code={code}
        question={removing}
        onCancel={() => setRemoving(null)}
        onDone={afterOverride}
      />
    </>
  );
}

/** An override dialog for one question of one response; `onDone` gets the response and what to announce. */
/** The question the adjust dialog opens on: its points now and, for an adjusted one, the adjustment's reason. */
interface OverrideTarget {
  name: string;
  title: string;
  max: number;
  points: number;
  /** What the rules give, before any adjustment. */
  calculated: number;
  /** The existing adjustment's reason, prefilled when it is adjusted again; else ''. */
  reason: string;
  overridden: boolean;
}

interface OverrideDialogProps<Q> {
  year: number;
  code: string;
  question: Q | null;
  onCancel: () => void;
  onDone: (response: ReviewedResponse, message: string) => void;
}

/** Asks for the reason, then removes a question's override so it counts its computed points again. */
function RemoveOverrideDialog({
  year,
  code,
  question,
  onCancel,
  onDone,
}: OverrideDialogProps<{ name: string; title: string; computedPoints: number }>) {
  const t = useAdminT();
  const [lang] = useLang();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: each question starts with an empty form.
  useEffect(() => {
    setReason('');
    setErrors({});
  }, [question]);
  return (
    <FormDialog
      open={question !== null}
      title={t('review.removeOverrideTitle')}
      submitLabel={t('review.removeOverrideConfirm')}
      danger
      onCancel={onCancel}
      onSubmit={async () => {
        if (!question) return;
        showFieldErrors({ reason: reasonError(reason, t) }, setErrors);
        const updated = await adminApi.removeOverride(year, code, question.name, reason.trim());
        onDone(updated, t('review.overrideRemoved', { question: question.title }));
      }}
    >
      <p>
        <strong>{question?.title}</strong>
      </p>
      <p>{t('review.removeOverrideBody', { points: formatNumber(question?.computedPoints ?? 0, lang) })}</p>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
    </FormDialog>
  );
}

function OverrideDialog({ year, code, question, onCancel, onDone }: OverrideDialogProps<OverrideTarget>) {
  const t = useAdminT();
  const [lang] = useLang();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ points?: string; reason?: string }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: each question starts from its points (and an adjustment's reason), in the language it opens in.
  useEffect(() => {
    setPoints(question ? formatPointsInput(question.points, lang) : '');
    setReason(question?.reason ?? '');
    setErrors({});
  }, [question]);
  return (
    <FormDialog
      open={question !== null}
      title={t('review.overrideTitle')}
      submitLabel={t('review.overrideSave')}
      onCancel={onCancel}
      onSubmit={async () => {
        if (!question) return;
        // "2,5" and "2.5" alike: a type="number" field drops a Swedish decimal comma in some browsers.
        const parsed = parsePoints(points, question.max);
        const next: typeof errors = { reason: reasonError(reason, t, 1) };
        if (!parsed.ok)
          next.points =
            parsed.reason === 'not_a_number'
              ? t('review.error.pointsNumber')
              : t('review.error.points', { max: formatNumber(question.max, lang) });
        // As the API (points_unchanged): a first adjustment to the points the rules give changes nothing.
        if (parsed.ok && !question.overridden && parsed.value === question.calculated)
          next.points = t('review.error.pointsUnchanged', { points: formatNumber(parsed.value, lang) });
        showFieldErrors(next, setErrors);
        if (!parsed.ok || next.points) return;
        setPoints(formatPointsInput(parsed.value, lang));
        const updated = await adminApi.override(year, code, {
          question: question.name,
          points: parsed.value,
          reason: reason.trim(),
        });
        onDone(updated, t('review.overridden', { question: question.title }));
      }}
    >
      <p>
        <strong>{question?.title}</strong>
      </p>
      <p>{t('review.overrideBody')}</p>
      <Field
        label={t('review.newPoints', { max: formatNumber(question?.max ?? 0, lang) })}
        hint={t('review.pointsHint')}
        error={errors.points}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            className="input-short"
            value={points}
            onChange={(e) => setPoints(e.target.value)}
            onBlur={() => {
              // Shown back in the reader's format: "2.5" becomes "2,5" in Swedish.
              const parsed = question ? parsePoints(points, question.max) : null;
              if (parsed?.ok) setPoints(formatPointsInput(parsed.value, lang));
            }}
          />
        )}
      </Field>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} hint={t('review.overrideReasonHint')} />
    </FormDialog>
  );
}
