/**
 * The child process of startDynamoDbProcess: dynalite on 127.0.0.1. argv[2] holds the options as
 * JSON. Answers { endpoint } (or { error }) over IPC once listening; closes on "close" and exits
 * when the parent goes, so no orphan keeps the LevelDB lock.
 */
import { reportReady } from './child-process';
import { type EmbeddedDynamoDbOptions, startEmbeddedDynamoDb } from './embedded-dynamodb';

const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedDynamoDbOptions;
try {
  const db = await startEmbeddedDynamoDb(options);
  reportReady({ endpoint: db.endpoint }, db.close);
} catch (error) {
  process.send?.({ error: (error as Error).message });
  process.exit(1);
}
