import { beforeEach, describe, expect, it } from 'vitest';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { ADMIN_EMAIL, auditEntries, call, issuePaths, signInAdmin } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import { signIn, type TestContext } from '../helpers/test-app';

const LUND_CONTACTS = '/api/admin/organisations/1281/contacts';
const IMPORT = '/api/admin/contacts/import';

describe("an organisation's contacts", () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld());
  });

  // Lund's unless told: most of these tests work on Lund's contacts.
  const addContact = (contact: { name: string; email: string; role: string }, organisationId = '1281') =>
    call(ctx, admin, 'POST', `/api/admin/organisations/${organisationId}/contacts`, contact);

  const editContact = (contactId: string, changes: Record<string, unknown>) =>
    call(ctx, admin, 'PATCH', `/api/admin/contacts/${contactId}`, changes);

  it('lists the contacts with their email state and no warnings when both roles are there', async () => {
    const res = await call(ctx, admin, 'GET', LUND_CONTACTS);
    expect(res.status).toBe(200);
    expect(res.body.organisationId).toBe('1281');
    expect(res.body.warnings).toEqual([]);
    expect(res.body.contacts).toContainEqual(
      expect.objectContaining({ id: 'politiker-1281', role: 'politician', emailState: 'ok' }),
    );
  });

  it('adds a contact with a server-made id, lower-cases the email and audits it', async () => {
    // Act
    const res = await addContact({ name: 'Karin Olsson', email: ' Karin.Olsson@Lund.se ', role: 'official' });
    // Assert
    expect(res.status).toBe(201);
    expect(res.body.contact).toMatchObject({
      organisationId: '1281',
      name: 'Karin Olsson',
      email: 'karin.olsson@lund.se',
      role: 'official',
      emailState: 'ok',
    });
    expect(res.body.contact.id).toEqual(expect.any(String));
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({
      actor: ADMIN_EMAIL,
      action: 'contact.create',
      target: `contact:${res.body.contact.id}`,
      after: { organisationId: '1281', role: 'official', emailState: 'ok' },
    });
    // The audit log never holds the name or address (docs/security.md, Privacy).
    expect(JSON.stringify(entry)).not.toContain('karin');
  });

  it('lets the new contact sign in as a member of the organisation', async () => {
    await addContact({ name: 'Karin Olsson', email: 'karin@lund.se', role: 'official' });
    const cookie = await signIn(ctx, 'karin@lund.se');
    const me = await call(ctx, cookie, 'GET', '/api/me');
    expect(me.body).toMatchObject({ role: 'member', organisationId: '1281' });
  });

  it('refuses a malformed email with 400 on the email path', async () => {
    const res = await addContact({ name: 'X', email: 'inte-en-adress', role: 'official' });
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toContain('email');
  });

  it('refuses an unknown role with 400', async () => {
    const res = await addContact({ name: 'X', email: 'x@lund.se', role: 'mayor' });
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toContain('role');
  });

  it('refuses an email that another contact already has with 409, in any case', async () => {
    // Act
    const res = await addContact({ name: 'Dubbel', email: 'POLITIKER.1280@example.se', role: 'politician' });
    // Assert
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_exists');
    expect(res.body.error.message).toBe(
      'E-postadressen politiker.1280@example.se används redan av en kontakt hos Malmö (1280).',
    );
    // The console links to the organisation that has the address.
    expect(res.body.error.details).toEqual({
      contactId: 'politiker-1280',
      organisationId: '1280',
      organisationName: 'Malmö',
    });
    expect((await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts).toHaveLength(2);
  });

  it('names the organisation of the contact that has the address when an edit would take it, too', async () => {
    const res = await editContact('politiker-1281', { email: 'tjansteperson.1280@example.se' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ contactId: 'tjansteperson-1280', organisationId: '1280' });
  });

  it('names the holder’s organisation when the address claim catches a contact the check did not see', async () => {
    // The service's check reads gsi2; the claim is what stops a concurrent write that got past it.
    const repo = new ContactRepository(ctx.store);
    const twin = {
      id: 'twin',
      organisationId: '1281',
      name: 'Tvilling',
      role: 'official' as const,
      emailState: 'ok' as const,
    };
    await expect(repo.create({ ...twin, email: 'politiker.1280@example.se' })).rejects.toMatchObject({
      code: 'already_exists',
      details: { contactId: 'politiker-1280', organisationId: '1280' },
    });
  });

  it('answers 404 for the contacts of an unknown organisation', async () => {
    expect((await call(ctx, admin, 'GET', '/api/admin/organisations/0180/contacts')).status).toBe(404);
    const res = await addContact({ name: 'X', email: 'x@example.se', role: 'official' }, '0180');
    expect(res.status).toBe(404);
  });

  it('edits a contact by id alone and audits before and after', async () => {
    // Act
    const res = await editContact('politiker-1281', { name: 'Anna Ny', role: 'official' });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ id: 'politiker-1281', name: 'Anna Ny', role: 'official' });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['missing_politician']);
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({
      action: 'contact.update',
      target: 'contact:politiker-1281',
      before: { role: 'politician' },
      after: { role: 'official', changed: ['name', 'role'] },
    });
    expect(JSON.stringify(entry)).not.toMatch(/Politiker Lund|Anna Ny/);
  });

  it('changes the address, frees the old one and ends the sessions signed in with it', async () => {
    // Arrange
    const session = await signIn(ctx, 'politiker.1281@example.se');
    // Act
    const res = await editContact('politiker-1281', { email: 'ny@lund.se' });
    // Assert
    expect(res.status).toBe(200);
    expect((await call(ctx, session, 'GET', '/api/me')).status).toBe(401);
    const reuse = await addContact({ name: 'Ny person', email: 'politiker.1281@example.se', role: 'politician' });
    expect(reuse.status).toBe(201);
  });

  it('refuses to change an address to one another contact has with 409', async () => {
    const res = await editContact('politiker-1281', { email: 'tjansteperson.1281@example.se' });
    expect(res.status).toBe(409);
  });

  it('re-enables a bounced address by setting its email state back to ok', async () => {
    // Arrange
    const repo = new ContactRepository(ctx.store);
    const before = await repo.findById('politiker-1281');
    await repo.update(before!, { ...before!, emailState: 'bounced' });
    // Act
    const res = await editContact('politiker-1281', { emailState: 'ok' });
    // Assert
    expect(res.body.contact.emailState).toBe('ok');
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({ before: { emailState: 'bounced' }, after: { emailState: 'ok' } });
  });

  it.each([
    ['a rename', { name: 'Eva Ny-Nilsson' }],
    ['a new role', { role: 'official' }],
    ['a move', { organisationId: '1280' }],
  ])('keeps an unsubscribed address as it is on %s (no email state sent)', async (_case, changes) => {
    // Arrange
    const repo = new ContactRepository(ctx.store);
    const before = await repo.findById('politiker-1281');
    await repo.update(before!, { ...before!, emailState: 'unsubscribed' });
    // Act
    const res = await editContact('politiker-1281', changes);
    // Assert: an unsubscribe is the contact's own choice; only an explicit emailState undoes it.
    expect(res.status).toBe(200);
    expect(res.body.contact.emailState).toBe('unsubscribed');
    expect((await repo.findById('politiker-1281'))?.emailState).toBe('unsubscribed');
  });

  it('starts a new address as ok: a bounce belonged to the old one', async () => {
    const repo = new ContactRepository(ctx.store);
    const before = await repo.findById('politiker-1281');
    await repo.update(before!, { ...before!, emailState: 'bounced' });
    const res = await editContact('politiker-1281', { email: 'ny.adress@lund.se' });
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ email: 'ny.adress@lund.se', emailState: 'ok' });
  });

  it('moves a contact to another organisation, ends their sessions and audits it on both', async () => {
    // Arrange
    const session = await signIn(ctx, 'tjansteperson.1281@example.se');
    // Act
    const res = await editContact('tjansteperson-1281', { organisationId: '1280' });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ id: 'tjansteperson-1281', organisationId: '1280' });
    expect((await call(ctx, session, 'GET', '/api/me')).status).toBe(401);
    const lund = (await call(ctx, admin, 'GET', LUND_CONTACTS)).body;
    expect(lund.contacts.map((c: { id: string }) => c.id)).toEqual(['politiker-1281']);
    expect(lund.warnings.map((w: { code: string }) => w.code)).toEqual(['missing_official']);
    const malmo = (await call(ctx, admin, 'GET', '/api/admin/organisations/1280/contacts')).body;
    expect(malmo.contacts.map((c: { id: string }) => c.id)).toContain('tjansteperson-1281');
    expect((await auditEntries(ctx, { organisationId: '1281' }))[0]?.action).toBe('contact.move');
    expect((await auditEntries(ctx, { organisationId: '1280' }))[0]).toMatchObject({
      action: 'contact.move',
      before: { organisationId: '1281' },
      after: { organisationId: '1280' },
    });
    const again = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await call(ctx, again, 'GET', '/api/me')).body.organisationId).toBe('1280');
  });

  it('refuses a move to an organisation that does not exist with 422', async () => {
    const res = await editContact('tjansteperson-1281', { organisationId: '0180' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_organisation');
  });

  it('removes a contact, ends their sessions, warns about the missing role and audits it', async () => {
    // Arrange
    const session = await signIn(ctx, 'politiker.1281@example.se');
    // Act
    const res = await call(ctx, admin, 'DELETE', '/api/admin/contacts/politiker-1281');
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'politiker-1281', organisationId: '1281' });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['missing_politician']);
    expect((await call(ctx, session, 'GET', '/api/me')).status).toBe(401);
    expect((await call(ctx, admin, 'DELETE', '/api/admin/contacts/politiker-1281')).status).toBe(404);
    expect((await auditEntries(ctx, { organisationId: '1281' }))[0]).toMatchObject({
      action: 'contact.delete',
      actor: ADMIN_EMAIL,
      target: 'contact:politiker-1281',
      before: { organisationId: '1281', role: 'politician' },
    });
  });

  it('answers 404 for an unknown contact id', async () => {
    expect((await editContact('nobody', { name: 'X' })).status).toBe(404);
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    for (const [cookie, status] of [
      [member, 403],
      [undefined, 401],
    ] as const) {
      expect((await call(ctx, cookie, 'GET', LUND_CONTACTS)).status).toBe(status);
      expect(
        (await call(ctx, cookie, 'POST', LUND_CONTACTS, { name: 'X', email: 'x@x.se', role: 'official' })).status,
      ).toBe(status);
      expect((await call(ctx, cookie, 'PATCH', '/api/admin/contacts/politiker-1281', { name: 'X' })).status).toBe(
        status,
      );
      expect((await call(ctx, cookie, 'DELETE', '/api/admin/contacts/politiker-1281')).status).toBe(status);
      expect((await call(ctx, cookie, 'POST', IMPORT, { csv: '1281;X;x@x.se;politiker' })).status).toBe(status);
    }
    expect((await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts).toHaveLength(2);
  });
});

