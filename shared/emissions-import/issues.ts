import type { ImportIssue } from './import.schema';
import { type IssueText, issueText } from './messages';

/** At most this many errors and this many warnings are listed; the rest are counted in a closing line. */
export const MAX_REPORTED_ISSUES = 200;

/**
 * Collects errors and warnings, each with its code and its Swedish and English words
 * (messages.ts). A file with one systematic problem can produce one per row (95,000); listing a
 * few hundred tells the person what to fix without flooding the preview.
 */
export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private hiddenErrors = 0;
  private hiddenWarnings = 0;

  error(row: number | null, column: string | null, text: IssueText): void {
    if (this.errors.length < MAX_REPORTED_ISSUES) this.errors.push({ row, column, ...text });
    else this.hiddenErrors++;
  }

  warning(row: number | null, column: string | null, text: IssueText): void {
    if (this.warnings.length < MAX_REPORTED_ISSUES) this.warnings.push({ row, column, ...text });
    else this.hiddenWarnings++;
  }

  get errorCount(): number {
    return this.errors.length + this.hiddenErrors;
  }

  /** The lists, each closed with a count of what was left out. */
  finish(): { errors: ImportIssue[]; warnings: ImportIssue[] } {
    const errors = [...this.errors];
    const warnings = [...this.warnings];
    if (this.hiddenErrors > 0) errors.push({ row: null, column: null, ...issueText.moreErrors(this.hiddenErrors) });
    if (this.hiddenWarnings > 0) {
      warnings.push({ row: null, column: null, ...issueText.moreWarnings(this.hiddenWarnings) });
    }
    return { errors, warnings };
  }
}
