import type ExcelJS from 'exceljs';
import type { Cell } from '../../../shared/export/csv';
import { aggregateRows, type ResponseTable } from '../../../shared/export/response-table';
import type { KlimatlagetReport } from '../../../shared/klimatlaget/report.schema';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const toValue = (cell: Cell): ExcelJS.CellValue => (cell === undefined ? null : cell);

/**
 * The kansli's workbook: "Svar" (one row per organisation, a column per question, then the
 * section scores and Utfall) and "Klimatläget" (the aggregates). Text is written as text cells,
 * never as formulas, so an answer such as "=HYPERLINK(…)" stays inert.
 */
export async function responsesWorkbook(table: ResponseTable, report: KlimatlagetReport): Promise<Uint8Array> {
  // exceljs and its dependencies are a third of the API bundle; only this export needs them.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Klimatkommunerna';
  const answers = workbook.addWorksheet('Svar', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  answers.addRow(table.header).font = { bold: true };
  for (const row of table.rows) answers.addRow(row.map(toValue));
  answers.columns.forEach((column, i) => {
    column.width = i < 2 ? 22 : 16;
  });

  const aggregates = workbook.addWorksheet('Klimatläget');
  for (const row of aggregateRows(report)) aggregates.addRow(row.map(toValue));
  aggregates.getRow(1).font = { bold: true, size: 14 };
  aggregates.getColumn(1).width = 14;
  aggregates.getColumn(3).width = 40;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
