import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { responsesWorkbook } from '../../../functions/features/klimatlaget/xlsx-export';
import { responseTable } from '../../../shared/export/response-table';
import { aggregateKlimatlaget } from '../../../shared/klimatlaget/aggregate';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';

const survey = makeSurvey();
const passed = { G1: true, G2: true, q1: 'ja' };
const failed = { G1: false, G2: true, q1: 'ja' };

/** Ettkommun excused, Tvåkommun submitted with the basic requirements met, Trekommun without. */
function table() {
  return responseTable({
    surveys: { kommun: survey, region: survey },
    organisations: [
      { id: '0001', name: 'Ettkommun', type: 'kommun' },
      { id: '0002', name: 'Tvåkommun', type: 'kommun' },
      { id: '0003', name: 'Trekommun', type: 'kommun' },
    ],
    responses: new Map([
      ['0001', { status: 'not_started', excused: true, data: {} }],
      ['0002', { status: 'submitted', data: passed, score: score(survey, passed) }],
      ['0003', { status: 'submitted', data: failed, score: score(survey, failed) }],
    ]),
  });
}

describe('responseTable: yes/no cells', () => {
  it('writes Befriad as Ja or empty and the basic requirements as Ja or Nej, never as a boolean', () => {
    // Act
    const { header, rows } = table();
    // Assert
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
    expect(column('Befriad')).toEqual(['Ja', null, null]);
    expect(column('Baskrav uppfyllda')).toEqual([null, 'Ja', 'Nej']);
    // Swedish Excel shows a boolean cell as SANT/FALSKT.
    expect(rows.flat().filter((cell) => typeof cell === 'boolean')).toEqual([]);
  });

  it('writes them as text cells in the xlsx', async () => {
    // Arrange
    const { header, rows } = table();
    const report = aggregateKlimatlaget({ year: 2026, surveys: { kommun: survey, region: survey }, responses: [] });
    // Act
    const bytes = await responsesWorkbook({ header, rows }, report);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    // Assert
    const sheet = workbook.getWorksheet('Svar')!;
    const excused = sheet.getRow(2).getCell(header.indexOf('Befriad') + 1);
    const gate = sheet.getRow(4).getCell(header.indexOf('Baskrav uppfyllda') + 1);
    expect([excused.value, excused.type]).toEqual(['Ja', ExcelJS.ValueType.String]);
    expect([gate.value, gate.type]).toEqual(['Nej', ExcelJS.ValueType.String]);
    expect(sheet.getRow(3).getCell(header.indexOf('Befriad') + 1).value).toBeNull();
  });
});
