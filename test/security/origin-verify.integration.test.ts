import type { Context as LambdaContext } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { createApp } from '../../functions/app';
import { createHttpHandler } from '../../functions/handlers/lambda-http';
import { edgeClientIp, ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-verify.middleware';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { createMemberApp } from '../../functions/member-app';
import { FixedClock } from '../../functions/ports/clock';
import type { Mail } from '../../functions/ports/mail';
import type { TableStore } from '../../functions/ports/table-store';
import { createReportApp } from '../../functions/report-app';
import { keys } from '../../functions/store/table-design';
import { catalogueApp, routeCatalogue, samplePath } from '../helpers/route-catalogue';
import { seedOrganisations } from '../helpers/seed-fixtures';
import {
  apiGatewayEvent,
  countCommands,
  jsonRequest,
  makeTestContext,
  type TestContext,
  testConfig,
} from '../helpers/test-app';

/**
 * CloudFront adds `x-origin-verify` with a value only it and the API know (infra/web-distribution.ts);
 * with that setting the API answers nothing that did not come through CloudFront, and believes the
 * client-IP header CloudFront writes only on such requests. Without it (npm start, the other tests)
 * nothing changes.
 */
const SECRET = 'origin-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const PREVIOUS = 'origin-secret-previous-0123456789abcdefghijklmnop';
const MEMBER = 'politiker.1281@example.se';

const throughCloudFront = (secret = SECRET) => ({ [ORIGIN_VERIFY_HEADER]: secret });

function requestLink(app: ReturnType<typeof createApp>, headers: Record<string, string>, email = MEMBER) {
  return app.request('/api/auth/login-link', jsonRequest('POST', { email }, headers));
}

describe('the origin secret, when configured', () => {
  it('refuses a request without the header, or with a wrong one, with 403 origin_not_verified before any DynamoDB request', async () => {
    const ctx = await makeTestContext({ config: { originSecrets: [SECRET] } });
    await seedOrganisations(ctx);
    const commands = countCommands(ctx.clients);
    const before = (await readOutbox(ctx.store)).length;
    commands.reset();

    const attempts: Record<string, string>[] = [
      {},
      throughCloudFront('wrong'),
      throughCloudFront(SECRET.slice(0, -1)),
      throughCloudFront(`${SECRET}x`),
      throughCloudFront(''),
      // A forged client address changes nothing.
      { 'x-client-ip': '198.51.100.7' },
    ];
    for (const headers of attempts) {
      const res = await requestLink(ctx.app, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: 'origin_not_verified', message: 'Begäran kom inte via webbplatsen och avvisades.' },
      });
      // The refusal is an API answer like any other: security headers included.
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(commands.calls).toEqual([]);
    expect((await readOutbox(ctx.store)).length).toBe(before);

    const english = await ctx.app.request('/api/health', { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(403);
    expect((await english.json()).error.message).toBe('The request did not come through the website and was refused.');
  });

  it('lets a request with the header through', async () => {
    const ctx = await makeTestContext({ config: { originSecrets: [SECRET] } });
    await seedOrganisations(ctx);

    expect((await ctx.app.request('/api/health', { headers: throughCloudFront() })).status).toBe(200);
    expect((await requestLink(ctx.app, throughCloudFront())).status).toBe(202);
    expect((await readOutbox(ctx.store)).some((m) => m.to.includes(MEMBER))).toBe(true);
  });

  it('takes the previous value too while a rotation is under way', async () => {
    const ctx = await makeTestContext({ config: { originSecrets: [SECRET, PREVIOUS] } });

    expect((await ctx.app.request('/api/health', { headers: throughCloudFront(PREVIOUS) })).status).toBe(200);
    expect((await ctx.app.request('/api/health', { headers: throughCloudFront(SECRET) })).status).toBe(200);
    expect((await ctx.app.request('/api/health', { headers: throughCloudFront('other') })).status).toBe(403);
  });

  it('guards every route of every API, unknown paths included, before touching the store', async () => {
    // Stub adapters: a route that reached the store would answer 500, not 403.
    const config = { originSecrets: [SECRET], deployed: true };
    const app = catalogueApp(config);
    const routes = routeCatalogue(app);
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const res = await app.request(samplePath(route), { method: route.method });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      // Unsubscribe answers a browser with its page; every other route with the JSON error.
      if (res.headers.get('content-type')?.includes('json')) {
        expect((await res.json()).error.code).toBe('origin_not_verified');
      }
    }
    expect((await app.request('/api/no-such-route')).status).toBe(403);
    expect((await app.request('/somewhere-else')).status).toBe(403);

    const deps = {
      store: {} as TableStore,
      mail: {} as Mail,
      clock: new FixedClock(new Date('2026-03-10T09:00:00Z')),
      config: testConfig(config),
      log: () => {},
    };
    expect((await createMemberApp(deps).request('/api/health')).status).toBe(403);
    expect((await createReportApp(deps).request('/api/klimatlaget/2025')).status).toBe(403);
  });
});

describe('without the setting (npm start, tests)', () => {
  it('changes nothing: requests without the header are answered as before', async () => {
    const ctx = await makeTestContext();
    await seedOrganisations(ctx);
    expect((await ctx.app.request('/api/health')).status).toBe(200);
    expect((await requestLink(ctx.app, {})).status).toBe(202);
  });
});

describe('the client address for the per-IP limit', () => {
  const EDGE = '192.0.2.50';
  const fallback = () => EDGE;
  /** The member app reading the client address as the Lambda does, trusting `secrets` (none: never the header). */
  const memberAppTrusting = (ctx: TestContext, secrets: string[] | undefined) =>
    createMemberApp({
      store: ctx.store,
      mail: { send: async () => ({ id: 'unused' }) },
      clock: ctx.clock,
      config: ctx.config,
      clientIp: edgeClientIp({ secrets, clientIpHeader: 'x-client-ip', fallback }),
      log: () => {},
    });

  it('is the client-IP header on a request that carries the origin secret', async () => {
    const ctx = await makeTestContext({ config: { originSecrets: [SECRET], loginLinksPerIpPerHour: 1 } });
    await seedOrganisations(ctx);
    const app = memberAppTrusting(ctx, [SECRET]);

    // Two viewers behind the same edge each have their own count.
    expect((await requestLink(app, { ...throughCloudFront(), 'x-client-ip': '198.51.100.1' })).status).toBe(202);
    expect((await requestLink(app, { ...throughCloudFront(), 'x-client-ip': '198.51.100.2' })).status).toBe(202);
    expect((await requestLink(app, { ...throughCloudFront(), 'x-client-ip': '198.51.100.1' })).status).toBe(429);
  });

  it('never is the client-IP header when no secret is configured, so a forged one dodges nothing', async () => {
    const ctx = await makeTestContext({ config: { loginLinksPerIpPerHour: 1 } });
    await seedOrganisations(ctx);
    const app = memberAppTrusting(ctx, undefined);

    expect((await requestLink(app, { 'x-client-ip': '198.51.100.1' })).status).toBe(202);
    // A new forged address each time: still the one (fallback) address, so the limit holds.
    const forged = await requestLink(app, { ...throughCloudFront(), 'x-client-ip': '198.51.100.2' });
    expect(forged.status).toBe(429);
  });
});

describe('the Lambda handler', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  /** The member Lambda as deployed, on this test's table, with or without the origin secret. */
  async function memberLambda(originSecret: string | undefined) {
    const ctx = await makeTestContext();
    process.env = {
      ...saved,
      AWS_REGION: 'eu-north-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
      TABLE_NAME: ctx.tableName,
      SES_FROM_ADDRESS: 'medlemstest@example.se',
      BASE_URL: 'https://medlemstest.example.se',
      CLIENT_IP_HEADER: 'x-client-ip',
      ...(originSecret ? { ORIGIN_VERIFY_SECRET: originSecret } : {}),
    };
    delete process.env.ORIGIN_VERIFY_SECRET_PREVIOUS;
    if (!originSecret) delete process.env.ORIGIN_VERIFY_SECRET;
    const handler = createHttpHandler(createMemberApp);
    const send = async (headers: Record<string, string>) => {
      // An unknown address: counted like any other, and no email to send.
      const event = apiGatewayEvent('POST', '/api/auth/login-link', {
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: 'nobody@example.se' }),
      });
      const hour = new Date().toISOString().slice(0, 13);
      const res = (await handler(event as unknown as LambdaEvent, { awsRequestId: 'r' } as LambdaContext)) as {
        statusCode: number;
        body: string;
      };
      return { ...res, hour };
    };
    /** Whether a per-IP counter exists for `ip` in the hour of the request. */
    const counted = async (ip: string, hour: string) =>
      (await ctx.store.get(keys.rateCounter('login-ip', ip, hour))) !== undefined;
    return { send, counted };
  }

  it('with ORIGIN_VERIFY_SECRET: refuses a direct call and counts a CloudFront request under x-client-ip', async () => {
    const lambda = await memberLambda(SECRET);

    const direct = await lambda.send({ 'x-client-ip': '198.51.100.7' });
    expect(direct.statusCode).toBe(403);
    expect(JSON.parse(direct.body).error.code).toBe('origin_not_verified');

    const viaCloudFront = await lambda.send({ ...throughCloudFront(), 'x-client-ip': '198.51.100.7' });
    expect(viaCloudFront.statusCode).toBe(202);
    expect(await lambda.counted('198.51.100.7', viaCloudFront.hour)).toBe(true);
    // 203.0.113.1 is the address API Gateway saw (the edge).
    expect(await lambda.counted('203.0.113.1', viaCloudFront.hour)).toBe(false);
  });

  it('without it: answers as before, and counts the address API Gateway saw, not a sent x-client-ip', async () => {
    const lambda = await memberLambda(undefined);

    const res = await lambda.send({ 'x-client-ip': '198.51.100.8' });
    expect(res.statusCode).toBe(202);
    expect(await lambda.counted('203.0.113.1', res.hour)).toBe(true);
    expect(await lambda.counted('198.51.100.8', res.hour)).toBe(false);
  });
});
