import { useEffect, useId, useRef } from 'react';
import { canonicalJson } from '../../../../../shared/scoring/survey-json';
import { useLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Campaign } from '../api';
import { useAdminT } from '../i18n';
import '../i18n/editor';

/** A save the API refused with 409 version_conflict: the campaign changed after the editor loaded it. */
export interface SaveConflictState {
  /** The text the refused save sent; never thrown away until the person closes the panel. */
  mine: string;
  /** The campaign as stored now (from the 409's `current`), when known. */
  stored: Campaign | null;
  /** The editor shows the stored survey now, so `mine` is only kept here. */
  reloaded: boolean;
}

/** The stored campaign a 409 version_conflict of PATCH /api/admin/campaigns/{year} carries. */
export function conflictCampaign(body: unknown): Campaign | null {
  const current = (body as { current?: unknown } | undefined)?.current as Partial<Campaign> | undefined;
  return current && typeof current.updatedAt === 'string' && current.surveys ? (current as Campaign) : null;
}

/** Whether two survey JSON values are the same survey. */
export function sameSurvey(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Tells the person their save was refused and keeps their text: first in the editor, with the
 * choice to load the stored survey or to save theirs over it; after loading, in a read-only box
 * here to copy or download. Focus moves to the panel's heading when it appears and changes.
 */
export function SaveConflict({
  conflict,
  typeLabel,
  surveyChanged,
  busy,
  onReload,
  onSaveMine,
  onDownloadMine,
  onDismiss,
  announce,
}: {
  conflict: SaveConflictState;
  typeLabel: string;
  /** Whether the stored survey of this type differs from the one the editor started from; undefined when unknown. */
  surveyChanged: boolean | undefined;
  busy: boolean;
  onReload: () => void;
  onSaveMine: () => void;
  onDownloadMine: () => void;
  onDismiss: () => void;
  announce: (message: string, tone?: 'info' | 'error' | 'success') => void;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  const mineBox = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const mineId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new refusal or step of the panel takes focus.
  useEffect(() => {
    heading.current?.focus();
  }, [conflict]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(conflict.mine);
      announce(t('editor.conflict.copied'));
    } catch {
      mineBox.current?.focus();
      mineBox.current?.select();
      announce(t('editor.conflict.copyFailed'), 'error');
    }
  };

  const when = conflict.stored ? formatDateTime(conflict.stored.updatedAt, lang) : '';
  const explanation =
    surveyChanged === undefined
      ? t('editor.conflict.unknown')
      : surveyChanged
        ? t('editor.conflict.surveyChanged', { type: typeLabel, when })
        : t('editor.conflict.otherChanged', { type: typeLabel, when });

  return (
    <section className="notice notice-warning editor-conflict" aria-labelledby={headingId} data-testid="save-conflict">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {conflict.reloaded ? t('editor.conflict.reloadedTitle') : t('editor.conflict.title')}
      </h2>
      {conflict.reloaded ? (
        <>
          <p>{t('editor.conflict.reloadedBody')}</p>
          <div className="afield">
            <label htmlFor={mineId}>{t('editor.conflict.mineLabel', { type: typeLabel })}</label>
            <textarea ref={mineBox} id={mineId} className="mono" readOnly rows={8} value={conflict.mine} />
          </div>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={copy}>
              {t('editor.conflict.copy')}
            </button>
            <button type="button" className="button button-secondary" onClick={onDownloadMine}>
              {t('editor.conflict.downloadMine')}
            </button>
            <button type="button" className="link-button" onClick={onDismiss}>
              {t('editor.conflict.dismiss')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{explanation}</p>
          <div className="button-row">
            {surveyChanged === false ? (
              <>
                <button type="button" className="button" onClick={onSaveMine} disabled={busy}>
                  {t('editor.conflict.saveMine')}
                </button>
                <button type="button" className="button button-secondary" onClick={onReload} disabled={busy}>
                  {t('editor.conflict.reload')}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button" onClick={onReload} disabled={busy}>
                  {t('editor.conflict.reload')}
                </button>
                <button type="button" className="button button-danger" onClick={onSaveMine} disabled={busy}>
                  {t('editor.conflict.overwrite')}
                </button>
              </>
            )}
            <button type="button" className="button button-secondary" onClick={onDownloadMine}>
              {t('editor.conflict.downloadMine')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
