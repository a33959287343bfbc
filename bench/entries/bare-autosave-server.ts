/**
 * The autosave load test's SDK reference: the least an autosave can cost on this stack. A Hono
 * app on @hono/node-server, like the local stack, whose one route reads one item and writes the
 * body's draft into another with the DocumentClient: autosave's two requests, and nothing of
 * ours (no session check, no validation, no version condition). argv: <dynamoEndpoint> <tableName>.
 * Sends { url } over IPC once listening; closes on "close".
 */
import '../../functions/local/quiet-node20-warning';
import type { AddressInfo } from 'node:net';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { reportReady } from '../../functions/local/child-process';
import { createDynamoDbClients } from '../../functions/store/dynamodb-client';

const [endpoint, tableName] = process.argv.slice(2);
if (!endpoint || !tableName) throw new Error('usage: sdk-floor-server.ts <dynamoEndpoint> <tableName>');
const { doc } = createDynamoDbClients({ endpoint });
let version = 0;

const app = new Hono();
app.put('/save/:slot', async (c) => {
  const body = (await c.req.json()) as { data: Record<string, unknown> };
  const slot = c.req.param('slot');
  await doc.send(new GetCommand({ TableName: tableName, Key: { pk: `BENCH#SDKFLOOR#${slot}`, sk: 'SESSION' } }));
  version++;
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: `BENCH#SDKFLOOR#${slot}`, sk: 'RESPONSE' },
      UpdateExpression: 'SET #data = :data, #version = :version, #updatedAt = :updatedAt',
      ExpressionAttributeNames: { '#data': 'data', '#version': 'version', '#updatedAt': 'updatedAt' },
      ExpressionAttributeValues: { ':data': body.data, ':version': version, ':updatedAt': new Date().toISOString() },
      ReturnValues: 'NONE',
    }),
  );
  return c.json({ version });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  reportReady(
    { url: `http://127.0.0.1:${info.port}` },
    () => new Promise<void>((resolve) => server.close(() => resolve())),
  );
});
