import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../functions/errors/domain-errors';
import { AdminRepository } from '../../functions/features/admins/admin.repository';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import type { Item, TableStore } from '../../functions/ports/table-store';
import { keys } from '../../functions/store/table-design';
import { EMAILS, securityWorld, sessionCookie } from '../helpers/security-world';
import { jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

type ItemKey = Pick<Item, 'pk' | 'sk'>;

/**
 * Ending a person's sessions is a query of their sessions (gsi1 `SESSIONS#<email>`) and a delete
 * each. These tests make that query fail (StoreUnavailableError, as the adapter answers a throttled
 * DynamoDB) around a move, a removal and an import, and check that nobody keeps access to what they
 * lost: not after the failed request, and not after the kansli repeats it. Some also open a session
 * while the change is being written (a sign-in that read the contact just before), the race the
 * second pass of ending sessions is there for.
 */
const A_ID = 'tjansteperson-1281';
const A = EMAILS.memberA;
const RESPONSE = '/api/campaigns/2026/response';

/** A store wrapper (fault injection above the adapter), armed per test. */
class SessionFaults {
  private sessionQueries = 0;
  private failAt: number | undefined;
  private beforeWrite: { matches: (key: ItemKey) => boolean; run: () => Promise<void> } | undefined;
  failed = 0;

  /** The `nth` query of sessions from now on fails; `beforeWrite` runs once before the matching write. */
  arm(nth: number, beforeWrite?: SessionFaults['beforeWrite']): void {
    this.sessionQueries = 0;
    this.failAt = nth;
    this.beforeWrite = beforeWrite;
  }

  disarm(): void {
    this.failAt = undefined;
    this.beforeWrite = undefined;
  }

  wrap = (inner: TableStore): TableStore =>
    new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'queryAll' || prop === 'query') {
          return async (spec: { partition: string }) => {
            if (this.failAt !== undefined && spec.partition.startsWith('SESSIONS#')) {
              this.sessionQueries++;
              if (this.sessionQueries === this.failAt) {
                this.failed++;
                throw new StoreUnavailableError('Lagringen svarar inte just nu.');
              }
            }
            return value.call(target, spec);
          };
        }
        if (prop === 'put' || prop === 'delete' || prop === 'update') {
          return async (keyOrItem: ItemKey, ...rest: unknown[]) => {
            const hook = this.beforeWrite;
            if (hook?.matches(keyOrItem)) {
              this.beforeWrite = undefined;
              await hook.run();
            }
            return value.call(target, keyOrItem, ...rest);
          };
        }
        return value.bind(target);
      },
    });
}

async function world() {
  const faults = new SessionFaults();
  const { ctx, cookies } = await securityWorld({ wrapStore: faults.wrap });
  return { ctx, faults, admin: cookies.admin ?? '', memberA: cookies.memberA ?? '' };
}

async function me(ctx: TestContext, cookie: string) {
  return ctx.app.request('/api/me', { headers: { cookie } });
}

/** Whether the cookie still opens Lund's response (read, and write). */
async function opensLund(ctx: TestContext, cookie: string): Promise<{ read: number; write: number }> {
  const read = (await ctx.app.request(RESPONSE, { headers: { cookie } })).status;
  const write = (
    await ctx.app.request(
      RESPONSE,
      withCookie(cookie, jsonRequest('PUT', { data: { respondent_name: 'x' }, version: 1 })),
    )
  ).status;
  return { read, write };
}

/** A session of A in Lund, as a sign-in that read the contact just before the change would open it. */
const lundSessionOfA = (ctx: TestContext) =>
  sessionCookie(ctx, { email: A, name: 'A', role: 'member', organisationId: '1281', contactId: A_ID });

const isKey = (expected: ItemKey) => (key: ItemKey) => key.pk === expected.pk && key.sk === expected.sk;

