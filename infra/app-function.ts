import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTION_MEMORY_MB } from './function-memory';

export interface AppFunctionProps {
  /** Absolute path of the handler file (must export `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  /** Async invocations (Scheduler, SNS) that still fail after Lambda's retries land here. */
  readonly deadLetterQueue?: IQueue;
  readonly maxEventAge?: Duration;
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE_SCRIPT = fileURLToPath(new URL('./lambda-bundling/bundle-lambda.ts', import.meta.url));

/**
 * The handler's code, bundled by the local esbuild (no Docker) with the options in
 * lambda-bundling/lambda-build-options.ts. Not NodejsFunction: it writes a single file and cannot
 * split code, and splitting is what keeps survey-core, exceljs and the SES/S3 clients off the
 * cold start (see docs/performance.md).
 */
function bundledCode(entry: string): Code {
  const relativeEntry = path.relative(PROJECT_ROOT, entry);
  return Code.fromAsset(PROJECT_ROOT, {
    // Hash the bundle, not the project folder, so unrelated edits don't redeploy every function.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Only used if local bundling were unavailable; tryBundle below never hands over to Docker.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      // Also what tells the assets apart: CDK caches bundles by these options, and tryBundle (a
      // function) is not part of that key, so without the entry here every function got the first bundle.
      command: ['npx', 'tsx', 'infra/lambda-bundling/bundle-lambda.ts', relativeEntry, '/asset-output'],
      local: {
        tryBundle(outputDir) {
          const result = spawnSync(process.execPath, ['--import', 'tsx', BUNDLE_SCRIPT, relativeEntry, outputDir], {
            cwd: PROJECT_ROOT,
            stdio: 'inherit',
          });
          if (result.status !== 0) throw new Error(`Bundling ${relativeEntry} failed (esbuild exit ${result.status}).`);
          return true;
        },
      },
    },
  });
}

/**
 * One Lambda of the platform with the shared defaults: Node 22 on arm64, ESM split into chunks,
 * and its own log group with a fixed retention.
 */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    // An explicit log group: retention without the LogRetention custom-resource Lambda.
    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    // Own role instead of AWSLambdaBasicExecutionRole: it may write to its own log group only.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    this.fn = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? FUNCTION_MEMORY_MB.scheduledJob,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup: this.logGroup,
      role: this.role,
      deadLetterQueue: props.deadLetterQueue,
      maxEventAge: props.maxEventAge,
      // No --enable-source-maps by default: Node then reads every chunk's map at load, which cost
      // the API's cold start tens of ms. The maps ship beside the code; docs/deploy.md says how to
      // switch them on while debugging.
      environment: props.environment,
    });
  }
}
