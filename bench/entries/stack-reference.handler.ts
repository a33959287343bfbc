/**
 * A reference for the cold start, with no budget: the member API's libraries and nothing of ours.
 * @hono/zod-openapi with one zod-validated autosave route that reads one item and updates another
 * through aws-lite, the member API's DynamoDB client, bundled like the real handler. The gap
 * between it and the floor (a DocumentClient) is what the chosen libraries cost or save a cold
 * start; the gap between it and the real handler is what our own code adds (its schemas, routes,
 * services and the campaign read).
 */
import awsLite from '@aws-lite/client';
import dynamodbPlugin from '@aws-lite/dynamodb';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { handle } from 'hono/aws-lambda';
import { z } from 'zod';

type Send = (input: Record<string, unknown>) => Promise<unknown>;
let client: Promise<{ DynamoDB: { GetItem: Send; UpdateItem: Send } }> | undefined;
// Made on the first request, as the real handler makes its adapters.
async function dynamodb() {
  client ??= awsLite({
    region: process.env.AWS_REGION,
    endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
    plugins: [dynamodbPlugin],
    autoloadPlugins: false,
  }) as never;
  return (await client).DynamoDB;
}
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
    const db = await dynamodb();
    await db.GetItem({ TableName: process.env.TABLE_NAME, Key: { pk: `BENCH#REF#${session.length}`, sk: 'SESSION' } });
    await db.UpdateItem({
      TableName: process.env.TABLE_NAME,
      Key: { pk: `BENCH#REF#${year}`, sk: 'RESPONSE' },
      UpdateExpression: 'SET #data = :data, #version = :version',
      ExpressionAttributeNames: { '#data': 'data', '#version': 'version' },
      ExpressionAttributeValues: { ':data': data, ':version': version + 1 },
      ReturnValues: 'NONE',
    });
    return c.json({ version: version + 1 }, 200);
  },
);

export const handler = handle(app);