describe('contacts import from CSV', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld());
  });

  const csv = [
    'kod;namn;e-post;roll',
    '1281;Politiker Lund;politiker.1281@example.se;politiker',
    '1281;Erik Ny;erik@lund.se;tjänsteperson',
    '1280;Nytt Namn;tjansteperson.1280@example.se;tjansteperson',
    '12;Region Person;region.person@skane.se;politiker',
  ].join('\n');

  it('previews new, changed and unchanged rows without writing any contact', async () => {
    // Act
    const res = await call(ctx, admin, 'POST', IMPORT, { csv });
    // Assert
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rows: 4, errors: [], changes: { new: 2, changed: 1, unchanged: 1 } });
    expect(res.body.id).toEqual(expect.any(String));
    expect(res.body.valid.find((r: { email: string }) => r.email === 'tjansteperson.1280@example.se')).toMatchObject({
      row: 4,
      change: 'changed',
      before: { name: 'Tjänsteperson Malmö', organisationId: '1280', role: 'official' },
    });
    expect((await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts).toHaveLength(2);
  });

  it('commits the preview, audits it, and changes nothing when committed a second time', async () => {
    // Arrange
    const preview = (await call(ctx, admin, 'POST', IMPORT, { csv })).body;
    // Act
    const first = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`);
    const lundAfterFirst = (await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts;
    const second = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`);
    // Assert
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 1, unchanged: 1, alreadyCommitted: false });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: 2, updated: 1, unchanged: 1, alreadyCommitted: true });
    expect((await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts).toEqual(lundAfterFirst);
    expect(lundAfterFirst.map((c: { email: string }) => c.email)).toContain('erik@lund.se');
    const malmo = (await call(ctx, admin, 'GET', '/api/admin/organisations/1280/contacts')).body.contacts;
    expect(malmo.find((c: { role: string }) => c.role === 'official').name).toBe('Nytt Namn');
    const commits = (await auditEntries(ctx)).filter((e) => e.action === 'contact.import.commit');
    expect(commits).toHaveLength(1);
    expect((await auditEntries(ctx, { organisationId: '1281' }))[0]).toMatchObject({
      action: 'contact.create',
      after: { organisationId: '1281', importId: preview.id },
    });
  });

  it('reports per-row errors with row and column, and refuses to commit them with 422', async () => {
    // Arrange
    const broken = [
      'kod;namn;e-post;roll',
      '0000;Ingen;ingen@example.se;politiker',
      '1281;Utan adress;inte-en-adress;politiker',
      '1281;Fel roll;fel@lund.se;borgmästare',
      '0180;Stockholm;sthlm@example.se;politiker',
      '1281;Dubblett;erik@lund.se;politiker',
      '1281;Dubblett två;ERIK@lund.se;politiker',
    ].join('\n');
    // Act
    const preview = await call(ctx, admin, 'POST', IMPORT, { csv: broken });
    const commit = await call(ctx, admin, 'POST', `${IMPORT}/${preview.body.id}/commit`);
    // Assert
    expect(preview.status).toBe(201);
    expect(preview.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'kod'],
      [3, 'e-post'],
      [4, 'roll'],
      [5, 'kod'],
      [7, 'e-post'],
    ]);
    expect(preview.body.errors[3].message).toMatch(/0180 finns inte/);
    expect(commit.status).toBe(422);
    expect(commit.body.error.code).toBe('import_has_errors');
    expect((await call(ctx, admin, 'GET', LUND_CONTACTS)).body.contacts).toHaveLength(2);
  });

  it('gives every error a code and an English message beside the Swedish, those the API adds too', async () => {
    // Arrange: a bad role (the parser's), an organisation not in the register and an admin's address (the API's)
    const broken = [
      'kod;namn;e-post;roll',
      '1281;Fel roll;fel@lund.se;borgmästare',
      '0180;Stockholm;sthlm@example.se;politiker',
      '1281;Kansliet;kansli@example.se;politiker',
    ].join('\n');
    // Act
    const preview = await call(ctx, admin, 'POST', IMPORT, { csv: broken });
    const commit = await call(ctx, admin, 'POST', `${IMPORT}/${preview.body.id}/commit`);
    // Assert
    expect(preview.status).toBe(201);
    expect(preview.body.errors).toEqual([
      {
        row: 2,
        column: 'roll',
        code: 'role_invalid',
        message: 'Rollen ska vara politiker eller tjänsteperson, inte "borgmästare".',
        messageEn: 'The role must be politiker (politician) or tjänsteperson (official), not "borgmästare".',
      },
      {
        row: 3,
        column: 'kod',
        code: 'unknown_organisation',
        message: 'Organisationen 0180 finns inte i medlemsregistret.',
        messageEn: 'The organisation 0180 is not in the member register.',
      },
      {
        row: 4,
        column: 'e-post',
        code: 'email_is_admin',
        message:
          'E-postadressen kansli@example.se tillhör en administratör och kan inte användas för en medlemskontakt.',
        messageEn:
          'The email address kansli@example.se belongs to an administrator and cannot be used for a member contact.',
      },
    ]);
    expect(commit.status).toBe(422);
    expect(commit.body.error.details.map((issue: { code: string }) => issue.code)).toEqual([
      'role_invalid',
      'unknown_organisation',
      'email_is_admin',
    ]);
  });

  it('says clearly that a comma-separated file uses the wrong separator', async () => {
    // Arrange
    const commas = 'kod,namn,e-post,roll\n1281,Erik,erik@lund.se,politiker';
    // Act
    const res = await call(ctx, admin, 'POST', IMPORT, { csv: commas });
    // Assert
    expect(res.status).toBe(201);
    expect(res.body.valid).toEqual([]);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].message).toMatch(/komma.*semikolon/i);
    expect((await call(ctx, admin, 'POST', `${IMPORT}/${res.body.id}/commit`)).status).toBe(422);
  });

  it('answers 400 for a body without csv and 404 for an unknown preview', async () => {
    expect((await call(ctx, admin, 'POST', IMPORT, { text: 'x' })).status).toBe(400);
    const unknown = await call(ctx, admin, 'POST', `${IMPORT}/00000000-0000-4000-8000-000000000000/commit`);
    expect(unknown.status).toBe(404);
  });

  it('refuses a preview that is more than a day old with 422', async () => {
    const preview = (await call(ctx, admin, 'POST', IMPORT, { csv })).body;
    ctx.clock.set(new Date('2026-03-11T09:00:01Z'));
    const admin2 = await signInAdmin(ctx);
    const res = await call(ctx, admin2, 'POST', `${IMPORT}/${preview.id}/commit`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import_expired');
  });
});
