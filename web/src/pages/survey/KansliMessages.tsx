import { useId } from 'react';
import type { FromKansli, ResponseStatus } from '../../api/types';
import type { Lang, Translate } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { KANSLI_EMAIL } from '../../lib/not-a-member';

/**
 * What the kansli has told the organisation about this year's answers, on the home page and the
 * survey page (also read-only, where a note's email links): why the answers were reopened or given
 * more time and until when, while they are not submitted again, and every review note. Text for the
 * members to read, so a section under a heading, not an alert or a live region. The kansli's words
 * keep their line breaks. Nothing when the kansli has said nothing.
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
  /** The deadline that applies to the organisation now (its own, when later than the campaign's). */
  deadline: string;
  /** The page's next heading level: h3 inside the home page's campaign card, h2 on the survey page. */
  headingLevel: 2 | 3;
  t: Translate;
  lang: Lang;
}) {
  const headingId = useId();
  // Once submitted again, the reopen has been dealt with; the notes stay, as the email's link leads here.
  const reopen = status === 'submitted' ? null : (fromKansli?.reopen ?? null);
  const notes = fromKansli?.notes ?? [];
  if (!reopen && notes.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="notice notice-info kansli-messages" aria-labelledby={headingId} data-kansli="messages">
      <Heading id={headingId}>{t('kansli.title')}</Heading>
      {reopen && (
        <div className="kansli-message" data-kansli="reopen">
          <p>
            {t(reopen.kind === 'reopened' ? 'kansli.reopened' : 'kansli.extended', {
              date: formatDateTime(reopen.at, lang),
            })}
          </p>
          <blockquote lang="sv">{reopen.reason}</blockquote>
          <p>
            {reopen.kind === 'reopened' && <>{t('kansli.resubmit')} </>}
            <strong>{t('kansli.deadline', { date: formatDateTime(deadline, lang) })}</strong>
          </p>
        </div>
      )}
      {/* Newest first: the latest is what the member came to read. */}
      {notes
        .map((note, index) => ({ note, index }))
        .reverse()
        .map(({ note, index }) => (
          <div className="kansli-message" data-kansli="note" key={index}>
            <p>{t('kansli.note', { date: formatDateTime(note.at, lang) })}</p>
            <blockquote lang="sv">{note.message}</blockquote>
          </div>
        ))}
      {/* A note asking for more on a submitted answer: the page is read-only, so say who can open it. */}
      {status === 'submitted' && notes.length > 0 && !published && (
        <p className="kansli-ask" data-kansli="ask-reopen">
          {t('kansli.askReopen')} <a href={`mailto:${KANSLI_EMAIL}`}>{KANSLI_EMAIL}</a>
        </p>
      )}
    </section>
  );
}
