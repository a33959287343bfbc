import './quiet-node20-warning';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliText } from './cli-language';
import { failWith, runCommand } from './command-line';
import { startLocalPlatform } from './local-platform';
import { localAdminEmails, localBaseUrl, localRemindersInterval } from './local-settings';
import { makeDirectory } from './make-directory';
import { localSessionSecret } from './session-secret';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Swedish unless the locale asks for English (cli-language.ts). */
const text = cliText(process.env).start;
// Typed here so that TypeScript narrows after a call, as it does for a declared never function.
const fail: (message: string) => never = failWith('npm start');

/**
 * `npm start`: the whole platform on this machine. Problems a person can fix (a busy port,
 * an unwritable data folder) end the process with one line, never a stack trace; what it prints
 * itself is Swedish unless the locale asks for English.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(text.badPort(process.env.PORT));
  // These throw a one-line message, which the catch at the bottom prints.
  const baseUrl = localBaseUrl(process.env, port);
  const remindersEveryMs = localRemindersInterval(process.env);
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? '.data');
  // Checked before the data folder is made, so a start that cannot listen leaves nothing behind.
  await ensurePortFree(port);
  ensureWritable(dataDir);

  const platform = await startLocalPlatform({
    root: ROOT,
    port,
    dataDir,
    baseUrl,
    adminEmails: localAdminEmails(process.env),
    sessionSecret: process.env.SESSION_SECRET ?? localSessionSecret(dataDir),
    remindersEveryMs,
    log: (line) => console.log(line),
  });

  if (platform.seed.seeded) console.log(text.demoSeeded(platform.seed));
  console.log(text.banner({ url: platform.url, admin: platform.adminEmails[0] ?? 'kansli@example.se', dataDir }));

  const stop = async () => {
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function ensureWritable(dir: string): void {
  try {
    makeDirectory(dir);
    accessSync(dir, constants.W_OK);
  } catch {
    fail(text.notWritable(dir));
  }
}

function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'EADDRINUSE' ? text.portInUse(port) : text.cannotListen(port, error.code ?? error.message));
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

runCommand(main, fail, text.failed);
