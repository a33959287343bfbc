import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What dynalite accepts; it checks that requests are signed, not by whom. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

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
