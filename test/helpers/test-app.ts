import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createApp } from '../../functions/app';
import type { AppConfig } from '../../functions/app-deps';
import { OutboxMail, readOutbox } from '../../functions/mail/outbox-mail';
import { FixedClock } from '../../functions/ports/clock';
import type { FileStore } from '../../functions/ports/file-store';
import type { Mail } from '../../functions/ports/mail';
import type { TableStore } from '../../functions/ports/table-store';
import { ensureTable } from '../../functions/store/create-table';
import { createDynamoDbClients, type DynamoDbClients, localAwsLiteDriver } from '../../functions/store/dynamodb-client';
import { DynamoDbTableStore } from '../../functions/store/dynamodb-table-store';
import { sdkDynamoDbDriver } from '../../functions/store/sdk-dynamodb-driver';
import type { Timers } from '../../shared/reminders/send-pacer';

export const TEST_BASE_URL = 'http://localhost:3000';

export interface TestContext {
  app: ReturnType<typeof createApp>;
  store: TableStore;
  clients: DynamoDbClients;
  clock: FixedClock;
  tableName: string;
  config: TestConfig;
}

/** Tests sign cookies and links with the key themselves, so theirs is always a plain string. */
export type TestConfig = AppConfig & { sessionSecret: string };

export function testConfig(overrides: Partial<TestConfig> = {}): TestConfig {
  return {
    baseUrl: TEST_BASE_URL,
    deployed: false,
    sessionSecret: 'test-secret-that-is-long-enough-for-hmac',
    adminEmails: ['kansli@example.se'],
    loginLinksPerEmailPerHour: 5,
    loginLinksPerIpPerHour: 1000,
    ...overrides,
  };
}

export interface TestContextOptions {
  config?: Partial<TestConfig>;
  now?: string;
  wrapStore?: (store: TableStore) => TableStore;
  mail?: (store: TableStore, clock: FixedClock) => Mail;
  /** Receives the app's structured log lines (default: dropped). */
  log?: (entry: Record<string, unknown>) => void;
  /** Real time as the app sees it for pacing and time budgets (default: real timers). */
  timers?: Timers;
  /** Where uploaded import files go; with it the app hands out upload tickets (default: none, 422). */
  files?: FileStore;
}

/**
 * A fresh table in the run's dynalite and an app built on it, as the Lambda and the local
 * server build theirs. `wrapStore` lets a test inject faults around the real adapter.
 */
export async function makeTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const clients = createDynamoDbClients({ endpoint: inject('dynamoEndpoint') });
  forbidScans(clients);
  const tableName = `test-${randomUUID()}`;
  await ensureTable(clients.raw, tableName);
  const realStore = new DynamoDbTableStore(
    process.env.KK_TEST_TRANSPORT === 'aws-lite'
      ? localAwsLiteDriver(inject('dynamoEndpoint'))
      : sdkDynamoDbDriver(clients.doc),
    tableName,
  );
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  const clock = new FixedClock(new Date(options.now ?? '2026-03-10T09:00:00Z'));
  const config = testConfig(options.config);
  const mail = options.mail ? options.mail(realStore, clock) : new OutboxMail(realStore, clock);
  const app = createApp({
    store,
    mail,
    clock,
    config,
    log: options.log ?? (() => {}),
    timers: options.timers,
    files: options.files,
  });
  return { app, store: realStore, clients, clock, tableName, config };
}

/**
 * A second Lambda instance: its own app (and caches) on the same table, nothing cached yet, with
 * the context's settings or some of them replaced (e.g. the session key as a Lambda's loader).
 */
export function secondInstance(ctx: TestContext, config: Partial<AppConfig> = {}): TestContext['app'] {
  return createApp({
    store: ctx.store,
    mail: new OutboxMail(ctx.store, ctx.clock),
    clock: ctx.clock,
    config: { ...ctx.config, ...config },
    log: () => {},
  });
}

/** Fails any test whose code issues a Scan: every access pattern must be a Get, Query or write. */
export function forbidScans(clients: DynamoDbClients): void {
  clients.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ScanCommand') throw new Error('A Scan was issued; use a named access pattern');
      return next(args);
    },
    { step: 'initialize', name: 'forbidScans' },
  );
}

/** Counts the DynamoDB commands a piece of work sends, by command name. */
export function countCommands(clients: DynamoDbClients) {
  const calls: string[] = [];
  clients.doc.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: `countCommands${Math.random()}` },
  );
  return {
    calls,
    reset: () => calls.splice(0, calls.length),
    // The SDK names the low-level command here (GetItemCommand); accept both spellings.
    reads: () => calls.filter((c) => /^(Get|BatchGet)(Item)?Command$|^QueryCommand$/.test(c)).length,
    writes: () => calls.filter((c) => /^(Put|Update|Delete|BatchWrite)(Item)?Command$/.test(c)).length,
  };
}

/** The inputs of the DynamoDB commands a piece of work sends whose name matches `command`. */
export function recordCommandInputs(clients: DynamoDbClients, command: RegExp): Array<Record<string, unknown>> {
  const inputs: Array<Record<string, unknown>> = [];
  clients.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (command.test(String(context.commandName))) inputs.push(args.input as Record<string, unknown>);
      return next(args);
    },
    { step: 'initialize', name: `recordCommandInputs${Math.random()}` },
  );
  return inputs;
}

/** `init` as the browser sends it for a signed-in person: with the session cookie beside its other headers. */
export function withCookie(cookie: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), cookie } };
}

/** Sends a JSON request the way the web app does. */
export function jsonRequest(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** Signs in through the outbox link, as a person would, and answers the session cookie header. */
export async function signIn(ctx: TestContext, email: string): Promise<string> {
  const seen = new Set((await readOutbox(ctx.store)).map((m) => m.id));
  const linkRes = await ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email }));
  if (linkRes.status !== 202) throw new Error(`login-link answered ${linkRes.status}`);
  const outbox = await readOutbox(ctx.store);
  const message = outbox.find((m) => !seen.has(m.id) && m.to.includes(email.toLowerCase()));
  const token = message ? tokenFromText(message.text) : undefined;
  if (!token) throw new Error(`no login link was sent to ${email}`);
  const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }));
  if (res.status !== 200) throw new Error(`session answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

export function tokenFromText(text: string): string | undefined {
  const match = /\/login[?#]token=([A-Za-z0-9_%-]+)/.exec(text);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** An HTTP API (API Gateway v2) event for `path`, as the Lambda behind it receives one. */
export function apiGatewayEvent(
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example', ...headers },
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'x' },
      requestId: 'apigw-1',
      domainName: 'api.example',
      stage: '$default',
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}
