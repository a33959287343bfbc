import { describe, expect, it } from 'vitest';
import { lostEdits, NAMED_AT_MOST, namedList } from '../../web/src/pages/survey/lost-edits';

const ORDER = ['respondent_name', 'respondent_role', 'B1', 'B1-Comment', 'B1_comment', 'B2'];

describe('lostEdits', () => {
  it('lists what the person changed since their last save that the stored response does not hold', () => {
    const base = { respondent_name: 'Erik', B1: true };
    const mine = { respondent_name: 'Maria', B1: true, B1_comment: 'Beslut 2024' };
    const stored = { respondent_name: 'Sara', B1: true };
    expect(lostEdits(base, mine, stored, ORDER)).toEqual(['respondent_name', 'B1_comment']);
  });

  it("leaves out what the other contact changed that the person never touched: it is not the person's to lose", () => {
    const base = { respondent_name: 'Erik', B1: true };
    // The page still shows B1 as it was loaded; the other contact changed it before submitting.
    const mine = { respondent_name: 'Maria', B1: true };
    const stored = { respondent_name: 'Sara', B1: false, B2: true };
    expect(lostEdits(base, mine, stored, ORDER)).toEqual(['respondent_name']);
  });

  it('leaves out a change the stored response holds anyway, and counts an emptied answer as a change', () => {
    const base = { respondent_name: 'Erik', respondent_role: 'Politiker', B1_comment: 'Text' };
    const mine = { respondent_name: 'Sara', respondent_role: 'Tjänsteperson' };
    const stored = { respondent_name: 'Sara', respondent_role: 'Politiker', B1_comment: 'Text' };
    expect(lostEdits(base, mine, stored, ORDER)).toEqual(['respondent_role', 'B1_comment']);
  });

  it('is empty when everything typed was stored, and treats missing, null and empty text alike', () => {
    const base = { respondent_name: 'Erik' };
    expect(lostEdits(base, { respondent_name: 'Erik' }, { respondent_name: 'Erik', B2: true }, ORDER)).toEqual([]);
    expect(lostEdits({}, { B1_comment: '' }, { B1_comment: null }, ORDER)).toEqual([]);
  });

  it('follows the survey, comments after their question, and leaves out what the person could not edit', () => {
    const mine = { B2: false, 'B1-Comment': 'Annat', organisation: 'Lund', respondent_name: 'Maria' };
    const keys = lostEdits({}, mine, {}, ORDER, (key) => key !== 'organisation');
    expect(keys).toEqual(['respondent_name', 'B1-Comment', 'B2']);
  });

  it('compares lists and objects by value, not by identity', () => {
    const base = { roles: ['a'] };
    expect(lostEdits(base, { roles: ['a', 'b'] }, { roles: ['a', 'b'] }, [])).toEqual([]);
    expect(lostEdits(base, { roles: ['a', 'b'] }, { roles: ['a'] }, [])).toEqual(['roles']);
  });
});

describe('namedList', () => {
  const more = { sv: (count: number) => `${count} till`, en: (count: number) => `${count} more` };

  it('quotes each name and joins them as a sentence does, in Swedish and English', () => {
    expect(namedList(['Namn'], 'sv', more.sv)).toBe('”Namn”');
    expect(namedList(['Namn', 'Roll', 'Kommentar'], 'sv', more.sv)).toBe('”Namn”, ”Roll” och ”Kommentar”');
    expect(namedList(['Name', 'Role'], 'en', more.en)).toBe('“Name” and “Role”');
  });

  it(`names at most ${NAMED_AT_MOST} and then says how many more`, () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    expect(namedList(names, 'sv', more.sv)).toBe('”A”, ”B”, ”C”, ”D”, ”E” och 3 till');
    expect(namedList(names, 'en', more.en)).toBe('“A”, “B”, “C”, “D”, “E” and 3 more');
    expect(namedList(names.slice(0, NAMED_AT_MOST), 'sv', more.sv)).toBe('”A”, ”B”, ”C”, ”D” och ”E”');
    expect(namedList(names, 'sv', more.sv, 2)).toBe('”A”, ”B” och 6 till');
  });

  it('is empty for no names', () => {
    expect(namedList([], 'sv', more.sv)).toBe('');
  });
});
