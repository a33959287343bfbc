import { describe, expect, it } from 'vitest';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { keys } from '../../functions/store/table-design';
import { auditEntries, call } from '../helpers/admin-api';
import { type SeenCall, StoreFault, type StoreOp } from '../helpers/faulty-store';
import { sessionCookie } from '../helpers/security-world';
import { adminWorld } from '../helpers/seeded-context';
import { jsonRequest, recordCommandInputs, signIn, type TestContext } from '../helpers/test-app';

/**
 * Removing a contact is several single-item writes (docs/data-model.md, "How rules hold without
 * transactions"). These tests fail each of them in turn, as a throttled DynamoDB would, and check
 * that what is left behind grants nobody access and does not block the address, and that repeating
 * the DELETE finishes the removal exactly once.
 */
const ID = 'politiker-1281';
const EMAIL = 'politiker.1281@example.se';
const LUND_CONTACTS = '/api/admin/organisations/1281/contacts';

const isLookup = (seen: SeenCall) => seen.pk === keys.contactLookup(ID).pk;
const isContactItem = (seen: SeenCall) =>
  seen.pk === keys.contact('1281', ID).pk && seen.sk === keys.contact('1281', ID).sk;

const isSessionQuery = (seen: SeenCall, op: StoreOp) =>
  op === 'query' && seen.index === 'gsi1' && seen.partition === keys.sessionsOfUserPk(EMAIL);

/** The nth call that `matches` (a fresh count per test). */
const nth = (n: number, matches: (seen: SeenCall, op: StoreOp) => boolean) => () => {
  let seenSoFar = 0;
  return (seen: SeenCall, op: StoreOp) => matches(seen, op) && ++seenSoFar === n;
};

/** Each step of the console's removal after the first session sweep, with a matcher for its call. */
const STEPS: Array<[string, () => (seen: SeenCall, op: StoreOp) => boolean]> = [
  ['writing the removal record', nth(1, (seen, op) => op === 'update' && isLookup(seen))],
  ['deleting the contact item', nth(1, (seen, op) => op === 'delete' && isContactItem(seen))],
  ['recording the audit entry', nth(1, (seen, op) => op === 'put' && seen.action === 'contact.delete')],
  ['releasing the address', nth(1, (seen, op) => op === 'delete' && seen.pk === keys.contactEmailClaim(EMAIL).pk)],
  ['ending sessions after the removal', nth(2, isSessionQuery)],
  ['completing the removal record', nth(2, (seen, op) => op === 'update' && isLookup(seen))],
];

async function world() {
  const fault = new StoreFault();
  const { ctx, admin } = await adminWorld({ wrapStore: fault.wrap });
  return { ctx, admin, fault };
}

const remove = (ctx: TestContext, admin: string) => call(ctx, admin, 'DELETE', `/api/admin/contacts/${ID}`);

/** Whether asking for a sign-in link for the address sends one. */
async function linkIsSent(ctx: TestContext): Promise<boolean> {
  const before = (await readOutbox(ctx.store)).length;
  const res = await ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: EMAIL }));
  expect(res.status).toBe(202);
  return (await readOutbox(ctx.store)).length > before;
}

async function deleteEntries(ctx: TestContext) {
  return (await auditEntries(ctx, { organisationId: '1281' })).filter(
    (e) => e.action === 'contact.delete' && e.target === `contact:${ID}`,
  );
}

