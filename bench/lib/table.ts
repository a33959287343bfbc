import { type BenchRow, formatNumber } from './results';

function verdict(row: BenchRow): string {
  switch (row.status) {
    case 'ok':
      return '✓';
    case 'over-budget':
      return '✗ OVER BUDGET';
    case 'error':
      return '✗ ERROR';
    case 'not-available':
      return '– not available yet';
    default:
      return row.budget ? '· (not asserted)' : '·';
  }
}

const withUnit = (value: number | null, unit: string) =>
  value === null ? '—' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;

/** The table `npm run bench` prints: metric | value | floor | ratio | budget | ✓/✗, then the notes. */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['#', 'metric', 'value', 'floor', 'ratio', 'budget', '✓/✗'];
  const body = rows.map((row, index) => [
    String(index + 1),
    `${row.benchmark}: ${row.metric}`,
    withUnit(row.value, row.unit),
    withUnit(row.floor, row.floor === null ? '' : row.unit),
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    row.budget ?? '—',
    verdict(row),
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...body.map((line) => (line[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column >= 2 && column <= 4 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join(' | ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
  const notes = rows
    .map((row, index) => (row.note ? `  [${index + 1}] ${row.note}` : undefined))
    .filter((note): note is string => note !== undefined);
  if (notes.length > 0) out.push('', 'Notes:', ...notes);
  return out.join('\n');
}
