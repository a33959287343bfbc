import { describe, expect, it } from 'vitest';
import { importReportLines } from '../../functions/cli/import-report';
import { keyValueLines } from '../../functions/cli/text-table';
import { cliText } from '../../functions/local/cli-language';
import type { ImportIssue } from '../../shared/emissions-import/import.schema';

type Preview = Parameters<typeof importReportLines>[0];

const clean: Preview = {
  fileName: 'utslapp-2025.xlsx',
  layout: 'long',
  rows: 2268,
  organisations: { matched: ['0114', '1281'], unknown: [] },
  years: [2021, 2023],
  sectors: ['transporter', 'industri'],
  changes: { new: 756, changed: 12, unchanged: 1500 },
  errors: [],
  warnings: [],
};

const issue = (row: number | null, column: string | null, message: string, messageEn: string): ImportIssue => ({
  row,
  column,
  code: 'test',
  message,
  messageEn,
});

const broken: Preview = {
  ...clean,
  fileName: 'trasig.csv',
  layout: 'wide-years',
  rows: 3,
  organisations: { matched: ['1281'], unknown: [{ row: 12, value: 'Ödeshög kommun' }] },
  years: null,
  sectors: [],
  changes: { new: 1, changed: 0, unchanged: 0 },
  errors: [
    issue(2, 'E', '"abc" är inte ett tal.', '"abc" is not a number.'),
    issue(null, null, 'Filen är tom.', 'Empty.'),
  ],
  warnings: [issue(130, 'B', 'Okänd sektor.', 'Unknown sector.')],
};

const swedish = cliText({ LANG: 'sv_SE.UTF-8' }).import;
const english = cliText({ LANG: 'en_GB.UTF-8' }).import;

describe('keyValueLines', () => {
  it('pads every label to the widest, counting å as one character', () => {
    expect(
      keyValueLines([
        ['År', '2021–2023'],
        ['Oförändrade', 3],
      ]),
    ).toEqual(['År           2021–2023', 'Oförändrade  3']);
  });
});

describe('what npm run import prints about a preview', () => {
  it('in Swedish: the facts aligned, no console.table frame, and a summary line', () => {
    const lines = importReportLines(clean, swedish, (i) => i.message);
    expect(lines).toEqual([
      '',
      'Fil             utslapp-2025.xlsx',
      'Layout          en rad per värde',
      'Rader           2268',
      'Organisationer  2',
      'År              2021–2023',
      'Sektorer        transporter, industri',
      'Nya             756',
      'Ändrade         12',
      'Oförändrade     1500',
      'Fel             0',
      'Varningar       0',
      '',
      'Summa: 2268 rader från 2 organisationer; 756 nya, 12 ändrade och 1500 oförändrade värden; 0 fel, 0 varningar.',
    ]);
    expect(lines.join('\n')).not.toMatch(/[│┌└─']|\(index\)/);
  });

  it('tables the unknown organisations, the errors and the warnings, rows right-aligned', () => {
    const lines = importReportLines(broken, swedish, (i) => i.message);
    expect(lines.slice(12)).toEqual([
      '',
      'Okända organisationer (raderna lästes inte):',
      'Rad  Organisation',
      '---  --------------',
      ' 12  Ödeshög kommun',
      '',
      'Fel:',
      'Rad  Kolumn  Fel',
      '---  ------  ----------------------',
      '  2  E       "abc" är inte ett tal.',
      '  –  –       Filen är tom.',
      '',
      'Varningar:',
      'Rad  Kolumn  Varning',
      '---  ------  -------------',
      '130  B       Okänd sektor.',
      '',
      'Summa: 3 rader från 1 organisation (och 1 okänd); 1 nya, 0 ändrade och 0 oförändrade värden; 2 fel, 1 varning.',
    ]);
    expect(lines).toContain('Layout          år som kolumner');
    expect(lines).toContain('År              –');
    expect(lines).toContain('Sektorer        –');
  });

  it('in English, with the issues in the words the caller gives', () => {
    const lines = importReportLines(broken, english, (i) => i.messageEn ?? i.message);
    expect(lines.slice(1, 4)).toEqual([
      'File           trasig.csv',
      'Layout         years as columns',
      'Rows           3',
    ]);
    expect(lines).toContain('Row  Column  Error');
    expect(lines).toContain('  2  E       "abc" is not a number.');
    expect(lines.at(-1)).toBe(
      'Total: 3 rows from 1 organisation (and 1 unknown); 1 new, 0 changed and 0 unchanged values; 2 errors, 1 warning.',
    );
    expect(lines.join('\n')).not.toMatch(/Fel|Varning|Summa/);
  });
});
