import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildWeb } from '../web/build-web';
import { KlimatkommunernaStack } from './klimatkommunerna-stack';

// CDK app entry (cdk.json: `npx tsx infra/app.ts`). Works offline: no lookups, no credentials.
const app = new App();

// Every synth and deploy builds the web app first (a few seconds), so what CloudFront serves is
// always this checkout's: web/dist is not committed, and a stale or missing build would ship.
const root = fileURLToPath(new URL('..', import.meta.url));
const webDistPath = fileURLToPath(new URL('../web/dist', import.meta.url));
await buildWeb({ root, outdir: webDistPath });

new KlimatkommunernaStack(app, 'KlimatkommunernaMedlemstest', {
  description: 'Klimatkommunerna member survey platform (medlemstest)',
  // Env from the CLI profile when there is one; env-agnostic (offline synth) otherwise.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  webDistPath,
});

Tags.of(app).add('project', 'klimatkommunerna-medlemstest');
// Same AwsSolutions rules as test/infra (cdk-nag v3 is a policy-validation plugin, not an Aspect):
// an unacknowledged finding interrupts `cdk synth` and `cdk deploy`.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
