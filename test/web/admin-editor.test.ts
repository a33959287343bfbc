import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../../shared/scoring';
import { ApiError } from '../../web/src/api/client';
import { bestAnswers, questionIndex, structureProblems } from '../../web/src/pages/admin/editor/survey-tools';
import { errorUnder, fieldErrors } from '../../web/src/pages/admin/lib/field-errors';
import { locate, pathOfScoringMessage, pathTo } from '../../web/src/pages/admin/lib/json-locate';

const kommun = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../shared/surveys/kommun.json'), 'utf8'));

describe('survey editor helpers (admin console)', () => {
  const text = JSON.stringify(
    { pages: [{ name: 'p1', elements: [{ type: 'radiogroup', name: 'q1', choices: [{ value: 'ja', score: -1 }] }] }] },
    null,
    2,
  );

  it('locates a value or key by path in JSON text', () => {
    const range = locate(text, ['pages', 0, 'elements', 0, 'choices', 0, 'score'])!;
    expect(text.slice(range.from, range.to)).toBe('-1');
    const key = locate(text, ['pages', 0, 'elements', 0, 'name'], { key: true })!;
    expect(text.slice(key.from, key.to)).toBe('"name"');
    // A path that goes too deep ends at the deepest part that exists.
    const partial = locate(text, ['pages', 0, 'nope'])!;
    expect(text.slice(partial.from, partial.from + 1)).toBe('{');
    expect(locate('{ broken', ['pages'])).toBeNull();
  });

  it('finds where a scoring error message points', () => {
    const survey = JSON.parse(text);
    expect(
      pathOfScoringMessage(survey, 'Poängsättningen i enkäten är felaktig: Question q1 choice ja: points must be ≥ 0'),
    ).toEqual(['pages', 0, 'elements', 0, 'choices', 0, 'score']);
    expect(pathOfScoringMessage(survey, 'Question q1: something')).toEqual(['pages', 0, 'elements', 0]);
    expect(pathOfScoringMessage(survey, 'nothing named')).toBeNull();
    expect(pathTo(survey, survey.pages[0].elements[0])).toEqual(['pages', 0, 'elements', 0]);
  });

  it('flags duplicate question names but lets a page share a name with a question', () => {
    const messages = { noPages: 'no pages', duplicate: 'dup {name}' };
    expect(structureProblems(JSON.stringify(kommun), kommun, messages)).toEqual([]);
    const dup = {
      pages: [
        { name: 'a', elements: [{ type: 'text', name: 'x' }] },
        { name: 'b', elements: [{ type: 'text', name: 'x' }] },
      ],
    };
    const dupText = JSON.stringify(dup, null, 2);
    const problems = structureProblems(dupText, dup, messages);
    expect(problems.map((p) => p.message)).toEqual(['dup x']);
    expect(dupText.slice(problems[0]!.from, problems[0]!.to)).toBe('"x"');
    expect(structureProblems('{}', {}, messages).map((p) => p.message)).toEqual(['no pages']);
  });

  it('fills in answers that earn the maximum of every scored choice question', () => {
    const result = score(kommun, bestAnswers(kommun));
    expect(result.gatePassed).toBe(true);
    expect(result.total).toBeGreaterThan(result.max * 0.8);
    expect(questionIndex(kommun, 'sv').get('B1')?.pageTitle).toBe('Baskrav för medlemskap');
  });

  it("maps the API's 400 paths to fields, with a prefix", () => {
    const error = new ApiError(400, 'invalid_input', 'x', [
      { path: ['reminderPolicy', 'steps', 1], message: 'negativ' },
      { path: ['reminderPolicy', 'sendWindow', 'end'], message: 'tomt' },
      { path: ['title'], message: 'saknas' },
    ]);
    expect(fieldErrors(error)).toEqual({
      'reminderPolicy.steps.1': 'negativ',
      'reminderPolicy.sendWindow.end': 'tomt',
      title: 'saknas',
    });
    const policy = fieldErrors(error, ['reminderPolicy']);
    expect(policy).toEqual({ 'steps.1': 'negativ', 'sendWindow.end': 'tomt' });
    expect(errorUnder(policy, 'steps')).toBe('negativ');
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});

describe('JSON syntax error position (survey editor)', () => {
  it('points at the first character that breaks the grammar', async () => {
    const { jsonErrorPosition } = await import('../../web/src/pages/admin/lib/json-locate');
    expect(jsonErrorPosition('{"a": 1}')).toBe(-1);
    expect(jsonErrorPosition(JSON.stringify(kommun, null, 2))).toBe(-1);
    expect(jsonErrorPosition('{"a": 1}\n,')).toBe(9);
    expect(jsonErrorPosition('{"a": ,1}')).toBe(6);
    expect(jsonErrorPosition('{"a": 1,}')).toBe(8);
    expect(jsonErrorPosition('{"a": "x\\q"}')).toBe(9);
    expect(jsonErrorPosition('[1, 2')).toBe(5);
    expect(jsonErrorPosition('{"a": tru}')).toBe(6);
  });
});
