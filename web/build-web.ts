import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile, transformSync } from 'esbuild';

export interface WebBuildResult {
  outdir: string;
  metafile: Metafile;
  /** Entry script and stylesheet that index.html loads, relative to outdir. */
  entry: { js: string; css?: string };
  /** Stylesheets only the survey page loads (SurveyJS's theme and our overrides). */
  surveyCss: string[];
}

function contentHash(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

const TARGET = ['es2022', 'chrome110', 'firefox110', 'safari16'];

/** Our stylesheets, minified like the scripts: comments and whitespace are ~15 % of app.css gzipped. */
function stylesheet(source: string, minify: boolean): string {
  const css = readFileSync(source, 'utf8');
  return minify ? transformSync(css, { loader: 'css', minify, target: TARGET }).code : css;
}

/** Writes `content` to assets/<name>-<hash>.css and answers its URL path. */
function writeHashed(content: Buffer | string, assets: string, name: string): string {
  const file = `${name}-${contentHash(content)}.css`;
  writeFileSync(path.join(assets, file), content);
  return `/assets/${file}`;
}

/**
 * Bundles the React app with esbuild: code-split ES modules, so survey-core and
 * survey-react-ui sit in a chunk that only the survey page imports. File names carry content
 * hashes; the survey page's stylesheets are handed to the app as __SURVEY_CSS__ and loaded by it.
 */
export async function buildWeb(options: { root: string; outdir: string; minify?: boolean }): Promise<WebBuildResult> {
  const assets = path.join(options.outdir, 'assets');
  const minify = options.minify ?? true;
  rmSync(options.outdir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });

  const appCss = path.join(options.root, 'web/src/styles/app.css');
  const surveyCoreCss = path.join(options.root, 'node_modules/survey-core/survey-core.fontless.min.css');
  // Unhashed copies for pages outside the app (the local /dev/outbox page links /assets/app.css).
  copyFileSync(appCss, path.join(assets, 'app.css'));
  copyFileSync(surveyCoreCss, path.join(assets, 'survey-core.fontless.min.css'));
  const appCssUrl = writeHashed(stylesheet(appCss, minify), assets, 'app');
  const surveyCss = [
    writeHashed(readFileSync(surveyCoreCss), assets, 'survey-core'),
    writeHashed(stylesheet(path.join(options.root, 'web/src/styles/survey.css'), minify), assets, 'survey'),
  ];

  const result = await build({
    absWorkingDir: options.root,
    entryPoints: { app: 'web/src/main.tsx' },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: TARGET,
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'media/[name]-[hash]',
    minify,
    sourcemap: false,
    metafile: true,
    legalComments: 'none',
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      __SURVEY_CSS__: JSON.stringify(surveyCss),
    },
    loader: { '.svg': 'file', '.woff2': 'file' },
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const js = outputs.find(([, o]) => o.entryPoint === 'web/src/main.tsx')?.[0];
  if (!js) throw new Error('web build produced no entry script');
  const rel = (file: string) =>
    `/${path.relative(options.outdir, path.join(options.root, file)).split(path.sep).join('/')}`;
  const template = readFileSync(path.join(options.root, 'web/index.html'), 'utf8');
  const html = template
    .replace('<!--SCRIPT-->', `<script type="module" src="${rel(js)}"></script>`)
    .replace('<!--STYLES-->', `<link rel="stylesheet" href="${appCssUrl}">`);
  writeFileSync(path.join(options.outdir, 'index.html'), html);
  return { outdir: options.outdir, metafile: result.metafile, entry: { js: rel(js), css: appCssUrl }, surveyCss };
}
