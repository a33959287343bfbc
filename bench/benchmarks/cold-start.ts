import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { json, makeAppStack, seedOpenCampaign, signInInProcess, startBenchDynamo } from '../lib/app-stack';
import { autosaveAnswers } from '../lib/autosave-payload';
import type { Benchmark } from '../lib/context';
import { bundleLambda, bytesFromPackage, staticallyReachableInputs } from '../lib/lambda-bundle';
import { bulkSeed } from '../lib/seed';
import { median } from '../lib/stats';

const run = promisify(execFile);
const SURVEY_CORE = /node_modules\/survey-(core|react-ui)\//;
/**
 * To profile the cold starts: KK_BENCH_COLD_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/cold'. With
 * KK_BENCH_MARK_DIR=/tmp/marks each child also writes <pid>.json with the end of its import on the
 * profile's clock, to split a profile into import and first request.
 */
const PROFILE_ARGS = (process.env.KK_BENCH_COLD_NODE_ARGS ?? '').split(' ').filter(Boolean);
/**
 * To weigh a change to the member API closely: KK_BENCH_COLD_VARIANT=<another checkout> (a git
 * worktree with the change, its node_modules linked to this one's) also cold-starts that checkout's
 * handler, interleaved with this one's, and reports the two side by side.
 */
const VARIANT_ROOT = process.env.KK_BENCH_COLD_VARIANT;

interface ChildResult {
  importMs: number;
  firstRequestMs: number;
  totalMs: number;
  cpuMs: number;
  statusCode?: number;
  body?: string;
}

/** The median of one timing over a handler's samples, in whole ms. */
function medianMs(runs: ChildResult[], timing: 'importMs' | 'firstRequestMs' | 'totalMs' | 'cpuMs'): number {
  return Math.round(median(runs.map((r) => r[timing])));
}

