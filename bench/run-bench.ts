/**
 * `npm run bench`: every benchmark of issue 9, each compared with a floor measured in the same
 * run, so noise on a shared machine cancels out. Writes bench/results.json and prints a table.
 *
 *   npm run bench                 full sizes (at most 5 minutes on 2 cores)
 *   npm run bench -- --quick      tiny sizes, a smoke run for CI: asserts no timings
 *   npm run bench -- --only=scoring,import     a subset
 *   npm run bench -- --strict     also exit 1 when a budget is over (default: only on a crash)
 *
 * Exit status: 1 when a benchmark crashed (or, with --strict, when a budget failed). The last
 * line is "N passed, N failed": in --quick, benchmarks that ran without crashing; in a full run,
 * budgets that held and budgets that did not (a crashed benchmark counts as one failure).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import '../functions/local/quiet-node20-warning';
import { autosaveLoad } from './benchmarks/autosave-load';
import { coldStart } from './benchmarks/cold-start';
import { costPerCycle } from './benchmarks/cost';
import { dynamodbOperations } from './benchmarks/dynamodb-operations';
import { growth } from './benchmarks/growth';
import { importPreview } from './benchmarks/import-preview';
import { scoring } from './benchmarks/scoring';
import { webPayload } from './benchmarks/web-payload';
import type { BenchContext, Benchmark } from './lib/context';
import { type BenchRow, RowSink } from './lib/results';
import { renderTable } from './lib/table';

const BENCHMARKS: Benchmark[] = [
  webPayload,
  coldStart,
  autosaveLoad,
  dynamodbOperations,
  growth,
  importPreview,
  scoring,
  costPerCycle,
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const strict = args.includes('--strict');
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kk-bench-'));
const ctx: BenchContext = {
  root,
  quick,
  tmp,
  shared: { operations: {} },
  log: (line) => console.log(`    ${line}`),
};

const started = performance.now();
const rows: BenchRow[] = [];
const crashed: string[] = [];
console.log(
  `Benchmarks${quick ? ' (--quick: tiny sizes, timings not asserted)' : ''} on ${os.cpus().length} cores, Node ${process.version}`,
);
for (const benchmark of BENCHMARKS) {
  if (only && !only.includes(benchmark.name)) continue;
  const sink = new RowSink(benchmark.name, quick);
  const t0 = performance.now();
  console.log(`▶ ${benchmark.title}`);
  try {
    await benchmark.run(ctx, sink);
    console.log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    crashed.push(benchmark.name);
    console.log(`  ✗ CRASHED: ${(error as Error).stack ?? error}`);
    sink.error('(benchmark crashed)', (error as Error).message);
  }
  rows.push(...sink.rows);
}
const totalSeconds = (performance.now() - started) / 1000;
if (process.env.KK_BENCH_KEEP_TMP) console.log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });

const budgetPasses = rows.filter((row) => row.pass === true).length;
const budgetFails = rows.filter((row) => row.pass === false).length;
const notAvailable = rows.filter((row) => row.status === 'not-available');
mkdirSync(path.join(root, 'bench'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results.json'),
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        platform: process.platform,
      },
      seconds: Math.round(totalSeconds),
      crashed,
      results: rows.map(({ benchmark, metric, value, unit, floor, ratio, budget, pass, status, note }) => ({
        benchmark,
        metric,
        value,
        unit,
        floor,
        ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
        budget,
        pass,
        status,
        note,
      })),
    },
    null,
    2,
  )}\n`,
);

console.log('');
console.log(renderTable(rows));
console.log('');
const overBudget = rows.filter((row) => row.pass === false);
if (overBudget.length > 0) {
  console.log(
    `✗ ${overBudget.length} OVER BUDGET / ERROR: ${overBudget.map((row) => `${row.benchmark}: ${row.metric}`).join('; ')}`,
  );
}
if (notAvailable.length > 0) console.log(`– ${notAvailable.length} rows not available yet (the feature is not built).`);
console.log(`Wrote bench/results.json in ${totalSeconds.toFixed(0)} s.`);

const ran = BENCHMARKS.filter((b) => !only || only.includes(b.name)).length;
if (quick) console.log(`${ran - crashed.length} passed, ${crashed.length} failed`);
else console.log(`${budgetPasses} passed, ${budgetFails} failed`);
process.exit(crashed.length > 0 || (strict && overBudget.length > 0) ? 1 : 0);
