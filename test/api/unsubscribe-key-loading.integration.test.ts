import { describe, expect, it } from 'vitest';
import type { SecretSource } from '../../functions/app-deps';
import { once } from '../../functions/config/once';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { signUnsubscribeToken } from '../../functions/features/reminders/unsubscribe-token';
import { sessionCookie } from '../helpers/security-world';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext, secondInstance } from '../helpers/test-app';

const SECRET = 'test-secret-that-is-long-enough-for-hmac';
const LUND_POLITICIAN = { organisationId: '1281', contactId: 'politiker-1281' };

/** A key loader as the Lambda passes one (a Secrets Manager read): the test decides when, and whether, it answers. */
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

async function worldWithKey(sessionSecret: SecretSource) {
  const ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
  await seedOrganisations(ctx);
  await seedCampaign(ctx);
  return { ctx, app: secondInstance(ctx, { sessionSecret }) };
}

const unsubscribe = (token: string) => jsonRequest('POST', { token });

/**
 * The key that signs unsubscribe links, as a Lambda passes it: a loader that reads Secrets Manager
 * on first use. Sessions never need it (docs/security.md), so a member's requests never wait for it.
 */
describe('the unsubscribe key as a loader (how a Lambda passes it)', () => {
  it('is never read for a signed-in member’s requests', async () => {
    // Arrange
    const key = controlledKey();
    const { ctx, app } = await worldWithKey(key.load);
    const cookie = await sessionCookie(ctx, {
      email: 'tjansteperson.1281@example.se',
      name: 'Erik Nilsson',
      role: 'member',
      organisationId: '1281',
      contactId: 'tjansteperson-1281',
    });
    // Act
    const me = await app.request('/api/me', { headers: { cookie } });
    const saved = await app.request('/api/campaigns/2026/response', {
      ...jsonRequest('PUT', { data: { B1: true }, version: 0 }),
      headers: { 'content-type': 'application/json', cookie },
    });
    // Assert: both answered without the loader ever being asked (it would never answer).
    expect(me.status).toBe(200);
    expect(saved.status).toBe(200);
    expect(key.calls()).toBe(0);
  });

  it('is read once for two unsubscribes that arrive together, and both wait for it', async () => {
    // Arrange
    const key = controlledKey();
    const { ctx, app } = await worldWithKey(once(key.load));
    const token = signUnsubscribeToken(SECRET, LUND_POLITICIAN);
    // Act
    const first = app.request('/api/unsubscribe', unsubscribe(token));
    const second = app.request('/api/unsubscribe', unsubscribe(token));
    await waitFor(() => key.calls() === 1);
    const stateBeforeKey = (await new ContactRepository(ctx.store).get('1281', 'politiker-1281'))?.emailState;
    key.answer(SECRET);
    const answers = await Promise.all([first, second]);
    // Assert
    expect(stateBeforeKey).toBe('ok');
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(key.calls()).toBe(1);
    expect((await new ContactRepository(ctx.store).get('1281', 'politiker-1281'))?.emailState).toBe('unsubscribed');
  });

  it('refuses a link signed with another key', async () => {
    // Arrange
    const { ctx, app } = await worldWithKey(async () => SECRET);
    // Act
    const res = await app.request(
      '/api/unsubscribe',
      unsubscribe(signUnsubscribeToken('another-secret-that-is-long-enough', LUND_POLITICIAN)),
    );
    // Assert
    expect(res.status).toBe(400);
    expect((await new ContactRepository(ctx.store).get('1281', 'politiker-1281'))?.emailState).toBe('ok');
  });

  it('answers an error when the key cannot be read, and reads it again on the next request', async () => {
    // Arrange
    const key = controlledKey();
    const { ctx, app } = await worldWithKey(once(key.load));
    const token = signUnsubscribeToken(SECRET, LUND_POLITICIAN);
    // Act
    const first = app.request('/api/unsubscribe', unsubscribe(token));
    await waitFor(() => key.calls() === 1);
    key.fail();
    const failed = await first;
    const stateAfterFailure = (await new ContactRepository(ctx.store).get('1281', 'politiker-1281'))?.emailState;
    const second = app.request('/api/unsubscribe', unsubscribe(token));
    await waitFor(() => key.calls() === 2);
    key.answer(SECRET);
    const ok = await second;
    // Assert: a clean error in the API's format, no stack, nothing written; then the retried key works.
    expect(failed.status).toBe(500);
    const body = await failed.json();
    expect(body.error).toBeDefined();
    expect(JSON.stringify(body)).not.toContain('Secrets Manager unreachable');
    expect(stateAfterFailure).toBe('ok');
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
