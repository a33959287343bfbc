import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from '../../web/src/lib/format';
import { describeAnswer, localized, summarizeSurvey } from '../../web/src/lib/survey-summary';
import { scoreLine } from '../../web/src/pages/admin/ReviewPage';

const labels = { yes: 'Ja', no: 'Nej' };
const kommun = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../shared/surveys/kommun.json'), 'utf8'),
) as Record<string, unknown>;

describe('survey summary (the receipt, without survey-core)', () => {
  it('turns answers into readable text in either language', () => {
    const pages = summarizeSurvey(kommun, { respondent_role: 'tjansteperson', B1: true, B2: false }, 'sv', labels);
    const items = pages.flatMap((p) => p.items);
    expect(items.find((i) => i.name === 'respondent_role')?.answer).toBe('Tjänsteperson');
    expect(items.find((i) => i.name === 'B1')?.answer).toBe('Ja');
    expect(items.find((i) => i.name === 'B2')?.answer).toBe('Nej');
    expect(items.find((i) => i.name === 'B3')?.answer).toBeUndefined();
    expect(pages[1]?.title).toBe('Baskrav för medlemskap');
    const english = summarizeSurvey(kommun, { respondent_role: 'tjansteperson' }, 'en', labels);
    expect(english[0]?.items.find((i) => i.name === 'respondent_role')?.answer).toBe('Official');
    expect(english[1]?.title).toBe('Basic requirements for membership');
  });

  it('reads checkbox lists, "other" with its text, and plain values', () => {
    const q = {
      type: 'checkbox',
      name: 'x',
      choices: [{ value: 'a', text: { default: 'Alfa', en: 'Alpha' } }, 'b'],
      otherText: { default: 'Annat' },
    };
    expect(describeAnswer(q, ['a', 'b', 'other'], 'sv', labels, 'egen')).toBe('Alfa, b, Annat: egen');
    expect(describeAnswer({ type: 'text' }, 42, 'sv', labels)).toBe('42');
    expect(describeAnswer({ type: 'text' }, '', 'sv', labels)).toBeUndefined();
    expect(localized({ default: 'Hej', en: 'Hi' }, 'en')).toBe('Hi');
    expect(localized({ default: 'Hej' }, 'en')).toBe('Hej');
  });

  it('keeps what was written in a comment area, and drops an "other" text left from an earlier choice', () => {
    const q = { type: 'radiogroup', name: 'y', choices: ['a'], showCommentArea: true };
    expect(describeAnswer(q, 'a', 'sv', labels, 'Beslutat i KF')).toBe('a (kommentar: Beslutat i KF)');
    expect(describeAnswer(q, undefined, 'en', labels, 'Decided')).toBe('Comment: Decided');
    expect(describeAnswer({ ...q, showCommentArea: false, showOtherItem: true }, 'a', 'sv', labels, 'gammal')).toBe(
      'a',
    );
    expect(describeAnswer({ type: 'checkbox', noneText: { default: 'Inget av dessa' } }, ['none'], 'sv', labels)).toBe(
      'Inget av dessa',
    );
  });
});

describe('numbers in the summary follow the reader’s language (the receipt and the review page)', () => {
  const survey = {
    pages: [
      {
        name: 'mal',
        elements: [
          { type: 'text', name: 'M0', inputType: 'number', readOnly: true, title: 'Utsläpp per invånare' },
          { type: 'text', name: 'M2', inputType: 'number', min: 2020, max: 2100, title: 'Nettonollår' },
          { type: 'text', name: 'E4_kw', inputType: 'number', title: 'Installerad effekt (kW)' },
          { type: 'text', name: 'U4_kg', inputType: 'number', title: 'Kg CO2e per kg livsmedel' },
          { type: 'rating', name: 'betyg', title: 'Betyg' },
          { type: 'dropdown', name: 'andel', title: 'Andel', choices: [0.5, 1.5] },
          { type: 'radiogroup', name: 'R', title: 'Skala', choices: [{ value: 2, text: 'Två' }] },
          { type: 'text', name: 'T', title: 'Text' },
        ],
      },
    ],
  };
  const data = { M0: 2.4, M2: 2045, E4_kw: 12500.75, U4_kg: -0.125, betyg: 4, andel: 1.5, R: 2, T: '1.5 ton' };
  const answers = (lang: 'sv' | 'en') =>
    summarizeSurvey(survey, data, lang, labels)[0]!.items.map((item) => [item.name, item.answer]);

  it('writes 2.4 as "2,4" in Swedish, with a space between thousands, and keeps every decimal given', () => {
    expect(Object.fromEntries(answers('sv'))).toEqual({
      M0: '2,4',
      // A year is not grouped: "2045", never "2 045".
      M2: '2045',
      E4_kw: '12\u00a0500,75',
      U4_kg: '\u22120,125',
      betyg: '4',
      andel: '1,5',
      // A choice with a number value reads as its text; free text stays as written.
      R: 'Två',
      T: '1.5 ton',
    });
  });

  it('writes them as English does in English', () => {
    expect(Object.fromEntries(answers('en'))).toEqual({
      M0: '2.4',
      M2: '2045',
      E4_kw: '12,500.75',
      U4_kg: '-0.125',
      betyg: '4',
      andel: '1.5',
      R: 'Två',
      T: '1.5 ton',
    });
  });

  it('gives the review page’s score line, points and share, in the reader’s format', () => {
    const score = { total: 30.5, max: 66, share: 0.4621, band: null, gatePassed: true, sections: [], questions: [] };
    expect(scoreLine(score, 'sv')).toBe('30,5 / 66 (46\u00a0%)');
    expect(scoreLine(score, 'en')).toBe('30.5 / 66 (46%)');
  });
});

describe('dates in Swedish time', () => {
  it('shows the deadline in Europe/Stockholm whatever the machine clock says', () => {
    expect(formatDateTime('2026-12-12T22:59:00.000Z', 'sv')).toBe('12 december 2026 kl. 23:59');
    expect(formatDateTime('2026-06-30T21:59:00.000Z', 'en')).toBe('30 June 2026 at 23:59');
    expect(formatTime('2026-03-01T13:32:00.000Z', 'sv')).toBe('14:32');
  });
});
