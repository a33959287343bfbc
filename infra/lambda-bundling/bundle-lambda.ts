// Bundles one Lambda handler: `tsx infra/lambda-bundling/bundle-lambda.ts <entry> <outdir>`.
// A separate process because CDK's local bundling hook is synchronous and esbuild plugins need
// the asynchronous build API.
import { build } from 'esbuild';
import { lambdaBuildOptions } from './lambda-build-options';

const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) {
  console.error('usage: bundle-lambda.ts <entry> <outdir>');
  process.exit(2);
}
const result = await build(lambdaBuildOptions({ root: process.cwd(), entry, outdir }));
if (result.errors.length > 0) process.exit(1);
