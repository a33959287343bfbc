import { beforeEach, describe, expect, it } from 'vitest';
import { AdminRepository } from '../../functions/features/admins/admin.repository';
import { ADMIN_EMAIL, auditEntries, call, issuePaths } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import { makeTestContext, signIn, type TestContext } from '../helpers/test-app';

const ADMINS = '/api/admin/admins';

describe('admins', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld());
  });

  it('lists the configured admin, marked as from configuration', async () => {
    const res = await call(ctx, admin, 'GET', ADMINS);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ email: ADMIN_EMAIL, name: ADMIN_EMAIL, fromConfig: true }]);
  });

  it('adds an admin who can then sign in to the console, and audits it', async () => {
    // Act
    const res = await call(ctx, admin, 'POST', ADMINS, { email: 'Maria@Klimatkommunerna.se', name: 'Maria' });
    // Assert
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'maria@klimatkommunerna.se',
      name: 'Maria',
      addedBy: ADMIN_EMAIL,
      fromConfig: false,
    });
    const maria = await signIn(ctx, 'maria@klimatkommunerna.se');
    expect((await call(ctx, maria, 'GET', '/api/me')).body.role).toBe('admin');
    expect((await call(ctx, maria, 'GET', ADMINS)).body).toHaveLength(2);
    expect((await auditEntries(ctx))[0]).toMatchObject({
      actor: ADMIN_EMAIL,
      action: 'admin.add',
      target: 'admin:maria@klimatkommunerna.se',
    });
  });

  it('refuses an admin who exists already with 409 and a malformed email with 400', async () => {
    await call(ctx, admin, 'POST', ADMINS, { email: 'maria@klimatkommunerna.se', name: 'Maria' });
    expect((await call(ctx, admin, 'POST', ADMINS, { email: 'maria@klimatkommunerna.se', name: 'M' })).status).toBe(
      409,
    );
    const malformed = await call(ctx, admin, 'POST', ADMINS, { email: 'maria', name: 'Maria' });
    expect(malformed.status).toBe(400);
    expect(issuePaths(malformed)).toContain('email');
  });

  it('removes an admin, ends their sessions and audits it', async () => {
    // Arrange
    await call(ctx, admin, 'POST', ADMINS, { email: 'maria@klimatkommunerna.se', name: 'Maria' });
    const maria = await signIn(ctx, 'maria@klimatkommunerna.se');
    ctx.clock.advance(1000);
    // Act
    const res = await call(ctx, admin, 'DELETE', `${ADMINS}/maria@klimatkommunerna.se`);
    // Assert
    expect(res.status).toBe(200);
    expect((await call(ctx, maria, 'GET', '/api/me')).status).toBe(401);
    expect((await call(ctx, admin, 'GET', ADMINS)).body.map((a: { email: string }) => a.email)).toEqual([ADMIN_EMAIL]);
    expect((await auditEntries(ctx))[0]).toMatchObject({
      action: 'admin.remove',
      target: 'admin:maria@klimatkommunerna.se',
      before: { name: 'Maria' },
    });
  });

  it('refuses to remove an admin from ADMIN_EMAILS with 422', async () => {
    const res = await call(ctx, admin, 'DELETE', `${ADMINS}/${ADMIN_EMAIL}`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('admin_from_config');
  });

  it('answers 404 when the address is not an admin', async () => {
    expect((await call(ctx, admin, 'DELETE', `${ADMINS}/nobody@example.se`)).status).toBe(404);
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    for (const [cookie, status] of [
      [member, 403],
      [undefined, 401],
    ] as const) {
      expect((await call(ctx, cookie, 'GET', ADMINS)).status).toBe(status);
      expect((await call(ctx, cookie, 'POST', ADMINS, { email: 'x@example.se', name: 'X' })).status).toBe(status);
      expect((await call(ctx, cookie, 'DELETE', `${ADMINS}/${ADMIN_EMAIL}`)).status).toBe(status);
    }
    expect((await call(ctx, admin, 'GET', ADMINS)).body).toHaveLength(1);
  });
});

describe('the last admin', () => {
  /** Signed in as the only admin there is: none in configuration, `email` stored. */
  async function onlyStoredAdmin(email: string, name: string) {
    const ctx = await makeTestContext({ config: { adminEmails: [] } });
    await new AdminRepository(ctx.store).addIfAbsent({
      email,
      name,
      addedAt: '2026-01-01T00:00:00.000Z',
      addedBy: 'seed',
    });
    return { ctx, cookie: await signIn(ctx, email) };
  }

  it('cannot be removed, counting stored and configured admins', async () => {
    // Arrange
    const { ctx, cookie } = await onlyStoredAdmin('ensam@klimatkommunerna.se', 'Ensam');
    // Act
    const res = await call(ctx, cookie, 'DELETE', `${ADMINS}/ensam@klimatkommunerna.se`);
    // Assert
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('last_admin');
    expect((await call(ctx, cookie, 'GET', ADMINS)).body).toHaveLength(1);
  });

  it('can remove themselves once another admin exists', async () => {
    const { ctx, cookie } = await onlyStoredAdmin('forst@klimatkommunerna.se', 'Först');
    await call(ctx, cookie, 'POST', ADMINS, { email: 'andra@klimatkommunerna.se', name: 'Andra' });
    const res = await call(ctx, cookie, 'DELETE', `${ADMINS}/forst@klimatkommunerna.se`);
    expect(res.status).toBe(200);
    expect((await call(ctx, cookie, 'GET', ADMINS)).status).toBe(401);
  });
});
