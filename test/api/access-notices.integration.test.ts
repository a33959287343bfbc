import { describe, expect, it } from 'vitest';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import type { FixedClock } from '../../functions/ports/clock';
import type { Mail } from '../../functions/ports/mail';
import type { TableStore } from '../../functions/ports/table-store';
import { keys } from '../../functions/store/table-design';
import { KANSLI_EMAIL } from '../../shared/domain/kansli-contact';
import type { OutboxEntry } from '../../shared/schemas/outbox.schema';
import { auditEntries, call } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import { recordCommandInputs, TEST_BASE_URL, type TestContext } from '../helpers/test-app';

/**
 * Whoever loses access is told: a member contact the kansli removes, replaces (on the organisation's
 * page or by a contacts import) or whose address it changes gets an email at the old address; a
 * new administrator gets one saying where to sign in. The change is written first; a failed send
 * is logged and answered as `notified: false`, and the change stands.
 */
const LUND_CONTACTS = '/api/admin/organisations/1281/contacts';
const POLITICIAN = 'politiker-1281';
const POLITICIAN_EMAIL = 'politiker.1281@example.se';
const ADMINS = '/api/admin/admins';
const IMPORT = '/api/admin/contacts/import';

/** The local outbox as the local stack's /dev/outbox shows it, read through the API. */
async function outboxTo(ctx: TestContext, address: string): Promise<OutboxEntry[]> {
  const res = await call(ctx, undefined, 'GET', '/api/dev/outbox');
  expect(res.status).toBe(200);
  return (res.body as OutboxEntry[]).filter((entry) => entry.to.includes(address));
}

/** Mail that fails for one recipient and delivers to the outbox otherwise. */
function failingFor(address: string) {
  return (store: TableStore, clock: FixedClock): Mail => {
    const outbox = new OutboxMail(store, clock);
    return {
      send: async (message) => {
        if (message.to.includes(address)) throw new Error(`SES refused ${address}`);
        return outbox.send(message);
      },
    };
  };
}

