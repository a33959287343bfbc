import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type createApp, IMPORT_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_BYTES } from '../../functions/app';
import { hashToken, newToken, sameHash } from '../../functions/features/auth/login-token';
import { SESSION_ID_PATTERN, sessionIdHash } from '../../functions/features/auth/session.service';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { isUnsafe, routeCatalogue } from '../helpers/route-catalogue';
import { EMAILS, securityWorld } from '../helpers/security-world';
import { seedOrganisations } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext, secondInstance, tokenFromText } from '../helpers/test-app';

function requestLink(app: ReturnType<typeof createApp>, email: string, ip = '203.0.113.7') {
  return app.request('/api/auth/login-link', jsonRequest('POST', { email }, { 'x-forwarded-for': ip }));
}

describe('login-link limits hold across instances, because the counters live in DynamoDB', () => {
  it('allows 5 links per address per hour over two instances, then 429 and no email', async () => {
    const ctx = await makeTestContext({ config: { loginLinksPerEmailPerHour: 5, loginLinksPerIpPerHour: 1000 } });
    await seedOrganisations(ctx);
    const instances = [ctx.app, secondInstance(ctx)];
    for (let i = 0; i < 5; i++) {
      expect((await requestLink(instances[i % 2]!, EMAILS.memberA, `198.51.100.${i}`)).status).toBe(202);
    }
    for (const app of instances) {
      const refused = await requestLink(app, EMAILS.memberA, '198.51.100.99');
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.code).toBe('rate_limited');
    }
    // Case and spacing do not make a new address.
    expect((await requestLink(ctx.app, ' TJANSTEPERSON.1281@Example.SE ')).status).toBe(429);
    expect((await readOutbox(ctx.store)).filter((m) => m.to.includes(EMAILS.memberA))).toHaveLength(5);
    // Another address is not affected, and the next hour starts afresh.
    expect((await requestLink(ctx.app, EMAILS.memberB)).status).toBe(202);
    ctx.clock.advance(3600 * 1000);
    expect((await requestLink(instances[1]!, EMAILS.memberA)).status).toBe(202);
  });

  it('limits links per client IP over two instances, then 429 and no email, whatever the address', async () => {
    const ctx = await makeTestContext({ config: { loginLinksPerEmailPerHour: 1000, loginLinksPerIpPerHour: 4 } });
    await seedOrganisations(ctx);
    const instances = [ctx.app, secondInstance(ctx)];
    const addresses = ['politiker.1281@example.se', 'tjansteperson.1281@example.se', 'politiker.1280@example.se'];
    for (let i = 0; i < 4; i++) {
      const res = await requestLink(instances[i % 2]!, addresses[i % 3]!, '192.0.2.10');
      expect(res.status).toBe(202);
    }
    const before = (await readOutbox(ctx.store)).length;
    const refused = await requestLink(instances[1]!, 'tjansteperson.1280@example.se', '192.0.2.10');
    expect(refused.status).toBe(429);
    expect((await readOutbox(ctx.store)).length).toBe(before);
    // Unknown addresses count too, so the limit cannot be probed around.
    expect((await requestLink(instances[0]!, 'nobody@example.se', '192.0.2.10')).status).toBe(429);
    expect((await requestLink(instances[0]!, 'tjansteperson.1280@example.se', '192.0.2.11')).status).toBe(202);
  });
});

