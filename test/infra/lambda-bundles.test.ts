import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { staticallyLoadedOutputs } from '../../bench/lib/lambda-bundle';
import { AppFunction } from '../../infra/app-function';
import { lambdaBuildOptions } from '../../infra/lambda-bundling/lambda-build-options';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HANDLERS = ['api', 'member-api', 'report-api', 'reminders', 'retention', 'ses-events'];
/** The kansli's routes and services (repositories the sign-in shares aside): none may be in the member bundle. */
const ADMIN_ONLY =
  /functions\/(admin-api\.ts|features\/((admins|audit|contacts|imports|organisations|privacy|progress)\/[^/]+\.(routes|service)\.ts|klimatlaget\/klimatlaget-admin\.routes\.ts|campaigns\/campaign\.routes\.ts|reminders\/(reminder\.routes|reminders\.service)\.ts|responses\/response-(admin|review)\.))/;
/** The report and unsubscribe (the report API's): none may be on the member API's cold path. */
const REPORT_ONLY =
  /(functions\/(report-api\.ts|features\/(klimatlaget\/[^/]+\.ts|reminders\/unsubscribe[^/]*\.ts))|shared\/klimatlaget\/report\.schema\.ts)/;
/** Schemas only the kansli's features read: the reminder policy's and the audit entry's. */
const KANSLI_SCHEMAS = /shared\/(reminders\/|schemas\/audit\.schema\.ts)/;
const work = mkdtempSync(path.join(tmpdir(), 'kk-lambda-bundles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Lambda bundles (infra/lambda-bundling)', () => {
  it.each(HANDLERS)(
    'the %s handler bundles and loads in a fresh Node process',
    async (name) => {
      const outdir = path.join(work, name);
      const result = await build(
        lambdaBuildOptions({ root: ROOT, entry: `functions/handlers/${name}.handler.ts`, outdir }),
      );
      const metafile = result.metafile as Metafile;
      const entry = Object.keys(metafile.outputs).find((file) => file.endsWith(`${name}/index.mjs`));
      expect(entry).toBeDefined();
      // Importing must not touch AWS: adapters are created on the first invocation, never at module scope.
      const loaded = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(path.join(outdir, 'index.mjs'))}); console.log(typeof m.handler);`,
        ],
        { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 30_000 },
      );
      expect(loaded.trim()).toBe('function');
      // Code for submit (survey-core) and for spreadsheets (exceljs) is split off every cold start.
      // Output files Node loads before the handler can run: the entry and its static chunk imports.
      const coldInputs = [...staticallyLoadedOutputs(metafile, entry as string)].flatMap((file) =>
        Object.keys(metafile.outputs[file]?.inputs ?? {}),
      );
      // Nor the AWS SDK: DynamoDB and Secrets Manager go through aws-lite, SES and S3 are lazy chunks.
      expect(
        coldInputs.filter((input) =>
          /node_modules\/(survey-core|exceljs|@aws-sdk\/[^/]+|@smithy\/[^/]+)\//.test(input),
        ),
      ).toEqual([]);
      expect(coldInputs.some((input) => input.includes('node_modules/@aws-lite/client/'))).toBe(true);
      const allInputs = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
      if (name === 'member-api') {
        expect(allInputs.filter((input) => ADMIN_ONLY.test(input))).toEqual([]);
        // Klimatläget's schemas were a third of the zod schemas a member cold start built, the reminder
        // policy's and the audit reader's a tenth each (docs/performance.md); they load where they are used.
        expect(coldInputs.filter((input) => REPORT_ONLY.test(input) || KANSLI_SCHEMAS.test(input))).toEqual([]);
      }
      if (name === 'report-api')
        expect(coldInputs.filter((input) => REPORT_ONLY.test(input)).length).toBeGreaterThan(5);
      // …and the pattern matches what the whole API does load at once.
      if (name === 'api') expect(coldInputs.filter((input) => KANSLI_SCHEMAS.test(input)).length).toBeGreaterThan(3);
      // The pattern is not vacuous: the whole API does carry those features.
      if (name === 'api') expect(allInputs.filter((input) => ADMIN_ONLY.test(input)).length).toBeGreaterThan(10);
      // Only Swedish and English of zod's locales are bundled.
      const zodLocales = Object.values(metafile.outputs)
        .flatMap((output) => Object.keys(output.inputs))
        .filter((input) => /node_modules\/zod\/v4\/locales\/[a-z-]+\.js$/i.test(input));
      // The API validates with zod, so its bundle proves the filter matches something.
      if (name === 'api') expect(zodLocales.length).toBeGreaterThan(0);
      expect(zodLocales.filter((input) => !/\/(en|sv)\.js$/.test(input))).toEqual([]);
    },
    90_000,
  ); // esbuild and a fresh Node process per handler: slow on a loaded 2-core machine

  it('gives every function its own bundle (CDK caches bundling by its options, so the entry must be in them)', () => {
    const app = new App({ outdir: path.join(work, 'cdk.out') });
    const stack = new Stack(app, 'BundleStack');
    for (const name of ['reminders', 'retention']) {
      new AppFunction(stack, name, {
        entry: path.join(ROOT, `functions/handlers/${name}.handler.ts`),
        description: name,
        environment: {},
      });
    }
    const functions = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')) as Array<{
      Properties: { Code: { S3Key: unknown } };
    }>;
    expect(functions).toHaveLength(2);
    const [first, second] = functions.map((fn) => JSON.stringify(fn.Properties.Code.S3Key));
    expect(first).not.toBe(second);
    // Two real esbuild bundlings through CDK: ~15 s alone, and over the default 30 s on a busy 2-core machine.
  }, 120_000);
});
