import type { Campaign } from '../api';
import { FormDialog } from '../components';
import { useAdminT } from '../i18n';
import type { RemovedQuestion } from './survey-tools';
import '../i18n/editor';

/** A save held back because it removes questions members may have answered. */
export interface PendingRemoval {
  questions: RemovedQuestion[];
  /** The campaign version the save is made on, so the confirmed save goes to the same one. */
  basis: Campaign;
}

/**
 * Asks before a survey save that removes (renames, hides) questions members may have answered:
 * which ones, by name and title, and that their answers leave the drafts at the next save for good.
 * "Ta bort frågorna och spara" saves with exactly these questions confirmed; Avbryt and Escape keep
 * the text unsaved. An error of the confirmed save (one the editor does not handle itself) is shown
 * in the dialog.
 */
export function RemovalConfirm({
  removal,
  typeLabel,
  onConfirm,
  onCancel,
}: {
  removal: PendingRemoval | null;
  typeLabel: string;
  /** Throw to keep the dialog open with the error's message. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const t = useAdminT();
  return (
    <FormDialog
      open={removal !== null}
      title={t('editor.removal.title')}
      submitLabel={t('editor.removal.confirm')}
      danger
      onCancel={onCancel}
      onSubmit={onConfirm}
      className="removal-dialog"
    >
      {removal && (
        <>
          <p>{t('editor.removal.intro', { type: typeLabel })}</p>
          <ul aria-label={t('editor.removal.listLabel')} data-testid="removed-questions">
            {removal.questions.map((question) => (
              <li key={question.name}>
                <span className="mono">{question.name}</span>
                {question.title !== question.name && ` – ${question.title}`}
              </li>
            ))}
          </ul>
          <p>{t('editor.removal.consequence')}</p>
          <p className="hint">{t('editor.removal.keep')}</p>
        </>
      )}
    </FormDialog>
  );
}