describe('moving a contact while ending its sessions fails', () => {
  for (const nth of [1, 2]) {
    it(`never leaves a session in the old organisation (session query ${nth} fails), and the retry completes the move`, async () => {
      const { ctx, faults, admin, memberA } = await world();
      faults.arm(nth);
      const failed = await ctx.app.request(
        `/api/admin/contacts/${A_ID}`,
        withCookie(admin, jsonRequest('PATCH', { organisationId: '1280' })),
      );
      faults.disarm();
      expect(faults.failed).toBe(1);
      expect(failed.status).toBe(503);
      const contact = await new ContactRepository(ctx.store).findById(A_ID);
      // Either nothing was written (A is still Lund's contact), or A's Lund session is gone.
      if (contact?.organisationId !== '1281') {
        expect((await me(ctx, memberA)).status).toBe(401);
        expect(await opensLund(ctx, memberA)).toEqual({ read: 401, write: 401 });
      }

      const retry = await ctx.app.request(
        `/api/admin/contacts/${A_ID}`,
        withCookie(admin, jsonRequest('PATCH', { organisationId: '1280' })),
      );
      expect(retry.status).toBe(200);
      expect((await new ContactRepository(ctx.store).findById(A_ID))?.organisationId).toBe('1280');
      expect((await me(ctx, memberA)).status).toBe(401);
      expect(await opensLund(ctx, memberA)).toEqual({ read: 401, write: 401 });
      // Signing in again gives Malmö.
      expect(await (await me(ctx, await signIn(ctx, A))).json()).toMatchObject({ organisationId: '1280' });
    });
  }

  it('ends a session opened while the move was written, even when the pass after the write fails (on the retry)', async () => {
    const { ctx, faults, admin } = await world();
    let racing = '';
    // Whatever order the service uses, the session query after the move's write is the one that fails.
    faults.arm(Number.POSITIVE_INFINITY, {
      matches: isKey(keys.contact('1280', A_ID)),
      run: async () => {
        racing = await lundSessionOfA(ctx);
        faults.arm(1);
      },
    });
    const failed = await ctx.app.request(
      `/api/admin/contacts/${A_ID}`,
      withCookie(admin, jsonRequest('PATCH', { organisationId: '1280' })),
    );
    faults.disarm();
    expect(racing).not.toBe('');
    expect(failed.status).toBe(503);

    const retry = await ctx.app.request(
      `/api/admin/contacts/${A_ID}`,
      withCookie(admin, jsonRequest('PATCH', { organisationId: '1280' })),
    );
    expect(retry.status).toBe(200);
    expect((await me(ctx, racing)).status).toBe(401);
    expect(await opensLund(ctx, racing)).toEqual({ read: 401, write: 401 });
  });

  it("keeps the contact's session in its new organisation when a PATCH changes nothing", async () => {
    const { ctx, admin } = await world();
    await ctx.app.request(
      `/api/admin/contacts/${A_ID}`,
      withCookie(admin, jsonRequest('PATCH', { organisationId: '1280' })),
    );
    const malmo = await signIn(ctx, A);
    const again = await ctx.app.request(
      `/api/admin/contacts/${A_ID}`,
      withCookie(admin, jsonRequest('PATCH', { organisationId: '1280' })),
    );
    expect(again.status).toBe(200);
    expect(await (await me(ctx, malmo)).json()).toMatchObject({ organisationId: '1280' });
  });
});

