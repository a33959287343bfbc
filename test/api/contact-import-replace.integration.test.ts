import { describe, expect, it } from 'vitest';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { keys } from '../../functions/store/table-design';
import { auditEntries, call } from '../helpers/admin-api';
import { type SeenCall, StoreFault, type StoreOp } from '../helpers/faulty-store';
import { adminWorld } from '../helpers/seeded-context';
import { recordCommandInputs, signIn, type TestContext } from '../helpers/test-app';

/**
 * After an election the kansli imports Lund's new politician. The preview names the politician who
 * holds the role now; the commit removes them when the kansli chooses "ersätt" (the console's
 * default) and keeps both when it chooses "behåll båda" or sends no choice (an older client).
 */
const IMPORT = '/api/admin/contacts/import';
const LUND_CONTACTS = '/api/admin/organisations/1281/contacts';
const OLD_ID = 'politiker-1281';
const OLD_EMAIL = 'politiker.1281@example.se';
const ELECTION = [
  'kod;namn;e-post;roll',
  '1281;Anna Andersson;anna.andersson@lund.se;politiker',
  '1280;Bo Berg;bo.berg@malmo.se;tjänsteperson',
].join('\n');

async function world() {
  const fault = new StoreFault();
  const { ctx, admin } = await adminWorld({ wrapStore: fault.wrap });
  return { ctx, admin, fault };
}

async function previewElection(ctx: TestContext, admin: string) {
  const res = await call(ctx, admin, 'POST', IMPORT, { csv: ELECTION });
  expect(res.status).toBe(201);
  return res.body;
}

