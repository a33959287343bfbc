import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoDbDriver, DynamoDbOperation } from './dynamodb-driver';

const COMMANDS = {
  GetItem: GetCommand,
  PutItem: PutCommand,
  UpdateItem: UpdateCommand,
  DeleteItem: DeleteCommand,
  Query: QueryCommand,
  BatchGetItem: BatchGetCommand,
  BatchWriteItem: BatchWriteCommand,
} satisfies Record<DynamoDbOperation, unknown>;

/**
 * The DocumentClient as the table store's transport. The SDK already names its errors as DynamoDB
 * does, and its middleware stack is where tests and the benchmark count and fault requests.
 */
export function sdkDynamoDbDriver(client: DynamoDBDocumentClient): DynamoDbDriver {
  return {
    send: (operation, input) => {
      const Command = COMMANDS[operation] as unknown as new (input: unknown) => Parameters<typeof client.send>[0];
      return client.send(new Command(input)) as never;
    },
  };
}
