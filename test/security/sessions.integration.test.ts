import { randomBytes } from 'node:crypto';
import { serializeSigned } from 'hono/utils/cookie';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  SESSION_COOKIE,
  SESSION_ID_PATTERN,
  SessionService,
  sessionIdHash,
} from '../../functions/features/auth/session.service';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { keys } from '../../functions/store/table-design';
import { routeCatalogue } from '../helpers/route-catalogue';
import { EMAILS, sessionCookie } from '../helpers/security-world';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import {
  countCommands,
  jsonRequest,
  makeTestContext,
  secondInstance,
  signIn,
  type TestContext,
  tokenFromText,
} from '../helpers/test-app';

/**
 * Sessions are server-side: the cookie holds only a random id (unsigned), the table keys the
 * session by the id's SHA-256, and every signed-in request reads that item (one GetItem).
 * Deleting the item revokes the session at once.
 */
const ROUTE_KEYS = new Set(routeCatalogue().map((r) => `${r.method} ${r.path}`));
const HAS_CONTACT_DELETE = ROUTE_KEYS.has('DELETE /api/admin/contacts/{id}');
const HAS_CONTACT_PATCH = ROUTE_KEYS.has('PATCH /api/admin/contacts/{id}');

const A = EMAILS.memberA;
const A_ID = 'tjansteperson-1281';

async function me(ctx: TestContext, cookie: string) {
  return ctx.app.request('/api/me', { headers: { cookie } });
}

/** The session id a `kk_session=<id>` cookie header carries. */
function idOf(cookie: string): string {
  return decodeURIComponent(cookie.slice(`${SESSION_COOKIE}=`.length));
}

function withCookie(init: RequestInit, cookie: string): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), cookie } };
}

describe('session cookies', () => {
  let ctx: TestContext;
  let cookie: string;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    await seedOrganisations(ctx);
    cookie = await signIn(ctx, A);
  });

  it('is the raw id, and nothing but a live issued id signs in: an unknown, tampered, old signed or hashed id is 401', async () => {
    expect((await me(ctx, cookie)).status).toBe(200);
    const id = idOf(cookie);
    expect(id).toMatch(SESSION_ID_PATTERN);
    const flipped = `${id[0] === 'A' ? 'B' : 'A'}${id.slice(1)}`;
    // What someone who read the table holds: the item's key, the hash of the id.
    const [item] = await ctx.store.queryAll({ index: 'gsi1', partition: keys.sessionsOfUserPk(A) });
    const storedHash = String(item?.pk).slice('SESSION#'.length);
    expect(storedHash).toBe(sessionIdHash(id));
    expect(storedHash).toMatch(SESSION_ID_PATTERN); // same shape as an id, so it is looked up, and still refused

    const refused = {
      unknown: `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`,
      tampered: `${SESSION_COOKIE}=${flipped}`,
      'old signed cookie of the live id': (await serializeSigned(SESSION_COOKIE, id, ctx.config.sessionSecret)).split(
        ';',
      )[0]!,
      'the stored hash': `${SESSION_COOKIE}=${storedHash}`,
      'the stored key': `${SESSION_COOKIE}=${encodeURIComponent(String(item?.pk))}`,
    };
    for (const [what, forged] of Object.entries(refused)) {
      const res = await me(ctx, forged);
      expect(res.status, what).toBe(401);
      expect((await res.json()).error.code, what).toBe('not_authenticated');
    }
    expect((await me(ctx, cookie)).status).toBe(200);
  });

  it('is stored under the SHA-256 of its id, and the item holds no raw id', async () => {
    const id = idOf(cookie);
    const item = await ctx.store.get(keys.session(sessionIdHash(id)));
    expect(item).toMatchObject({ pk: `SESSION#${sessionIdHash(id)}`, sk: 'SESSION', email: A, entity: 'Session' });
    expect(await ctx.store.get({ pk: `SESSION#${id}`, sk: 'SESSION' })).toBeUndefined();
    expect(item).not.toHaveProperty('sessionId');
    expect(JSON.stringify(item)).not.toContain(id);
    // Every item sign-in left, not just the session: none holds the id.
    for (const sessionItem of await ctx.store.queryAll({ index: 'gsi1', partition: keys.sessionsOfUserPk(A) })) {
      expect(JSON.stringify(sessionItem)).not.toContain(id);
    }
  });

  it('needs no session key: signed-in reads and autosave work with a key that cannot load, in one GetItem', async () => {
    await seedCampaign(ctx);
    let keyLoads = 0;
    const app = secondInstance(ctx, {
      sessionSecret: async () => {
        keyLoads++;
        throw new Error('Secrets Manager unreachable (test)');
      },
    });
    const counter = countCommands(ctx.clients);
    const res = await app.request('/api/me', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(counter.reads()).toBe(1);
    expect(counter.calls).toHaveLength(1);
    const saved = await app.request(
      '/api/campaigns/2026/response',
      withCookie(jsonRequest('PUT', { data: { respondent_name: 'Erik' }, version: 0 }), cookie),
    );
    expect(saved.status).toBe(200);
    expect(keyLoads).toBe(0);
  });

  it('needs the server-side session: an issued-looking id with no session item is refused', async () => {
    const service = new SessionService(ctx.store, ctx.clock);
    const minted = await sessionCookie(ctx, { email: A, name: 'x', role: 'member', organisationId: '1281' });
    expect((await me(ctx, minted)).status).toBe(200);
    await service.end(idOf(minted));
    expect((await me(ctx, minted)).status).toBe(401);
  });

  it('expires after 12 hours, checked in code against the clock (not by DynamoDB TTL)', async () => {
    ctx.clock.advance(12 * 3600 * 1000 - 1000);
    expect((await me(ctx, cookie)).status).toBe(200);
    ctx.clock.advance(2000);
    expect((await me(ctx, cookie)).status).toBe(401);
  });

  it('is invalidated by logout, even if the browser replays the old cookie', async () => {
    const key = keys.session(sessionIdHash(idOf(cookie)));
    expect(await ctx.store.get(key)).toBeDefined();
    const logout = await ctx.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/kk_session=;/);
    expect(await ctx.store.get(key)).toBeUndefined();
    expect((await me(ctx, cookie)).status).toBe(401);
  });

  it('is HttpOnly, SameSite=Lax and Secure when deployed', async () => {
    const deployed = await makeTestContext({ config: { deployed: true } });
    await seedOrganisations(deployed);
    await deployed.app.request('/api/auth/login-link', jsonRequest('POST', { email: A }));
    const token = tokenFromText((await readOutbox(deployed.store)).at(-1)?.text ?? '');
    const res = await deployed.app.request('/api/auth/session', jsonRequest('POST', { token }));
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Secure/);
  });
});

