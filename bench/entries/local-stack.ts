/**
 * The local stack (functions/local/local-platform.ts) in its own process, so the load generator
 * does not share its event loop. argv: <root> <dataDir>. Sends { url, dynamoEndpoint, tableName }
 * over IPC once listening; closes on the message "close".
 */
import '../../functions/local/quiet-node20-warning';
import { reportReady } from '../../functions/local/child-process';
import { LOCAL_TABLE_NAME, startLocalPlatform } from '../../functions/local/local-platform';

const [root = process.cwd(), dataDir] = process.argv.slice(2);
const platform = await startLocalPlatform({
  root,
  port: 0,
  dataDir,
  baseUrl: 'http://localhost:3000',
  adminEmails: ['kansli@example.se'],
  sessionSecret: 'bench-secret-that-is-long-enough-for-hmac',
  skipWebBuild: true,
  remindersEveryMs: 0,
});
const endpoint = await platform.clients.raw.config.endpoint?.();
reportReady(
  {
    url: `http://127.0.0.1:${platform.port}`,
    dynamoEndpoint: endpoint ? `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}` : undefined,
    tableName: LOCAL_TABLE_NAME,
  },
  platform.close,
);
