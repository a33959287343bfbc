import { type FormEvent, useState } from 'react';
import type { ConflictCurrent } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { useLang, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type Choice, type ConflictAnalysis, chooseAll, unresolved } from './conflict-merge';

export interface DescribedAnswer {
  title: string;
  /** Where the question stands (its page, and the question a link or comment field belongs to). */
  context?: string;
  text: string;
}

interface ConflictDialogProps {
  current: ConflictCurrent;
  analysis: ConflictAnalysis;
  describe: (name: string, value: unknown) => DescribedAnswer;
  onResolve: (choices: Record<string, Choice>) => void;
}

/**
 * Shown when someone else saved first: who, when, and each question both changed, with their
 * answer beside mine and a choice per question. It cannot be dismissed without deciding.
 */
export function ConflictDialog({ current, analysis, describe, onResolve }: ConflictDialogProps) {
  const t = useT();
  const [lang] = useLang();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [showMissing, setShowMissing] = useState(false);
  const missing = unresolved(analysis, choices);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing.length > 0) {
      setShowMissing(true);
      document.getElementById(`conflict-${missing[0]}`)?.querySelector('input')?.focus();
      return;
    }
    onResolve(choices);
  };

  return (
    <Dialog open title={t('conflict.title')} className="conflict-dialog">
      <p>
        {t('conflict.intro', {
          name: current.updatedBy?.name ?? t('conflict.someone'),
          date: formatDateTime(current.updatedAt, lang),
        })}
      </p>
      <form onSubmit={submit} noValidate>
        <ul className="conflict-list">
          {analysis.conflicts.map((conflict) => {
            const theirs = describe(conflict.name, conflict.theirs);
            const mine = describe(conflict.name, conflict.mine);
            const choice = choices[conflict.name];
            const isMissing = showMissing && !choice;
            return (
              <li key={conflict.name}>
                <fieldset id={`conflict-${conflict.name}`} className={isMissing ? 'field-error' : undefined}>
                  <legend>
                    {theirs.context && <span className="conflict-context">{theirs.context}</span>}{' '}
                    <span className="conflict-question">{theirs.title}</span>
                  </legend>
                  <div className="compare">
                    <div className="compare-theirs">
                      <span className="compare-label">{t('conflict.theirs')}</span>
                      <span className="compare-value">{theirs.text}</span>
                    </div>
                    <div className="compare-mine">
                      <span className="compare-label">{t('conflict.mine')}</span>
                      <span className="compare-value">{mine.text}</span>
                    </div>
                  </div>
                  {isMissing && <p className="error-message">{t('conflict.chooseEach')}</p>}
                  <div className="choice-row">
                    {(['mine', 'theirs'] as const).map((option) => (
                      <label key={option} className={`choice${choice === option ? ' choice-selected' : ''}`}>
                        <input
                          type="radio"
                          name={`choice-${conflict.name}`}
                          value={option}
                          checked={choice === option}
                          onChange={() => setChoices((c) => ({ ...c, [conflict.name]: option }))}
                        />
                        {option === 'mine' ? t('conflict.keepMine') : t('conflict.takeTheirs')}
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ul>
        {analysis.takenFromTheirs.length > 0 && (
          <p className="muted">
            {t('conflict.onlyTheirs', {
              count: analysis.takenFromTheirs.length,
            })}
          </p>
        )}
        {showMissing && missing.length > 0 && (
          <p className="error-message" role="alert">
            {t('conflict.chooseEach')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button">
            {t('conflict.apply')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onResolve(chooseAll(analysis, 'theirs'))}
          >
            {t('conflict.takeAllTheirs')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
