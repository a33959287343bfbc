import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../functions/features/audit/audit.log';
import { AUDIT_REDACTIONS_PER_RUN } from '../../functions/features/privacy/privacy.service';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import type { TableStore } from '../../functions/ports/table-store';
import { keys } from '../../functions/store/table-design';
import { ERASED_EDITOR } from '../../shared/schemas/privacy.schema';
import { call } from '../helpers/admin-api';
import { injectDynamoFault } from '../helpers/faulty-store';
import {
  EMAILS,
  type SecurityWorld,
  securityWorld,
  sessionCookie,
  storedAudit as storedAuditOf,
} from '../helpers/security-world';
import { jsonRequest, signIn } from '../helpers/test-app';

/**
 * GDPR art. 17 after a removal: the kansli removed Lund's official, and later the person asks to
 * be erased. The contact is gone from the register, but the person's name and address are still in
 * the email sent to them, their sign-in links, the responses they edited, their reminder-log
 * entries and audit entries written before those left the name out. The kansli erases them by the
 * contact id the audit log shows, or by the address, which is what the person gives.
 */
const A_ID = 'tjansteperson-1281';
const A_EMAIL = EMAILS.memberA;
const A_NAME = 'Tjänsteperson Lund';
const OTHER_ID = 'politiker-1281';
const ERASE_ADDRESS = '/api/admin/contacts/erase';

function admin(world: SecurityWorld, method: string, path: string, body?: unknown) {
  return call(world.ctx, world.cookies.admin, method, path, body);
}

/** What the person left behind besides the contact: reminder entries, an old audit entry, an unused link. */
async function seedTraces(world: SecurityWorld) {
  const { store, clock } = world.ctx;
  for (const [contactId, step] of [
    [A_ID, 'invitation'],
    [A_ID, 'd7'],
    [OTHER_ID, 'invitation'],
  ] as const) {
    await store.put({
      ...keys.reminder(2026, '1281', contactId, step),
      entity: 'ReminderLog',
      contactId,
      stepId: step,
      state: 'sent',
      at: clock.now().toISOString(),
      attempts: 1,
      ...(contactId === A_ID ? { error: `MessageRejected: ${A_EMAIL}` } : {}),
    });
  }
  // Written before contacts' audit summaries left out the name and address.
  await new AuditLog(store, clock).record({
    actor: EMAILS.admin,
    action: 'contact.update',
    target: `contact:${A_ID}`,
    organisationId: '1281',
    before: { organisationId: '1281', name: 'Gammalt namn', email: A_EMAIL, role: 'official', emailState: 'ok' },
    after: { organisationId: '1281', name: A_NAME, email: A_EMAIL, role: 'official', emailState: 'ok' },
  });
  // A link asked for and never used.
  const res = await world.ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: A_EMAIL }));
  expect(res.status).toBe(202);
}

async function removeA(world: SecurityWorld) {
  const res = await admin(world, 'DELETE', `/api/admin/contacts/${A_ID}`);
  expect(res.status).toBe(200);
}

/** Everything the table keeps under the address (contacts, removal records, mail, sign-in links). */
const underAddress = (store: TableStore, email: string = A_EMAIL) =>
  store.queryAll({ index: 'gsi2', partition: keys.emailPk(email) });

/** The audit entries of the organisations the person belonged to and of this month, straight from the table. */
const storedAudit = (store: TableStore) => storedAuditOf(store, ['1281', '1280']);

