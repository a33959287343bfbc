import { describe, expect, it } from 'vitest';
import { compileScoring, ScoringConfigError, scoringProblemText } from '../../shared/scoring/scoring-plan';
import { scoringProblem } from '../../web/src/pages/admin/editor/survey-tools';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import { opensLater, publishBlock } from '../../web/src/pages/admin/lib/campaign-lifecycle';

const NOW = Date.parse('2028-08-10T09:00:00Z');
const OPENS = '2028-09-01T06:00:00.000Z';

describe('the campaign page: publishing before anyone could answer, or nobody did', () => {
  it('takes an open campaign whose opening time is ahead as not taking answers yet', () => {
    expect(opensLater({ status: 'open', opensAt: OPENS }, NOW)).toBe(true);
    expect(opensLater({ status: 'open', opensAt: OPENS }, Date.parse(OPENS))).toBe(false);
    expect(opensLater({ status: 'closed', opensAt: OPENS }, NOW)).toBe(false);
  });

  it('blocks publishing ahead of the opening and with 0 submitted, and allows it with one', () => {
    const open = { status: 'open' as const, opensAt: OPENS };
    expect(publishBlock(open, NOW, { submitted: 0 })).toBe('notOpenYet');
    expect(publishBlock({ status: 'draft', opensAt: OPENS }, Date.parse(OPENS) + 1)).toBe('notOpenYet');
    const later = Date.parse('2028-09-20T09:00:00Z');
    expect(publishBlock(open, later, { submitted: 0 })).toBe('nothingSubmitted');
    expect(publishBlock({ status: 'closed', opensAt: OPENS }, later, { submitted: 0 })).toBe('nothingSubmitted');
    expect(publishBlock(open, later, { submitted: 1 })).toBeNull();
    // Not read yet: the dialog waits for the summary before it lets anyone publish.
    expect(publishBlock(open, later, null)).toBeNull();
  });

  it('says why in Swedish and English, with the opening date', () => {
    for (const dict of [sv, en]) {
      expect(dict['campaign.opensLater']).toContain('{date}');
      expect(dict['campaign.done.openLater']).toContain('{date}');
      expect(dict['campaign.publish.blocked.notOpenYet']).toContain('{date}');
      expect(dict['campaign.publish.blocked.nothingSubmitted']).toBeTruthy();
    }
    expect(sv['campaign.done.openLater']).not.toBe(sv['campaign.done.open']);
  });
});

describe('a scoring error in the survey editor', () => {
  const survey = {
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'radiogroup', name: 'M1', choices: [{ value: 'ja', score: 2 }] },
          { type: 'boolean', name: 'M3', scoreTrue: '3', scoreFalse: 0 },
        ],
      },
    ],
  };
  const text = JSON.stringify(survey, null, 2);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const scoreTrueLine = text.split('\n').findIndex((line) => line.includes('"scoreTrue"')) + 1;

  const problem = (() => {
    try {
      compileScoring(survey);
    } catch (error) {
      if (error instanceof ScoringConfigError) return error.problem;
    }
    throw new Error('the survey should not compile');
  })();

  it('carries the question, property and value as data, with a whole sentence in each language', () => {
    expect(problem).toMatchObject({ question: 'M3', property: 'scoreTrue', value: '3' });
    expect(scoringProblemText(problem, 'sv')).toBe(
      'frågan M3, egenskapen scoreTrue: poängen måste vara ett tal som är 0 eller större, men är "3"',
    );
    expect(scoringProblemText(problem, 'en')).toBe(
      'question M3, property scoreTrue: points must be a number of 0 or more, but is "3"',
    );
  });

  it('points at the line of M3 scoreTrue from the details, or from the Swedish or English message alone', () => {
    const svMessage = `Poängsättningen i enkäten är felaktig: ${scoringProblemText(problem, 'sv')}.`;
    const enMessage = `The survey's scoring is not valid: ${scoringProblemText(problem, 'en')}.`;
    for (const [message, details] of [
      ["The survey's scoring is not valid.", problem],
      ["The survey's scoring is not valid.", [{ survey: 'kommun', ...problem }]],
      [svMessage, undefined],
      [enMessage, undefined],
    ] as const) {
      const found = scoringProblem(text, survey, message, details);
      expect(lineOf(found.from)).toBe(scoreTrueLine);
      expect(found.message).toBe(message);
    }
  });

  it('points at a choice and at a page from their Swedish messages', () => {
    const bad = structuredClone(survey) as unknown as {
      pages: Array<{ maxScore?: unknown; elements: Array<Record<string, unknown>> }>;
    };
    bad.pages[0]!.elements[1]!.scoreTrue = 3;
    (bad.pages[0]!.elements[0]!.choices as Array<{ score: unknown }>)[0]!.score = -2;
    const badText = JSON.stringify(bad, null, 2);
    const choice = scoringProblem(
      badText,
      bad,
      'Poängsättningen i enkäten är felaktig: frågan M1, svarsalternativet ja (score): poängen …',
    );
    expect(badText.slice(choice.from, choice.to)).toBe('-2');
    bad.pages[0]!.maxScore = -1;
    const pageText = JSON.stringify(bad, null, 2);
    const page = scoringProblem(
      pageText,
      bad,
      "The survey's scoring is not valid: page p1, property maxScore: points …",
    );
    expect(pageText.slice(page.from, page.to)).toBe('-1');
  });
});
