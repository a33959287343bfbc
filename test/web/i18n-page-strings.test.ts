import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { sv } from '../../web/src/i18n/sv';
import { svCommon } from '../../web/src/i18n/sv-common';
import { svSurvey } from '../../web/src/i18n/sv-survey';

const WEB_SRC = path.resolve(__dirname, '../../web/src');
const SURVEY_PAGE = path.join(WEB_SRC, 'pages/survey');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// svSurvey rides in the survey page's chunk; any other page would show these keys bare.
describe("the survey page's own Swedish strings", () => {
  it('are used by no file outside web/src/pages/survey', () => {
    const outside = sourceFiles(WEB_SRC).filter(
      (file) => !file.startsWith(SURVEY_PAGE) && !file.startsWith(path.join(WEB_SRC, 'i18n')),
    );
    const misuses = outside.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return Object.keys(svSurvey)
        .filter((key) => text.includes(`'${key}'`) || text.includes(`"${key}"`) || text.includes(`\`${key}`))
        .map((key) => `${path.relative(WEB_SRC, file)}: ${key}`);
    });
    expect(misuses).toEqual([]);
  });

  it('and the common strings are disjoint and together are the whole Swedish dictionary', () => {
    expect(Object.keys(svSurvey).filter((key) => key in svCommon)).toEqual([]);
    expect(Object.keys(sv).sort()).toEqual([...Object.keys(svCommon), ...Object.keys(svSurvey)].sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });
});
