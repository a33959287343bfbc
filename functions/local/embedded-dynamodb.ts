import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import dynalite from 'dynalite';
import { forkUntilReady } from './child-process';

export interface EmbeddedDynamoDb {
  endpoint: string;
  close(): Promise<void>;
}

export interface EmbeddedDynamoDbOptions {
  /** Keep the data on disk (LevelDB) here, so a restart finds the table and items. */
  path?: string;
  port?: number;
}

/** Starts dynalite, a DynamoDB-compatible server, in this process on 127.0.0.1. */
export async function startEmbeddedDynamoDb(options: EmbeddedDynamoDbOptions = {}): Promise<EmbeddedDynamoDb> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const CHILD_ENTRY = fileURLToPath(new URL('./dynamodb-process.ts', import.meta.url));

/**
 * Starts dynalite in a child process. The local server then has a core to itself, as the API has
 * in AWS where DynamoDB is another machine: dynalite's validation and LevelDB work no longer
 * queue behind the API's requests (docs/performance.md, autosave under load). The child exits
 * with its parent.
 */
export async function startDynamoDbProcess(options: EmbeddedDynamoDbOptions = {}): Promise<EmbeddedDynamoDb> {
  const child = await forkUntilReady<{ endpoint: string }>({
    entry: CHILD_ENTRY,
    args: [JSON.stringify(options)],
    name: 'dynalite',
    timeoutMs: 30_000,
  });
  return { endpoint: child.ready.endpoint, close: child.close };
}