describe('login tokens', () => {
  it('carry 256 bits of randomness, URL-safe, never repeating', () => {
    const tokens = Array.from({ length: 200 }, () => newToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('are compared as hashes in constant time', () => {
    const hash = hashToken('abc');
    expect(hash).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(sameHash(hash, hashToken('abc'))).toBe(true);
    expect(sameHash(hash, hashToken('abd'))).toBe(false);
    expect(sameHash(hash, hash.slice(0, 10))).toBe(false);
    expect(readFileSync('functions/features/auth/login-token.ts', 'utf8')).toMatch(/timingSafeEqual\(/);
  });

  it('are stored only as a SHA-256 hash: no write to DynamoDB ever carries the raw token', async () => {
    const ctx = await makeTestContext();
    await seedOrganisations(ctx);
    const written: string[] = [];
    ctx.clients.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^(Put|Update|Delete)Item|BatchWriteItem/.test(String(context.commandName))) {
          written.push(JSON.stringify(args.input));
        }
        return next(args);
      },
      { step: 'initialize', name: 'recordWrites' },
    );
    await ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: EMAILS.memberA }));
    const outbox = await readOutbox(ctx.store);
    const token = tokenFromText(outbox.at(-1)?.text ?? '') ?? '';
    expect(token).not.toBe('');
    // The only place the raw token exists is the email itself; the outbox is that email.
    const nonMail = written.filter((w) => !w.includes('"entity":"Outbox"'));
    expect(nonMail.some((w) => w.includes(hashToken(token)))).toBe(true);
    const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }));
    expect(res.status).toBe(200);
    const all = written.filter((w) => !w.includes('"entity":"Outbox"'));
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const write of all) expect(write).not.toContain(token);
    // The session id (the cookie's value) is not stored either: the session item is keyed by its hash.
    const cookie = decodeURIComponent(res.headers.get('set-cookie')?.split(';')[0]?.split('=')[1] ?? '');
    expect(cookie).toMatch(SESSION_ID_PATTERN);
    expect(all.some((w) => w.includes(`SESSION#${sessionIdHash(cookie)}`))).toBe(true);
    for (const write of all) expect(write).not.toContain(cookie);
  });
});

describe('body size limits', () => {
  const unsafe = routeCatalogue().filter(isUnsafe);
  const importRoutes = unsafe.filter((r) => r.path.startsWith('/api/admin/imports') && r.operation?.requestBody);

  it('answers 413 payload_too_large to a JSON body over 1 MB on every route that takes a body', async () => {
    const world = await securityWorld();
    const routes = unsafe.filter((r) => r.operation?.requestBody && !r.path.startsWith('/api/admin/imports'));
    expect(routes.length).toBeGreaterThan(3);
    const body = JSON.stringify({ pad: 'x'.repeat(JSON_BODY_LIMIT_BYTES) });
    for (const route of routes) {
      const path = route.path.replace('{year}', '2026').replace(/\{[^}]+\}/g, '1281');
      for (const cookie of [world.cookies.admin, world.cookies.memberA]) {
        const res = await world.ctx.app.request(path, {
          method: route.method,
          headers: { 'content-type': 'application/json', cookie: cookie ?? '' },
          body,
        });
        expect(res.status, `${route.method} ${route.path}`).toBe(413);
        expect((await res.json()).error.code).toBe('payload_too_large');
      }
    }
  });

  it('says the 1 MB limit in Swedish and English', async () => {
    const world = await securityWorld();
    const send = (language: string) =>
      world.ctx.app.request('/api/campaigns/2026/response', {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          cookie: world.cookies.memberA ?? '',
          'accept-language': language,
        },
        body: JSON.stringify({ pad: 'x'.repeat(JSON_BODY_LIMIT_BYTES) }),
      });
    expect((await (await send('sv')).json()).error.message).toBe('Begärans innehåll är större än 1 MB.');
    expect((await (await send('en')).json()).error.message).toBe('The request body is larger than 1 MB.');
  });

  it('refuses an over-long body even without a Content-Length header (streamed)', async () => {
    const world = await securityWorld();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > JSON_BODY_LIMIT_BYTES + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await world.ctx.app.request('/api/campaigns/2026/response', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: world.cookies.memberA ?? '' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it.skipIf(importRoutes.length === 0)('allows imports up to 20 MB and refuses more with 413', async () => {
    const world = await securityWorld();
    const route = importRoutes[0]!;
    const path = route.path.replace(/\{[^}]+\}/g, 'sample-1');
    const send = (bytes: number) =>
      world.ctx.app.request(path, {
        method: route.method,
        headers: { 'content-type': 'application/json', cookie: world.cookies.admin ?? '' },
        body: JSON.stringify({ pad: 'x'.repeat(bytes) }),
      });
    expect((await send(2 * JSON_BODY_LIMIT_BYTES)).status).not.toBe(413);
    const over = await send(IMPORT_BODY_LIMIT_BYTES);
    expect(over.status).toBe(413);
    expect((await over.json()).error.code).toBe('payload_too_large');
  });
});
