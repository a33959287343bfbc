import type { LayoutDetection } from './detect-layout';
import type { IssueList } from './issues';
import { type IssueText, issueText } from './messages';
import { cellText, columnLetter, type SheetTable } from './table';

/** The issue, with a note of the merged cells near the top of the sheet when there are any (they may hide headers). */
export function withMergeHint(issue: IssueText, table: SheetTable): IssueText {
  const early = table.merges.filter((merge) => merge.top < 30);
  if (early.length === 0) return issue;
  return issueText.withMergedCellsHint(
    issue,
    early.map((merge) => merge.ref),
  );
}

/** Merged cells in the header row leave columns without a header of their own: an error. */
export function checkHeaderMerges(table: SheetTable, detection: LayoutDetection, issues: IssueList): boolean {
  const header = detection.headerRowIndex;
  const merges = table.merges.filter((merge) => merge.top <= header && merge.bottom >= header);
  for (const merge of merges) {
    const title = cellText(table.rows[merge.top]?.[merge.left]);
    issues.error(header + 1, columnLetter(merge.left), issueText.headerMergedCells(header + 1, merge.ref, title));
  }
  return merges.length === 0;
}

/** A value merged over several data rows (an organisation name, say) counts for each of them. */
export function fillMergedDataCells(table: SheetTable, headerRowIndex: number, issues: IssueList): void {
  for (const merge of table.merges) {
    if (merge.top <= headerRowIndex) continue;
    const value = table.rows[merge.top]?.[merge.left] ?? null;
    for (let r = merge.top; r <= merge.bottom; r++) {
      const row = table.rows[r] ?? [];
      table.rows[r] = row;
      for (let c = merge.left; c <= merge.right; c++) row[c] = value;
    }
    issues.warning(merge.top + 1, columnLetter(merge.left), issueText.mergedDataCells(merge.ref, cellText(value)));
  }
}
