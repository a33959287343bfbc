import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import type { WebBuildResult } from '../../web/build-web';

/** Gzip level 9, as a CDN compressing at the edge would come close to. */
export const gzipBytes = (content: Uint8Array | string) => gzipSync(content, { level: 9 }).length;

export interface PageWeight {
  /** "initial (login, home, receipt)", "SurveyPage", "AdminHome", … */
  page: string;
  isSurveyPage: boolean;
  /** The kansli's survey editor: a code editor beside a live SurveyJS preview (its own budget). */
  isEditorPage: boolean;
  files: string[];
  jsGzip: number;
  cssGzip: number;
  gzipBytes: number;
}

const SURVEY_PACKAGES = /node_modules\/survey-(core|react-ui)\//;
const SURVEY_CORE_CSS = 'node_modules/survey-core/survey-core.fontless.min.css';

/** A script and every chunk it imports statically: what the browser loads before it runs. */
export function staticClosure(metafile: Metafile, start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(start);
  return [...seen];
}

function dynamicImportsOf(metafile: Metafile, files: readonly string[]): string[] {
  return files.flatMap((file) =>
    (metafile.outputs[file]?.imports ?? [])
      .filter((imported) => imported.kind === 'dynamic-import' && !imported.external)
      .map((imported) => imported.path),
  );
}

function includesSurveyPackages(metafile: Metafile, files: readonly string[]): boolean {
  return files.some((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}).some((i) => SURVEY_PACKAGES.test(i)));
}

function pageName(metafile: Metafile, chunk: string): string {
  const entryPoint = metafile.outputs[chunk]?.entryPoint;
  return entryPoint ? path.basename(entryPoint).replace(/\.[jt]sx?$/, '') : path.basename(chunk);
}

/**
 * The gzipped JS and CSS of each page, from the web build's metafile. Every page loads the
 * entry script with its static imports and the app stylesheet; a lazily imported page adds its
 * chunk with its static imports (and those of the pages it is nested in). The survey page
 * (pages/survey/SurveyPage.tsx) also adds what it imports lazily and the survey stylesheets.
 */
export function pageWeights(root: string, result: WebBuildResult): PageWeight[] {
  const { metafile } = result;
  const entry = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === 'web/src/main.tsx')?.[0];
  if (!entry) throw new Error('the web build has no entry script');
  const initial = staticClosure(metafile, entry);
  const pageChunks = [...new Set(dynamicImportsOf(metafile, initial))];
  const asset = (url: string) => path.join(result.outdir, url.replace(/^\//, ''));
  const appCss = result.entry.css ? [asset(result.entry.css)] : [];
  const surveyCssUrls = (result as Partial<WebBuildResult>).surveyCss;
  const surveyCss = surveyCssUrls ? surveyCssUrls.map(asset) : [path.join(root, SURVEY_CORE_CSS)];

  const weigh = (
    page: string,
    scripts: string[],
    styles: string[],
    isSurveyPage: boolean,
    isEditorPage = false,
  ): PageWeight => {
    const jsGzip = scripts.reduce((sum, file) => sum + gzipBytes(readFileSync(path.join(root, file))), 0);
    const cssGzip = styles.filter(existsSync).reduce((sum, file) => sum + gzipBytes(readFileSync(file)), 0);
    return {
      page,
      isSurveyPage,
      isEditorPage,
      files: [...scripts, ...styles].map((file) => path.basename(file)),
      jsGzip,
      cssGzip,
      gzipBytes: jsGzip + cssGzip,
    };
  };

  const pages = [weigh('initial (login, home, receipt)', initial, appCss, false)];
  // Every lazily imported chunk is a page (or a part of one loaded on demand), found transitively.
  const parents = new Map<string, string | undefined>(pageChunks.map((chunk) => [chunk, undefined]));
  const queue = [...pageChunks];
  while (queue.length > 0) {
    const chunk = queue.shift() as string;
    for (const lazy of dynamicImportsOf(metafile, staticClosure(metafile, chunk))) {
      if (parents.has(lazy) || initial.includes(lazy)) continue;
      parents.set(lazy, chunk);
      queue.push(lazy);
    }
  }
  const descendants = (chunk: string) =>
    [...parents.entries()].filter(([, parent]) => parent === chunk).map(([c]) => c);
  // English: the member dictionary loads on top of any page the first time English is chosen, and
  // the console-wide English (en-console) on top of a console page (a child of the chunk that
  // imports it). A console page's own English rides in its chunk (pages/admin/i18n/<part>.ts).
  const dictionaries = [...parents.keys()].filter((chunk) =>
    /(^|\/)web\/src\/(i18n\/en-common|pages\/admin\/i18n\/en-console)\.ts$/.test(
      metafile.outputs[chunk]?.entryPoint ?? '',
    ),
  );
  const englishOf = (chunk: string | undefined): string[] => {
    const ancestry = new Set<string>();
    for (let at = chunk; at; at = parents.get(at)) ancestry.add(at);
    return dictionaries
      .filter((dictionary) => !parents.get(dictionary) || ancestry.has(parents.get(dictionary) as string))
      .flatMap((dictionary) => staticClosure(metafile, dictionary));
  };
  if (dictionaries.length > 0) {
    pages.push(
      weigh(
        'initial (login, home, receipt) in English',
        [...new Set([...initial, ...englishOf(undefined)])],
        appCss,
        false,
      ),
    );
  }
  for (const chunk of parents.keys()) {
    const scripts = new Set(initial);
    for (let at: string | undefined = chunk; at; at = parents.get(at)) {
      for (const file of staticClosure(metafile, at)) scripts.add(file);
    }
    const entryPoint = metafile.outputs[chunk]?.entryPoint ?? '';
    const isSurveyPage = /pages\/survey\/SurveyPage\.tsx$/.test(entryPoint);
    const isEditorPage = /pages\/admin\/editor\/SurveyEditorPage\.tsx$/.test(entryPoint);
    // These pages also load what they import lazily (the preview, dialogs) while in use.
    if (isSurveyPage || isEditorPage) {
      for (const lazy of descendants(chunk)) for (const file of staticClosure(metafile, lazy)) scripts.add(file);
    }
    const name = parents.get(chunk)
      ? `${pageName(metafile, parents.get(chunk) as string)} › ${pageName(metafile, chunk)}`
      : pageName(metafile, chunk);
    const styles = isSurveyPage || isEditorPage ? [...appCss, ...surveyCss] : appCss;
    pages.push(weigh(name, [...scripts], styles, isSurveyPage, isEditorPage));
    if (dictionaries.length > 0 && !dictionaries.includes(chunk)) {
      const english = [...new Set([...scripts, ...englishOf(chunk)])];
      pages.push(weigh(`${name} in English`, english, styles, isSurveyPage, isEditorPage));
    }
  }
  return pages;
}

/** True when survey-core or survey-react-ui is in what every page loads (it must not be). */
export function initialLoadsSurveyCore(result: WebBuildResult): boolean {
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'web/src/main.tsx')?.[0];
  return entry ? includesSurveyPackages(result.metafile, staticClosure(result.metafile, entry)) : false;
}

