/**
 * After a survey save: the submitted responses whose stored score the save left out of date (the
 * API counts them, `staleScores`), with a way to recompute them at once. Until then the export,
 * the scorecards and the review read the old scores.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { adminApi } from '../api';
import { type AdminKey, useAdminT } from '../i18n';
import { errorMessage } from '../lib/field-errors';
import '../i18n/editor';

/** The message for `count` stale scores; null when none (nothing to say beyond "saved"). */
export function staleScoresMessage(count: number | undefined): { key: AdminKey; count: number } | null {
  if (!count || count <= 0) return null;
  return { key: count === 1 ? 'editor.staleScoresOne' : 'editor.staleScores', count };
}

export function StaleScoresNotice({
  year,
  count,
  announce,
  onDone,
}: {
  year: number;
  count: number;
  announce: (message: string, tone?: 'info' | 'error' | 'success') => void;
  onDone: () => void;
}) {
  const t = useAdminT();
  const [busy, setBusy] = useState(false);
  const message = staleScoresMessage(count);
  if (!message) return null;
  const rescore = async () => {
    setBusy(true);
    try {
      const result = (await adminApi.campaignAction(year, 'rescore')) as { rescored: number; unchanged: number };
      announce(t('editor.staleScoresDone', { rescored: result.rescored, unchanged: result.unchanged }));
      onDone();
    } catch (error) {
      announce(errorMessage(error, t('error.generic')), 'error');
      setBusy(false);
    }
  };
  return (
    <div className="notice notice-warning" data-testid="stale-scores">
      <p>{t(message.key, { count: message.count })}</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => void rescore()} disabled={busy}>
          {busy ? t('common.working') : t('editor.staleScoresAction')}
        </button>
        <Link href={`/kampanjer/${year}`}>{t('review.publishedCampaignLink')}</Link>
      </p>
    </div>
  );
}
