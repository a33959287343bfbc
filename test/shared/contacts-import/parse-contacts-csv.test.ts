import { describe, expect, it } from 'vitest';
import { MAX_CONTACT_ROWS, parseContactsCsv } from '../../../shared/contacts-import/parse-contacts-csv';
import { statuteWarnings } from '../../../shared/domain/statute-roles';

describe('parseContactsCsv', () => {
  it('reads kod;namn;e-post;roll with a header, resolving codes, addresses and roles', () => {
    // Arrange
    const csv =
      '\uFEFFkod;namn;e-post;roll\r\n180;Anna Berg;Anna.Berg@Stockholm.se;Politiker\r\n12;Per Ek;per@skane.se;tjänsteperson\r\n';
    // Act
    const parsed = parseContactsCsv(csv);
    // Assert
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toBe(2);
    expect(parsed.valid).toEqual([
      { row: 2, organisationId: '0180', name: 'Anna Berg', email: 'anna.berg@stockholm.se', role: 'politician' },
      { row: 3, organisationId: '12', name: 'Per Ek', email: 'per@skane.se', role: 'official' },
    ]);
  });

  it('reads a file without a header row and skips blank lines', () => {
    const parsed = parseContactsCsv('1281;Erik;erik@lund.se;official\n\n1280;Eva;eva@malmo.se;politician\n');
    expect(parsed.rows).toBe(2);
    expect(parsed.valid.map((row) => row.row)).toEqual([1, 3]);
  });

  it('keeps a semicolon inside a quoted name', () => {
    const parsed = parseContactsCsv('1281;"Berg; Anna";anna@lund.se;politiker');
    expect(parsed.valid[0]?.name).toBe('Berg; Anna');
  });

  it.each([
    ['commas', 'kod,namn,e-post,roll\n1281,Erik,erik@lund.se,politiker', /komma \(,\).*semikolon/],
    ['tabs', 'kod\tnamn\te-post\troll\n1281\tErik\terik@lund.se\tpolitiker', /tabb.*semikolon/],
  ])('says that a file separated by %s uses the wrong separator', (_case, csv, message) => {
    const parsed = parseContactsCsv(csv);
    expect(parsed.valid).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: null, column: null, message: expect.stringMatching(message) });
  });

  it.each([
    ['a NUL', '1281;Eva\u0000 Ek;eva@lund.se;politiker', /styrtecken/, /control character/],
    ['a line break in a quoted name', '1281;"Eva\nEk";eva@lund.se;politiker', /på en rad/, /one line/],
    ['zero-width spaces only', '1281;\u200b\u200b;eva@lund.se;politiker', /synliga tecken/, /visible characters/],
  ])('refuses a name with %s, as the console’s contact form does', (_case, csv, sv, en) => {
    const parsed = parseContactsCsv(csv);
    expect(parsed.valid).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        row: 1,
        column: 'namn',
        code: 'name_not_visible',
        message: expect.stringMatching(sv),
        messageEn: expect.stringMatching(en),
      },
    ]);
  });

  it('reports each bad cell with its line number and column', () => {
    // Arrange
    const csv = [
      'kod;namn;e-post;roll',
      '0000;A;a@example.se;politiker',
      '02;B;b@example.se;politiker',
      '12345;C;c@example.se;politiker',
      '1281;;d@example.se;politiker',
      '1281;E;inte-en-adress;politiker',
      '1281;F;f@example.se;borgmästare',
      '1281;G;g@example.se',
    ].join('\n');
    // Act
    const parsed = parseContactsCsv(csv);
    // Assert
    expect(parsed.valid).toEqual([]);
    expect(parsed.rows).toBe(7);
    expect(parsed.errors.map((error) => [error.row, error.column])).toEqual([
      [2, 'kod'],
      [3, 'kod'],
      [4, 'kod'],
      [5, 'namn'],
      [6, 'e-post'],
      [7, 'roll'],
      [8, null],
    ]);
    expect(parsed.errors.every((error) => error.message.length > 0)).toBe(true);
  });

  it('says four digits that are no kommun (9999) are not a valid code, rather than not four digits', () => {
    const parsed = parseContactsCsv(
      '9999;A;a@example.se;politiker\n12345;B;b@example.se;politiker\n;C;c@example.se;politiker',
    );
    expect(parsed.errors.map((error) => error.message)).toEqual([
      '9999 är ingen giltig kommun- eller länskod. En kommunkod har fyra siffror och börjar med länets kod ' +
        '(t.ex. 0180 eller 1281); länskoderna är 01, 03–10, 12–14 och 17–25.',
      '12345 är ingen kommun- eller länskod. Ange fyra siffror för en kommun (t.ex. 0180) eller två för en region (t.ex. 12).',
      'Koden saknas.',
    ]);
  });

  it('refuses the same address twice, pointing at the first row', () => {
    const parsed = parseContactsCsv('1281;A;a@lund.se;politiker\n1280;B;A@Lund.se;politiker');
    expect(parsed.valid).toHaveLength(1);
    expect(parsed.errors).toEqual([
      {
        row: 2,
        column: 'e-post',
        code: 'duplicate_email',
        message: expect.stringContaining('rad 1'),
        messageEn: expect.stringContaining('row 1'),
      },
    ]);
  });

  it('refuses a header in the wrong order', () => {
    const parsed = parseContactsCsv('namn;kod;e-post;roll\n1281;A;a@lund.se;politiker');
    expect(parsed.errors[0]).toMatchObject({ row: 1, message: expect.stringContaining('kod;namn;e-post;roll') });
  });

  it('says so when the file holds no contacts', () => {
    expect(parseContactsCsv('kod;namn;e-post;roll\n').errors[0]?.message).toMatch(/inga kontakter/);
  });

  it(`refuses more than ${MAX_CONTACT_ROWS} rows and lists at most 200 errors`, () => {
    const lines = Array.from({ length: MAX_CONTACT_ROWS + 1 }, (_, i) => `9999;N;n${i}@x.se;politiker`);
    const parsed = parseContactsCsv(lines.join('\n'));
    expect(parsed.rows).toBe(MAX_CONTACT_ROWS + 1);
    expect(parsed.errors).toHaveLength(202);
    expect(parsed.errors.at(-1)?.message).toMatch(/fel till som inte visas/);
    // The file's own problem is listed although 200 row errors came first.
    expect(parsed.errors.at(-2)).toMatchObject({ row: null, code: 'too_many_rows' });
  });
});

describe('statuteWarnings', () => {
  it('warns for each missing role, politician first', () => {
    expect(statuteWarnings([]).map((warning) => warning.code)).toEqual(['missing_politician', 'missing_official']);
    expect(statuteWarnings([{ role: 'politician' }]).map((warning) => warning.code)).toEqual(['missing_official']);
  });

  it('is silent when both roles are there', () => {
    expect(statuteWarnings([{ role: 'official' }, { role: 'politician' }])).toEqual([]);
  });
});