describe('emails to contacts who lose access', () => {
  it('tells a removed contact, by the organisation and whom to ask, and records it in the audit entry', async () => {
    const { ctx, admin } = await adminWorld();
    // Act
    const res = await call(ctx, admin, 'DELETE', `/api/admin/contacts/${POLITICIAN}`);
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.notified).toBe(true);
    const [mail, ...more] = await outboxTo(ctx, POLITICIAN_EMAIL);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Du har inte längre tillgång till medlemstestet för Lund');
    expect(mail?.text).toContain('Hej Politiker Lund!');
    expect(mail?.text).toContain('Kansliet har tagit bort dig som kontaktperson för Lund');
    expect(mail?.text).toContain(`Kontakta kansliet på ${KANSLI_EMAIL}.`);
    expect(mail?.text).toContain('In English: the Klimatkommunerna secretariat has removed you as a contact for Lund');
    expect(mail?.text).not.toContain('i ditt ställe');
    expect(mail?.html).toContain('<p lang="en">');
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({ action: 'contact.delete', after: { notified: true } });
    // The audit trail never holds a contact's address (docs/security.md, Privacy).
    expect(JSON.stringify(entry)).not.toContain(POLITICIAN_EMAIL);
  });

  it('names the replacement by role only when the kansli added the new politician before removing the old', async () => {
    const { ctx, admin } = await adminWorld();
    const added = await call(ctx, admin, 'POST', LUND_CONTACTS, {
      name: 'Anna Andersson',
      email: 'anna.andersson@lund.se',
      role: 'politician',
    });
    expect(added.status).toBe(201);
    // Act
    const res = await call(ctx, admin, 'DELETE', `/api/admin/contacts/${POLITICIAN}`);
    // Assert
    expect(res.body).toMatchObject({ notified: true, warnings: [] });
    const [mail] = await outboxTo(ctx, POLITICIAN_EMAIL);
    expect(mail?.text).toContain('Organisationen har fått en ny politiker som kontaktperson i ditt ställe.');
    expect(mail?.text).toContain('A new politician has become the contact in your place.');
    expect(mail?.text).not.toContain('Anna');
    expect(mail?.text).not.toContain('anna.andersson@lund.se');
    // The new contact gets nothing from the removal.
    expect(await outboxTo(ctx, 'anna.andersson@lund.se')).toEqual([]);
  });

  it('tells the old address when the kansli puts another person in the contact on the page', async () => {
    const { ctx, admin } = await adminWorld();
    // Act
    const res = await call(ctx, admin, 'PATCH', `/api/admin/contacts/${POLITICIAN}`, {
      name: 'Anna Andersson',
      email: 'anna.andersson@lund.se',
    });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.notified).toBe(true);
    const [mail] = await outboxTo(ctx, POLITICIAN_EMAIL);
    expect(mail?.text).toContain('Hej Politiker Lund!');
    expect(mail?.text).toContain('Organisationen har fått en ny politiker som kontaktperson i ditt ställe.');
    expect(mail?.text).not.toContain('anna.andersson@lund.se');
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({ action: 'contact.update', after: { changed: ['name', 'email'], notified: true } });
  });

  it('tells the old address, without naming the new one, when only the address changes', async () => {
    const { ctx, admin } = await adminWorld();
    const res = await call(ctx, admin, 'PATCH', `/api/admin/contacts/${POLITICIAN}`, { email: 'ny.adress@lund.se' });
    expect(res.body.notified).toBe(true);
    const [mail] = await outboxTo(ctx, POLITICIAN_EMAIL);
    expect(mail?.text).toContain('Kansliet har ändrat e-postadressen för kontaktpersonen för Lund');
    expect(mail?.text).not.toContain('ny.adress@lund.se');
  });

  it('sends nothing and answers no notified for an edit that keeps the address', async () => {
    const { ctx, admin } = await adminWorld();
    const res = await call(ctx, admin, 'PATCH', `/api/admin/contacts/${POLITICIAN}`, { name: 'Politiker Lund II' });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('notified');
    expect(await outboxTo(ctx, POLITICIAN_EMAIL)).toEqual([]);
  });

  it('tells the holder a contacts import replaces, by the role of the new one', async () => {
    const { ctx, admin } = await adminWorld();
    const csv = 'kod;namn;e-post;roll\n1281;Anna Andersson;anna.andersson@lund.se;politiker';
    const preview = (await call(ctx, admin, 'POST', IMPORT, { csv })).body;
    // Act
    const res = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2] });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ replaced: 1, notified: true });
    const [mail, ...more] = await outboxTo(ctx, POLITICIAN_EMAIL);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Du har inte längre tillgång till medlemstestet för Lund');
    expect(mail?.text).toContain('en ny politiker som kontaktperson i ditt ställe');
    const removal = (await auditEntries(ctx)).find((e) => e.action === 'contact.delete');
    expect(removal).toMatchObject({ target: `contact:${POLITICIAN}`, after: { notified: true } });
    // Committing again sends nothing more.
    await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2] });
    expect(await outboxTo(ctx, POLITICIAN_EMAIL)).toHaveLength(1);
  });

  it('removes the contact even when the email fails, answers notified false and logs it without the address', async () => {
    const lines: Record<string, unknown>[] = [];
    const { ctx, admin } = await adminWorld({
      mail: failingFor(POLITICIAN_EMAIL),
      log: (line) => lines.push(line),
    });
    // Act
    const res = await call(ctx, admin, 'DELETE', `/api/admin/contacts/${POLITICIAN}`);
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.notified).toBe(false);
    const contacts = (await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts;
    expect(contacts.map((c: { id: string }) => c.id)).not.toContain(POLITICIAN);
    expect(await ctx.store.get(keys.contactLookup(POLITICIAN))).toMatchObject({ removalComplete: true });
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({ action: 'contact.delete', after: { notified: false } });
    const warnings = lines.filter((line) => line.msg === 'access notice not sent');
    expect(warnings).toEqual([expect.objectContaining({ level: 'warn', contactId: POLITICIAN })]);
    expect(JSON.stringify(warnings)).not.toContain('@');
  });

  it('does not email an address that bounces, and says so with notified false', async () => {
    const { ctx, admin } = await adminWorld();
    const contact = await ctx.store.get(keys.contact('1281', POLITICIAN));
    if (!contact) throw new Error('seeded contact missing');
    await ctx.store.put({ ...contact, emailState: 'bounced' });
    const res = await call(ctx, admin, 'DELETE', `/api/admin/contacts/${POLITICIAN}`);
    expect(res.status).toBe(200);
    expect(res.body.notified).toBe(false);
    expect(await outboxTo(ctx, POLITICIAN_EMAIL)).toEqual([]);
  });

  it('keeps the removal to the requests it made before, besides the email', async () => {
    const { ctx, admin } = await adminWorld();
    const sent = recordCommandInputs(ctx.clients, /Command$/);
    await call(ctx, admin, 'DELETE', `/api/admin/contacts/${POLITICIAN}`);
    const outboxWrites = sent.filter((input) => (input.Item as { pk?: string })?.pk === keys.outboxPk);
    // Every request but the email's own (in AWS that is SES, not DynamoDB): as many as before.
    expect(sent.length - outboxWrites.length).toBe(REMOVAL_REQUESTS);
    expect(outboxWrites).toHaveLength(1);
  });

  it('keeps an address change to the requests it made before, besides the email', async () => {
    const { ctx, admin } = await adminWorld();
    const sent = recordCommandInputs(ctx.clients, /Command$/);
    await call(ctx, admin, 'PATCH', `/api/admin/contacts/${POLITICIAN}`, { email: 'ny.adress@lund.se' });
    const outboxWrites = sent.filter((input) => (input.Item as { pk?: string })?.pk === keys.outboxPk);
    expect(sent.length - outboxWrites.length).toBe(ADDRESS_CHANGE_REQUESTS);
    expect(outboxWrites).toHaveLength(1);
  });
});

