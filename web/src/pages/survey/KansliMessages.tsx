import { useId } from 'react';
import type { FromKansli, ResponseStatus } from '../../api/types';
import type { Lang, Translate } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { KANSLI_EMAIL } from '../../lib/not-a-member';

type Reopen = FromKansli['reopens'][number];
type Note = FromKansli['notes'][number];

/** One entry of the history under the current reopen: an earlier reopen or extension, or a note. */
type Earlier = { kind: 'reopen'; at: string; reopen: Reopen } | { kind: 'note'; at: string; note: Note };

/**
 * What the kansli has told the organisation about a year's answers, on the home and survey pages
 * (also read-only, where a note's email links), the receipt and the scorecard (where a note's email
 * links once the year is published). While the answers are not submitted again, the latest reopen
 * or extension comes first: why, and the last day to submit. Below it, newest first, everything
 * else the kansli said: earlier reopens and extensions (the last 10 are kept) and every review note.
 * Text for the members to read, so a section under a heading, not an alert or a live region. The
 * kansli's words keep their line breaks. Nothing when the kansli has said nothing.
 */
export function KansliMessages({
  fromKansli,
  status,
  published,
  deadline,
  headingLevel,
  t,
  lang,
}: {
  fromKansli: FromKansli | undefined;
  status: ResponseStatus;
  /** The campaign is published: the answers are frozen, so nobody can reopen them any more. */
  published: boolean;
  /**
   * The deadline that applies to the organisation now (its own, when later than the campaign's);
   * without it (the scorecard, the receipt: submitted answers) the current reopen's own deadline.
   */
  deadline?: string;
  /** The page's next heading level: h3 inside the home page's campaign card, h2 elsewhere. */
  headingLevel: 2 | 3;
  t: Translate;
  lang: Lang;
}) {
  const headingId = useId();
  const reopens = fromKansli?.reopens ?? [];
  const notes = fromKansli?.notes ?? [];
  // Once submitted again, the latest reopen has been dealt with: it is history like the others.
  const current = status === 'submitted' ? undefined : reopens[reopens.length - 1];
  const earlier: Earlier[] = [
    ...(current ? reopens.slice(0, -1) : reopens).map((reopen) => ({ kind: 'reopen' as const, at: reopen.at, reopen })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.at, note })),
  ];
  if (!current && earlier.length === 0) return null;
  // Newest first: the latest is what the member came to read. Stable, so equal times keep their order.
  const newestFirst = earlier
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || b.index - a.index);
  const currentDeadline = deadline ?? current?.closesAt;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="notice notice-info kansli-messages" aria-labelledby={headingId} data-kansli="messages">
      <Heading id={headingId}>{t('kansli.title')}</Heading>
      {current && (
        <div className="kansli-message" data-kansli="reopen">
          <p>
            {t(current.kind === 'reopened' ? 'kansli.reopened' : 'kansli.extended', {
              date: formatDateTime(current.at, lang),
            })}
          </p>
          <blockquote lang="sv">{current.reason}</blockquote>
          <p>
            {current.kind === 'reopened' && <>{t('kansli.resubmit')} </>}
            {currentDeadline && (
              <strong>{t('kansli.deadline', { date: formatDateTime(currentDeadline, lang) })}</strong>
            )}
          </p>
        </div>
      )}
      {newestFirst.map(({ entry, index }) =>
        entry.kind === 'reopen' ? (
          <div className="kansli-message" data-kansli="reopen-earlier" key={`reopen-${index}`}>
            <p>
              {t(entry.reopen.kind === 'reopened' ? 'kansli.reopenedEarlier' : 'kansli.extendedEarlier', {
                date: formatDateTime(entry.at, lang),
              })}
            </p>
            <blockquote lang="sv">{entry.reopen.reason}</blockquote>
            {entry.reopen.closesAt && (
              <p>{t('kansli.deadlineThen', { date: formatDateTime(entry.reopen.closesAt, lang) })}</p>
            )}
          </div>
        ) : (
          <div className="kansli-message" data-kansli="note" key={`note-${index}`}>
            <p>{t('kansli.note', { date: formatDateTime(entry.at, lang) })}</p>
            <blockquote lang="sv">{entry.note.message}</blockquote>
          </div>
        ),
      )}
      {/* A note asking for more on a submitted answer: the page is read-only, so say who can open it. */}
      {status === 'submitted' && notes.length > 0 && !published && (
        <p className="kansli-ask" data-kansli="ask-reopen">
          {t('kansli.askReopen')} <a href={`mailto:${KANSLI_EMAIL}`}>{KANSLI_EMAIL}</a>
        </p>
      )}
    </section>
  );
}
