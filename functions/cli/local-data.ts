/**
 * The local stack's data opened for a command-line tool: dynalite in DATA_DIR (default .data), the
 * table, and the demo seed `npm start` writes, so a fresh data folder already holds the demo
 * organisations and campaigns.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Level } from 'level';
import { cliText } from '../local/cli-language';
import { startDynamoDbProcess } from '../local/embedded-dynamodb';
import { LOCAL_TABLE_NAME } from '../local/local-platform';
import { localAdminEmails } from '../local/local-settings';
import { makeDirectory } from '../local/make-directory';
import { seedDemoData } from '../local/seed/seed-demo-data';
import { systemClock } from '../ports/clock';
import { ensureTable } from '../store/create-table';
import { createDynamoDbClients, localAwsLiteDriver } from '../store/dynamodb-client';
import { DynamoDbTableStore } from '../store/dynamodb-table-store';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LocalData {
  /** The absolute data folder. */
  dataDir: string;
  store: DynamoDbTableStore;
  /** ADMIN_EMAILS (default kansli@example.se), read as `npm start` reads it. */
  adminEmails: string[];
  close(): Promise<void>;
}

/**
 * Opens the local data. A problem a person can fix (the folder held by `npm start`, unreadable
 * data) is thrown as an Error with a one-line message in the locale's language (cli-language.ts);
 * `whileInUse`, in that language too, completes the advice for the held folder, e.g.
 * "importera via importsidan i konsolen.".
 */
export async function openLocalData(options: { whileInUse: string }): Promise<LocalData> {
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? '.data');
  const dbPath = path.join(dataDir, 'dynamodb');
  await ensureNotLocked(dbPath, dataDir, options.whileInUse);
  try {
    makeDirectory(dataDir);
  } catch (error) {
    throw new Error(
      cliText(process.env).localData.cannotOpen(
        dataDir,
        (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      ),
    );
  }
  const adminEmails = localAdminEmails(process.env);
  // In a child process, as `npm start` runs it: dynalite's work and the client's then use both
  // cores, which made a 95,000-value import commit about a third faster (docs/imports.md).
  const db = await startDynamoDbProcess({ path: dbPath });
  try {
    const clients = createDynamoDbClients({ endpoint: db.endpoint });
    await ensureTable(clients.raw, LOCAL_TABLE_NAME);
    const store = new DynamoDbTableStore(localAwsLiteDriver(db.endpoint), LOCAL_TABLE_NAME);
    await seedDemoData({
      store,
      clock: systemClock,
      organisationsCsv: readFileSync(path.join(ROOT, 'shared/domain/organisations-demo.csv'), 'utf8'),
      adminEmails,
    });
    return { dataDir, store, adminEmails, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** LevelDB allows one process per folder; `npm start` holds it while it runs. */
async function ensureNotLocked(dbPath: string, dataDir: string, whileInUse: string): Promise<void> {
  if (!existsSync(dbPath)) return;
  const text = cliText(process.env).localData;
  const probe = new Level(dbPath);
  try {
    await probe.open();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') {
      throw new Error(text.inUse(dataDir, whileInUse));
    }
    throw new Error(text.cannotOpen(dataDir, (error as Error).message));
  } finally {
    await probe.close().catch(() => {});
  }
}
