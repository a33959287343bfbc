/**
 * What the import page offers for a preview and an earlier import, as pure functions of data
 * (unit-tested in test/web/admin-import-strings.test.ts).
 */

import type { ImportIssue } from '../../../../../shared/emissions-import/import.schema';
import type { ImportSummary } from '../../../../../shared/schemas/emission-import.schema';
import type { Lang } from '../../../i18n';

/** Values a preview would write: none when the file holds only what is stored already. */
export function valuesToWrite(changes: ImportSummary['changes']): number {
  return changes.new + changes.changed;
}

/**
 * Whether the history offers to save an import: a preview without errors that is up to date and
 * would write something, or a commit that stopped part-way (saving again finishes it).
 */
export function canCommit(entry: Pick<ImportSummary, 'state' | 'errorCount' | 'outdatedBy' | 'changes'>): boolean {
  if (entry.state === 'committing') return true;
  return entry.state === 'previewed' && entry.errorCount === 0 && !entry.outdatedBy && valuesToWrite(entry.changes) > 0;
}

/** An import issue's text in the reader's language; issues stored before English texts have only Swedish. */
export function issueMessage(issue: Pick<ImportIssue, 'message' | 'messageEn'>, lang: Lang): string {
  return lang === 'en' && issue.messageEn ? issue.messageEn : issue.message;
}
