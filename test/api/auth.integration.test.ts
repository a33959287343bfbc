import { beforeEach, describe, expect, it } from 'vitest';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { jsonRequest, makeTestContext, signIn, type TestContext, tokenFromText } from '../helpers/test-app';

async function seedContact(ctx: TestContext, organisationId = '1281', email = 'tjansteperson.1281@example.se') {
  await new ContactRepository(ctx.store).create({
    id: `tj-${organisationId}`,
    organisationId,
    email,
    name: 'Erik Nilsson',
    role: 'official',
    emailState: 'ok',
  });
}

async function requestLink(ctx: TestContext, email: string) {
  return ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email }));
}

async function latestToken(ctx: TestContext): Promise<string> {
  const outbox = await readOutbox(ctx.store);
  const token = tokenFromText(outbox.at(-1)?.text ?? '');
  if (!token) throw new Error('no token in outbox');
  return token;
}

describe('magic-link sign-in', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestContext();
    await seedContact(ctx);
  });

  it('emails a single-use link to a known contact and signs them in as a member of their organisation', async () => {
    // Arrange
    const email = 'tjansteperson.1281@example.se';
    // Act
    const cookie = await signIn(ctx, email);
    const me = await ctx.app.request('/api/me', { headers: { cookie } });
    // Assert
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ email, name: 'Erik Nilsson', role: 'member', organisationId: '1281' });
  });

  it("puts the token in the link's fragment, which browsers never send, so no access log holds it", async () => {
    await requestLink(ctx, 'tjansteperson.1281@example.se');
    const [mail] = await readOutbox(ctx.store);
    const link = /https?:\/\/\S+\/login\S*/.exec(mail?.text ?? '')?.[0];
    expect(link).toMatch(/\/login#token=[A-Za-z0-9_%-]+$/);
    expect(new URL(link ?? '').search).toBe('');
  });

  it('answers 202 for an unknown address and sends nothing, so addresses cannot be probed', async () => {
    const res = await requestLink(ctx, 'nobody@example.se');
    expect(res.status).toBe(202);
    expect(await readOutbox(ctx.store)).toHaveLength(0);
  });

  it('signs in the configured admin', async () => {
    const cookie = await signIn(ctx, 'KANSLI@example.se');
    const me = await (await ctx.app.request('/api/me', { headers: { cookie } })).json();
    expect(me).toMatchObject({ email: 'kansli@example.se', role: 'admin' });
  });

  it('refuses a reused token with token_used', async () => {
    await requestLink(ctx, 'tjansteperson.1281@example.se');
    const token = await latestToken(ctx);
    expect((await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }))).status).toBe(200);
    const again = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }));
    expect(again.status).toBe(401);
    expect((await again.json()).error.code).toBe('token_used');
  });

  it('refuses a token that is 31 minutes old with token_expired', async () => {
    await requestLink(ctx, 'tjansteperson.1281@example.se');
    const token = await latestToken(ctx);
    ctx.clock.advance(31 * 60 * 1000);
    const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }));
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: 'token_expired' });
  });

  it('accepts a token that is 29 minutes old', async () => {
    await requestLink(ctx, 'tjansteperson.1281@example.se');
    const token = await latestToken(ctx);
    ctx.clock.advance(29 * 60 * 1000);
    expect((await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }))).status).toBe(200);
  });

  it('refuses an unknown token with token_unknown', async () => {
    const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token: 'not-a-real-token' }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('token_unknown');
  });

  it('stores only a hash of the token', async () => {
    await requestLink(ctx, 'tjansteperson.1281@example.se');
    const token = await latestToken(ctx);
    const { items } = await ctx.store.query({ partition: `TOKEN#${token}` });
    expect(items).toHaveLength(0);
  });

  it('sets an HttpOnly SameSite=Lax cookie that is not Secure locally', async () => {
    await requestLink(ctx, 'tjansteperson.1281@example.se');
    const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token: await latestToken(ctx) }));
    const cookie = res.headers.get('set-cookie') ?? '';
    // The value is the bare session id (43 base64url characters), no signature.
    expect(cookie).toMatch(/^kk_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/Max-Age=43200/);
  });

  it('ends the session on logout', async () => {
    const cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
    await ctx.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect((await ctx.app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('expires the session after 12 hours', async () => {
    const cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
    ctx.clock.advance(12 * 3600 * 1000 + 1000);
    expect((await ctx.app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a forged session cookie', async () => {
    for (const cookie of ['kk_session=abc.def', `kk_session=${'A'.repeat(43)}`]) {
      const res = await ctx.app.request('/api/me', { headers: { cookie } });
      expect(res.status, cookie).toBe(401);
    }
  });

  it('limits login links to 5 per address per hour and sends no email past that', async () => {
    for (let i = 0; i < 5; i++) expect((await requestLink(ctx, 'tjansteperson.1281@example.se')).status).toBe(202);
    const sixth = await requestLink(ctx, 'tjansteperson.1281@example.se');
    expect(sixth.status).toBe(429);
    expect(await readOutbox(ctx.store)).toHaveLength(5);
    ctx.clock.advance(3600 * 1000);
    expect((await requestLink(ctx, 'tjansteperson.1281@example.se')).status).toBe(202);
  });
});

describe('API conventions', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestContext();
  });

  it('answers health', async () => {
    const res = await ctx.app.request('/api/health');
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await ctx.app.request('/api/auth/login-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('malformed_json');
  });

  it('answers an unknown route with 404 not_found, in English when asked', async () => {
    const swedish = await ctx.app.request('/api/nope');
    const english = await ctx.app.request('/api/nope', { headers: { 'accept-language': 'en' } });
    expect(swedish.status).toBe(404);
    expect((await swedish.json()).error).toEqual({ code: 'not_found', message: 'Det finns inget här.' });
    expect((await english.json()).error).toEqual({ code: 'not_found', message: 'Not found.' });
  });

  it('answers a wrong content type with 415', async () => {
    const res = await ctx.app.request('/api/auth/login-link', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=a@b.se',
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('answers an invalid email with 400 and the zod issue path in details', async () => {
    const res = await ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: 'not-an-email' }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.details[0].path).toEqual(['email']);
  });

  it('answers a body over 1 MB with 413', async () => {
    const res = await ctx.app.request(
      '/api/auth/login-link',
      jsonRequest('POST', { email: 'a@b.se', pad: 'x'.repeat(1024 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('answers in English when asked', async () => {
    const res = await ctx.app.request('/api/me', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('You are not signed in.');
  });

  it('refuses a state-changing request from a foreign Origin', async () => {
    const res = await ctx.app.request(
      '/api/auth/login-link',
      jsonRequest('POST', { email: 'a@b.se' }, { origin: 'https://evil.example' }),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf');
  });

  it('serves an OpenAPI document that lists every API route with its access', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { 'x-access'?: string }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op['x-access'], `${method} ${path}`).toMatch(/^(public|signed-in|member|admin|dev)$/);
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      }
    }
    const routes = ctx.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    for (const route of routes) expect(documented, route).toContain(route);
  });

  it('never answers with a stack trace', async () => {
    const res = await ctx.app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
  });
});