/**
 * Gzipped JS of a floor bundle: `contents` bundled with the web build's settings (web/build-web.ts),
 * minified, in memory.
 */
async function floorJsGzip(
  root: string,
  input: { contents: string; sourcefile: string; loader: 'ts' | 'tsx' },
  options: Pick<BuildOptions, 'jsx' | 'define'> = {},
): Promise<number> {
  const out = await build({
    absWorkingDir: root,
    stdin: { ...input, resolveDir: root },
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: true,
    write: false,
    legalComments: 'none',
    ...options,
    logLevel: 'silent',
  });
  return out.outputFiles.reduce((sum, file) => sum + gzipBytes(file.contents), 0);
}

/**
 * The floor: the least a SurveyJS page can weigh. A bundle of react, react-dom, survey-core and
 * survey-react-ui rendering one <Survey>, built with the web build's settings, plus SurveyJS's
 * fontless stylesheet (the survey page needs it too).
 */
export async function surveyFloorGzip(root: string): Promise<{ jsGzip: number; cssGzip: number; gzipBytes: number }> {
  const jsGzip = await floorJsGzip(
    root,
    {
      contents: `import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
const model = new Model({ elements: [{ type: 'text', name: 'q1', title: 'Fråga' }] });
createRoot(document.getElementById('root')).render(<Survey model={model} />);`,
      sourcefile: 'survey-floor.tsx',
      loader: 'tsx',
    },
    { jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } },
  );
  const cssGzip = gzipBytes(readFileSync(path.join(root, SURVEY_CORE_CSS)));
  return { jsGzip, cssGzip, gzipBytes: jsGzip + cssGzip };
}

/**
 * The editor's floor: a bare SurveyJS page plus a bare CodeMirror JSON editor, the two things the
 * kansli's survey editor must show side by side, built with the same settings.
 */
export async function editorFloorGzip(root: string): Promise<{ gzipBytes: number }> {
  const survey = await surveyFloorGzip(root);
  const codeMirror = await floorJsGzip(root, {
    contents: `import { EditorView, basicSetup } from 'codemirror';
import { json } from '@codemirror/lang-json';
new EditorView({ doc: '{}', extensions: [basicSetup, json()], parent: document.body });`,
    sourcefile: 'editor-floor.ts',
    loader: 'ts',
  });
  return { gzipBytes: survey.gzipBytes + codeMirror };
}

/**
 * The budgets of issue 9: survey page ≤ 1.15 × the floor, every other page ≤ 150 KB gzip. The
 * kansli's survey editor, which must show a live SurveyJS preview beside a code editor (issue 7),
 * is held to the same 1.15 ratio against its own floor (SurveyJS + CodeMirror); see
 * docs/performance.md.
 */
export const WEB_BUDGETS = { surveyPageRatio: 1.15, editorPageRatio: 1.15, otherPageMaxBytes: 150 * 1024 } as const;
