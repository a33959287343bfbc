import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

/** CommonJS dependencies bundled into ESM still call require() for Node built-ins. */
export const LAMBDA_BANNER =
  "import { createRequire as __kkCreateRequire } from 'node:module'; const require = __kkCreateRequire(import.meta.url);";

const ZOD_LOCALES_STUB = fileURLToPath(new URL('./zod-locales.ts', import.meta.url));

/**
 * zod re-exports all 60-odd locales as `z.locales`, and @hono/zod-openapi passes `z` around as a
 * value, so esbuild cannot drop them: 260 KB the cold start would parse for nothing. The app
 * uses Swedish and English only; this swaps zod's locale index for one with just those.
 */
const zodLocalesPlugin: Plugin = {
  name: 'zod-sv-en-locales-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: ZOD_LOCALES_STUB } : undefined,
    );
  },
};

/**
 * How every Lambda of the platform is bundled; infra/app-function.ts deploys it and the cold-start
 * benchmark measures exactly this. ESM with code splitting: code reached only through import()
 * (survey-core for submit, exceljs for exports, the SES and S3 clients) lands in chunks that a
 * cold start never loads. The pinned AWS SDK is bundled, not the runtime's copy, so deployed code
 * runs the tested version.
 */
export function lambdaBuildOptions(options: { root: string; entry: string; outdir: string }): BuildOptions {
  return {
    absWorkingDir: options.root,
    entryPoints: { index: path.resolve(options.root, options.entry) },
    outdir: options.outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: LAMBDA_BANNER },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    external: [],
    plugins: [zodLocalesPlugin],
  };
}
