import { SESSION_COOKIE, SessionService } from '../../functions/features/auth/session.service';
import type { FixedClock } from '../../functions/ports/clock';
import type { Mail } from '../../functions/ports/mail';
import type { Item, TableStore } from '../../functions/ports/table-store';
import { keys } from '../../functions/store/table-design';
import { type CatalogueRoute, samplePath } from './route-catalogue';
import { seedCampaign, seedOrganisations } from './seed-fixtures';
import { makeTestContext, signIn, type TestConfig, type TestContext } from './test-app';

/** Org A's unpublished draft carries this; org B must never see it anywhere. */
export const ORG_A_SECRET = 'HEMLIGT-UTKAST-LUND-7f3a';

export const CALLERS = ['anonymous', 'memberA', 'memberB', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export const EMAILS = {
  memberA: 'tjansteperson.1281@example.se',
  memberA2: 'politiker.1281@example.se',
  memberB: 'tjansteperson.1280@example.se',
  admin: 'kansli@example.se',
} as const;

/** When the security world stands: its sessions, audit entries and links are written then. */
const WORLD_NOW = '2026-03-10T09:00:00.000Z';

export interface SecurityWorld {
  ctx: TestContext;
  cookies: Record<Caller, string | undefined>;
}

/**
 * A fresh table with Lund (A), Malmö (B) and Region Skåne, the open 2026 campaign, a signed-in
 * contact of A, one of B and the admin, and a draft of A's that holds ORG_A_SECRET.
 */
export async function securityWorld(
  options: {
    config?: Partial<TestConfig>;
    wrapStore?: (store: TableStore) => TableStore;
    mail?: (store: TableStore, clock: FixedClock) => Mail;
  } = {},
): Promise<SecurityWorld> {
  const ctx = await makeTestContext({
    now: WORLD_NOW,
    ...options,
    config: { loginLinksPerEmailPerHour: 1000, ...options.config },
  });
  await seedOrganisations(ctx);
  await seedCampaign(ctx);
  // A's contact signs in through the real link; the others get the same kind of session directly.
  const cookies: Record<Caller, string | undefined> = {
    anonymous: undefined,
    memberA: await signIn(ctx, EMAILS.memberA),
    memberB: await sessionCookie(ctx, {
      email: EMAILS.memberB,
      name: 'Tjänsteperson Malmö',
      role: 'member',
      organisationId: '1280',
      contactId: 'tjansteperson-1280',
    }),
    admin: await sessionCookie(ctx, { email: EMAILS.admin, name: EMAILS.admin, role: 'admin' }),
  };
  const saved = await ctx.app.request('/api/campaigns/2026/response', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: cookies.memberA ?? '' },
    body: JSON.stringify({ data: { respondent_name: ORG_A_SECRET }, version: 0 }),
  });
  if (saved.status !== 200) throw new Error(`seeding A's draft answered ${saved.status}`);
  return { ctx, cookies };
}

/** A server-side session as sign-in creates it, and its cookie (the raw id), without the email round trip. */
export async function sessionCookie(ctx: TestContext, user: Parameters<SessionService['create']>[0]): Promise<string> {
  const session = await new SessionService(ctx.store, ctx.clock).create(user);
  return `${SESSION_COOKIE}=${session.sessionId}`;
}

/** Calls a catalogue route as one caller; routes with a JSON body get `body` (default `{}`). */
export async function callRoute(
  world: SecurityWorld,
  route: CatalogueRoute,
  caller: Caller,
  options: { body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const cookie = world.cookies[caller];
  if (cookie) headers.cookie = cookie;
  const takesBody = route.operation?.requestBody !== undefined;
  const init: RequestInit = { method: route.method, headers };
  if (takesBody || options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    init.body = JSON.stringify(options.body ?? {});
  }
  return world.ctx.app.request(samplePath(route, options.params), init);
}

/** Reads a response's JSON, or undefined when it has none. */
export async function jsonOf(res: Response): Promise<{ error?: { code?: string; message?: string } } | undefined> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Every audit item of `organisations` and of the world's month, straight from the table (what the
 * API would redact or leave out is still there to see).
 */
export async function storedAudit(store: TableStore, organisations: readonly string[]): Promise<Item[]> {
  const items = new Map<string, Item>();
  for (const code of organisations) {
    for (const item of await store.queryAll({ index: 'gsi1', partition: keys.auditOfOrganisationPk(code) })) {
      items.set(`${item.pk}#${item.sk}`, item);
    }
  }
  for (const item of await store.queryAll({ partition: keys.audit(WORLD_NOW, '').pk })) {
    items.set(`${item.pk}#${item.sk}`, item);
  }
  return [...items.values()];
}
