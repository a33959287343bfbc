import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

export interface WebBuildResult {
  outdir: string;
  metafile: Metafile;
  /** Entry script and stylesheet that index.html loads, relative to outdir. */
  entry: { js: string; css?: string };
}

/**
 * Bundles the React app with esbuild: code-split ES modules, so survey-core and
 * survey-react-ui sit in a chunk that only the survey page imports.
 */
export async function buildWeb(options: { root: string; outdir: string; minify?: boolean }): Promise<WebBuildResult> {
  const assets = path.join(options.outdir, 'assets');
  rmSync(options.outdir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  const result = await build({
    absWorkingDir: options.root,
    entryPoints: { app: 'web/src/main.tsx' },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'media/[name]-[hash]',
    minify: options.minify ?? true,
    sourcemap: false,
    metafile: true,
    legalComments: 'none',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.svg': 'file', '.woff2': 'file' },
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const js = outputs.find(([, o]) => o.entryPoint === 'web/src/main.tsx')?.[0];
  if (!js) throw new Error('web build produced no entry script');
  const css = outputs.find(([file]) => file.endsWith('.css') && file.includes('/app-'))?.[0];
  copyFileSync(path.join(options.root, 'web/src/styles/app.css'), path.join(assets, 'app.css'));
  copyFileSync(
    path.join(options.root, 'node_modules/survey-core/survey-core.fontless.min.css'),
    path.join(assets, 'survey-core.fontless.min.css'),
  );
  const rel = (file: string) =>
    `/${path.relative(options.outdir, path.join(options.root, file)).split(path.sep).join('/')}`;
  const template = readFileSync(path.join(options.root, 'web/index.html'), 'utf8');
  const html = template
    .replace('<!--SCRIPT-->', `<script type="module" src="${rel(js)}"></script>`)
    .replace('<!--STYLES-->', css ? `<link rel="stylesheet" href="${rel(css)}">` : '');
  writeFileSync(path.join(options.outdir, 'index.html'), html);
  return { outdir: options.outdir, metafile: result.metafile, entry: { js: rel(js), css: css ? rel(css) : undefined } };
}
