// One cold start: a fresh Node process imports a bundled handler and answers one event.
// argv: <bundle.mjs> <event.json>. Prints one JSON line: importMs, firstRequestMs, totalMs, statusCode, body.
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
const t0 = performance.now();
const module = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const result = await module.handler(event, context);
const t2 = performance.now();
process.stdout.write(
  `${JSON.stringify({ importMs: t1 - t0, firstRequestMs: t2 - t1, totalMs: t2 - t0, statusCode: result?.statusCode, body: result?.body })}\n`,
);
