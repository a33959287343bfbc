import { build, type Metafile } from 'esbuild';

/** The banner infra/app-function.ts gives every Lambda: CommonJS dependencies in ESM still call require(). */
export const LAMBDA_BANNER =
  "import { createRequire as __kkCreateRequire } from 'node:module'; const require = __kkCreateRequire(import.meta.url);";

export interface LambdaBundle {
  file: string;
  bytes: number;
  metafile: Metafile;
}

/**
 * Bundles a handler the way infra/app-function.ts has NodejsFunction do it: esbuild, ESM,
 * node22, minified, main fields module then main, the AWS SDK bundled (no externals), the
 * createRequire banner. Source maps are left out: they are a separate file Lambda never loads
 * unless NODE_OPTIONS asks, and the sizes reported are of the code.
 */
export async function bundleLambda(options: { root: string; entry: string; outfile: string }): Promise<LambdaBundle> {
  const result = await build({
    absWorkingDir: options.root,
    entryPoints: [options.entry],
    outfile: options.outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: LAMBDA_BANNER },
    minify: true,
    sourcemap: false,
    metafile: true,
    logLevel: 'silent',
    external: [],
  });
  const output = Object.entries(result.metafile.outputs).find(
    ([file]) => file.endsWith('.mjs') || file.endsWith('.js'),
  );
  if (!output) throw new Error(`bundling ${options.entry} produced no script`);
  return { file: options.outfile, bytes: output[1].bytes, metafile: result.metafile };
}

/**
 * Input files reachable from the entry through static imports and require() calls only, i.e.
 * the modules a cold start initialises before it can answer. Dynamic import() edges are lazy.
 */
export function staticallyReachableInputs(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.external) continue;
      if (imported.kind === 'dynamic-import') continue;
      stack.push(imported.path);
    }
  }
  return seen;
}

/** Bytes a package contributes to a bundle's output. */
export function bytesFromPackage(metafile: Metafile, pattern: RegExp): number {
  let bytes = 0;
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) if (pattern.test(input)) bytes += info.bytesInOutput;
  }
  return bytes;
}
