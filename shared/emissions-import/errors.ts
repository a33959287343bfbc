import type { IssueText } from './messages';

/**
 * A file that cannot be read at all (not a spreadsheet, damaged, no such sheet). It carries the
 * issue's code and words (Swedish as its message, and English), meant for the person who uploaded
 * the file; the parser turns it into a ParseError.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(readonly issue: IssueText) {
    super(issue.message);
  }
}
