import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * How a tool of this repository runs as `npm run`/`npm start` run it: Node with TypeScript through
 * tsx, in the repository, with DATA_DIR pointing at `dataDir` and no colours. The locale is the
 * test's alone: LC_ALL, LC_MESSAGES and LANG are not inherited, so the tool speaks Swedish unless
 * `env` sets one (e.g. `{ LANG: 'en_US.UTF-8' }`), whatever the shell or CI has.
 */
function toolProcess(entry: string, args: string[], dataDir: string, env: NodeJS.ProcessEnv) {
  // Vitest sets BASE_URL to "/" for Vite; a person's shell does not. `npm test` sets FORCE_COLOR
  // for vitest's own output, and it would win over NO_COLOR.
  const {
    BASE_URL: _vite,
    FORCE_COLOR: _colour,
    LC_ALL: _all,
    LC_MESSAGES: _messages,
    LANG: _lang,
    ...inherited
  } = process.env;
  return {
    args: ['--import', 'tsx', '--no-warnings', path.join(ROOT, entry), ...args],
    options: { cwd: ROOT, env: { ...inherited, DATA_DIR: dataDir, NO_COLOR: '1', ...env } },
  };
}

/** Runs a command-line tool of functions/cli in its own process (toolProcess); answers its exit code and output. */
export function runCli(
  script: 'import' | 'reminders',
  args: string[],
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return runCliProcess(`functions/cli/${script}.ts`, args, dataDir, env);
}

/** runCli for any entry point of this repository, e.g. `functions/local/main.ts` (`npm start`). */
export function runCliProcess(
  entry: string,
  args: string[],
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const tool = toolProcess(entry, args, dataDir, env);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      tool.args,
      { ...tool.options, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface RunningPlatform {
  /** Everything it has printed so far, stdout and stderr. */
  output: () => string;
  /** Resolves with the exit code once it has ended (at once if it already has). */
  exited: Promise<number>;
  /** Sends SIGTERM, as Ctrl+C or a process manager would, and answers the exit code. */
  stop: () => Promise<number>;
}

/**
 * Runs `npm start` (functions/local/main.ts) as its own process (toolProcess), and resolves once it
 * has printed its banner (the line that says how to stop it) or ended, whichever comes first.
 */
export async function startPlatform(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningPlatform> {
  const tool = toolProcess('functions/local/main.ts', [], dataDir, env);
  const child = spawn(process.execPath, tool.args, { ...tool.options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0))),
  );
  await new Promise<void>((resolve, reject) => {
    // A start that hangs fails here with what it printed, and is killed, before vitest times out (30 s).
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start printed no banner within 25 s:\n${output}`));
    }, 25_000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/Ctrl\+C\./.test(output)) done();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(done);
  });
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