/**
 * DynamoDB requests of DELETE and of an address-changing PATCH, measured on the code before the access email.
 * The PATCH has one more since a new address gets the open campaign's invitation: the GetItem of the
 * open lock, which finds none here (no campaign is open; with one, see contact-invitation.integration.test.ts).
 */
const REMOVAL_REQUESTS = 11;
const ADDRESS_CHANGE_REQUESTS = 12 + 1;

describe('emails to new administrators', () => {
  it('tells the new admin that they were added, with the sign-in address, and audits that it went', async () => {
    const { ctx, admin } = await adminWorld();
    // Act
    const res = await call(ctx, admin, 'POST', ADMINS, { email: 'Maria@Klimatkommunerna.se', name: 'Maria' });
    // Assert
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'maria@klimatkommunerna.se', notified: true });
    const [mail, ...more] = await outboxTo(ctx, 'maria@klimatkommunerna.se');
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Du är administratör i Klimatkommunernas medlemstest');
    expect(mail?.text).toContain('Hej Maria!');
    expect(mail?.text).toContain(`${TEST_BASE_URL}/login`);
    expect(mail?.text).toContain('In English: you have been added as an administrator');
    // No sign-in token in it: the person asks for a link on the page, as everyone does.
    expect(mail?.text).not.toMatch(/token=/);
    const [entry] = await auditEntries(ctx);
    expect(entry).toMatchObject({ action: 'admin.add', after: { notified: true } });
  });

  it('keeps the admin added when the email fails, and answers notified false', async () => {
    const lines: Record<string, unknown>[] = [];
    const { ctx, admin } = await adminWorld({
      mail: failingFor('maria@klimatkommunerna.se'),
      log: (line) => lines.push(line),
    });
    const res = await call(ctx, admin, 'POST', ADMINS, { email: 'maria@klimatkommunerna.se', name: 'Maria' });
    expect(res.status).toBe(201);
    expect(res.body.notified).toBe(false);
    const list = (await call(ctx, admin, 'GET', ADMINS)).body.map((a: { email: string }) => a.email);
    expect(list).toContain('maria@klimatkommunerna.se');
    expect((await auditEntries(ctx))[0]).toMatchObject({ action: 'admin.add', after: { notified: false } });
    expect(JSON.stringify(lines.filter((line) => line.msg === 'access notice not sent'))).not.toContain('@');
    expect(lines.some((line) => line.msg === 'access notice not sent')).toBe(true);
  });
});
