import type { AppDeps } from '../app-deps';
import { DEFAULT_LIMITS } from '../app-deps';
import { systemClock } from '../ports/clock';
import { createDynamoDbClients } from '../store/dynamodb-client';
import { DynamoDbTableStore } from '../store/dynamodb-table-store';
import { lazyS3FileStore, lazySesMail } from './lazy-adapters';
import { once } from './once';

/** Reads a required environment variable, naming it when missing. */
export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

/**
 * The adapters and settings of a deployed Lambda: DynamoDB, SES and the session key from
 * Secrets Manager. Called once per cold start by each handler, never at module scope. The key is
 * read on first use (its client is a lazy chunk), so the first request's session read need not
 * wait for it.
 */
export async function awsDeps(env: NodeJS.ProcessEnv = process.env): Promise<Omit<AppDeps, 'clientIp'>> {
  const clients = createDynamoDbClients();
  const store = new DynamoDbTableStore(clients.doc, requiredEnv('TABLE_NAME', env));
  const secretArn = requiredEnv('SESSION_SECRET_ARN', env);
  return {
    store,
    mail: lazySesMail(requiredEnv('SES_FROM_ADDRESS', env), env.SES_CONFIGURATION_SET),
    clock: systemClock,
    config: {
      baseUrl: requiredEnv('BASE_URL', env),
      deployed: true,
      sessionSecret: once(() => readSessionSecret(secretArn)),
      adminEmails: (env.ADMIN_EMAILS ?? '')
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
      ...DEFAULT_LIMITS,
    },
    ...(env.IMPORT_BUCKET ? { files: lazyS3FileStore(env.IMPORT_BUCKET, env.IMPORT_PREFIX ?? 'uploads/') } : {}),
    log: (entry) => console.log(JSON.stringify(entry)),
  };
}

async function readSessionSecret(secretArn: string): Promise<string> {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!secret.SecretString) throw new Error('The session secret is empty');
  return secret.SecretString;
}
