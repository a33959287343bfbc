import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KlimatkommunernaStack } from './klimatkommunerna-stack';

// CDK app entry (cdk.json: `npx tsx infra/app.ts`). Works offline: no lookups, no credentials.
const app = new App();

// Upload the web app only once it is built (`npm run build:web`), so synth works in a fresh clone.
const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
const webDistPath = existsSync(join(webDist, 'index.html')) ? webDist : undefined;
if (!webDistPath) console.warn('web/dist/index.html not found: the stack will not upload the web app.');

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
