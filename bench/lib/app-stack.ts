import { randomUUID } from 'node:crypto';
import { createApp } from '../../functions/app';
import type { AppConfig } from '../../functions/app-deps';
import { startDynamoDbProcess } from '../../functions/local/embedded-dynamodb';
import { FixedClock } from '../../functions/ports/clock';
import type { Mail } from '../../functions/ports/mail';
import type { TableStore } from '../../functions/ports/table-store';
import { ensureTable } from '../../functions/store/create-table';
import { createDynamoDbClients, type DynamoDbClients } from '../../functions/store/dynamodb-client';
import { DynamoDbTableStore } from '../../functions/store/dynamodb-table-store';
import { sdkDynamoDbDriver } from '../../functions/store/sdk-dynamodb-driver';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { MailMessage } from '../../shared/schemas/outbox.schema';
import { makeCampaign, seedCampaign } from '../../test/helpers/seed-fixtures';
import { type DynamoMeter, meterDynamo } from './dynamo-meter';

export const BENCH_BASE_URL = 'http://localhost:3000';
export const ADMIN_EMAIL = 'kansli@example.se';
/** The campaign year the in-process benchmarks use, and a moment inside its open window. */
export const BENCH_YEAR = 2026;
export const BENCH_NOW = '2026-03-10T09:00:00.000Z';

/**
 * Mail as SES sends it: nothing in DynamoDB (the local outbox would add a write per email, which
 * AWS does not have). Keeps the messages so sign-in can read its link, and counts them.
 */
export class MemoryMail implements Mail {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<{ id: string }> {
    this.sent.push(message);
    return { id: String(this.sent.length) };
  }
}

export interface AppStack {
  app: ReturnType<typeof createApp>;
  mail: MemoryMail;
  store: TableStore;
  clients: DynamoDbClients;
  meter: DynamoMeter;
  clock: FixedClock;
  tableName: string;
  endpoint: string;
}

/**
 * One in-memory dynalite for the in-process benchmarks; each stack gets its own table in it. It
 * runs in a child process, as the local server's does: DynamoDB is another machine in AWS, and the
 * app's time should not include the store's work queued on the same thread.
 */
export async function startBenchDynamo() {
  return startDynamoDbProcess();
}

/**
 * The app exactly as the Lambda builds it (createApp over the DynamoDB adapter), on a fresh
 * table, with every DynamoDB command metered. Mail is kept in memory, as SES would take it.
 */
export async function makeAppStack(endpoint: string, config: Partial<AppConfig> = {}): Promise<AppStack> {
  const clients = createDynamoDbClients({ endpoint });
  const tableName = `bench-${randomUUID()}`;
  await ensureTable(clients.raw, tableName);
  const store = new DynamoDbTableStore(sdkDynamoDbDriver(clients.doc), tableName);
  const clock = new FixedClock(new Date(BENCH_NOW));
  const meter = meterDynamo(clients);
  const mail = new MemoryMail();
  const app = createApp({
    store,
    mail,
    clock,
    config: {
      baseUrl: BENCH_BASE_URL,
      deployed: false,
      sessionSecret: 'bench-secret-that-is-long-enough-for-hmac',
      adminEmails: [ADMIN_EMAIL],
      loginLinksPerEmailPerHour: 1000,
      loginLinksPerIpPerHour: 100_000,
      ...config,
    },
    log: () => {},
  });
  return { app, mail, store, clients, meter, clock, tableName, endpoint };
}

/** The benchmarks' campaign: the tests' campaign fixture, in BENCH_YEAR. */
export function benchCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return makeCampaign({ year: BENCH_YEAR, title: `Medlemstest ${BENCH_YEAR}`, ...overrides });
}

export function seedOpenCampaign(store: TableStore, overrides: Partial<Campaign> = {}): Promise<Campaign> {
  return seedCampaign({ store }, benchCampaign(overrides));
}

export function json(method: string, body?: unknown, cookie?: string): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

export function tokenFromText(text: string): string | undefined {
  const match = /\/login[?#]token=([A-Za-z0-9_%-]+)/.exec(text);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Requests a login link, reads it from the outbox and redeems it; answers the cookie header. */
export async function signInInProcess(stack: AppStack, email: string): Promise<string> {
  const linkRes = await stack.app.request('/api/auth/login-link', json('POST', { email }));
  if (linkRes.status !== 202) throw new Error(`login-link answered ${linkRes.status}`);
  const message = [...stack.mail.sent]
    .reverse()
    .find((m) => m.to.includes(email.toLowerCase()) && tokenFromText(m.text));
  const token = message ? tokenFromText(message.text) : undefined;
  if (!token) throw new Error(`no login link was sent to ${email}`);
  const res = await stack.app.request('/api/auth/session', json('POST', { token }));
  if (res.status !== 200) throw new Error(`session answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** The API's routes as its OpenAPI document lists them, e.g. "post /api/admin/campaigns/{year}/publish". */
export async function listRoutes(request: (path: string) => Response | Promise<Response>): Promise<Set<string>> {
  const res = await request('/api/openapi.json');
  if (res.status !== 200) return new Set();
  const doc = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
  const routes = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(methods)) routes.add(`${method.toLowerCase()} ${path}`);
  }
  return routes;
}

/** Finds the first of `candidates` ("get /api/…") the API has; undefined when none exists yet. */
export function findRoute(routes: Set<string>, candidates: readonly string[]): string | undefined {
  return candidates.find((candidate) => routes.has(candidate));
}
