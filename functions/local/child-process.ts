import { fork, type StdioOptions } from 'node:child_process';

/**
 * A local service in a child process (dynalite, the bench's local stack): the child answers one
 * IPC message once it serves (`reportReady`), closes on "close" and exits when its parent goes.
 */
export interface ChildService<T> {
  ready: T;
  close(): Promise<void>;
}

/** Forks `entry`, waits up to `timeoutMs` for its ready message; a child that answers `{ error }` or exits first rejects. */
export async function forkUntilReady<T>(options: {
  entry: string;
  args: string[];
  /** What the errors call it, e.g. "dynalite". */
  name: string;
  timeoutMs: number;
  execArgv?: string[];
  stdio?: StdioOptions;
}): Promise<ChildService<T>> {
  // execArgv defaults to the parent's, so under tsx the child runs TypeScript too.
  const child = fork(options.entry, options.args, {
    stdio: options.stdio ?? ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(options.execArgv ? { execArgv: options.execArgv } : {}),
  });
  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name} did not start within ${options.timeoutMs / 1000} s`)),
      options.timeoutMs,
    );
    child.once('message', (message) => {
      clearTimeout(timer);
      const error = (message as { error?: string } | undefined)?.error;
      if (error) reject(new Error(`${options.name} did not start: ${error}`));
      else resolve(message as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code} before it was ready`));
    });
  });
  return {
    ready,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: sends `ready`, closes with `close` on "close", and exits with its parent. */
export function reportReady(ready: unknown, close: () => Promise<void>): void {
  process.on('message', async (message) => {
    if (message !== 'close') return;
    await close();
    process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.(ready);
}