async function expectErased(world: SecurityWorld) {
  const { store } = world.ctx;
  expect(await underAddress(store)).toEqual([]);
  expect(await store.queryAll({ index: 'gsi1', partition: keys.sessionsOfUserPk(A_EMAIL) })).toEqual([]);
  expect(await store.get(keys.contactLookup(A_ID))).toBeUndefined();
  expect(await store.get(keys.contactEmailClaim(A_EMAIL))).toBeUndefined();
  const log = await store.queryAll({ partition: keys.campaign(2026).pk, beginsWith: keys.reminderPrefix });
  const theirs = log.filter((item) => item.contactId === A_ID);
  expect(theirs).toHaveLength(2);
  for (const item of theirs) {
    expect(item).not.toHaveProperty('error');
    expect(item.state).toBe('sent');
  }
  expect(await new ResponseRepository(store).get(2026, '1281')).toMatchObject({ updatedBy: ERASED_EDITOR });
  const text = JSON.stringify([
    await storedAudit(store),
    await store.queryAll({ partition: keys.organisation('1281').pk }),
    await store.queryAll({ partition: keys.outboxPk }),
  ]).toLowerCase();
  expect(text).not.toContain(A_EMAIL);
  expect(text).not.toContain(A_NAME.toLowerCase());
}

