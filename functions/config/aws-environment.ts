import type { AppDeps } from '../app-deps';
import { DEFAULT_LIMITS } from '../app-deps';
import { systemClock } from '../ports/clock';
import { awsLiteDynamoDbDriver } from '../store/aws-lite-dynamodb-driver';
import { DynamoDbTableStore } from '../store/dynamodb-table-store';
import { adminEmailsFrom } from './admin-emails';
import { lazyS3FileStore, lazySesMail } from './lazy-adapters';
import { once } from './once';

/** Reads a required environment variable, naming it when missing. */
export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

/**
 * The adapters and settings of a deployed Lambda: DynamoDB, SES and the key that signs unsubscribe
 * links, from Secrets Manager. Called once per cold start by each handler, never at module scope.
 * The key is read on first use: only unsubscribe and reminders need it, so a function without
 * SESSION_SECRET_ARN (the member API) never reads it and fails clearly if it ever tried.
 */
export async function awsDeps(env: NodeJS.ProcessEnv = process.env): Promise<Omit<AppDeps, 'clientIp'>> {
  const store = deployedTableStore(env);
  const secretArn = env.SESSION_SECRET_ARN;
  return {
    store,
    mail: lazySesMail(requiredEnv('SES_FROM_ADDRESS', env), env.SES_CONFIGURATION_SET),
    clock: systemClock,
    config: {
      baseUrl: requiredEnv('BASE_URL', env),
      deployed: true,
      sessionSecret: secretArn ? once(() => readSessionSecret(secretArn, env)) : noSecretConfigured,
      adminEmails: adminEmailsFrom(env.ADMIN_EMAILS ?? ''),
      ...DEFAULT_LIMITS,
    },
    ...(env.IMPORT_BUCKET ? { files: lazyS3FileStore(env.IMPORT_BUCKET, env.IMPORT_PREFIX ?? 'uploads/') } : {}),
    log: (entry) => console.log(JSON.stringify(entry)),
  };
}

async function noSecretConfigured(): Promise<string> {
  throw new Error('SESSION_SECRET_ARN is not set: this function is not given the key that signs unsubscribe links');
}

/**
 * The table of a deployed function, reached through aws-lite. AWS_ENDPOINT_URL_DYNAMODB, which
 * the SDK honours too, points it elsewhere (the benchmark's dynalite).
 */
export function deployedTableStore(env: NodeJS.ProcessEnv = process.env): DynamoDbTableStore {
  const driver = awsLiteDynamoDbDriver({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL,
    credentials: credentialsIn(env),
  });
  return new DynamoDbTableStore(driver, requiredEnv('TABLE_NAME', env));
}

/**
 * Secrets Manager's GetSecretValue through aws-lite, which needs no plugin for one JSON call; the
 * SDK's client would bring its core back onto a cold start. AWS_ENDPOINT_URL_SECRETS_MANAGER, as
 * for the SDK, points it elsewhere (the benchmark's local fake).
 */
async function readSessionSecret(secretArn: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { default: awsLite } = await import('@aws-lite/client');
  const aws = await awsLite({
    region: env.AWS_REGION ?? 'eu-north-1',
    autoloadPlugins: false,
    retries: 2,
    ...credentialsIn(env),
    ...(env.AWS_ENDPOINT_URL_SECRETS_MANAGER ? { endpoint: env.AWS_ENDPOINT_URL_SECRETS_MANAGER } : {}),
  });
  const response = await aws({
    service: 'secretsmanager',
    // Plain JSON both ways: aws-lite would otherwise encode an x-amz-json body as DynamoDB values.
    awsjson: false,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
    payload: { SecretId: secretArn },
  });
  const secret = (response.payload as { SecretString?: unknown }).SecretString;
  if (typeof secret !== 'string' || !secret) throw new Error('The session secret is empty');
  return secret;
}

/** The Lambda role's credentials, which the runtime puts in the function's environment. */
function credentialsIn(env: NodeJS.ProcessEnv) {
  const {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SESSION_TOKEN: sessionToken,
  } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
