import { describe, expect, it } from 'vitest';
import {
  analyseConflict,
  changedQuestions,
  chooseAll,
  inSurveyOrder,
  mainQuestionOf,
  mergeAnswers,
  sameAnswer,
  unresolved,
} from '../../web/src/pages/survey/conflict-merge';

describe('sameAnswer', () => {
  it('treats missing, null, empty string and empty list alike', () => {
    expect(sameAnswer(undefined, null)).toBe(true);
    expect(sameAnswer('', undefined)).toBe(true);
    expect(sameAnswer([], undefined)).toBe(true);
    expect(sameAnswer(0, undefined)).toBe(false);
    expect(sameAnswer(false, undefined)).toBe(false);
  });
  it('compares objects regardless of key order and lists by order', () => {
    expect(sameAnswer({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameAnswer('1', 1)).toBe(false);
  });
});

describe('analyseConflict', () => {
  const base = { name: 'Erik', B1: true, B2: false, M7: ['ghg'] };

  it('asks only about questions both sides changed to different answers', () => {
    const mine = { ...base, name: 'Erik N.', B2: true };
    const theirs = { ...base, name: 'Anna', M7: ['ghg', 'cdp'] };
    const analysis = analyseConflict(base, mine, theirs);
    expect(analysis.conflicts).toEqual([{ name: 'name', mine: 'Erik N.', theirs: 'Anna' }]);
    expect(analysis.takenFromTheirs).toEqual(['M7']);
    expect(analysis.keptFromMine).toEqual(['B2']);
  });

  it('is no conflict when both sides made the same change', () => {
    const analysis = analyseConflict(base, { ...base, B2: true }, { ...base, B2: true });
    expect(analysis.conflicts).toEqual([]);
    expect(analysis.takenFromTheirs).toEqual([]);
    expect(analysis.keptFromMine).toEqual([]);
  });

  it('counts a cleared answer as a change', () => {
    const { B1: _gone, ...mine } = base;
    const analysis = analyseConflict(base, mine, { ...base, B1: false });
    expect(analysis.conflicts).toEqual([{ name: 'B1', mine: undefined, theirs: false }]);
  });

  it('sees questions only one side has', () => {
    const analysis = analyseConflict({}, { a: 1 }, { b: 2 });
    expect(analysis.keptFromMine).toEqual(['a']);
    expect(analysis.takenFromTheirs).toEqual(['b']);
  });
});

describe('mergeAnswers', () => {
  const base = { name: 'Erik', B1: true, B2: false, url: 'https://a.se' };
  const mine = { ...base, name: 'Erik N.', B2: true };
  const theirs = { ...base, name: 'Anna', url: 'https://b.se' };

  it('keeps my answer where I chose so, and takes theirs where only they changed', () => {
    expect(mergeAnswers(base, mine, theirs, { name: 'mine' })).toEqual({
      name: 'Erik N.',
      B1: true,
      B2: true,
      url: 'https://b.se',
    });
  });

  it('takes their answer where I chose so, and still keeps what only I changed', () => {
    expect(mergeAnswers(base, mine, theirs, { name: 'theirs' })).toEqual({
      name: 'Anna',
      B1: true,
      B2: true,
      url: 'https://b.se',
    });
  });

  it('"take all theirs" resolves every conflict to theirs', () => {
    const analysis = analyseConflict(base, mine, theirs);
    const choices = chooseAll(analysis, 'theirs');
    expect(unresolved(analysis, choices)).toEqual([]);
    expect(mergeAnswers(base, mine, theirs, choices).name).toBe('Anna');
  });

  it('drops a question both sides or the chosen side cleared', () => {
    const { url: _a, ...mineCleared } = base;
    expect(mergeAnswers(base, mineCleared, base, {})).not.toHaveProperty('url');
    const { url: _b, ...theirsCleared } = base;
    expect(mergeAnswers(base, base, theirsCleared, {})).not.toHaveProperty('url');
  });

  it('lists unresolved conflicts until each has a choice', () => {
    const analysis = analyseConflict(base, { ...mine, B1: false }, { ...theirs, B1: null });
    expect(unresolved(analysis, {}).sort()).toEqual(['B1', 'name']);
    expect(unresolved(analysis, { name: 'mine' })).toEqual(['B1']);
  });

  it('never loses an answer: every key of the result comes from one of the sides', () => {
    const merged = mergeAnswers(base, mine, theirs, { name: 'mine' });
    for (const [key, value] of Object.entries(merged)) {
      expect([mine[key as keyof typeof mine], theirs[key as keyof typeof theirs]]).toContainEqual(value);
    }
  });
});

describe('changedQuestions', () => {
  it('lists questions whose answers differ', () => {
    expect(changedQuestions({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual(['b', 'c']);
    expect(changedQuestions({ a: '' }, {})).toEqual([]);
  });
});

describe('survey order and context', () => {
  // As the kommun survey asks them: B1 with its link and comment, then B2, then M1 with its other-text.
  const order = ['B1', 'B1_url', 'B1_comment', 'B2', 'B2_url', 'B2_comment', 'M1', 'M1-Comment', 'M10'];

  it('lists conflicts in the order the survey asks them, not by internal name', () => {
    // Arrange
    const base = {};
    const mine = { M10: 'a', B2_comment: 'a', 'M1-Comment': 'a', B1_url: 'a', B2: true };
    const theirs = { M10: 'b', B2_comment: 'b', 'M1-Comment': 'b', B1_url: 'b', B2: false };
    // Act
    const analysis = analyseConflict(base, mine, theirs, order);
    // Assert
    expect(analysis.conflicts.map((c) => c.name)).toEqual(['B1_url', 'B2', 'B2_comment', 'M1-Comment', 'M10']);
  });

  it('puts keys the survey no longer has last', () => {
    expect(inSurveyOrder(['zz_gone', 'M1', 'aa_gone', 'B1_comment'], order)).toEqual([
      'B1_comment',
      'M1',
      'aa_gone',
      'zz_gone',
    ]);
  });

  it('finds the main question of a link or comment field by its name', () => {
    const isQuestion = (name: string) => order.includes(name) || name === 'M0_emissions_per_inhabitant';
    expect(mainQuestionOf('B1_url', isQuestion)).toBe('B1');
    expect(mainQuestionOf('B2_comment', isQuestion)).toBe('B2');
    expect(mainQuestionOf('M0_emissions_per_inhabitant', isQuestion)).toBeNull();
    expect(mainQuestionOf('B1', isQuestion)).toBeNull();
    expect(mainQuestionOf('_url', isQuestion)).toBeNull();
  });
});