describe('erasing a person after their contact was removed', () => {
  let world: SecurityWorld;
  beforeEach(async () => {
    world = await securityWorld();
    await seedTraces(world);
    await removeA(world);
  });

  it('leaves personal data that removal alone does not take away', async () => {
    const { store } = world.ctx;
    const kinds = (await underAddress(store)).map((item) => item.entity).sort();
    expect(kinds).toEqual(expect.arrayContaining(['ContactLookup', 'LoginToken', 'Outbox']));
    expect(kinds).not.toContain('Contact');
    expect(await new ResponseRepository(store).get(2026, '1281')).toMatchObject({ updatedBy: { email: A_EMAIL } });
    expect(JSON.stringify(await storedAudit(store))).toContain(A_EMAIL);
  });

  it('erases by the contact id the audit log shows, and then answers 404', async () => {
    const res = await admin(world, 'POST', `/api/admin/contacts/${A_ID}/erase`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contactId: A_ID,
      organisationId: '1281',
      contacts: [{ contactId: A_ID, organisationId: '1281', removedBefore: true }],
      reminderLogRedacted: 2,
      responsesRedacted: 1,
      auditRedacted: 1,
      loginTokensDeleted: 2,
    });
    expect(res.body.outboxDeleted).toBeGreaterThanOrEqual(2);
    await expectErased(world);
    const again = await admin(world, 'POST', `/api/admin/contacts/${A_ID}/erase`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('contact_not_found');
  });

  it('erases by the address, audits it without the address, and finds nothing more when repeated', async () => {
    const res = await admin(world, 'POST', ERASE_ADDRESS, { email: ' Tjansteperson.1281@Example.se ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contacts: [{ contactId: A_ID, organisationId: '1281', removedBefore: true }],
      reminderLogRedacted: 2,
      responsesRedacted: 1,
      auditRedacted: 1,
      loginTokensDeleted: 2,
    });
    await expectErased(world);
    const erased = (await storedAudit(world.ctx.store)).find((item) => item.action === 'contact.erase');
    expect(erased).toMatchObject({
      actor: EMAILS.admin,
      target: `contact:${A_ID}`,
      organisationId: '1281',
      after: { removedBefore: true, byAddress: true },
    });

    const again = await admin(world, 'POST', ERASE_ADDRESS, { email: A_EMAIL });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      contacts: [],
      sessionsEnded: 0,
      outboxDeleted: 0,
      loginTokensDeleted: 0,
      reminderLogRedacted: 0,
      responsesRedacted: 0,
      auditRedacted: 0,
    });
    // The repeat is audited too, without saying which address.
    const entries = await storedAudit(world.ctx.store);
    expect(entries.find((item) => item.action === 'contact.erase-address')).toMatchObject({
      actor: EMAILS.admin,
      target: 'address',
    });
    expect(JSON.stringify(entries).toLowerCase()).not.toContain(A_EMAIL);
  });

  it('refuses an address a contact in the register has (409 address_in_register), erasing nothing', async () => {
    const { store } = world.ctx;
    const before = await underAddress(store, EMAILS.memberA2);
    const res = await admin(world, 'POST', ERASE_ADDRESS, { email: EMAILS.memberA2 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('address_in_register');
    expect(res.body.error.details).toEqual({ contacts: [{ contactId: OTHER_ID, organisationId: '1281' }] });
    expect(await underAddress(store, EMAILS.memberA2)).toEqual(before);
    const english = await world.ctx.app.request(ERASE_ADDRESS, {
      method: 'POST',
      headers: { cookie: world.cookies.admin ?? '', 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ email: EMAILS.memberA2 }),
    });
    expect((await english.json()).error.message).toMatch(/belongs to a contact in the member register/);
  });

  it('takes the earlier removed record with it when the person is back in the register under the same address', async () => {
    const { store } = world.ctx;
    const back = await admin(world, 'POST', '/api/admin/organisations/1280/contacts', {
      name: A_NAME,
      email: A_EMAIL,
      role: 'official',
    });
    expect(back.status).toBe(201);
    const newId: string = back.body.contact.id;
    // By address the kansli is sent to the contact in the register.
    const byAddress = await admin(world, 'POST', ERASE_ADDRESS, { email: A_EMAIL });
    expect(byAddress.status).toBe(409);

    const res = await admin(world, 'POST', `/api/admin/contacts/${newId}/erase`);
    expect(res.status).toBe(200);
    expect(res.body.contacts).toEqual([
      { contactId: newId, organisationId: '1280', removedBefore: false },
      { contactId: A_ID, organisationId: '1281', removedBefore: true },
    ]);
    // Two from the earlier record, one the invitation the person got when added back (the campaign is open).
    expect(res.body).toMatchObject({ reminderLogRedacted: 3, auditRedacted: 1 });
    expect(await store.get(keys.contactLookup(newId))).toBeUndefined();
    await expectErased(world);
  });

  it('erases an address no contact record is kept under (an address the person had before a change)', async () => {
    const { store, clock } = world.ctx;
    const old = 'gammal.adress@lund.se';
    await new OutboxMail(store, clock).send({ to: [old], kind: 'login-link', subject: 'Logga in', text: 'Hej' });
    await new ResponseRepository(store).adminUpdate(2026, '1280', 'kommun', {
      submittedBy: { name: 'Gammal Adress', email: old },
      status: 'submitted',
      version: 2,
    });
    const res = await admin(world, 'POST', ERASE_ADDRESS, { email: old });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contacts: [], outboxDeleted: 1, responsesRedacted: 1, auditRedacted: 0 });
    expect(await underAddress(store, old)).toEqual([]);
    expect(await new ResponseRepository(store).get(2026, '1280')).toMatchObject({ submittedBy: ERASED_EDITOR });
    // The person removed earlier is untouched by erasing another address.
    expect(await store.get(keys.contactLookup(A_ID))).toBeDefined();
  });

  it('bounds one request and continues on the next (409 erasure_incomplete, the removal record kept)', async () => {
    const log = new AuditLog(world.ctx.store, world.ctx.clock);
    const many = AUDIT_REDACTIONS_PER_RUN + 3;
    for (let i = 0; i < many; i++) {
      await log.record({
        actor: EMAILS.admin,
        action: 'contact.update',
        target: `contact:${A_ID}`,
        organisationId: '1281',
        before: { organisationId: '1281', name: A_NAME, email: A_EMAIL, role: 'official', emailState: 'ok' },
        after: { organisationId: '1281', name: 'Nytt namn', email: A_EMAIL, role: 'official', emailState: 'ok' },
      });
    }
    const first = await admin(world, 'POST', ERASE_ADDRESS, { email: A_EMAIL });
    expect(first.status).toBe(409);
    expect(first.body.error.code).toBe('erasure_incomplete');
    expect(await world.ctx.store.get(keys.contactLookup(A_ID))).toBeDefined();

    const again = await admin(world, 'POST', ERASE_ADDRESS, { email: A_EMAIL });
    expect(again.status).toBe(200);
    expect(again.body.auditRedacted).toBe(many + 1);
    await expectErased(world);
  });
});

