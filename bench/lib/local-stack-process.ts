import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { forkUntilReady } from '../../functions/local/child-process';

export interface LocalStackProcess {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  close(): Promise<void>;
}

/** Starts bench/entries/local-stack.ts in a child process (tsx) with its data in a temp folder. */
export async function startLocalStackProcess(root: string, tmp: string): Promise<LocalStackProcess> {
  const dataDir = mkdtempSync(path.join(tmp, 'stack-'));
  const child = await forkUntilReady<{ url: string; dynamoEndpoint?: string; tableName: string }>({
    entry: path.join(root, 'bench/entries/local-stack.ts'),
    args: [root, dataDir],
    name: 'the local stack',
    timeoutMs: 60_000,
    // To profile the stack under load: KK_BENCH_STACK_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/stack'.
    execArgv: [
      '--import',
      'tsx',
      '--no-warnings',
      ...(process.env.KK_BENCH_STACK_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { url, dynamoEndpoint, tableName } = child.ready;
  if (!dynamoEndpoint) throw new Error('the local stack did not report its DynamoDB endpoint');
  return {
    url,
    dynamoEndpoint,
    tableName,
    close: async () => {
      await child.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts bench/entries/bare-autosave-server.ts (tsx) against the stack's dynalite: autosave's two requests and nothing else. */
export async function startBareAutosaveProcess(root: string, dynamoEndpoint: string, tableName: string) {
  const child = await forkUntilReady<{ url: string }>({
    entry: path.join(root, 'bench/entries/bare-autosave-server.ts'),
    args: [dynamoEndpoint, tableName],
    name: 'the bare autosave server',
    timeoutMs: 30_000,
    execArgv: ['--import', 'tsx', '--no-warnings'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return { url: child.ready.url, close: child.close };
}
