/**
 * A plain-text table for a terminal: a header row, a rule under it, and the rows with every column
 * as wide as its widest cell, two spaces apart. Numbers are right-aligned, text left-aligned. Unlike
 * `console.table` it has no index column, no quotes around text and no box drawing, so it reads
 * (and copies into a mail or a ticket) as a table. Pure, so it is tested without a terminal.
 */
export type TableCell = string | number;

export interface TextTableColumn {
  header: string;
  /** Right-aligned when not given and every cell of the column is a number. */
  align?: 'left' | 'right';
}

/** The width a terminal gives the text: one per code point, so å, ä and ö count once. */
const widthOf = (text: string) => Array.from(text).length;

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The table's lines, without trailing spaces. */
export function textTable(columns: readonly TextTableColumn[], rows: readonly (readonly TableCell[])[]): string[] {
  const aligns = columns.map(
    (column, i) =>
      column.align ?? (rows.length > 0 && rows.every((row) => typeof row[i] === 'number') ? 'right' : 'left'),
  );
  const cells = rows.map((row) => columns.map((_, i) => String(row[i] ?? '')));
  const widths = columns.map((column, i) => Math.max(widthOf(column.header), ...cells.map((row) => widthOf(row[i]!))));
  const line = (values: readonly string[], align: (i: number) => 'left' | 'right') =>
    values
      .map((value, i) => pad(value, widths[i]!, align(i)))
      .join('  ')
      .trimEnd();
  return [
    line(
      columns.map((column) => column.header),
      (i) => aligns[i]!,
    ),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((row) => line(row, (i) => aligns[i]!)),
  ];
}

/**
 * Facts, one a line: each label padded to the widest, two spaces, its value. For one record, where
 * a table's header row and rule would only repeat the labels.
 */
export function keyValueLines(pairs: readonly (readonly [string, TableCell])[]): string[] {
  const width = Math.max(0, ...pairs.map(([label]) => widthOf(label)));
  return pairs.map(([label, value]) => `${pad(label, width, 'left')}  ${value}`.trimEnd());
}
