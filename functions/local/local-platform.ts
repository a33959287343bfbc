import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { buildWeb } from '../../web/build-web';
import { createApp } from '../app';
import { DEFAULT_LIMITS } from '../app-deps';
import { LocalFileStore } from '../files/local-file-store';
import { OutboxMail } from '../mail/outbox-mail';
import { systemClock } from '../ports/clock';
import { ensureTable } from '../store/create-table';
import { createDynamoDbClients, localAwsLiteDriver } from '../store/dynamodb-client';
import { DynamoDbTableStore } from '../store/dynamodb-table-store';
import { startDynamoDbProcess } from './embedded-dynamodb';
import { startReminderTimer } from './reminder-timer';
import { seedDemoData } from './seed/seed-demo-data';

export const LOCAL_TABLE_NAME = 'klimatkommunerna';

export interface LocalPlatformOptions {
  root: string;
  port: number;
  dataDir?: string;
  baseUrl: string;
  adminEmails: string[];
  sessionSecret: string;
  remindersEveryMs?: number;
  log?: (line: string) => void;
  /** Skip building the web app (tests that only need the API). */
  skipWebBuild?: boolean;
  /** Sign-in link limits other than the defaults (the browser tests sign in many times an hour). */
  limits?: Partial<Record<keyof typeof DEFAULT_LIMITS, number>>;
}

/**
 * The local stack: dynalite on disk (in a child process), the table, the demo seed, the API under
 * /api and the built web app at /. The same createApp and DynamoDB adapter as in AWS.
 */
export async function startLocalPlatform(options: LocalPlatformOptions) {
  const log = options.log ?? (() => {});
  const db = await startDynamoDbProcess({
    path: options.dataDir ? path.join(options.dataDir, 'dynamodb') : undefined,
  });
  const clients = createDynamoDbClients({ endpoint: db.endpoint });
  await ensureTable(clients.raw, LOCAL_TABLE_NAME);
  // The deployed functions' transport, so the local server runs what AWS runs; the SDK client only makes the table.
  const store = new DynamoDbTableStore(localAwsLiteDriver(db.endpoint), LOCAL_TABLE_NAME);
  const clock = systemClock;

  const seed = await seedDemoData({
    store,
    clock,
    organisationsCsv: readFileSync(path.join(options.root, 'shared/domain/organisations-demo.csv'), 'utf8'),
    adminEmails: options.adminEmails,
  });

  const webDist = path.join(options.root, 'web/dist');
  if (!options.skipWebBuild) await buildWeb({ root: options.root, outdir: webDist });

  const app = createApp({
    store,
    mail: new OutboxMail(store, clock),
    clock,
    config: {
      baseUrl: options.baseUrl,
      deployed: false,
      sessionSecret: options.sessionSecret,
      adminEmails: options.adminEmails,
      ...DEFAULT_LIMITS,
      ...options.limits,
    },
    clientIp: (c) => getConnInfo(c).remote.address ?? 'unknown',
    ...(options.dataDir ? { files: new LocalFileStore(path.join(options.dataDir, 'files')) } : {}),
    log: (entry) => log(JSON.stringify(entry)),
  });
  const relativeDist = path.relative(process.cwd(), webDist) || '.';
  app.use('/assets/*', serveStatic({ root: relativeDist }));
  // Client-side routes all load the one page; the API keeps its JSON 404s.
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ root: relativeDist, path: 'index.html' })(c, next);
  });

  const server = serve({ fetch: app.fetch, port: options.port, hostname: '0.0.0.0' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = options.baseUrl.replace(/:\d+$/, `:${port}`);

  // The local stand-in for the hourly schedule; off when the interval is 0 or not given (tests).
  const reminderTimer =
    options.remindersEveryMs && options.remindersEveryMs > 0
      ? startReminderTimer({
          store,
          mail: new OutboxMail(store, clock),
          clock,
          config: { baseUrl: url, sessionSecret: options.sessionSecret, adminEmails: options.adminEmails },
          everyMs: options.remindersEveryMs,
          log: (entry) => log(JSON.stringify(entry)),
        })
      : undefined;

  return {
    url,
    port,
    store,
    clients,
    adminEmails: options.adminEmails,
    /** What the demo seed wrote on this start (`seeded: false` when the data was already there). */
    seed,
    close: async () => {
      await reminderTimer?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
