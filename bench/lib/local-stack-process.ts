import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface LocalStackProcess {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  close(): Promise<void>;
}

/** Starts bench/entries/local-stack.ts in a child process (tsx) with its data in a temp folder. */
export async function startLocalStackProcess(root: string, tmp: string): Promise<LocalStackProcess> {
  const dataDir = mkdtempSync(path.join(tmp, 'stack-'));
  const child = fork(path.join(root, 'bench/entries/local-stack.ts'), [root, dataDir], {
    // To profile the stack under load: KK_BENCH_STACK_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/stack'.
    execArgv: [
      '--import',
      'tsx',
      '--no-warnings',
      ...(process.env.KK_BENCH_STACK_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; dynamoEndpoint?: string; tableName: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the local stack did not start within 60 s')), 60_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as { url: string; dynamoEndpoint?: string; tableName: string });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local stack exited with ${code}`));
    });
  });
  if (!ready.dynamoEndpoint) throw new Error('the local stack did not report its DynamoDB endpoint');
  return {
    url: ready.url,
    dynamoEndpoint: ready.dynamoEndpoint,
    tableName: ready.tableName,
    close: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
