import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompletionContext } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { SCORING_PROPERTY_NAMES } from '../../shared/scoring/scoring-properties';
import { propertyNameCompletions } from '../../web/src/pages/admin/editor/JsonEditor';
import { propertyCompletions, SCORING_HELP } from '../../web/src/pages/admin/editor/scoring-help';
import { pageTitles, structureProblems } from '../../web/src/pages/admin/editor/survey-tools';
import { enEditor, svEditor } from '../../web/src/pages/admin/i18n/editor';

const kommun = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../shared/surveys/kommun.json'), 'utf8'));

/** The example as a JSON value: a `"key": value` fragment is read inside braces. */
const parseExample = (example: string): unknown => JSON.parse(example.startsWith('{') ? example : `{${example}}`);

describe("the survey editor's scoring help (Så sätts poäng)", () => {
  it('explains every scoring property survey-core is taught, and prefill and carryOver', () => {
    const explained = new Set(SCORING_HELP.flatMap((help) => help.names));
    expect([...SCORING_PROPERTY_NAMES, 'prefill', 'carryOver'].filter((name) => !explained.has(name))).toEqual([]);
    // maxScore and scoreBands each go in two places, explained once for each.
    expect(SCORING_HELP.filter((help) => help.names.includes('maxScore')).map((help) => help.id)).toEqual([
      'questionMax',
      'pageMax',
    ]);
  });

  it('shows each property in an example of valid JSON that uses it', () => {
    for (const help of SCORING_HELP) {
      const text = JSON.stringify(parseExample(help.example));
      for (const name of help.names) expect(text, help.id).toContain(`"${name}"`);
    }
  });

  it('says where each property goes and what it does in Swedish and in English', () => {
    for (const help of SCORING_HELP) {
      for (const key of [help.where, help.what]) {
        expect(svEditor[key as keyof typeof svEditor], key).toBeTruthy();
        expect(enEditor[key as keyof typeof enEditor], key).toBeTruthy();
        expect(enEditor[key as keyof typeof enEditor], key).not.toBe(svEditor[key as keyof typeof svEditor]);
      }
    }
  });

  it('completes one name per property, a name in two places saying both', () => {
    const t = (key: string) => svEditor[key as keyof typeof svEditor];
    const completions = propertyCompletions(t);
    expect(completions.map((c) => c.label).sort()).toEqual(
      [...new Set([...SCORING_PROPERTY_NAMES, 'prefill', 'carryOver'])].sort(),
    );
    const maxScore = completions.find((c) => c.label === 'maxScore')!;
    expect(maxScore.detail).toBe(
      `${svEditor['editor.help.questionMax.where']} · ${svEditor['editor.help.pageMax.where']}`,
    );
  });
});

describe('completing a property name in the JSON editor', () => {
  const source = propertyNameCompletions(() => [{ label: 'gate', detail: 'På en fråga', info: 'Baskrav' }]);
  /** The completion at `|` in `doc`. */
  const complete = (doc: string, explicit = false) => {
    const pos = doc.indexOf('|');
    const text = doc.replace('|', '');
    const state = EditorState.create({ doc: text, extensions: [json()] });
    // A generous timeout: the default 50 ms can run out on a busy machine, leaving the tree unparsed.
    ensureSyntaxTree(state, text.length, 10_000);
    return source(new CompletionContext(state, pos, explicit));
  };

  it('offers the properties after a name’s opening quote, closed or not', () => {
    expect(complete('{ "type": "boolean", "ga|" }')).toMatchObject({ from: 22, options: [{ label: 'gate' }] });
    expect(complete('{ "type": "boolean",\n  "ga|\n}')?.options.map((o) => o.label)).toEqual(['gate']);
  });

  it('leaves strings that are values alone', () => {
    expect(complete('{ "type": "ga|" }')).toBeNull();
    expect(complete('{ "choices": ["ja", "ga|"] }')).toBeNull();
  });

  it('on Ctrl+Space between properties inserts the name with its quotes and colon', () => {
    expect(complete('{ "type": "boolean", | }', true)?.options[0]).toMatchObject({ label: 'gate', apply: '"gate": ' });
    expect(complete('{ "type": "boolean", | }')).toBeNull();
  });
});

describe('the editor and the API refuse the same duplicate names', () => {
  const messages = {
    noPages: 'no pages',
    duplicate: '{name} på {page}, först på {firstPage}',
    duplicatePage: 'sida {name}',
  };

  it('names the page the name is first used on, through the shared check', () => {
    const survey = {
      pages: [
        { name: 'mal', elements: [{ type: 'boolean', name: 'M3' }] },
        { name: 'mal', elements: [{ type: 'boolean', name: 'M3' }] },
        { name: 'energi', elements: [{ type: 'boolean', name: 'M3' }] },
      ],
    };
    const text = JSON.stringify(survey, null, 2);
    const problems = structureProblems(text, survey, messages);
    expect(problems.map((p) => p.message)).toEqual([
      'sida mal',
      'M3 på mal, först på mal',
      'M3 på energi, först på mal',
    ]);
    expect(text.slice(problems[2]!.from, problems[2]!.to)).toBe('"M3"');
  });
});

describe('section sums in the page’s language', () => {
  it('titles each page by its name in English, and in Swedish', () => {
    expect(pageTitles(kommun, 'en').get('baskrav')).toBe('Basic requirements for membership');
    expect(pageTitles(kommun, 'sv').get('baskrav')).toBe('Baskrav för medlemskap');
    expect(pageTitles({ pages: [{ elements: [] }] }, 'en').get('page1')).toBe('page1');
  });
});
