import awsLite from '@aws-lite/client';
import dynamodbPlugin from '@aws-lite/dynamodb';
import { once } from '../config/once';
import type { DynamoDbDriver, DynamoDbOperation } from './dynamodb-driver';

export interface AwsLiteDriverOptions {
  region?: string;
  /** A DynamoDB-compatible endpoint (dynalite); in AWS undefined, and the region's is used. */
  endpoint?: string;
  /** Without them aws-lite looks where the SDK would: the environment (a Lambda's role), then ~/.aws. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

type PluginMethod = (input: unknown) => Promise<Record<string, unknown>>;

/**
 * aws-lite as the table store's transport: a small client (about 110 KB bundled and minified with
 * its DynamoDB plugin, against 550 KB for the SDK's DocumentClient) that signs and sends the
 * request itself, so a cold Lambda starts and answers its first request sooner. The client is
 * made on the first request, not at import.
 */
export function awsLiteDynamoDbDriver(options: AwsLiteDriverOptions = {}): DynamoDbDriver {
  const dynamodb = once(async () => {
    const client = await awsLite({
      region: options.region ?? process.env.AWS_REGION ?? 'eu-north-1',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ?? {}),
      plugins: [dynamodbPlugin],
      autoloadPlugins: false,
      // As the SDK does: 3 attempts, then the store reports the table unavailable.
      retries: 2,
      // The same marshalling as the DocumentClient's settings (functions/store/dynamodb-client.ts).
      awsjsonMarshall: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    } as Parameters<typeof awsLite>[0]);
    return (client as unknown as { DynamoDB: Record<DynamoDbOperation, PluginMethod> }).DynamoDB;
  });
  return {
    async send(operation, input) {
      const methods = await dynamodb();
      // The plugin marshals Key, Item and ExpressionAttributeValues even when undefined, which
      // fails, so absent parameters are left out; and it does not marshal a query's start key.
      const request: Record<string, unknown> = Object.fromEntries(
        Object.entries(input).filter(([, value]) => value !== undefined),
      );
      if (operation === 'Query' && request.ExclusiveStartKey) {
        request.ExclusiveStartKey = marshallKey(request.ExclusiveStartKey as Record<string, unknown>);
      }
      let answer: Record<string, unknown>;
      try {
        answer = await methods[operation](request);
      } catch (error) {
        throw withSocketCode(error);
      }
      // ...nor unmarshal the key a page ends at, which the store hands back as the next start key.
      if (operation === 'Query' && answer.LastEvaluatedKey) {
        answer = {
          ...answer,
          LastEvaluatedKey: unmarshallKey(answer.LastEvaluatedKey as Record<string, { S: string }>),
        };
      }
      return answer as never;
    },
  };
}

/** Keys in this table are strings only (functions/store/table-design.ts). */
function marshallKey(key: Record<string, unknown>): Record<string, { S: string }> {
  return Object.fromEntries(
    Object.entries(key).map(([name, value]) => {
      if (typeof value !== 'string') throw new TypeError(`Key attribute ${name} is not a string`);
      return [name, { S: value }];
    }),
  );
}

function unmarshallKey(key: Record<string, { S?: unknown }>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(key).map(([name, value]) => {
      if (typeof value?.S !== 'string') throw new TypeError(`Key attribute ${name} is not a string`);
      return [name, value.S];
    }),
  );
}

/**
 * Gives a socket error the code the store translates, as the SDK's errors carry it: aws-lite keeps
 * it only in the text of the original stack. (DynamoDB's own exceptions the plugin already names.)
 */
function withSocketCode(error: unknown): unknown {
  const failed = error as Error & { code?: string; rawStack?: unknown };
  if (failed instanceof Error && !failed.code && typeof failed.rawStack === 'string') {
    const code = /\b(E[A-Z]{3,})\b/.exec(failed.rawStack)?.[1];
    if (code) failed.code = code;
  }
  return error;
}
