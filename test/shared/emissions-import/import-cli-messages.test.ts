import { describe, expect, it } from 'vitest';
import { forImportCli, issueText } from '../../../shared/emissions-import/messages';

/** `npm run import` has no "Flik" field: its messages point at its --sheet option instead. */
describe('forImportCli', () => {
  it('points a missing sheet at --sheet, in Swedish and English', () => {
    const issue = forImportCli(issueText.sheetNotFound('Data', ['Blad1', 'Blad2']));
    expect(issue).toEqual({
      code: 'sheet_not_found',
      message:
        'Excel-filen har ingen flik som heter "Data". Flikarna i filen är: "Blad1", "Blad2". Ange en av dem efter --sheet.',
      messageEn:
        'The Excel file has no sheet named "Data". The sheets in the file are: "Blad1", "Blad2". Pass one of them to --sheet.',
    });
  });

  it('points the other sheets hint at --sheet', () => {
    const issue = forImportCli(issueText.withOtherSheetsHint(issueText.noHeaderRow(1), 'Info', ['Utsläpp']));
    expect(issue.message).toMatch(
      /Läste fliken "Info"; filen har också fliken "Utsläpp"\. Ange fliken med utsläppen efter --sheet\.$/,
    );
    expect(issue.messageEn).toMatch(
      /the file also has the sheet "Utsläpp"\. Pass the sheet with the emissions to --sheet\.$/,
    );
    for (const text of [issue.message, issue.messageEn]) expect(text).not.toMatch(/Flik|"Sheet"/);
  });

  it('leaves the console words as they were, and every other message alone', () => {
    expect(issueText.sheetNotFound('Data', ['Blad1']).message).toMatch(/Skriv en av dem i fältet "Flik"\.$/);
    const other = issueText.fileEmpty('a.csv');
    expect(forImportCli(other)).toEqual(other);
    expect(forImportCli({ message: 'något annat' })).toEqual({ message: 'något annat' });
  });
});
