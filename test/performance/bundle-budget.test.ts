import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editorFloorGzip,
  initialLoadsSurveyCore,
  type PageWeight,
  pageWeights,
  surveyFloorGzip,
  WEB_BUDGETS,
} from '../../bench/lib/web-payload';
import { buildWeb, type WebBuildResult } from '../../web/build-web';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The web payload budgets of issue 9, which are deterministic bytes: the survey page weighs at
 * most 1.15 × a bare SurveyJS page, every other page at most 150 KB gzip. `npm run bench` reports
 * the same figures (bench/benchmarks/web-payload.ts).
 */
describe('web payload budget (gzip, JS + CSS per page)', () => {
  let tmp: string;
  let result: WebBuildResult;
  let pages: PageWeight[];
  let floor: number;
  let editorFloor: number;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'kk-bundle-budget-'));
    result = await buildWeb({ root, outdir: path.join(tmp, 'web'), minify: true });
    pages = pageWeights(root, result);
    floor = (await surveyFloorGzip(root)).gzipBytes;
    editorFloor = (await editorFloorGzip(root)).gzipBytes;
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps survey-core out of what every page loads', () => {
    expect(initialLoadsSurveyCore(result)).toBe(false);
  });

  it('survey page ≤ 1.15 × react + survey-core + survey-react-ui rendering <Survey>', () => {
    const survey = pages.find((page) => page.isSurveyPage);
    expect(survey, 'a lazily loaded page with survey-core').toBeDefined();
    expect(survey!.gzipBytes / floor).toBeLessThanOrEqual(WEB_BUDGETS.surveyPageRatio);
  });

  it("the kansli's survey editor ≤ 1.15 × SurveyJS + CodeMirror rendering a bare editor and survey", () => {
    const editor = pages.find((page) => page.isEditorPage);
    expect(editor, 'the lazily loaded survey editor page').toBeDefined();
    expect(editor!.gzipBytes / editorFloor).toBeLessThanOrEqual(WEB_BUDGETS.editorPageRatio);
  });

  it('every other page ≤ 150 KB gzip', () => {
    const others = pages.filter((page) => !page.isSurveyPage && !page.isEditorPage);
    expect(others.length).toBeGreaterThan(0);
    for (const page of others) {
      expect({ page: page.page, gzipBytes: page.gzipBytes }).toEqual({
        page: page.page,
        gzipBytes: expect.toSatisfy((bytes: number) => bytes <= WEB_BUDGETS.otherPageMaxBytes),
      });
    }
  });
});
