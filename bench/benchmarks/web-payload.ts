import path from 'node:path';
import { buildWeb } from '../../web/build-web';
import type { Benchmark } from '../lib/context';
import { editorFloorGzip, initialLoadsSurveyCore, pageWeights, surveyFloorGzip, WEB_BUDGETS } from '../lib/web-payload';

/** 1. Gzipped JS and CSS per page against a bare SurveyJS bundle built here. */
export const webPayload: Benchmark = {
  name: 'web-payload',
  title: 'Web payload (gzip)',
  async run(ctx, rows) {
    const result = await buildWeb({ root: ctx.root, outdir: path.join(ctx.tmp, 'web'), minify: true });
    const pages = pageWeights(ctx.root, result);
    const floor = await surveyFloorGzip(ctx.root);
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    const survey = pages.find((page) => page.isSurveyPage);
    if (survey) {
      rows.measured({
        metric: `survey page (${survey.page}) JS+CSS`,
        value: kb(survey.gzipBytes),
        unit: 'KB',
        floor: kb(floor.gzipBytes),
        budget: { kind: 'ratio-max', max: WEB_BUDGETS.surveyPageRatio },
        deterministic: true,
        note: `JS ${kb(survey.jsGzip)} KB + CSS ${kb(survey.cssGzip)} KB; floor = react + survey-core + survey-react-ui rendering <Survey> (JS ${kb(floor.jsGzip)} KB) + survey-core CSS (${kb(floor.cssGzip)} KB)`,
      });
    } else {
      rows.error('survey page JS+CSS', 'no lazily loaded page includes survey-core');
    }
    const editor = pages.find((page) => page.isEditorPage);
    if (editor) {
      const editorFloor = await editorFloorGzip(ctx.root);
      rows.measured({
        metric: `survey editor (${editor.page}) JS+CSS`,
        value: kb(editor.gzipBytes),
        unit: 'KB',
        floor: kb(editorFloor.gzipBytes),
        budget: { kind: 'ratio-max', max: WEB_BUDGETS.editorPageRatio },
        deterministic: true,
        note: 'floor = the SurveyJS floor + a bare CodeMirror JSON editor',
      });
    }
    const others = pages
      .filter((page) => !page.isSurveyPage && !page.isEditorPage)
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    const largest = others[0];
    if (largest) {
      rows.measured({
        metric: `largest other page (${largest.page}) JS+CSS`,
        value: kb(largest.gzipBytes),
        unit: 'KB',
        budget: { kind: 'max', max: WEB_BUDGETS.otherPageMaxBytes / 1024 },
        deterministic: true,
        note: `pages: ${others.map((page) => `${page.page} ${kb(page.gzipBytes)}`).join(', ')}`,
      });
    }
    rows.measured({
      metric: 'survey-core in the initial load (1 = yes)',
      value: initialLoadsSurveyCore(result) ? 1 : 0,
      unit: '',
      budget: { kind: 'max', max: 0 },
      deterministic: true,
    });
  },
};
