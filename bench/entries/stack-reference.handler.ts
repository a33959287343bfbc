/**
 * A reference for the cold start, with no budget: the member API's libraries and nothing of ours.
 * @hono/zod-openapi with one zod-validated autosave route that reads one item and updates another
 * through the DocumentClient, bundled like the real handler. The gap between it and the floor is
 * what choosing zod and zod-openapi costs a cold start; the gap between it and the real handler is
 * what our own code adds (its schemas, routes, services and the session key).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { handle } from 'hono/aws-lambda';
import { z } from 'zod';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new OpenAPIHono();

app.openapi(
  createRoute({
    method: 'put',
    path: '/api/campaigns/{year}/response',
    request: {
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: {
        content: {
          'application/json': {
            schema: z.object({ data: z.record(z.string(), z.unknown()), version: z.number().int().min(0) }),
          },
        },
      },
    },
    responses: {
      200: { description: 'Sparat', content: { 'application/json': { schema: z.object({ version: z.number() }) } } },
    },
  }),
  async (c) => {
    const { year } = c.req.valid('param');
    const { data, version } = c.req.valid('json');
    const session = c.req.header('cookie') ?? 'none';
    await doc.send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `BENCH#REF#${session.length}`, sk: 'SESSION' } }),
    );
    await doc.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: { pk: `BENCH#REF#${year}`, sk: 'RESPONSE' },
        UpdateExpression: 'SET #data = :data, #version = :version',
        ExpressionAttributeNames: { '#data': 'data', '#version': 'version' },
        ExpressionAttributeValues: { ':data': data, ':version': version + 1 },
        ReturnValues: 'NONE',
      }),
    );
    return c.json({ version: version + 1 }, 200);
  },
);

export const handler = handle(app);
