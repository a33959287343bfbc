// One cold start: a fresh Node process imports a bundled handler and answers one event.
// argv: <bundle.mjs> <event.json>. Prints one JSON line: importMs, firstRequestMs, totalMs, cpuMs (CPU time of
// the same span: steadier than wall time on a busy machine), statusCode, body.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  awsRequestId: 'bench',
  functionName: 'bench',
  functionVersion: '$LATEST',
  memoryLimitInMB: '512',
  getRemainingTimeInMillis: () => 10_000,
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const module = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const result = await module.handler(event, context);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({ importMs: t1 - t0, firstRequestMs: t2 - t1, totalMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000, statusCode: result?.statusCode, body: result?.body })}\n`,
);
