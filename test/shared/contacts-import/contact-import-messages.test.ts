import { describe, expect, it } from 'vitest';
import {
  CONTACT_IMPORT_ISSUE_CODES,
  type ContactIssueText,
  contactIssueText,
} from '../../../shared/contacts-import/messages';
import { MAX_CONTACT_ROWS, parseContactsCsv } from '../../../shared/contacts-import/parse-contacts-csv';
import type { ContactImportIssue } from '../../../shared/schemas/contact-import.schema';

/** Swedish words an English sentence never needs; quoted values and the file's own column names are left out. */
const SWEDISH_WORDS = /\b(Rad|rad|och|är|inte|saknas|Filen|filen|ska|finns|ingen|Ange|Rollen|Koden|Namnet)\b/;

function expectBothLanguages(issue: Pick<ContactImportIssue, 'code' | 'message' | 'messageEn'>, where: string): void {
  expect(CONTACT_IMPORT_ISSUE_CODES as readonly string[], where).toContain(issue.code);
  expect(issue.message.trim(), where).not.toBe('');
  expect(issue.messageEn?.trim(), where).toBeTruthy();
  expect(issue.messageEn, where).not.toBe(issue.message);
  const english = (issue.messageEn ?? '').replace(/"[^"]*"/g, '""').replace('kod;namn;e-post;roll', '');
  expect(english, `${where}: ${issue.messageEn}`).not.toMatch(SWEDISH_WORDS);
}

/** Files that between them raise every problem the parser knows. */
const BROKEN_FILES: Record<string, string> = {
  commas: 'kod,namn,e-post,roll\n1281,Erik,erik@lund.se,politiker',
  tabs: 'kod\tnamn\te-post\troll\n1281\tErik\terik@lund.se\tpolitiker',
  'no separator': 'kod\n1281',
  'bad header': 'namn;kod;e-post;roll\n1281;A;a@lund.se;politiker',
  empty: 'kod;namn;e-post;roll\n',
  unreadable: '1281;\uFFFDsa \uFFFDberg;asa@lund.se;politiker',
  rows: [
    'kod;namn;e-post;roll',
    '9999;A;a@example.se;politiker',
    '12345;B;b@example.se;politiker',
    'abc;B;b2@example.se;politiker',
    ';C;c@example.se;politiker',
    '1281;;d@example.se;politiker',
    `1281;${'x'.repeat(201)};d2@example.se;politiker`,
    '1281;E\u0000k;d3@example.se;politiker',
    '1281;E;;politiker',
    '1281;E;not-an-address;politiker',
    '1281;F;f@example.se;',
    '1281;F;f2@example.se;borgmästare',
    '1281;G;g@example.se',
    '1281;H;h@lund.se;politiker',
    '1280;H;H@lund.se;politiker',
  ].join('\n'),
  'too many': Array.from({ length: MAX_CONTACT_ROWS + 1 }, (_, i) => `9999;N;n${i}@x.se;politiker`).join('\n'),
};

describe('the contacts import’s issues in Swedish and English', () => {
  it('gives every issue the parser finds a code and an English text', () => {
    const seen = new Set<string>();
    for (const [name, csv] of Object.entries(BROKEN_FILES)) {
      for (const issue of parseContactsCsv(csv).errors) {
        expectBothLanguages(issue, name);
        seen.add(issue.code);
      }
    }
    // Every code but the two the API adds (it knows the register and the admins) came up.
    expect([...seen].sort()).toEqual(
      CONTACT_IMPORT_ISSUE_CODES.filter((code) => code !== 'unknown_organisation' && code !== 'email_is_admin').sort(),
    );
  });

  it('has both languages for every kind of issue, the API’s included', () => {
    const texts = Object.values(contactIssueText).map((make) =>
      (make as (...args: unknown[]) => ContactIssueText)('0180', 3),
    );
    for (const text of texts) expectBothLanguages(text, text.code);
    expect(new Set(texts.map((text) => text.code))).toEqual(new Set(CONTACT_IMPORT_ISSUE_CODES));
  });

  it('says the länskoder and the count of errors not shown in each language', () => {
    const [nine] = parseContactsCsv('9999;A;a@example.se;politiker').errors;
    expect(nine?.message).toContain('länskoderna är 01, 03–10, 12–14 och 17–25.');
    expect(nine?.messageEn).toContain('the county codes are 01, 03–10, 12–14 and 17–25.');
    const many = parseContactsCsv(
      Array.from({ length: 203 }, (_, i) => `9999;N;n${i}@x.se;politiker`).join('\n'),
    ).errors.at(-1);
    expect(many).toMatchObject({
      code: 'more_errors',
      message: '… och 3 fel till som inte visas.',
      messageEn: '… and 3 more errors not shown.',
    });
  });
});