/** An API Gateway HTTP API (payload 2.0) event, as CloudFront → API Gateway hands it to the Lambda. */
function httpApiEvent(method: string, rawPath: string, body: unknown, cookie?: string) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    ...(cookie ? { cookies: [cookie] } : {}),
    headers: {
      'content-type': 'application/json',
      host: 'bench.execute-api.eu-north-1.amazonaws.com',
      'x-forwarded-proto': 'https',
      'user-agent': 'kk-bench',
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.execute-api.eu-north-1.amazonaws.com',
      domainPrefix: 'bench',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'kk-bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

/**
 * 2. Lambda cold start of the member API (the Lambda that answers autosaves). Both handlers are
 * bundled like infra/app-function.ts; each sample is a
 * fresh Node process that imports the bundle and answers one event (the real handler: one
 * autosave; the floor: one health check). The real handler runs unchanged, with the environment
 * infra/ deploys it with (no SESSION_SECRET_ARN: sessions need no key): AWS_ENDPOINT_URL_DYNAMODB
 * (the SDK's name, which functions/config/aws-environment.ts honours for aws-lite too) points it at
 * a dynalite.
 */
export const coldStart: Benchmark = {
  name: 'cold-start',
  title: 'Lambda cold start',
  async run(ctx, rows) {
    // KK_BENCH_COLD_SAMPLES: more samples when comparing two builds closely; the figure is 15.
    const samples = ctx.quick ? 2 : Math.max(1, Math.round(Number(process.env.KK_BENCH_COLD_SAMPLES)) || 15);
    const real = await bundleLambda({
      root: ctx.root,
      entry: 'functions/handlers/member-api.handler.ts',
      outdir: path.join(ctx.tmp, 'lambda/api'),
    });
    const floor = await bundleLambda({
      root: ctx.root,
      entry: 'bench/entries/floor-health.handler.ts',
      outdir: path.join(ctx.tmp, 'lambda/floor'),
    });

    const reference = await bundleLambda({
      root: ctx.root,
      entry: 'bench/entries/stack-reference.handler.ts',
      outdir: path.join(ctx.tmp, 'lambda/reference'),
    });

    const variant = VARIANT_ROOT
      ? await bundleLambda({
          root: path.resolve(VARIANT_ROOT),
          entry: 'functions/handlers/member-api.handler.ts',
          outdir: path.join(ctx.tmp, 'lambda/variant'),
        })
      : undefined;

    const db = await startBenchDynamo();
    try {
      const stack = await makeAppStack(db.endpoint);
      const now = new Date();
      stack.clock.set(now);
      const year = now.getUTCFullYear();
      await bulkSeed(stack.store, [{ id: '1281', name: 'Lund', type: 'kommun', population: 128000 }]);
      await seedOpenCampaign(stack.store, {
        year,
        title: `Medlemstest ${year}`,
        opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
        closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      });
      const cookie = await signInInProcess(stack, 'tjansteperson.1281@example.se');
      const answers = autosaveAnswers();
      const responsePath = `/api/campaigns/${year}/response`;
      // Prove the body is accepted before timing anything.
      const check = await stack.app.request(responsePath, json('PUT', { data: answers, version: 0 }, cookie));
      if (check.status !== 200) throw new Error(`autosave answered ${check.status}: ${await check.text()}`);
      let version = ((await check.json()) as { version: number }).version;

      const env = {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'eu-north-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
        TABLE_NAME: stack.tableName,
        SES_FROM_ADDRESS: 'medlemstest@example.se',
        BASE_URL: 'https://medlemstest.example.se',
        ADMIN_EMAILS: 'kansli@example.se',
        ...(process.env.KK_BENCH_MARK_DIR ? { KK_BENCH_MARK_DIR: process.env.KK_BENCH_MARK_DIR } : {}),
      };
      const child = path.join(ctx.root, 'bench/entries/cold-start-child.mjs');
      const healthEvent = path.join(ctx.tmp, 'health-event.json');
      writeFileSync(healthEvent, JSON.stringify(httpApiEvent('GET', '/api/health', undefined)));
      const once = async (bundle: string, eventFile: string): Promise<ChildResult> => {
        const { stdout } = await run('node', [...PROFILE_ARGS, '--no-warnings', child, bundle, eventFile], {
          env,
          timeout: 60_000,
        });
        return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
      };
      let lastAutosaveEvent = '';
      const autosaveOnce = async (bundle = real.file) => {
        const eventFile = path.join(ctx.tmp, `autosave-event-${version}.json`);
        lastAutosaveEvent = eventFile;
        writeFileSync(eventFile, JSON.stringify(httpApiEvent('PUT', responsePath, { data: answers, version }, cookie)));
        const result = await once(bundle, eventFile);
        if (result.statusCode !== 200) throw new Error(`the handler answered ${result.statusCode}: ${result.body}`);
        version = (JSON.parse(result.body ?? '{}') as { version: number }).version;
        return result;
      };

      // One discarded run of each warms the file cache; then the two alternate, so noise hits both.
      await once(floor.file, healthEvent);
      await autosaveOnce();
      const floorRuns: ChildResult[] = [];
      const realRuns: ChildResult[] = [];
      const referenceRuns: ChildResult[] = [];
      const variantRuns: ChildResult[] = [];
      if (variant) await autosaveOnce(variant.file);
      for (let i = 0; i < samples; i++) {
        const f = await once(floor.file, healthEvent);
        if (f.statusCode !== 200) throw new Error(`the floor handler answered ${f.statusCode}: ${f.body}`);
        floorRuns.push(f);
        // A variant runs before this checkout's handler every other time: the order alone moved a
        // median by 8 % when the two were the same build.
        if (variant && i % 2 === 1) variantRuns.push(await autosaveOnce(variant.file));
        realRuns.push(await autosaveOnce());
        if (variant && i % 2 === 0) variantRuns.push(await autosaveOnce(variant.file));
        const r = await once(reference.file, lastAutosaveEvent);
        if (r.statusCode !== 200) throw new Error(`the stack reference answered ${r.statusCode}: ${r.body}`);
        referenceRuns.push(r);
      }
      const realMs = median(realRuns.map((r) => r.totalMs));
      const floorMs = median(floorRuns.map((r) => r.totalMs));
      ctx.shared.coldStartMs = realMs;
      rows.measured({
        metric: 'member API handler: import + first autosave (median)',
        value: Math.round(realMs),
        unit: 'ms',
        floor: Math.round(floorMs),
        budget: { kind: 'ratio-max', max: 1.5 },
        note: `median of ${samples} fresh processes each; CPU time ${medianMs(realRuns, 'cpuMs')} ms vs floor ${medianMs(floorRuns, 'cpuMs')} ms; import alone ${medianMs(realRuns, 'importMs')} ms vs floor ${medianMs(floorRuns, 'importMs')} ms; first request ${medianMs(realRuns, 'firstRequestMs')} ms (session and campaign Gets, the Update) vs floor ${medianMs(floorRuns, 'firstRequestMs')} ms (one Get)`,
      });
      // Not budgets: they split the gap into what the chosen libraries cost and what our code adds.
      const referenceMs = median(referenceRuns.map((r) => r.totalMs));
      rows.measured({
        metric: 'stack reference (zod-openapi, one route, Get + Update), no budget',
        value: Math.round(referenceMs),
        unit: 'ms',
        floor: Math.round(floorMs),
        note: `bench/entries/stack-reference.handler.ts, ${Math.round(reference.coldBytes / 1024)} KB: what the member API's libraries (zod, @hono/zod-openapi, aws-lite) cost against the floor, with none of our code; import ${medianMs(referenceRuns, 'importMs')} ms, first request ${medianMs(referenceRuns, 'firstRequestMs')} ms`,
      });
      rows.measured({
        metric: 'member API handler against the stack reference, no budget',
        value: Math.round(realMs),
        unit: 'ms',
        floor: Math.round(referenceMs),
        note: 'what our own code adds: its schemas, routes, services and the campaign read',
      });
      if (variant) {
        rows.measured({
          metric: 'member API of KK_BENCH_COLD_VARIANT against this checkout, no budget',
          value: medianMs(variantRuns, 'totalMs'),
          unit: 'ms',
          floor: Math.round(realMs),
          note: `${VARIANT_ROOT}, ${Math.round(variant.coldBytes / 1024)} KB loaded; import ${medianMs(variantRuns, 'importMs')} ms, first request ${medianMs(variantRuns, 'firstRequestMs')} ms; CPU ${medianMs(variantRuns, 'cpuMs')} ms against ${medianMs(realRuns, 'cpuMs')} ms`,
        });
      }
      rows.info(
        'member API handler: code loaded on a cold start',
        Math.round(real.coldBytes / 1024),
        'KB',
        `minified ESM split into chunks, AWS SDK only in lazy chunks (SES, S3); ${Math.round(real.totalBytes / 1024)} KB with the lazy chunks`,
      );
      rows.info('floor bundle (Hono health + DocumentClient)', Math.round(floor.coldBytes / 1024), 'KB');

      const reachable = staticallyReachableInputs(real.metafile, 'functions/handlers/member-api.handler.ts');
      const onColdPath = [...reachable].filter((input) => SURVEY_CORE.test(input));
      rows.measured({
        metric: 'survey-core modules on the autosave cold path',
        value: onColdPath.length,
        unit: 'modules',
        budget: { kind: 'max', max: 0 },
        deterministic: true,
        note: `static imports from the handler (dynamic import() is lazy); survey-core is in the bundle for submit only: ${Math.round(bytesFromPackage(real.metafile, SURVEY_CORE) / 1024)} KB, initialised on the first submit`,
      });
    } finally {
      await db.close();
    }
  },
};
