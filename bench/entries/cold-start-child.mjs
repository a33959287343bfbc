// One cold start: a fresh Node process imports a bundled handler and answers one event.
// argv: <bundle.mjs> <event.json>. Prints one JSON line: importMs, firstRequestMs, totalMs, cpuMs (CPU time of
// the same span: steadier than wall time on a busy machine), statusCode, body.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  awsRequestId: 'bench',
  functionName: 'bench',
  functionVersion: '$LATEST',
  memoryLimitInMB: '1769',
  getRemainingTimeInMillis: () => 10_000,
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const module = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
// For CPU profiles (--cpu-prof): where the import ends on the profile's clock, so a profile can be split in two.
if (process.env.KK_BENCH_MARK_DIR)
  writeFileSync(
    `${process.env.KK_BENCH_MARK_DIR}/${process.pid}.json`,
    JSON.stringify({ importEndUs: Number(process.hrtime.bigint() / 1000n) }),
  );
const result = await module.handler(event, context);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({ importMs: t1 - t0, firstRequestMs: t2 - t1, totalMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000, statusCode: result?.statusCode, body: result?.body })}\n`,
);
