/**
 * The cold-start floor: the least an API Lambda on this stack can be. A Hono app with one
 * GET /api/health route and a DynamoDB DocumentClient, bundled like the real handler. It reads
 * one item before answering, so the floor also pays the SDK's first request (credentials,
 * endpoint, connection), which any handler that touches DynamoDB pays.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono();

app.get('/api/health', async (c) => {
  await doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
  return c.json({ ok: true });
});

export const handler = handle(app);
