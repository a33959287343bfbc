import type { Ref } from 'react';
import { Link } from 'wouter';
import type { Answers, Editor } from '../../api/types';
import type { Lang, Translate } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { DescribedAnswer } from './ConflictDialog';
import type { LockReason } from './lock-reason';
import { namedList } from './lost-edits';

/**
 * A request refused because the survey locked meanwhile (the other contact submitted, the campaign
 * closed, the organisation may no longer answer): after the page has read what is stored.
 */
export interface LockLoss {
  /**
   * The stored response: being read, read (the fields show it), not readable (they still show the
   * person's), or being read again after that.
   */
  state: 'loading' | 'loaded' | 'failed' | 'reloading';
  /** The data keys the person changed that are not stored, in survey order. */
  keys: string[];
  /** What the person had typed, for "Visa det du skrev". */
  mine: Answers;
  submittedAt?: string;
  submittedBy?: Editor;
}

/**
 * What the lock cost: who submitted and when, which answers were not saved (or that none were
 * lost), the receipt, and what the person typed, to copy (the kansli can reopen the answers).
 */
export function LockLossNotice({
  reason,
  reasonText,
  loss,
  describe,
  onLoad,
  noticeRef,
  t,
  lang,
}: {
  reason: LockReason;
  /** The lock's own notice (as in the bar), said first unless the submission is named. */
  reasonText: string;
  loss: LockLoss;
  describe: (key: string, value: unknown) => DescribedAnswer;
  /** Reads the stored response again (after a failed read). */
  onLoad: () => void;
  noticeRef: Ref<HTMLDivElement>;
  t: Translate;
  lang: Lang;
}) {
  const titles = loss.keys.map((key) => describe(key, loss.mine[key]).title);
  const questions = namedList(titles, lang, (count) => t('survey.lost.more', { count }));
  const submitted = reason.kind === 'submitted';
  const head =
    submitted && loss.submittedAt
      ? loss.submittedBy
        ? t('survey.lost.submittedBy', { name: loss.submittedBy.name, date: formatDateTime(loss.submittedAt, lang) })
        : t('survey.lost.submitted', { date: formatDateTime(loss.submittedAt, lang) })
      : reasonText;
  let body: string;
  // Not read: the fields still show the person's answers, so only those it could not save matter.
  const unread = (loss.state === 'failed' || loss.state === 'reloading') && loss.keys.length > 0;
  if (loss.keys.length === 0) body = t('survey.lost.none');
  else if (unread) body = t('survey.lost.notLoaded', { questions });
  else {
    body = `${t('survey.lost.notSaved', { questions, count: loss.keys.length })} ${
      submitted ? t('survey.lost.showsSubmitted') : t('survey.lost.showsStored')
    }`;
  }
  return (
    <div className="notice notice-warning lock-loss" tabIndex={-1} ref={noticeRef}>
      {/* Only the message is the alert: the receipt link and the list are there to use, not to read out. */}
      <p role="alert">
        {head} {body}
      </p>
      {unread && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => loss.state === 'failed' && onLoad()}
            aria-disabled={loss.state === 'reloading'}
          >
            {loss.state === 'reloading' ? t('survey.lost.loading') : t('survey.lost.load')}
          </button>
        </p>
      )}
      {submitted && (
        <p>
          <Link href="/kvitto">{t('survey.toReceipt')}</Link>
        </p>
      )}
      {loss.keys.length > 0 && (
        <details className="lock-loss-mine">
          <summary>{t('survey.lost.show', { count: loss.keys.length })}</summary>
          <p>{t('survey.lost.keep')}</p>
          <dl>
            {loss.keys.map((key) => {
              const { title, context, text } = describe(key, loss.mine[key]);
              return (
                <div key={key} data-key={key}>
                  <dt>
                    {title}
                    {context && <span className="lock-loss-context">{context}</span>}
                  </dt>
                  <dd>{text}</dd>
                </div>
              );
            })}
          </dl>
        </details>
      )}
    </div>
  );
}