describe('removing a contact while ending its sessions fails', () => {
  for (const nth of [1, 2]) {
    it(`never leaves a removed contact a session (session query ${nth} fails), whatever the retry answers`, async () => {
      const { ctx, faults, admin, memberA } = await world();
      faults.arm(nth);
      const failed = await ctx.app.request(`/api/admin/contacts/${A_ID}`, {
        method: 'DELETE',
        headers: { cookie: admin },
      });
      faults.disarm();
      expect(faults.failed).toBe(1);
      expect(failed.status).toBe(503);
      if (!(await new ContactRepository(ctx.store).findById(A_ID))) {
        expect(await opensLund(ctx, memberA)).toEqual({ read: 401, write: 401 });
      }

      const retry = await ctx.app.request(`/api/admin/contacts/${A_ID}`, {
        method: 'DELETE',
        headers: { cookie: admin },
      });
      expect([200, 404]).toContain(retry.status);
      expect(await new ContactRepository(ctx.store).findById(A_ID)).toBeUndefined();
      expect((await me(ctx, memberA)).status).toBe(401);
      expect(await opensLund(ctx, memberA)).toEqual({ read: 401, write: 401 });
    });
  }

  it("ends only that contact's member sessions, not an admin's under the same address", async () => {
    const { ctx, admin } = await world();
    // Older data: a contact with the admin's address, written before the register refused it.
    await new ContactRepository(ctx.store).create({
      id: 'kansli-as-contact',
      organisationId: '1281',
      name: 'Kansliet',
      email: EMAILS.admin,
      role: 'official',
      emailState: 'ok',
    });
    const res = await ctx.app.request('/api/admin/contacts/kansli-as-contact', {
      method: 'DELETE',
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    expect((await ctx.app.request('/api/admin/admins', { headers: { cookie: admin } })).status).toBe(200);
  });
});

describe('removing an admin while ending their sessions fails', () => {
  const OLLE = 'olle@example.se';

  async function withOlle() {
    const w = await world();
    expect(
      (
        await w.ctx.app.request(
          '/api/admin/admins',
          withCookie(w.admin, jsonRequest('POST', { email: OLLE, name: 'Olle' })),
        )
      ).status,
    ).toBe(201);
    return { ...w, olle: await signIn(w.ctx, OLLE) };
  }

  for (const nth of [1, 2]) {
    it(`leaves a removed admin no admin session (session query ${nth} fails), whatever the retry answers`, async () => {
      const { ctx, faults, admin, olle } = await withOlle();
      faults.arm(nth);
      const failed = await ctx.app.request(`/api/admin/admins/${OLLE}`, {
        method: 'DELETE',
        headers: { cookie: admin },
      });
      faults.disarm();
      expect(failed.status).toBe(503);
      if (!(await new AdminRepository(ctx.store).get(OLLE))) {
        expect((await ctx.app.request('/api/admin/admins', { headers: { cookie: olle } })).status).toBe(401);
      }
      const retry = await ctx.app.request(`/api/admin/admins/${OLLE}`, {
        method: 'DELETE',
        headers: { cookie: admin },
      });
      expect([200, 404]).toContain(retry.status);
      expect(await new AdminRepository(ctx.store).get(OLLE)).toBeUndefined();
      expect((await ctx.app.request('/api/admin/admins', { headers: { cookie: olle } })).status).toBe(401);
    });
  }

  it('ends an admin session opened during the removal when the retry answers 404', async () => {
    const { ctx, faults, admin } = await withOlle();
    let racing = '';
    faults.arm(Number.POSITIVE_INFINITY, {
      matches: isKey(keys.admin(OLLE)),
      run: async () => {
        racing = await sessionCookie(ctx, { email: OLLE, name: 'Olle', role: 'admin' });
        faults.arm(1);
      },
    });
    const failed = await ctx.app.request(`/api/admin/admins/${OLLE}`, { method: 'DELETE', headers: { cookie: admin } });
    faults.disarm();
    expect(racing).not.toBe('');
    expect(failed.status).toBe(503);
    const retry = await ctx.app.request(`/api/admin/admins/${OLLE}`, { method: 'DELETE', headers: { cookie: admin } });
    expect(retry.status).toBe(404);
    expect((await ctx.app.request('/api/admin/admins', { headers: { cookie: racing } })).status).toBe(401);
  });
});

describe('a contacts import that moves a contact while ending its sessions fails', () => {
  async function previewMove(ctx: TestContext, admin: string): Promise<string> {
    const res = await ctx.app.request(
      '/api/admin/contacts/import',
      withCookie(
        admin,
        jsonRequest('POST', { csv: `kod;namn;e-post;roll\n1280;Tjänsteperson Lund;${A};tjänsteperson\n` }),
      ),
    );
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.changes).toMatchObject({ changed: 1 });
    return preview.id;
  }

  const commit = (ctx: TestContext, admin: string, id: string) =>
    ctx.app.request(`/api/admin/contacts/import/${id}/commit`, { method: 'POST', headers: { cookie: admin } });

  for (const nth of [1, 2]) {
    it(`leaves no session in the old organisation once the commit is re-run (session query ${nth} fails)`, async () => {
      const { ctx, faults, admin, memberA } = await world();
      const id = await previewMove(ctx, admin);
      faults.arm(nth);
      const failed = await commit(ctx, admin, id);
      faults.disarm();
      expect(failed.status).toBe(503);
      if ((await new ContactRepository(ctx.store).findById(A_ID))?.organisationId !== '1281') {
        expect(await opensLund(ctx, memberA)).toEqual({ read: 401, write: 401 });
      }
      expect((await commit(ctx, admin, id)).status).toBe(200);
      expect((await new ContactRepository(ctx.store).findById(A_ID))?.organisationId).toBe('1280');
      expect(await opensLund(ctx, memberA)).toEqual({ read: 401, write: 401 });
    });
  }

  it('ends a session opened while the move was written when the commit is re-run', async () => {
    const { ctx, faults, admin } = await world();
    const id = await previewMove(ctx, admin);
    let racing = '';
    faults.arm(Number.POSITIVE_INFINITY, {
      matches: isKey(keys.contact('1280', A_ID)),
      run: async () => {
        racing = await lundSessionOfA(ctx);
        faults.arm(1);
      },
    });
    const failed = await commit(ctx, admin, id);
    faults.disarm();
    expect(racing).not.toBe('');
    expect(failed.status).toBe(503);
    expect((await commit(ctx, admin, id)).status).toBe(200);
    expect(await opensLund(ctx, racing)).toEqual({ read: 401, write: 401 });
  });
});

describe("an admin's address and a member contact's address never coincide", () => {
  const addContact = (ctx: TestContext, admin: string, email: string) =>
    ctx.app.request(
      '/api/admin/organisations/1281/contacts',
      withCookie(admin, jsonRequest('POST', { name: 'Ny', email, role: 'official' })),
    );

  it('refuses a contact with a configured admin address (409 email_is_admin), writing nothing', async () => {
    const { ctx, admin } = await world();
    const res = await addContact(ctx, admin, 'Kansli@Example.se');
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: 'email_is_admin',
      message: expect.stringContaining('administratör'),
    });
    expect(await new ContactRepository(ctx.store).findByEmail(EMAILS.admin)).toEqual([]);
  });

  it('refuses a contact with a stored admin address, and a change of address to one', async () => {
    const { ctx, admin } = await world();
    await ctx.app.request(
      '/api/admin/admins',
      withCookie(admin, jsonRequest('POST', { email: 'olle@example.se', name: 'Olle' })),
    );
    const created = await addContact(ctx, admin, 'olle@example.se');
    expect(created.status).toBe(409);
    expect((await created.json()).error.code).toBe('email_is_admin');
    const patched = await ctx.app.request(
      `/api/admin/contacts/${A_ID}`,
      withCookie(admin, jsonRequest('PATCH', { email: 'olle@example.se' })),
    );
    expect(patched.status).toBe(409);
    expect((await patched.json()).error.code).toBe('email_is_admin');
    expect((await new ContactRepository(ctx.store).findById(A_ID))?.email).toBe(A);
  });

  it("refuses an admin with a member contact's address (409 email_is_contact), writing nothing", async () => {
    const { ctx, admin } = await world();
    const res = await ctx.app.request(
      '/api/admin/admins',
      withCookie(admin, jsonRequest('POST', { email: A, name: 'A' })),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: 'email_is_contact',
      message: expect.stringContaining('1281'),
    });
    expect(await new AdminRepository(ctx.store).get(A)).toBeUndefined();
  });

  it("marks an import row with an admin's address as an error, so the file cannot be committed", async () => {
    const { ctx, admin } = await world();
    const res = await ctx.app.request(
      '/api/admin/contacts/import',
      withCookie(
        admin,
        jsonRequest('POST', { csv: `kod;namn;e-post;roll\n1281;Kansliet;${EMAILS.admin};tjänsteperson\n` }),
      ),
    );
    const preview = await res.json();
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: 'e-post',
        code: 'email_is_admin',
        message: expect.stringContaining('administratör'),
        messageEn: expect.stringContaining('administrator'),
      },
    ]);
    const commit = await ctx.app.request(`/api/admin/contacts/import/${preview.id}/commit`, {
      method: 'POST',
      headers: { cookie: admin },
    });
    expect(commit.status).toBe(422);
    expect(await new ContactRepository(ctx.store).findByEmail(EMAILS.admin)).toEqual([]);
  });

  it('refuses to commit an import whose new contact has become an admin since the preview, writing nothing', async () => {
    const { ctx, admin } = await world();
    const res = await ctx.app.request(
      '/api/admin/contacts/import',
      withCookie(
        admin,
        jsonRequest('POST', {
          csv: 'kod;namn;e-post;roll\n1280;Först;forst@example.se;politiker\n1281;Olle;olle@example.se;tjänsteperson\n',
        }),
      ),
    );
    const preview = await res.json();
    expect(preview.errors).toEqual([]);
    await ctx.app.request(
      '/api/admin/admins',
      withCookie(admin, jsonRequest('POST', { email: 'olle@example.se', name: 'Olle' })),
    );
    const commit = await ctx.app.request(`/api/admin/contacts/import/${preview.id}/commit`, {
      method: 'POST',
      headers: { cookie: admin },
    });
    expect(commit.status).toBe(409);
    expect((await commit.json()).error.code).toBe('email_is_admin');
    const contacts = new ContactRepository(ctx.store);
    expect(await contacts.findByEmail('forst@example.se')).toEqual([]);
    expect(await contacts.findByEmail('olle@example.se')).toEqual([]);
  });
});
