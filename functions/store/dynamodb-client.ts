import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsLiteDynamoDbDriver } from './aws-lite-dynamodb-driver';
import type { DynamoDbDriver } from './dynamodb-driver';

/** What dynalite accepts; it checks that requests are signed, not by whom. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface DynamoDbClients {
  raw: DynamoDBClient;
  doc: DynamoDBDocumentClient;
}

/**
 * Builds the SDK clients. Locally `endpoint` points at the embedded dynalite with dummy
 * credentials; in AWS it is undefined and the Lambda role's credentials are used.
 */
export function createDynamoDbClients(options: { endpoint?: string; region?: string } = {}): DynamoDbClients {
  const raw = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'eu-north-1',
    ...(options.endpoint ? { endpoint: options.endpoint, credentials: LOCAL_CREDENTIALS } : {}),
    maxAttempts: 3,
  });
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { raw, doc };
}

/**
 * The deployed functions' transport (aws-lite) against a local dynalite: what the local server,
 * the CLIs and the tests of that transport send through.
 */
export function localAwsLiteDriver(endpoint: string): DynamoDbDriver {
  return awsLiteDynamoDbDriver({ endpoint, credentials: LOCAL_CREDENTIALS });
}
