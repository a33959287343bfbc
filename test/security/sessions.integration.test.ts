import { beforeEach, describe, expect, it } from 'vitest';
import { SessionService } from '../../functions/features/auth/session.service';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { routeCatalogue } from '../helpers/route-catalogue';
import { EMAILS, sessionCookie } from '../helpers/security-world';
import { seedOrganisations } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext, signIn, type TestContext, tokenFromText } from '../helpers/test-app';

/**
 * Sessions are server-side: the cookie holds only a signed random id, and every signed-in
 * request reads the session item (one GetItem). Deleting the item revokes the session at once.
 */
const ROUTE_KEYS = new Set(routeCatalogue().map((r) => `${r.method} ${r.path}`));
const HAS_CONTACT_DELETE = ROUTE_KEYS.has('DELETE /api/admin/contacts/{id}');
const HAS_CONTACT_PATCH = ROUTE_KEYS.has('PATCH /api/admin/contacts/{id}');

const A = EMAILS.memberA;
const A_ID = 'tjansteperson-1281';

async function me(ctx: TestContext, cookie: string) {
  return ctx.app.request('/api/me', { headers: { cookie } });
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

  it('is signed: a changed signature, a swapped id or another key is refused with 401', async () => {
    expect((await me(ctx, cookie)).status).toBe(200);
    const [name, value = ''] = cookie.split('=');
    const raw = decodeURIComponent(value.slice(0)).trim();
    const dot = raw.lastIndexOf('.');
    const id = raw.slice(0, dot);
    const signature = raw.slice(dot + 1);
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const other = await signIn(ctx, EMAILS.memberA2);
    const otherId = decodeURIComponent(other.split('=')[1] ?? '').slice(0, -signature.length - 1);

    const forged = [
      `${name}=${encodeURIComponent(`${id}.${flipped}`)}`,
      `${name}=${encodeURIComponent(`${otherId}.${signature}`)}`,
      `${name}=${encodeURIComponent(id)}`,
      await sessionCookie(ctx, { email: A, name: 'x', role: 'admin' }, 'another-secret-that-is-long-enough'),
    ];
    for (const forgedCookie of forged) {
      const res = await me(ctx, forgedCookie);
      expect(res.status, forgedCookie).toBe(401);
      expect((await res.json()).error.code).toBe('not_authenticated');
    }
  });

  it('needs the server-side session: a correctly signed id with no session item is refused', async () => {
    const service = new SessionService(ctx.store, ctx.clock);
    const minted = await sessionCookie(ctx, { email: A, name: 'x', role: 'member', organisationId: '1281' });
    const id = decodeURIComponent(minted.split('=')[1] ?? '').split('.')[0] ?? '';
    await service.end(id);
    expect((await me(ctx, minted)).status).toBe(401);
  });

  it('expires after 12 hours, checked in code against the clock (not by DynamoDB TTL)', async () => {
    ctx.clock.advance(12 * 3600 * 1000 - 1000);
    expect((await me(ctx, cookie)).status).toBe(200);
    ctx.clock.advance(2000);
    expect((await me(ctx, cookie)).status).toBe(401);
  });

  it('is invalidated by logout, even if the browser replays the old cookie', async () => {
    const logout = await ctx.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/kk_session=;/);
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
