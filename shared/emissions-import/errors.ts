/**
 * A file that cannot be read at all (not a spreadsheet, damaged, no such sheet). The message is
 * Swedish and meant for the person who uploaded the file; the parser turns it into a ParseError.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}
