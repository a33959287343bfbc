import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { lambdaBuildOptions } from '../../infra/lambda-bundling/lambda-build-options';

export interface LambdaBundle {
  /** The entry chunk Lambda loads (`index.mjs`). */
  file: string;
  /** Bytes of JavaScript a cold start loads: the entry and the chunks it imports statically. */
  coldBytes: number;
  /** Bytes of JavaScript in the whole bundle, lazy chunks included. */
  totalBytes: number;
  metafile: Metafile;
}

/**
 * Bundles a handler exactly as infra/app-function.ts deploys it (the same esbuild options object).
 * Source maps are written but not counted: Lambda never loads them unless NODE_OPTIONS asks.
 */
export async function bundleLambda(options: { root: string; entry: string; outdir: string }): Promise<LambdaBundle> {
  const result = await build(lambdaBuildOptions(options));
  const metafile = result.metafile as Metafile;
  const scripts = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
  // lambdaBuildOptions names the entry `index`; import() targets are entry points too, in chunks/.
  const entryOutput = scripts.find(([file]) => path.basename(file) === 'index.mjs' && !file.includes('/chunks/'));
  if (!entryOutput) throw new Error(`bundling ${options.entry} produced no entry script`);
  const cold = staticallyLoadedOutputs(metafile, entryOutput[0]);
  return {
    file: path.resolve(options.root, entryOutput[0]),
    coldBytes: [...cold].reduce((sum, file) => sum + (metafile.outputs[file]?.bytes ?? 0), 0),
    totalBytes: scripts.reduce((sum, [, output]) => sum + output.bytes, 0),
    metafile,
  };
}

/** Output files a cold start loads: the entry and, transitively, its static chunk imports. */
export function staticallyLoadedOutputs(metafile: Metafile, entry: string): Set<string> {
  return staticImportClosure(metafile.outputs, entry);
}

/**
 * Input files reachable from the entry through static imports and require() calls only, i.e.
 * the modules a cold start initialises before it can answer. Dynamic import() edges are lazy.
 */
export function staticallyReachableInputs(metafile: Metafile, entry: string): Set<string> {
  return staticImportClosure(metafile.inputs, entry);
}

/** `entry` and every file it reaches in a metafile graph, leaving out external and import() edges. */
function staticImportClosure(graph: Metafile['inputs'] | Metafile['outputs'], entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of graph[file]?.imports ?? []) {
      if (imported.external || imported.kind === 'dynamic-import') continue;
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