const lundEmails = async (ctx: TestContext, admin: string): Promise<string[]> =>
  (await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts.map((c: { email: string }) => c.email).sort();

describe('a contacts import that brings a new holder of a role', () => {
  it('previews the new politician as replacing the current one, with name and address', async () => {
    const { ctx, admin } = await world();
    // Act
    const preview = await previewElection(ctx, admin);
    // Assert
    expect(preview.changes).toEqual({ new: 2, changed: 0, unchanged: 0, replacements: 2 });
    expect(preview.valid[0]).toMatchObject({
      row: 2,
      change: 'new',
      replaces: [{ id: OLD_ID, name: 'Politiker Lund', email: OLD_EMAIL }],
    });
    expect(preview.valid[1].replaces.map((h: { email: string }) => h.email)).toEqual(['tjansteperson.1280@example.se']);
    expect(await lundEmails(ctx, admin)).toContain(OLD_EMAIL);
  });

  it('does not mark a row as a replacement when the file lists the current holder too', async () => {
    const { ctx, admin } = await world();
    const csv = `${ELECTION}\n1281;Politiker Lund;${OLD_EMAIL};politiker`;
    const preview = (await call(ctx, admin, 'POST', IMPORT, { csv })).body;
    expect(preview.valid[0]).not.toHaveProperty('replaces');
    expect(preview.changes.replacements).toBe(1);
  });

  it('with replace: removes the old politician, ends their sessions and audits the removal', async () => {
    const { ctx, admin } = await world();
    const oldSession = await signIn(ctx, OLD_EMAIL);
    expect((await call(ctx, oldSession, 'GET', '/api/me')).status).toBe(200);
    const preview = await previewElection(ctx, admin);
    // Act
    const res = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2] });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, replaced: 1, alreadyCommitted: false });
    expect(await lundEmails(ctx, admin)).toEqual(['anna.andersson@lund.se', 'tjansteperson.1281@example.se']);
    expect(await new ContactRepository(ctx.store).findById(OLD_ID)).toBeUndefined();
    expect((await call(ctx, oldSession, 'GET', '/api/me')).status).toBe(401);
    const lundAudit = await auditEntries(ctx, { organisationId: '1281' });
    expect(lundAudit.find((e) => e.action === 'contact.delete')).toMatchObject({ target: `contact:${OLD_ID}` });
    const commit = (await auditEntries(ctx)).find((e) => e.action === 'contact.import.commit');
    expect(commit?.after).toMatchObject({ replaced: 1, replacedContacts: [OLD_ID] });
    // Malmö's row was not chosen: both officials stay.
    const malmo = (await call(ctx, admin, 'GET', '/api/admin/organisations/1280/contacts')).body.contacts;
    expect(malmo.filter((c: { role: string }) => c.role === 'official')).toHaveLength(2);
    // Committing again changes nothing and gives the same count.
    const again = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2] });
    expect(again.body).toMatchObject({ replaced: 1, alreadyCommitted: true });
  });

  it('removes a replaced holder from the register it read, ending its sessions before and after', async () => {
    const { ctx, admin } = await world();
    const preview = await previewElection(ctx, admin);
    const gets = recordCommandInputs(ctx.clients, /^Get(Item)?Command$/);
    const queries = recordCommandInputs(ctx.clients, /^Query(Command)?$/);
    // Act
    const res = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2] });
    // Assert
    expect(res.body).toMatchObject({ replaced: 1 });
    // The holder is read again once (the contact item), not its lookup nor the organisation's contacts.
    const read = gets.map((input) => (input.Key as { pk: string; sk: string }).pk);
    expect(read).not.toContain(keys.contactLookup(OLD_ID).pk);
    const contactKey = keys.contact('1281', OLD_ID);
    const contactReads = gets.filter((input) => {
      const key = input.Key as { pk: string; sk: string };
      return key.pk === contactKey.pk && key.sk === contactKey.sk;
    });
    expect(contactReads).toHaveLength(1);
    const partitions = queries.map((input) => (input.ExpressionAttributeValues as Record<string, unknown>)[':p']);
    expect(partitions.filter((pk) => pk === keys.sessionsOfUserPk(OLD_EMAIL))).toHaveLength(2);
    expect(partitions).not.toContain(keys.organisation('1281').pk);
  });

  it('leaves a holder whose address changed after the commit read the register, with its session and new address', async () => {
    const { ctx, admin, fault } = await world();
    const preview = await previewElection(ctx, admin);
    const newEmail = 'ny.adress@lund.se';
    let session: string | undefined;
    // While the commit applies its rows, the kansli changes the politician's address and they sign in with it.
    fault.before = {
      matches: (key, op) => op === 'put' && key.entity === 'Contact',
      run: async () => {
        const patched = await call(ctx, admin, 'PATCH', `/api/admin/contacts/${OLD_ID}`, { email: newEmail });
        expect(patched.status).toBe(200);
        session = await signIn(ctx, newEmail);
      },
    };
    // Act
    const res = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2] });
    // Assert
    expect(res.status).toBe(200);
    expect(session).toBeDefined();
    expect(res.body).toMatchObject({ created: 2, replaced: 0 });
    expect(await new ContactRepository(ctx.store).findById(OLD_ID)).toMatchObject({ email: newEmail });
    expect(await ctx.store.get(keys.contactEmailClaim(newEmail))).toMatchObject({ contactId: OLD_ID });
    expect((await call(ctx, session!, 'GET', '/api/me')).status).toBe(200);
  });

  it('with keep-both (an empty choice) or no body at all: keeps the old politician', async () => {
    const { ctx, admin } = await world();
    const keepBoth = await previewElection(ctx, admin);
    const res = await call(ctx, admin, 'POST', `${IMPORT}/${keepBoth.id}/commit`, { replace: [] });
    expect(res.body).toMatchObject({ created: 2, replaced: 0 });
    expect(await lundEmails(ctx, admin)).toContain(OLD_EMAIL);
    // An older client posts no body.
    const other = (await call(ctx, admin, 'POST', IMPORT, { csv: '1281;Cecilia Ek;cecilia@lund.se;politiker' })).body;
    const old = await ctx.app.request(`${IMPORT}/${other.id}/commit`, {
      method: 'POST',
      headers: { cookie: admin },
    });
    expect(old.status).toBe(200);
    expect(await old.json()).toMatchObject({ created: 1, replaced: 0 });
    expect(await lundEmails(ctx, admin)).toEqual([
      'anna.andersson@lund.se',
      'cecilia@lund.se',
      OLD_EMAIL,
      'tjansteperson.1281@example.se',
    ]);
  });

  it('refuses a row that replaces nobody with 422, writing nothing', async () => {
    const { ctx, admin } = await world();
    const preview = await previewElection(ctx, admin);
    const res = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2, 7] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_replacement');
    expect(await lundEmails(ctx, admin)).toEqual([OLD_EMAIL, 'tjansteperson.1281@example.se']);
  });

  /** The writes of the old politician's removal, in order; the commit is failed at each in turn. */
  const REMOVAL_STEPS: Array<[string, (key: SeenCall, op: StoreOp) => boolean]> = [
    ['the removal record', (key, op) => op === 'update' && key.pk === keys.contactLookup(OLD_ID).pk],
    ['the contact item', (key, op) => op === 'delete' && key.pk === 'ORG#1281' && key.sk === `CONTACT#${OLD_ID}`],
    [
      'the audit entry',
      (key, op) => op === 'put' && key.action === 'contact.delete' && key.target === `contact:${OLD_ID}`,
    ],
    ['the address claim', (key, op) => op === 'delete' && key.pk === keys.contactEmailClaim(OLD_EMAIL).pk],
    [
      'the completed record',
      (key, op) => op === 'update' && (key.set as { removalComplete?: boolean })?.removalComplete === true,
    ],
  ];

  for (const [step, when] of REMOVAL_STEPS) {
    it(`finishes on retry when the removal fails at ${step}, keeping the first choice`, async () => {
      const { ctx, admin, fault } = await world();
      const oldSession = await signIn(ctx, OLD_EMAIL);
      const preview = await previewElection(ctx, admin);
      fault.when = when;
      // Act
      const failed = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2] });
      // Assert
      expect(fault.failed).toBe(1);
      expect(failed.status).toBe(503);
      const otherChoice = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [] });
      expect(otherChoice.status).toBe(409);
      expect(otherChoice.body.error.code).toBe('import_choices_changed');
      const retry = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`);
      expect(retry.status).toBe(200);
      // The counts are the commit's as a whole, fixed when it began: the first attempt's contacts count.
      expect(retry.body).toMatchObject({ created: 2, unchanged: 0, replaced: 1, alreadyCommitted: false });
      expect(await lundEmails(ctx, admin)).toEqual(['anna.andersson@lund.se', 'tjansteperson.1281@example.se']);
      expect((await call(ctx, oldSession, 'GET', '/api/me')).status).toBe(401);
      const commit = (await auditEntries(ctx)).find((e) => e.action === 'contact.import.commit');
      expect(commit?.after).toMatchObject({ replaced: 1, replacedContacts: [OLD_ID] });
      // The removal is finished: recorded once, its record complete, the address released.
      const deletes = (await auditEntries(ctx, { organisationId: '1281' })).filter(
        (e) => e.action === 'contact.delete' && e.target === `contact:${OLD_ID}`,
      );
      expect(deletes).toHaveLength(1);
      expect(await ctx.store.get(keys.contactLookup(OLD_ID))).toMatchObject({ removalComplete: true });
      expect(await ctx.store.get(keys.contactEmailClaim(OLD_EMAIL))).toBeUndefined();
      // The address is free again: the old politician can be added back by hand.
      const readd = await call(ctx, admin, 'POST', LUND_CONTACTS, {
        name: 'Politiker Lund',
        email: OLD_EMAIL,
        role: 'politician',
      });
      expect(readd.status).toBe(201);
    });
  }

  it('finishes on retry when a write fails before the old politician is touched', async () => {
    const { ctx, admin, fault } = await world();
    const oldSession = await signIn(ctx, OLD_EMAIL);
    const preview = await previewElection(ctx, admin);
    // Malmö's new official is written after Lund's politician: fail its contact item.
    fault.when = (key, op) => op === 'put' && key.pk === 'ORG#1280' && key.sk?.startsWith('CONTACT#') === true;
    const failed = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [2, 3] });
    expect(failed.status).toBe(503);
    expect(await lundEmails(ctx, admin)).toContain(OLD_EMAIL);
    const retry = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`, { replace: [3, 2] });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: 2, unchanged: 0, replaced: 2 });
    expect(await lundEmails(ctx, admin)).toEqual(['anna.andersson@lund.se', 'tjansteperson.1281@example.se']);
    expect((await call(ctx, oldSession, 'GET', '/api/me')).status).toBe(401);
  });
});
