import { describe, expect, it } from 'vitest';
import type { SecretSource } from '../../functions/app-deps';
import { once } from '../../functions/config/once';
import { sessionCookie } from '../helpers/security-world';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { countCommands, makeTestContext, secondInstance } from '../helpers/test-app';

const SECRET = 'test-secret-that-is-long-enough-for-hmac';
const LUND_OFFICIAL = {
  email: 'tjansteperson.1281@example.se',
  name: 'Erik Nilsson',
  role: 'member' as const,
  organisationId: '1281',
  contactId: 'tjansteperson-1281',
};

/** A session key loader as the Lambda passes one: the test decides when (and whether) it answers. */
function controlledKey() {
  const waiting: Array<{ resolve: (key: string) => void; reject: (error: Error) => void }> = [];
  let calls = 0;
  return {
    load: () => {
      calls++;
      return new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
    },
    calls: () => calls,
    answer: (key: string) => waiting.shift()?.resolve(key),
    fail: () => waiting.shift()?.reject(new Error('Secrets Manager unreachable (test)')),
  };
}

/** A seeded table, a member's session cookie signed with SECRET, and an app whose key is `sessionSecret`. */
async function worldWithKey(sessionSecret: SecretSource, cookieSecret = SECRET) {
  const ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
  await seedOrganisations(ctx);
  await seedCampaign(ctx);
  const cookie = await sessionCookie(ctx, LUND_OFFICIAL, cookieSecret);
  const app = secondInstance(ctx, { sessionSecret });
  return { ctx, app, cookie };
}

describe('the session key as a loader (how a Lambda passes it)', () => {
  it('reads the session while the key is still loading, and answers once the signature checks', async () => {
    // Arrange
    const key = controlledKey();
    const { ctx, app, cookie } = await worldWithKey(key.load);
    const counter = countCommands(ctx.clients);
    // Act: the request starts; the key has not arrived.
    const pending = app.request('/api/me', { headers: { cookie } });
    await waitFor(() => counter.reads() === 1);
    const readsBeforeKey = counter.reads();
    key.answer(SECRET);
    const res = await pending;
    // Assert
    expect(readsBeforeKey).toBe(1);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: LUND_OFFICIAL.email, organisationId: '1281' });
    expect(key.calls()).toBe(1);
  });

  it('refuses a cookie signed with another key even though the session id exists', async () => {
    // Arrange
    const { app, cookie: forged } = await worldWithKey(
      async () => SECRET,
      'another-secret-that-is-long-enough-for-hmac',
    );
    // Act
    const res = await app.request('/api/me', { headers: { cookie: forged } });
    // Assert
    expect(res.status).toBe(401);
  });

  it('does not look up an id that cannot be a session id', async () => {
    // Arrange
    const { ctx, app } = await worldWithKey(async () => SECRET);
    const counter = countCommands(ctx.clients);
    // Act
    const res = await app.request('/api/me', { headers: { cookie: `kk_session=${'x'.repeat(3000)}.c2lnbmF0dXJl` } });
    // Assert
    expect(res.status).toBe(401);
    expect(counter.reads()).toBe(0);
  });

  it('answers an error when the key cannot be read, and reads it again on the next request', async () => {
    // Arrange
    const key = controlledKey();
    const { app, cookie } = await worldWithKey(once(key.load));
    // Act
    const first = app.request('/api/me', { headers: { cookie } });
    await waitFor(() => key.calls() === 1);
    key.fail();
    const failed = await first;
    const second = app.request('/api/me', { headers: { cookie } });
    await waitFor(() => key.calls() === 2);
    key.answer(SECRET);
    const ok = await second;
    // Assert: a clean error in the API's format, no stack; then the retried key works.
    expect(failed.status).toBe(500);
    const body = await failed.json();
    expect(body.error).toBeDefined();
    expect(JSON.stringify(body)).not.toContain('Secrets Manager unreachable');
    expect(ok.status).toBe(200);
  });
});

async function waitFor(condition: () => boolean, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
