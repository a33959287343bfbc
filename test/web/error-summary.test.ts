import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { format, type Translate } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';
import {
  currentProblems,
  groupProblems,
  type KeyLookup,
  type ProblemPlace,
  problemText,
  saveEntry,
  summaryEntry,
  withoutCorrected,
} from '../../web/src/pages/survey/error-summary';

const places: Record<string, ProblemPlace> = {
  respondent_name: { page: 'p0', pageTitle: 'Om er', pageIndex: 0, questionIndex: 1 },
  B1: { page: 'p1', pageTitle: 'Baskrav', pageIndex: 1, questionIndex: 0 },
  B3: { page: 'p1', pageTitle: 'Baskrav', pageIndex: 1, questionIndex: 4 },
  M2: { page: 'p3', pageTitle: 'Mål', pageIndex: 3, questionIndex: 2 },
};
const locate = (name: string) => places[name] ?? null;

describe('the submit error summary’s grouping', () => {
  it('groups by page in survey order, questions in order, whatever order the errors came in', () => {
    const groups = groupProblems(
      [
        { question: 'M2', message: 'Krävs' },
        { question: 'B3', message: 'Krävs' },
        { question: 'respondent_name', message: 'Krävs' },
        { question: 'B1', message: 'Krävs' },
      ],
      locate,
    );
    expect(groups.map((g) => [g.page, g.pageTitle, g.problems.map((p) => p.question)])).toEqual([
      ['p0', 'Om er', ['respondent_name']],
      ['p1', 'Baskrav', ['B1', 'B3']],
      ['p3', 'Mål', ['M2']],
    ]);
  });

  it('puts what no page holds last, and lists a repeated error once', () => {
    const groups = groupProblems(
      [
        { question: '', message: 'Svaret är för stort' },
        { question: 'B1', message: 'Krävs' },
        { question: 'B1', message: 'Krävs' },
        { question: 'B1', message: 'Ange en webbadress' },
      ],
      locate,
    );
    expect(groups).toEqual([
      {
        page: 'p1',
        pageTitle: 'Baskrav',
        problems: [
          { question: 'B1', message: 'Krävs' },
          { question: 'B1', message: 'Ange en webbadress' },
        ],
      },
      { page: null, pageTitle: '', problems: [{ question: '', message: 'Svaret är för stort' }] },
    ]);
  });

  it('gives no groups for no errors', () => {
    expect(groupProblems([], locate)).toEqual([]);
  });
});

describe('a problem’s text in the page’s language', () => {
  const detail = { question: 'B1', message: 'Frågan är obligatorisk.', messageEn: 'Response required.' };

  it('is the Swedish on a Swedish page and the English on an English page', () => {
    expect(problemText(detail, 'sv')).toEqual({ question: 'B1', message: 'Frågan är obligatorisk.' });
    expect(problemText(detail, 'en')).toEqual({ question: 'B1', message: 'Response required.' });
  });

  it('is the Swedish marked lang="sv" on an English page when no English came', () => {
    expect(problemText({ question: 'B1', message: 'Krävs' }, 'en')).toEqual({
      question: 'B1',
      message: 'Krävs',
      lang: 'sv',
    });
    expect(problemText({ question: 'B1', message: 'Krävs', messageEn: ' ' }, 'en').lang).toBe('sv');
  });
});

describe('what the submit summary shows now', () => {
  // What the questions show now: B1 two errors, B3 none (corrected); '' and 'borttagen' are no questions.
  const showing: Record<string, string[]> = { B1: ['Response required.', 'Enter a web address.'], B3: [] };
  const errorsOf = (key: string) => showing[key] ?? null;

  it('shows each listed question’s errors as it shows them now, once, and drops corrected ones', () => {
    const shown = currentProblems(
      [
        { question: 'B1', message: 'Frågan är obligatorisk.' },
        { question: 'B3', message: 'Frågan är obligatorisk.' },
        { question: 'B1', message: 'Ange en webbadress.' },
      ],
      errorsOf,
      'en',
    );
    expect(shown).toEqual([
      { question: 'B1', message: 'Response required.' },
      { question: 'B1', message: 'Enter a web address.' },
    ]);
  });

  it('keeps a problem no question holds, in the page’s language', () => {
    const whole = { question: '', message: 'Svaret är för stort.', messageEn: 'The answer is too large.' };
    expect(currentProblems([whole], errorsOf, 'en')).toEqual([{ question: '', message: 'The answer is too large.' }]);
    expect(currentProblems([whole], errorsOf, 'sv')).toEqual([{ question: '', message: 'Svaret är för stort.' }]);
  });

  it('takes corrected questions off the list, and keeps the same list when nothing was corrected', () => {
    const listed = [
      { question: 'B1', message: 'x' },
      { question: 'B3', message: 'x' },
      { question: 'borttagen', message: 'x' },
    ];
    expect(withoutCorrected(listed, errorsOf).map((p) => p.question)).toEqual(['B1', 'borttagen']);
    const uncorrected = listed.filter((p) => p.question !== 'B3');
    expect(withoutCorrected(uncorrected, errorsOf)).toBe(uncorrected);
  });
});

describe('a line of an error list', () => {
  const t: Translate = (key, params) => format(sv[key], params);
  const tEn: Translate = (key, params) => format(en[key], params);
  const lookup: KeyLookup = {
    isQuestion: (key) => key === 'B1' || key === 'B1_url',
    label: (key) =>
      key === 'B1_url'
        ? { title: 'Länk till underlag', context: 'Sida: Baskrav · Fråga: Finns ett beslut?' }
        : key === 'B1'
          ? { title: 'Finns ett beslut?', context: 'Sida: Baskrav' }
          : { title: key },
    mainTitle: (key) => (key === 'B1_url' ? 'Finns ett beslut?' : undefined),
  };

  it('in the summary, names the question, a way to it, and the question a link field is part of', () => {
    expect(summaryEntry({ question: 'B1_url', message: 'Ange en webbadress.' }, lookup, t)).toEqual({
      question: 'B1_url',
      message: 'Ange en webbadress.',
      opens: true,
      title: 'Länk till underlag',
      note: 'hör till: Finns ett beslut?',
    });
    expect(summaryEntry({ question: 'B1', message: 'Krävs' }, lookup, t)).toMatchObject({
      opens: true,
      title: 'Finns ett beslut?',
      note: undefined,
    });
  });

  it('in the summary, calls a problem with no question of the survey "the answers", in the page’s language', () => {
    const problem = { question: 'borttagen', message: 'Too large', lang: 'sv' as const };
    expect(summaryEntry(problem, lookup, t)).toMatchObject({ opens: false, title: 'Svaren', note: undefined });
    expect(summaryEntry(problem, lookup, tEn)).toMatchObject({ title: 'The answers', lang: 'sv' });
  });

  it('in the refused-save list, says where the question stands; an unknown key by its name', () => {
    expect(saveEntry({ question: 'B1_url', message: 'För lång' }, lookup, t)).toEqual({
      question: 'B1_url',
      message: 'För lång',
      opens: true,
      title: 'Länk till underlag',
      note: 'Sida: Baskrav · Fråga: Finns ett beslut?',
    });
    expect(saveEntry({ question: 'borttagen', message: 'x' }, lookup, t)).toMatchObject({
      opens: false,
      title: 'borttagen',
      note: undefined,
    });
    expect(saveEntry({ question: '', message: 'x' }, lookup, t)).toMatchObject({ opens: false, title: 'Svaren' });
  });
});
