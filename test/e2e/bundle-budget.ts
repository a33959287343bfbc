import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { staticClosure } from '../../bench/lib/web-payload';
import type { WebBuildResult } from '../../web/build-web';

export interface PageWeight {
  page: string;
  files: string[];
  gzipBytes: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function findOutput(metafile: Metafile, test: (file: string, output: Metafile['outputs'][string]) => boolean): string {
  const found = Object.entries(metafile.outputs).find(([file, output]) => test(file, output));
  if (!found) throw new Error('output not found in the metafile');
  return found[0];
}

/** Gzip weight of the JS and CSS each kind of page loads, from the build's metafile. */
export function pageWeights(
  root: string,
  result: WebBuildResult,
): { pages: PageWeight[]; entryHasSurveyCore: boolean } {
  const { metafile } = result;
  const entry = findOutput(metafile, (_, o) => o.entryPoint === 'web/src/main.tsx');
  const surveyChunk = findOutput(metafile, (_, o) => o.entryPoint === 'web/src/pages/survey/SurveyPage.tsx');
  const base = staticClosure(metafile, entry);
  const survey = [...new Set([...base, ...staticClosure(metafile, surveyChunk)])];
  // Klimatläget: its lazy page chunk, then the charts' lazy chunk (what ChartFigure imports).
  const reportChunk = findOutput(metafile, (_, o) => o.entryPoint === 'web/src/pages/klimatlaget/KlimatlagetPage.tsx');
  const chartChunk = findOutput(metafile, (_, o) => o.entryPoint === 'web/src/components/charts/chart-setup.ts');
  const report = [
    ...new Set([...base, ...staticClosure(metafile, reportChunk), ...staticClosure(metafile, chartChunk)]),
  ];
  const receiptChunk = findOutput(metafile, (_, o) => o.entryPoint === 'web/src/pages/ReceiptPage.tsx');
  const receipt = [...new Set([...base, ...staticClosure(metafile, receiptChunk)])];
  // English visitors also load the English dictionary (Swedish ships with every page).
  const englishChunk = findOutput(metafile, (_, o) => o.entryPoint === 'web/src/i18n/en-common.ts');
  const reportEnglish = [...new Set([...report, ...staticClosure(metafile, englishChunk)])];
  const asset = (url: string) => path.join(result.outdir, url.replace(/^\//, ''));
  const appCss = result.entry.css ? [asset(result.entry.css)] : [];
  const abs = (files: string[]) => files.map((f) => path.join(root, f));
  const weigh = (page: string, files: string[]): PageWeight => ({
    page,
    files: files.map((f) => path.basename(f)),
    gzipBytes: files.reduce((sum, f) => sum + gz(f), 0),
  });
  const entryHasSurveyCore = base.some((file) =>
    Object.keys(metafile.outputs[file]?.inputs ?? {}).some((input) =>
      /node_modules\/survey-(core|react-ui)\//.test(input),
    ),
  );
  return {
    entryHasSurveyCore,
    pages: [
      weigh('login / home', [...abs(base), ...appCss]),
      weigh('survey', [...abs(survey), ...appCss, ...result.surveyCss.map(asset)]),
      weigh('klimatlaget report (with its charts)', [...abs(report), ...appCss]),
      weigh('klimatlaget report in English', [...abs(reportEnglish), ...appCss]),
      weigh('receipt', [...abs(receipt), ...appCss]),
    ],
  };
}

/** The least a SurveyJS page can weigh: react, survey-core and survey-react-ui rendering <Survey>, plus its CSS. */
export async function floorBundleGzip(root: string): Promise<number> {
  const out = await build({
    absWorkingDir: root,
    stdin: {
      contents: `import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { createElement } from 'react';
createRoot(document.getElementById('root')).render(createElement(Survey, { model: new Model({ pages: [] }) }));`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    target: ['es2022'],
  });
  const js = gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
  const css = gz(path.join(root, 'node_modules/survey-core/survey-core.fontless.min.css'));
  return js + css;
}
