import type ExcelJS from 'exceljs';
import type { Cell } from '../../../shared/export/csv';
import { aggregateRows, type ResponseTable, stockholmIsoDate } from '../../../shared/export/response-table';
import type { KlimatlagetReport } from '../../../shared/klimatlaget/report.schema';
import type { ExportReportSource } from './klimatlaget.service';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const toValue = (cell: Cell): ExcelJS.CellValue => (cell === undefined ? null : cell);

/**
 * The rows above the "Klimatläget" sheet's figures: which report they are (the revision and its
 * date, or not published) and, for a published year, whether the scores of today still agree with
 * it. The "Svar" sheet has today's scores, so without this a correction made after publishing would
 * make the two sheets disagree without a word. `notes` are the rows to show as a notice.
 */
export function klimatlagetSheetHeading(year: number, source: ExportReportSource): { title: string; notes: string[] } {
  if (source.source === 'live') {
    return {
      title: `Klimatläget ${year}, inte publicerat`,
      notes: ['Siffrorna är beräknade med svaren som de är nu, vid exporten, och ändras tills Klimatläget publiceras.'],
    };
  }
  const { revision, changedScores, figuresChanged } = source;
  const version = `version ${revision}`;
  const title = `Klimatläget ${year}, ${version}, publicerad ${stockholmIsoDate(source.publishedAt)}`;
  const who = changedScores === 1 ? '1 organisation' : `${changedScores} organisationer`;
  const answersNow = 'Bladet Svar visar poängen som de är nu.';
  if (!figuresChanged) {
    return {
      title,
      notes: [
        changedScores
          ? `Siffrorna är de publicerade i ${version}. Poängen för ${who} har ändrats sedan dess, men det ändrar inga siffror i rapporten, så en ny version behövs inte. ${answersNow}`
          : `Siffrorna är de publicerade i ${version} och stämmer med poängen som de är nu.`,
      ],
    };
  }
  // Each cause that is known, so the note does not blame last year's scores for a register edit.
  const causes: string[] = [];
  if (changedScores) {
    causes.push(
      `Poängen för ${who} skiljer sig nu från ${version}: de har justerats, öppnats igen eller skickats in efter publiceringen.`,
    );
  }
  const asked = source.causes?.asked;
  if (asked) {
    causes.push(
      `Antalet tillfrågade organisationer är nu ${asked.after}, inte ${asked.before} som i ${version}: medlemsregistret ` +
        '(medlemsdatum, organisationer tillagda eller borttagna) eller vilka som är befriade har ändrats efter publiceringen.',
    );
  }
  // Only this year's scores are compared; last year's carry the change since last year.
  if (source.causes?.yearOnYear && changedScores === 0 && !asked) {
    causes.push(
      `Förändringen sedan ${year - 1} skulle bli en annan om rapporten publicerades nu, till exempel efter en rättelse av poängen för ${year - 1}.`,
    );
  }
  if (changedScores === null) {
    causes.push(
      `Rapporten skulle bli en annan om den publicerades nu. Version ${revision} publicerades innan poängen per organisation sparades med den, så hur många som ändrats kan inte sägas.`,
    );
  }
  if (causes.length === 0) {
    causes.push(
      `Ingen organisations poäng för ${year} har ändrats sedan ${version}, men rapporten skulle ändå bli en annan om den publicerades nu.`,
    );
  }
  const why = causes.join(' ');
  return {
    title,
    notes: [
      `Obs! ${why} Siffrorna här är de publicerade i ${version}. ${answersNow}`,
      'Publicera en rättelse för att ta med ändringarna i rapporten: "Publicera en ny version" på kampanjsidan.',
    ],
  };
}

/**
 * The kansli's workbook: "Svar" (one row per organisation, a column per question, then the
 * section scores and Utfall) and "Klimatläget" (the aggregates, headed by what they are). Text is
 * written as text cells, never as formulas, so an answer such as "=HYPERLINK(…)" stays inert.
 */
export async function responsesWorkbook(
  table: ResponseTable,
  report: KlimatlagetReport,
  source: ExportReportSource = { source: 'live' },
): Promise<Uint8Array> {
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
  const { title, notes } = klimatlagetSheetHeading(report.year, source);
  for (const row of aggregateRows(report, [[title], ...notes.map((note) => [note])])) {
    aggregates.addRow(row.map(toValue));
  }
  aggregates.getRow(1).font = { bold: true, size: 14 };
  // A note that the scores have changed must not be missed among the figures.
  if (source.source === 'published' && source.figuresChanged) {
    notes.forEach((_, i) => {
      aggregates.getRow(2 + i).font = { bold: true };
    });
  }
  aggregates.getColumn(1).width = 14;
  aggregates.getColumn(3).width = 40;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
