import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from '../../web/src/lib/format';
import { describeAnswer, localized, summarizeSurvey } from '../../web/src/lib/survey-summary';

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
});

describe('dates in Swedish time', () => {
  it('shows the deadline in Europe/Stockholm whatever the machine clock says', () => {
    expect(formatDateTime('2026-12-12T22:59:00.000Z', 'sv')).toBe('12 december 2026 kl. 23:59');
    expect(formatDateTime('2026-06-30T21:59:00.000Z', 'en')).toBe('30 June 2026 at 23:59');
    expect(formatTime('2026-03-01T13:32:00.000Z', 'sv')).toBe('14:32');
  });
});
