/**
 * What `npm run import` prints about a previewed file: its facts (layout, rows, organisations, years,
 * sectors, the changes it would make), tables of the unknown organisations, the errors and the
 * warnings, and a summary line, in the CLI's language (cli-language.ts). Pure: a preview, the texts
 * and how to word an issue in, lines out (as reminder-report.ts for `npm run reminders`).
 */
import type { ImportIssue } from '../../shared/emissions-import/import.schema';
import type { ImportPreviewResponse } from '../../shared/schemas/emission-import.schema';
import type { CliText } from '../local/cli-language';
import { keyValueLines, type TableCell, textTable } from './text-table';

type ImportText = CliText['import'];
type Preview = Pick<
  ImportPreviewResponse,
  'fileName' | 'layout' | 'rows' | 'organisations' | 'years' | 'sectors' | 'changes' | 'errors' | 'warnings'
>;

export function importReportLines(
  preview: Preview,
  text: ImportText,
  /** An issue in the CLI's language (import.ts rewords it for --sheet). */
  word: (issue: ImportIssue) => string,
): string[] {
  const col = text.column;
  const lines = [
    '',
    ...keyValueLines([
      [col.file, preview.fileName],
      [col.layout, preview.layout ? text.layouts[preview.layout] : '–'],
      [col.rows, preview.rows],
      [col.organisations, preview.organisations.matched.length],
      [col.years, preview.years ? `${preview.years[0]}–${preview.years[1]}` : '–'],
      [col.sectors, preview.sectors.join(', ') || '–'],
      [col.new, preview.changes.new],
      [col.changed, preview.changes.changed],
      [col.unchanged, preview.changes.unchanged],
      [col.errors, preview.errors.length],
      [col.warnings, preview.warnings.length],
    ]),
  ];
  // The row column stays right-aligned when an issue has no row ("–").
  const row = { header: col.row, align: 'right' } as const;
  if (preview.organisations.unknown.length > 0) {
    lines.push(
      '',
      text.unknownOrganisations,
      ...textTable(
        [row, { header: col.organisation }],
        preview.organisations.unknown.map((u) => [u.row, u.value]),
      ),
    );
  }
  // Row errors and warnings are the parser's, as the admin API gives them.
  const issues = (heading: string, header: string, list: readonly ImportIssue[]) => {
    if (list.length === 0) return;
    const cells = list.map((issue): TableCell[] => [issue.row ?? '–', issue.column ?? '–', word(issue)]);
    lines.push('', heading, ...textTable([row, { header: col.column }, { header }], cells));
  };
  issues(text.errorsHeading, col.error, preview.errors);
  issues(text.warningsHeading, col.warning, preview.warnings);
  lines.push(
    '',
    text.summary({
      rows: preview.rows,
      organisations: preview.organisations.matched.length,
      unknown: preview.organisations.unknown.length,
      new: preview.changes.new,
      changed: preview.changes.changed,
      unchanged: preview.changes.unchanged,
      errors: preview.errors.length,
      warnings: preview.warnings.length,
    }),
  );
  return lines;
}
