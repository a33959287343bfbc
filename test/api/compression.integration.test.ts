import { gunzipSync } from 'node:zlib';
import type { Context as LambdaContext } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiGatewayEvent, jsonRequest, makeTestContext, type TestContext } from '../helpers/test-app';

describe('response compression', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestContext();
  });

  it('gzips a large read for a client that accepts it, and the body is the same document', async () => {
    // Act
    const plain = await ctx.app.request('/api/openapi.json');
    const zipped = await ctx.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    // Assert
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const compressed = new Uint8Array(await zipped.arrayBuffer());
    const document = await plain.text();
    expect(compressed.byteLength).toBeLessThan(document.length / 4);
    expect(gunzipSync(compressed).toString('utf8')).toBe(document);
  });

  it('answers API Gateway a compressed read as base64, which it sends on as bytes', async () => {
    // Arrange
    const handler = handle(ctx.app);
    const event = apiGatewayEvent('GET', '/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    // Act
    const res = (await handler(event as never, { awsRequestId: 'req-1' } as LambdaContext)) as {
      statusCode: number;
      body: string;
      isBase64Encoded: boolean;
      headers: Record<string, string>;
    };
    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(res.body, 'base64')).toString('utf8')).openapi).toBe('3.1.0');
  });

  it('leaves writes uncompressed', async () => {
    // Act
    const res = await ctx.app.request('/api/auth/login-link', {
      ...jsonRequest('POST', { email: 'tjansteperson.1281@example.se' }),
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
    });
    // Assert
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-encoding')).toBeNull();
  });
});
