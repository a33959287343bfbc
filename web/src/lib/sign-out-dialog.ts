/** What the "Logga ut" dialog says when something the open page holds is not saved. */
import type { Translate } from '../i18n';
import type { PendingOutcome } from './pending-saves';

export interface SignOutDialogView {
  title: string;
  /** Paragraphs, in order. */
  body: string[];
  /** The focused default: stay (and try again, or correct). */
  stay: string;
  /** Once "stay" has closed the dialog: where the person is taken (the first answer to correct), if anywhere. */
  afterStay?: () => void;
}

/**
 * The dialog for what `savePending` could not store. A failed save leads (trying again may help),
 * and a number out of range is said beside it, so "Logga ut ändå" is never chosen without knowing
 * it loses that too; staying then goes to the answer, since correcting it also sends a new save of
 * everything pending.
 */
export function signOutDialog(problem: Exclude<PendingOutcome, { kind: 'saved' }>, t: Translate): SignOutDialogView {
  const answers = problem.kind === 'failed' ? problem.toCorrect : problem;
  const questions = answers?.questions() ?? [];
  const named = questions.length === 1 ? { question: questions[0] ?? '' } : undefined;
  if (problem.kind === 'to-correct') {
    return {
      title: t('app.logout.correctTitle', { count: questions.length }),
      body: [named ? t('app.logout.correctBodyNamed', named) : t('app.logout.correctBody')],
      stay: t('app.logout.correct'),
      afterStay: problem.correct,
    };
  }
  const also =
    questions.length === 0
      ? []
      : [named ? t('app.logout.alsoNamed', named) : t('app.logout.also', { count: questions.length })];
  return {
    title: t('app.logout.unsavedTitle'),
    body: [t('app.logout.unsavedBody'), ...also],
    stay: t('app.logout.stay'),
    afterStay: answers?.correct,
  };
}
