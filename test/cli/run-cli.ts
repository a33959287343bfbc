import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command-line tool of functions/cli as `npm run <name>` does (TypeScript through tsx), in
 * its own process with DATA_DIR pointing at `dataDir`; answers its exit code and output. The locale
 * is the test's alone: LC_ALL, LC_MESSAGES and LANG are not inherited, so the tool speaks Swedish
 * unless `env` sets one (e.g. `{ LANG: 'en_US.UTF-8' }`), whatever the shell or CI has.
 */
export function runCli(
  script: 'import' | 'reminders',
  args: string[],
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  // Vitest sets BASE_URL to "/" for Vite; a person's shell does not.
  const { BASE_URL: _vite, LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--no-warnings', path.join(ROOT, `functions/cli/${script}.ts`), ...args],
      {
        cwd: ROOT,
        env: { ...inherited, DATA_DIR: dataDir, NO_COLOR: '1', ...env },
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