describe('removing or moving a contact ends their sessions', () => {
  let ctx: TestContext;
  let cookie: string;
  let admin: string;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    await seedOrganisations(ctx);
    cookie = await signIn(ctx, A);
    admin = await signIn(ctx, EMAILS.admin);
  });

  it(`when the contact is removed${HAS_CONTACT_DELETE ? ' through DELETE /api/admin/contacts/{id}' : ' (repository + endAllFor)'}`, async () => {
    if (HAS_CONTACT_DELETE) {
      const res = await ctx.app.request(`/api/admin/contacts/${A_ID}`, {
        method: 'DELETE',
        headers: { cookie: admin },
      });
      expect(res.status).toBeLessThan(300);
    } else {
      const contacts = new ContactRepository(ctx.store);
      const contact = await contacts.findById(A_ID);
      await contacts.remove(contact!);
      await new SessionService(ctx.store, ctx.clock).endAllFor(A);
    }
    expect((await me(ctx, cookie)).status).toBe(401);
  });

  it(`when the contact moves to another organisation${HAS_CONTACT_PATCH ? ' through PATCH /api/admin/contacts/{id}' : ' (repository + endAllFor)'}`, async () => {
    if (HAS_CONTACT_PATCH) {
      const res = await ctx.app.request(
        `/api/admin/contacts/${A_ID}`,
        withCookie(jsonRequest('PATCH', { organisationId: '1280' }), admin),
      );
      expect(res.status).toBeLessThan(300);
    } else {
      const contacts = new ContactRepository(ctx.store);
      const before = await contacts.findById(A_ID);
      await contacts.update(before!, { ...before!, organisationId: '1280' });
      await new SessionService(ctx.store, ctx.clock).endAllFor(A);
    }
    expect((await me(ctx, cookie)).status).toBe(401);
    // Signing in again gives the new organisation, never the old one.
    const again = await signIn(ctx, A);
    expect(await (await me(ctx, again)).json()).toMatchObject({ organisationId: '1280' });
  });

  it('when the contact is erased (POST /api/admin/contacts/{id}/erase)', async () => {
    const res = await ctx.app.request(`/api/admin/contacts/${A_ID}/erase`, {
      method: 'POST',
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    expect((await me(ctx, cookie)).status).toBe(401);
  });

  it('refuses a sign-in link issued before the contact was moved (identity is re-checked on redeem)', async () => {
    await ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: A }));
    const token = tokenFromText((await readOutbox(ctx.store)).at(-1)?.text ?? '');
    const contacts = new ContactRepository(ctx.store);
    const before = await contacts.findById(A_ID);
    await contacts.update(before!, { ...before!, organisationId: '1280' });
    const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }));
    expect(res.status).toBe(401);
  });

  it('ends every session of the person, on every device', async () => {
    const second = await signIn(ctx, A);
    const ended = await new SessionService(ctx.store, ctx.clock).endAllFor(A);
    expect(ended).toBeGreaterThanOrEqual(2);
    expect((await me(ctx, cookie)).status).toBe(401);
    expect((await me(ctx, second)).status).toBe(401);
    expect((await me(ctx, admin)).status).toBe(200);
  });
});

describe('sessionIdHash', () => {
  it('is the SHA-256 of the id, base64url: fixed, one-way, and a different value for every id', () => {
    expect(sessionIdHash('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    const id = randomBytes(32).toString('base64url');
    expect(sessionIdHash(id)).toBe(sessionIdHash(id));
    expect(sessionIdHash(id)).not.toBe(id);
    expect(sessionIdHash(`${id[0] === 'A' ? 'B' : 'A'}${id.slice(1)}`)).not.toBe(sessionIdHash(id));
    expect(keys.session(sessionIdHash(id))).toEqual({ pk: `SESSION#${sessionIdHash(id)}`, sk: 'SESSION' });
  });
});
