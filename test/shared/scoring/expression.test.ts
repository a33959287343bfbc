import fc from 'fast-check';
import { ConditionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { compileCondition, evaluateCondition, UnsupportedExpressionError } from '../../../shared/scoring/expression';
import { walkSurvey } from '../../../shared/scoring/survey-json';
import kommun from '../../../shared/surveys/kommun.json';
import region from '../../../shared/surveys/region.json';

describe('condition evaluation', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ["{a} = 'ja'", { a: 'ja' }, true],
    ["{a} = 'ja'", { a: 'Ja ' }, true],
    ["{a} = 'ja'", {}, false],
    ["{a} != 'ja'", {}, true],
    ["{a} <> 'ja'", { a: 'nej' }, true],
    ['{a} = true', { a: true }, true],
    ['{a} = true', { a: false }, false],
    ["{a} = 'true'", { a: true }, true],
    ['{n} >= 50', { n: 50 }, true],
    ['{n} > 50', { n: '60' }, true],
    ['{n} < 50', {}, false],
    ['{n} = 1', { n: '1' }, true],
    ['{a} notempty', { a: [] }, false],
    ['{a} notempty', { a: 0 }, true],
    ['{a} empty', { a: '' }, true],
    ["{c} contains 'x'", { c: ['x', 'y'] }, true],
    ["{c} notcontains 'x'", {}, true],
    ["{c} anyof ['x', 'z']", { c: ['z'] }, true],
    ["{c} allof ['x', 'z']", { c: ['z'] }, false],
    ["{c} noneof ['x']", { c: ['y'] }, true],
    ["{a} = 'ja' and ({b} = 1 or {c} = 2)", { a: 'ja', c: 2 }, true],
    ["!({a} = 'ja')", { a: 'ja' }, false],
    ["not {a} = 'ja'", { a: 'nej' }, true],
    ['{n} + {m} * 2 > 10', { n: 1, m: 5 }, true],
    ["{A} = 'ja'", { a: 'ja' }, true],
    ["{p.q} = 'x'", { p: { q: 'x' } }, true],
  ];
  it.each(cases)('%s with %j is %s', (expression, values, expected) => {
    // Act
    const result = evaluateCondition(expression, values);
    // Assert
    expect(result).toBe(expected);
  });

  it.each(['age({d}) > 18', "{a} = 'ja", '{a} = ', '({a} = 1', '{a} $ 2'])(
    '"%s" is rejected as unsupported',
    (expression) => {
      // Act
      const act = () => compileCondition(expression);
      // Assert
      expect(act).toThrow(UnsupportedExpressionError);
    },
  );

  it('every visibleIf and requiredIf in the shipped surveys compiles', () => {
    // Arrange
    const expressions = [kommun, region].flatMap((survey) =>
      walkSurvey(survey).questions.flatMap((q) =>
        [q.json.visibleIf, q.json.requiredIf].filter((e) => typeof e === 'string'),
      ),
    ) as string[];
    // Act
    const compiled = expressions.map((expression) => compileCondition(expression));
    // Assert
    expect(compiled.length).toBeGreaterThanOrEqual(4);
  });
});

describe('parity with survey-core ConditionRunner', () => {
  const expressions = [
    "{a} = 'ja'",
    "{a} != 'ja'",
    '{a} = true',
    '{a} = false',
    '{n} >= 50',
    '{n} < 80',
    '{n} = 1',
    '{a} notempty',
    '{a} empty',
    "{c} contains 'x'",
    "{c} notcontains 'x'",
    "{c} anyof ['x', 'z']",
    "{c} allof ['x', 'z']",
    "{a} = 'ja' and {n} > 10",
    "{a} = 'ja' or {c} contains 'y'",
    "!({a} = 'nej')",
    "{M4} = 'ja'",
    '{E4} = true',
  ];
  const value = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('ja', 'Ja', 'nej', '', ' ja', 'true', 'FALSE', '1', '0', '007', '1.5', ' 80', "'ja'", 'x', 'y'),
    fc.boolean(),
    fc.integer({ min: -5, max: 120 }),
    fc.double({ min: -5, max: 120, noNaN: true }),
    fc.subarray(['x', 'y', 'z']),
    fc.subarray([1, 2, 'x']),
    fc.constant(null),
  );
  const values = fc.record({ a: value, n: value, c: value, M4: value, E4: value }, { requiredKeys: [] });

  it.each(expressions)('"%s" agrees with survey-core for random answers', (expression) => {
    const runner = new ConditionRunner(expression);
    fc.assert(
      fc.property(values, (answers) => {
        // Act
        const ours = evaluateCondition(expression, answers);
        const theirs = runner.runValues({ ...answers });
        // Assert
        expect(ours).toBe(theirs);
      }),
      { numRuns: 1000 },
    );
  });
});
