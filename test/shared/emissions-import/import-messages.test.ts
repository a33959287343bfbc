import { describe, expect, it } from 'vitest';
import { type ImportIssue, ImportIssueSchema } from '../../../shared/emissions-import/index';
import { IssueList, MAX_REPORTED_ISSUES } from '../../../shared/emissions-import/issues';
import { IMPORT_ISSUE_CODES, issueText } from '../../../shared/emissions-import/messages';
import { parseText, parseUpload, withFixtureFiles } from '../../helpers/emission-files';

const files = withFixtureFiles('emission-messages-');

/** Swedish words an English sentence never needs; quoted values (headers, names from the file) are left out. */
const SWEDISH_WORDS = /\b(Rad|rad|kolumn|Kolumn|och|är|inte|Förväntade|saknas|Filen|filen|värden|sektor)\b/;

function expectBothLanguages(issue: ImportIssue, where: string): void {
  expect(IMPORT_ISSUE_CODES as readonly string[], where).toContain(issue.code);
  expect(issue.message.trim(), where).not.toBe('');
  expect(issue.messageEn?.trim(), where).toBeTruthy();
  expect(issue.messageEn, where).not.toBe(issue.message);
  expect((issue.messageEn ?? '').replace(/"[^"]*"/g, '""'), `${where}: ${issue.messageEn}`).not.toMatch(SWEDISH_WORDS);
}

describe('the emissions import’s issues in Swedish and English', () => {
  it('gives every issue of the broken and good fixture files a code and an English text', async () => {
    const seen = new Set<string>();
    for (const fixture of files.fixtures) {
      const parsed = await parseUpload({ bytes: fixture.bytes, fileName: fixture.fileName });
      for (const issue of [...parsed.errors, ...parsed.warnings]) {
        expectBothLanguages(issue, fixture.fileName);
        seen.add(issue.code);
      }
    }
    // The fixtures do raise issues: the check above looked at something.
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  it('has English words for every kind of issue, with its code', () => {
    const organisation = 'Lund (1281)';
    const texts = [
      issueText.fileEmpty('a.csv'),
      issueText.sheetEmpty('Blad1', 'a.xlsx'),
      issueText.oldXls('a.xls'),
      issueText.notASpreadsheet('a.xlsx', 'pdf', true),
      issueText.notASpreadsheet('a.bin', 'binary', false),
      issueText.onlyBlankRows('a.csv'),
      issueText.xlsxUnsupportedCompression(),
      issueText.xlsxDamaged(),
      issueText.sheetPartMissing('Blad1'),
      issueText.xlsxNoSheets(),
      issueText.sheetNotFound('Data', ['Blad1', 'Blad2']),
      issueText.zipNotWorkbook(),
      issueText.textNamedXlsx('a.xlsx'),
      issueText.noHeaderRow(30),
      issueText.headerIncomplete(3, { columns: [['year', 'B']], yearColumns: 1, sectorColumns: 2 }),
      issueText.withMergedCellsHint(issueText.noHeaderRow(30), ['A1:C1']),
      issueText.noHeaderRow(1),
      issueText.withOtherSheetsHint(issueText.noHeaderRow(1), 'Info', ['Utsläpp', 'Källor']),
      issueText.headerMergedCells(2, 'A2:B2', 'Utsläpp'),
      issueText.mergedDataCells('A3:A5', 'Lund'),
      issueText.unknownColumn('F', 'Kommentar'),
      issueText.yearColumnOutOfRange('G', 4, 1980, '1990–2025'),
      issueText.organisationFromTitle(organisation, 'Lund'),
      issueText.noOrganisationColumn(4),
      issueText.negativeEmissions(5, 'D', 'Utsläpp', -12.5, 'Transporter'),
      issueText.negativePopulation(5, 'E', 'Invånare', -3),
      issueText.excelError(5, 'D', 'Utsläpp', '#REF!', 'emissions'),
      issueText.notANumber(5, 'E', 'Invånare', 'många', 'population'),
      issueText.notAYear(5, 'B', 'År', '', '1990–2025'),
      issueText.notAYear(5, 'B', 'År', 'förra året', '1990–2025'),
      issueText.yearOutOfRange(5, 'B', 'År', 2100, '1990–2025'),
      issueText.sectorMissing(5, 'C', 'Sektor'),
      issueText.organisationNameDiffers(5, '1281', organisation, 'Lundby'),
      issueText.organisationMissing(5, 'A'),
      issueText.unknownSector(5, 3, 'C', 'Rymdfart', { sv: ['Transporter'], en: ['Transport'] }),
      issueText.uncachedFormula(5, 2, 'D', 'Utsläpp', '=SUM(D1:D4)'),
      issueText.excludedSector('LULUCF', 5),
      issueText.identicalDuplicates(2),
      issueText.skippedNotes(1),
      issueText.blankValues(4),
      issueText.conflictingValues(6, 5, organisation, 2020, 'Transporter', 10, 12),
      issueText.populationDiffers(6, 120_000, organisation, 2020, 5, 121_000),
      issueText.subsectorsDiffer(5, { sv: 'Transporter', en: 'Transport' }, organisation, 2020, 100, 6, 90),
      issueText.totalWithoutSectors(9, organisation, 2020),
      issueText.totalDiffers(9, organisation, 2020, 100, 90, true, 10),
      issueText.noDataRows(1),
      issueText.noValues(3),
      issueText.moreErrors(12),
      issueText.moreWarnings(1),
      issueText.sameFileCommitted('2026-03-01', 'kansli@example.se'),
      issueText.partialYear(
        organisation,
        [{ year: 2023, present: [{ sv: 'Transporter', en: 'Transport' }], expected: 8 }],
        2023,
      ),
      issueText.partialYear(organisation, [{ year: 2010, present: [], expected: 8 }], null),
      issueText.partialYearMore(3),
      issueText.publishedYearChanged(2027, 1, '2028-03-01', 4, true),
      issueText.publishedYearChanged(2026, 2, '2027-03-01', 4, false),
      issueText.publishedYearRollback(2027, 1, '2028-03-01', 4, true),
      issueText.publishedYearRollback(2026, 2, '2027-03-01', 4, false),
    ];
    for (const text of texts) expectBothLanguages({ row: null, column: null, ...text }, text.code);
    // Every code has words: none is listed without a builder that uses it.
    expect(new Set(texts.map((text) => text.code))).toEqual(new Set(IMPORT_ISSUE_CODES));
  });

  it('writes numbers and plurals as each language does', () => {
    expect(issueText.negativeEmissions(5, 'D', 'Utsläpp', -12345.5, 'Transporter')).toMatchObject({
      message: expect.stringMatching(/\(−12\s345,5\)/),
      messageEn: expect.stringContaining('(-12,345.5)'),
    });
    expect(issueText.moreWarnings(1).messageEn).toBe('… and 1 more warning not shown.');
    expect(issueText.moreWarnings(1).message).toBe('… och 1 varning till som inte visas.');
    expect(issueText.skippedNotes(1).message).toBe(
      '1 rad under rubrikraden saknade värden (t.ex. fotnoter) och hoppades över.',
    );
    expect(issueText.uncachedFormula(5, 2, 'D', 'Utsläpp', '=A1').message).toMatch(
      /^Rad 5 \(och 1 cell till i kolumnen\)/,
    );
  });

  it('writes "1 tonne" in English, not "1 tonnes"', () => {
    const organisation = 'Lund (1281)';
    const total = issueText.totalDiffers(9, organisation, 2020, 1, 2, false, 50).messageEn;
    expect(total).toContain('is 1 tonne CO2e but the sectors add up to 2 tonnes CO2e');
    const sub = issueText.subsectorsDiffer(5, { sv: 'Transporter', en: 'Transport' }, organisation, 2020, 1, 6, 1.5);
    expect(sub.messageEn).toContain('is 1 tonne CO2e but the sub-sectors (from row 6) add up to 1.5 tonnes CO2e');
    expect(issueText.conflictingValues(6, 5, organisation, 2020, 'Transporter', 2, 1).messageEn).toContain(
      '2 and 1 tonne CO2e',
    );
    expect(total.includes('1 tonnes') || sub.messageEn.includes('1 tonnes')).toBe(false);
  });

  it('closes a long list with a count in both languages', () => {
    const issues = new IssueList();
    for (let i = 0; i < MAX_REPORTED_ISSUES + 3; i++)
      issues.error(i + 1, 'A', issueText.organisationMissing(i + 1, 'A'));
    expect(issues.finish().errors.at(-1)).toEqual({
      row: null,
      column: null,
      code: 'more_errors',
      message: '… och 3 fel till som inte visas.',
      messageEn: '… and 3 more errors not shown.',
    });
  });

  it('reads an issue stored before issues had codes as `unspecified`, without English', () => {
    expect(ImportIssueSchema.parse({ row: 2, column: 'B', message: 'Gammalt fel.' })).toEqual({
      row: 2,
      column: 'B',
      code: 'unspecified',
      message: 'Gammalt fel.',
    });
  });
});

describe('a file with nothing to import', () => {
  it('is an error when there is a header row and no data rows under it', async () => {
    const parsed = await parseText('Kommunkod;År;Sektor;Utsläpp (ton CO2e)\n');
    expect(parsed.values).toEqual([]);
    expect(parsed.rows).toBe(0);
    expect(parsed.errors).toEqual([
      {
        row: null,
        column: null,
        code: 'no_data_rows',
        message:
          'Filen har en rubrikrad (rad 1) men inga rader med värden under den. Exportera filen på nytt med data.',
        messageEn:
          'The file has a header row (row 1) but no rows of values below it. Export the file again with its data.',
      },
    ]);
  });

  it('names the header row below title rows, in a wide file too', async () => {
    const parsed = await parseText('Utsläpp per kommun\n\nKommun;Sektor;2019;2020\n');
    expect(parsed.errors.map((issue) => [issue.code, issue.message])).toEqual([
      [
        'no_data_rows',
        'Filen har en rubrikrad (rad 3) men inga rader med värden under den. Exportera filen på nytt med data.',
      ],
    ]);
  });

  it('is an error when the rows give no value at all (every organisation unknown)', async () => {
    const parsed = await parseText(
      'Kommun;År;Sektor;Utsläpp (ton CO2e)\nAtlantis;2020;Transporter;12\nMu;2020;Jordbruk;3\n',
    );
    expect(parsed.organisations.unknown.map((unknown) => unknown.value)).toEqual(['Atlantis', 'Mu']);
    expect(parsed.errors.map((issue) => issue.code)).toEqual(['no_values']);
    expect(parsed.errors[0]?.message).toMatch(/^Filens 2 rader under rubrikraden gav inga utsläppsvärden/);
  });

  it('adds nothing to a file that has errors of its own, nor to a file with values', async () => {
    const broken = await parseText('Kommun;År;Sektor;Utsläpp (ton CO2e)\nLund;2020;Transporter;-5\n');
    expect(broken.errors.map((issue) => issue.code)).toEqual(['negative_emissions']);
    const good = await parseText('Kommun;År;Sektor;Utsläpp (ton CO2e)\nLund;2020;Transporter;5\n');
    expect(good.errors).toEqual([]);
    expect(good.values).toHaveLength(1);
  });
});
