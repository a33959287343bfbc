import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';

type Answer<T> = Omit<T, '$metadata'>;

/** The DynamoDB operations the table store sends, each with its input and answer in plain (unmarshalled) values. */
export interface DynamoDbOperations {
  GetItem: [GetCommandInput, Answer<GetCommandOutput>];
  PutItem: [PutCommandInput, Answer<PutCommandOutput>];
  UpdateItem: [UpdateCommandInput, Answer<UpdateCommandOutput>];
  DeleteItem: [DeleteCommandInput, Answer<DeleteCommandOutput>];
  Query: [QueryCommandInput, Answer<QueryCommandOutput>];
  BatchGetItem: [BatchGetCommandInput, Answer<BatchGetCommandOutput>];
  BatchWriteItem: [BatchWriteCommandInput, Answer<BatchWriteCommandOutput>];
}

export type DynamoDbOperation = keyof DynamoDbOperations;

/**
 * The transport under the table store: one DynamoDB request per send, attribute values plain
 * both ways. A failed request rejects with an error whose `name` is DynamoDB's exception name
 * (ConditionalCheckFailedException) or whose `code` is the socket's (ECONNREFUSED), so the store
 * translates errors the same way whichever transport carries them.
 *
 * Two implement it: the AWS SDK's DocumentClient (tests and tools, whose middleware counts
 * requests and injects faults) and aws-lite (the deployed Lambdas and the local server, because
 * it starts about 100 ms sooner on a cold start; see docs/performance.md).
 */
export interface DynamoDbDriver {
  send<Op extends DynamoDbOperation>(
    operation: Op,
    input: DynamoDbOperations[Op][0],
  ): Promise<DynamoDbOperations[Op][1]>;
}