describe('erasure that would reach someone else under the address', () => {
  let world: SecurityWorld;
  beforeEach(async () => {
    world = await securityWorld();
    await seedTraces(world);
    await removeA(world);
  });

  it('refuses to erase a removed id whose address a contact in the register has now (409 address_in_register), touching nothing', async () => {
    const { ctx } = world;
    // Lund's official is removed; the address comes back as a contact of Malmö, who signs in.
    const back = await admin(world, 'POST', '/api/admin/organisations/1280/contacts', {
      name: 'Ny i Malmö',
      email: A_EMAIL,
      role: 'official',
    });
    expect(back.status).toBe(201);
    const malmo = await signIn(ctx, A_EMAIL);
    const before = await underAddress(ctx.store);
    // Act: the kansli erases the old id from the audit log.
    const res = await admin(world, 'POST', `/api/admin/contacts/${A_ID}/erase`);
    // Assert
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('address_in_register');
    expect(res.body.error.details).toEqual({
      contacts: [{ contactId: back.body.contact.id, organisationId: '1280' }],
    });
    expect((await call(ctx, malmo, 'GET', '/api/me')).status).toBe(200);
    expect(await underAddress(ctx.store)).toEqual(before);
    expect(await new ResponseRepository(ctx.store).get(2026, '1281')).toMatchObject({
      updatedBy: { email: A_EMAIL },
    });
    expect(await ctx.store.get(keys.contactLookup(A_ID))).toMatchObject({ removedAt: expect.any(String) });
  });

  it("refuses to erase an admin's address (409 email_is_admin), ending no admin session", async () => {
    const { ctx } = world;
    const res = await admin(world, 'POST', ERASE_ADDRESS, { email: EMAILS.admin });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_is_admin');
    expect((await call(ctx, world.cookies.admin, 'GET', '/api/me')).status).toBe(200);
  });

  it("refuses to erase a removed contact whose address is an admin's now, by address or by id", async () => {
    const { ctx } = world;
    const added = await admin(world, 'POST', '/api/admin/admins', { email: A_EMAIL, name: 'Ny på kansliet' });
    expect(added.status).toBe(201);
    const newAdmin = await sessionCookie(ctx, { email: A_EMAIL, name: 'Ny på kansliet', role: 'admin' });
    const before = await underAddress(ctx.store);
    for (const res of [
      await admin(world, 'POST', ERASE_ADDRESS, { email: A_EMAIL }),
      await admin(world, 'POST', `/api/admin/contacts/${A_ID}/erase`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('email_is_admin');
    }
    expect((await call(ctx, newAdmin, 'GET', '/api/me')).status).toBe(200);
    expect(await underAddress(ctx.store)).toEqual(before);
  });
});

describe('erasure by address that fails part-way', () => {
  it('completes when run again, whichever request failed (the removal record goes last)', async () => {
    let failures = 0;
    let everyCallTried = false;
    for (let nth = 1; nth <= 120; nth += 3) {
      const world = await securityWorld();
      await seedTraces(world);
      await removeA(world);
      const fault = injectDynamoFault(world.ctx.clients, { nth, commands: /Item|Query/ });
      const first = await admin(world, 'POST', ERASE_ADDRESS, { email: A_EMAIL });
      fault.remove();
      expect([200, 503], `fault at call ${nth}`).toContain(first.status);
      if (first.status === 503) {
        failures++;
        expect(first.body.error.code).toBe('store_unavailable');
        const again = await admin(world, 'POST', ERASE_ADDRESS, { email: A_EMAIL });
        expect(again.status, `re-run after fault at call ${nth}`).toBe(200);
      }
      await expectErased(world);
      if (!fault.fired) {
        everyCallTried = true;
        break;
      }
    }
    expect(everyCallTried).toBe(true);
    expect(failures).toBeGreaterThan(5);
  }, 180_000);
});
