import { describe, expect, it } from 'vitest';
import { groupProblems, type ProblemPlace } from '../../web/src/pages/survey/error-summary';

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