describe('a contact removal that fails part-way', () => {
  for (const [step, when] of STEPS) {
    it(`leaves no access and no blocked address when it fails at ${step}, and a repeat finishes it once`, async () => {
      const { ctx, admin, fault } = await world();
      const signedIn = await signIn(ctx, EMAIL);
      // A sign-in that read the contact just before it went opens its session while the removal runs.
      let racing: string | undefined;
      fault.before = {
        matches: (seen, op) => op === 'delete' && isContactItem(seen),
        run: async () => {
          racing = await sessionCookie(ctx, {
            email: EMAIL,
            name: 'Politiker Lund',
            role: 'member',
            organisationId: '1281',
            contactId: ID,
          });
        },
      };
      fault.when = when();
      // Act
      const failed = await remove(ctx, admin);
      // Assert: the failure is a 503, and the session from before the removal is over already.
      expect(fault.failed).toBe(1);
      expect(failed.status).toBe(503);
      expect((await call(ctx, signedIn, 'GET', '/api/me')).status).toBe(401);
      // No TTL until the removal completes: a removal nobody repeats must not expire a live contact's lookup.
      expect(await ctx.store.get(keys.contactLookup(ID))).not.toHaveProperty('ttl');
      const stillThere = (await new ContactRepository(ctx.store).findById(ID)) !== undefined;
      if (!stillThere) {
        // What is left grants nothing: no link for the address, and its address can be used again.
        expect(await linkIsSent(ctx)).toBe(false);
        const readd = await call(ctx, admin, 'POST', '/api/admin/organisations/1280/contacts', {
          name: 'Samma adress',
          email: EMAIL,
          role: 'politician',
        });
        expect(readd.status).toBe(201);
        expect((await call(ctx, admin, 'DELETE', `/api/admin/contacts/${readd.body.contact.id}`)).status).toBe(200);
      }

      // The kansli repeats the removal: it finishes, and a third time finds nothing.
      const retry = await remove(ctx, admin);
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ id: ID, organisationId: '1281' });
      expect(retry.body.warnings.map((w: { code: string }) => w.code)).toEqual(['missing_politician']);
      expect((await remove(ctx, admin)).status).toBe(404);

      expect(await new ContactRepository(ctx.store).findById(ID)).toBeUndefined();
      expect(await ctx.store.get(keys.contactEmailClaim(EMAIL))).toBeUndefined();
      expect(await ctx.store.get(keys.contactLookup(ID))).toMatchObject({
        removalComplete: true,
        organisationId: '1281',
        email: EMAIL,
        role: 'politician',
      });
      expect(await ctx.store.get(keys.contactLookup(ID))).not.toHaveProperty('name');
      expect((await ctx.store.get(keys.contactLookup(ID)))?.ttl).toBe(Date.parse('2028-03-10T09:00:00.000Z') / 1000);
      expect(await deleteEntries(ctx)).toHaveLength(1);
      for (const cookie of [signedIn, racing]) {
        if (cookie) expect((await call(ctx, cookie, 'GET', '/api/me')).status).toBe(401);
      }
      expect(await linkIsSent(ctx)).toBe(false);
      const lund = (await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts;
      expect(lund.map((c: { id: string }) => c.id)).toEqual(['tjansteperson-1281']);
    });
  }

  it('keeps the contact, whole and able to sign in, when it fails before anything is written', async () => {
    const { ctx, admin, fault } = await world();
    fault.when = STEPS[0]![1]();
    expect((await remove(ctx, admin)).status).toBe(503);
    expect(await new ContactRepository(ctx.store).findById(ID)).toMatchObject({ email: EMAIL });
    expect(await linkIsSent(ctx)).toBe(true);
    // Its address is still its own.
    const other = await call(ctx, admin, 'POST', LUND_CONTACTS, { name: 'X', email: EMAIL, role: 'official' });
    expect(other.status).toBe(409);
    expect(await deleteEntries(ctx)).toHaveLength(0);
  });

  it('keeps a live contact reachable by id after a removal that failed deleting the contact item', async () => {
    const { ctx, admin, fault } = await world();
    fault.when = STEPS[1]![1]();
    expect((await remove(ctx, admin)).status).toBe(503);
    // The lookup carries the removal record but no TTL, so DynamoDB never deletes it under the contact.
    const lookup = await ctx.store.get(keys.contactLookup(ID));
    expect(lookup).toMatchObject({ removalComplete: false, organisationId: '1281' });
    expect(lookup).not.toHaveProperty('ttl');
    const patched = await call(ctx, admin, 'PATCH', `/api/admin/contacts/${ID}`, { name: 'Politiker Lund 2' });
    expect(patched.status).toBe(200);
  });

  it('records one contact.delete when two removals of the contact run at once', async () => {
    const { ctx, admin, fault } = await world();
    // The second DELETE runs whole while the first has read the contact and swept its sessions, and
    // the first then takes its removal time later than the second's audit entry.
    fault.before = {
      matches: isSessionQuery,
      run: async () => {
        expect((await remove(ctx, admin)).status).toBe(200);
        ctx.clock.advance(60_000);
      },
    };
    const first = await remove(ctx, admin);
    expect(first.status).toBe(200);
    expect(await deleteEntries(ctx)).toHaveLength(1);
    expect(await ctx.store.get(keys.contactLookup(ID))).toMatchObject({
      removalComplete: true,
      removedAt: '2026-03-10T09:00:00.000Z',
    });
  });

  it('answers 404 for an id whose lookup an older removal left behind, which grants nothing', async () => {
    const { ctx, admin } = await world();
    // As the removal before removal records left it when it died after deleting the contact item.
    await ctx.store.delete(keys.contact('1281', ID));
    expect(await ctx.store.get(keys.contactLookup(ID))).toBeDefined();
    expect((await remove(ctx, admin)).status).toBe(404);
    expect(await linkIsSent(ctx)).toBe(false);
    const readd = await call(ctx, admin, 'POST', LUND_CONTACTS, { name: 'Ny', email: EMAIL, role: 'politician' });
    expect(readd.status).toBe(201);
  });

  it('removes a contact with one read of its lookup and one of the contact, and a removal record without the name', async () => {
    const { ctx, admin } = await world();
    const gets = recordCommandInputs(ctx.clients, /^Get(Item)?Command$/);
    const res = await remove(ctx, admin);
    expect(res.status).toBe(200);
    // The admin's session, then the lookup and the contact: nothing read twice.
    expect(gets.map((input) => (input.Key as { pk: string }).pk).sort()).toEqual(
      [keys.contact('1281', ID).pk, keys.contactLookup(ID).pk, expect.stringMatching(/^SESSION#/)].sort(),
    );
    const record = await ctx.store.get(keys.contactLookup(ID));
    expect(record).toMatchObject({ removalComplete: true, removedAt: '2026-03-10T09:00:00.000Z' });
    expect(JSON.stringify(record)).not.toContain('Politiker Lund');
    // Kept as long as the mail and reminder log that name the id (two years), then TTL cleans it up.
    expect(record?.ttl).toBe(Date.parse('2028-03-10T09:00:00.000Z') / 1000);
    // Found by the address, for erasure after the removal.
    const byAddress = await ctx.store.queryAll({
      index: 'gsi2',
      partition: keys.emailPk(EMAIL),
      beginsWith: keys.removedContactPrefix,
    });
    expect(byAddress.map((item) => item.contactId)).toEqual([ID]);
  });
});
