import { describe, expect, it } from 'vitest';
import { questionIndexOf } from '../../../shared/survey-validation/question-index';
import {
  checkComment,
  checkValue,
  hasAnswerControlCharacter,
  leafProblem,
} from '../../../shared/survey-validation/value-checks';
import { makeSurvey, page } from '../../helpers/make-survey';

const { questions } = questionIndexOf(
  makeSurvey({
    pages: [
      page('p', [
        { type: 'text', name: 'namn' },
        { type: 'comment', name: 'fritext' },
        { type: 'text', name: 'tal', inputType: 'number' },
        { type: 'text', name: 'heltal', inputType: 'number', step: 1 },
        { type: 'text', name: 'tiondel', inputType: 'number', step: 0.1 },
        { type: 'text', name: 'halva', inputType: 'number', step: 0.5 },
      ]),
    ],
  }),
);
const question = (name: string) => questions.get(name)!;
const codes = (problems: Array<{ code: string }>) => problems.map((problem) => problem.code);

describe('leafProblem: numbers that cannot be stored', () => {
  it.each([0, 1, -1, 0.5, 1e-130, -1e-130, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2035])(
    'finds %s storable',
    (n) => {
      expect(leafProblem(n)).toBeUndefined();
    },
  );

  it.each([2 ** 53, -(2 ** 53), 1e21, -1e21, 9.9e125, 1e-131, 1e-200, -1e-200, Number.MIN_VALUE])(
    'finds %s unstorable',
    (n) => {
      expect(leafProblem(n)?.code).toBe('number_not_storable');
    },
  );

  it('looks at any depth of an answer', () => {
    expect(leafProblem({ rad: { kol: [1, 1e21] } })?.code).toBe('number_not_storable');
    expect(leafProblem([{ x: 'text', y: 3, z: true, n: null }])).toBeUndefined();
  });

  it('names an unstorable number before a control character, wherever each is (one walk finds both)', () => {
    expect(leafProblem([{ x: 'a\u0000' }, { y: 1e21 }])?.code).toBe('number_not_storable');
    expect(leafProblem([{ y: 1e21 }, { x: 'a\u0000' }])?.code).toBe('number_not_storable');
    expect(leafProblem({ a: 'a\u0000', b: { c: 'b\u0001', d: 2 } })?.code).toBe('control_character');
  });
});

describe('control characters', () => {
  it('allows tab, line feed and carriage return and refuses the other C0 characters', () => {
    const allowed = new Set([0x09, 0x0a, 0x0d]);
    for (let code = 0; code < 0x20; code++) {
      expect(hasAnswerControlCharacter(`a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe(
        !allowed.has(code),
      );
    }
    expect(hasAnswerControlCharacter('Åtgärd – 20 %, "citat" \u00a0 😀')).toBe(false);
  });

  it('finds them at any depth of an answer', () => {
    expect(leafProblem([{ x: 'a', y: { z: 'b\u0000' } }])?.code).toBe('control_character');
    expect(leafProblem({ r1: 'a\nb', r2: 3 })).toBeUndefined();
  });

  it('refuses them in text and comment questions and comments, with the message that names the cause', () => {
    expect(codes(checkValue(question('namn'), 'Eva\u0000'))).toEqual(['control_character']);
    expect(codes(checkValue(question('fritext'), 'rad\u001b'))).toEqual(['control_character']);
    expect(codes(checkComment('\u0008'))).toEqual(['control_character']);
    expect(checkComment('\u0008')[0]).toMatchObject({
      message: expect.stringMatching(/osynligt styrtecken/),
      messageEn: expect.stringMatching(/invisible control character/),
    });
    expect(checkValue(question('fritext'), 'Rad 1\r\n\tRad 2')).toEqual([]);
  });

  it('reports a text both too long and with a control character once for each', () => {
    expect(codes(checkComment(`${'x'.repeat(20_000)}\u0000`))).toEqual(['too_long', 'control_character']);
  });
});

describe('checkValue on a number field with a step', () => {
  it.each([
    ['heltal', 12],
    ['heltal', -3],
    ['heltal', 0],
    ['tiondel', 0.3],
    ['tiondel', 12.7],
    ['halva', 2.5],
    ['tal', 12.345],
  ])('takes %s = %s', (name, value) => {
    expect(checkValue(question(name), value)).toEqual([]);
  });

  it.each([
    ['heltal', 12.5, /Ange ett heltal/, /whole number/],
    ['heltal', 0.001, /Ange ett heltal/, /whole number/],
    ['tiondel', 0.35, /steg om 0,1/, /steps of 0.1/],
    ['halva', 2.25, /steg om 0,5/, /steps of 0.5/],
  ])('refuses %s = %s as not_on_step', (name, value, sv, en) => {
    const problems = checkValue(question(name), value);
    expect(codes(problems)).toEqual(['not_on_step']);
    expect(problems[0]!.message).toMatch(sv);
    expect(problems[0]!.messageEn).toMatch(en);
  });
});
