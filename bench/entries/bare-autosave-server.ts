/**
 * The autosave load test's reference, with no budget: the least an autosave can cost on this
 * stack. A Hono app on @hono/node-server, like the local stack, whose one route reads one item and
 * writes the body's draft into another through the local stack's DynamoDB transport (aws-lite):
 * autosave's two requests, and nothing else of ours (no session check, no validation, no version
 * condition). argv: <dynamoEndpoint> <tableName>. Sends { url } over IPC once listening; closes on "close".
 */
import '../../functions/local/quiet-node20-warning';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { reportReady } from '../../functions/local/child-process';
import { localAwsLiteDriver } from '../../functions/store/dynamodb-client';

const [endpoint, tableName] = process.argv.slice(2);
if (!endpoint || !tableName) throw new Error('usage: bare-autosave-server.ts <dynamoEndpoint> <tableName>');
const driver = localAwsLiteDriver(endpoint);
let version = 0;

const app = new Hono();
app.put('/save/:slot', async (c) => {
  const body = (await c.req.json()) as { data: Record<string, unknown> };
  const slot = c.req.param('slot');
  await driver.send('GetItem', { TableName: tableName, Key: { pk: `BENCH#BARE#${slot}`, sk: 'SESSION' } });
  version++;
  await driver.send('UpdateItem', {
    TableName: tableName,
    Key: { pk: `BENCH#BARE#${slot}`, sk: 'RESPONSE' },
    UpdateExpression: 'SET #data = :data, #version = :version, #updatedAt = :updatedAt',
    ExpressionAttributeNames: { '#data': 'data', '#version': 'version', '#updatedAt': 'updatedAt' },
    ExpressionAttributeValues: { ':data': body.data, ':version': version, ':updatedAt': new Date().toISOString() },
    ReturnValues: 'NONE',
  });
  return c.json({ version });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  reportReady(
    { url: `http://127.0.0.1:${info.port}` },
    () => new Promise<void>((resolve) => server.close(() => resolve())),
  );
});
