import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../functions/features/audit/audit.log';
import { AuditTrail } from '../../functions/features/audit/audit-trail';
import { SESSION_COOKIE, SESSION_ID_PATTERN } from '../../functions/features/auth/session.service';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { keys } from '../../functions/store/table-design';
import { ERASED_EDITOR } from '../../shared/schemas/privacy.schema';
import { injectDynamoFault } from '../helpers/faulty-store';
import { EMAILS, type SecurityWorld, securityWorld } from '../helpers/security-world';

const A_ID = 'tjansteperson-1281';
const A_EMAIL = EMAILS.memberA;
const A_NAME = 'Tjänsteperson Lund';
const OTHER_ID = 'politiker-1281';

async function seedPersonalTraces(world: SecurityWorld) {
  const { store, clock } = world.ctx;
  for (const [contactId, email, step] of [
    [A_ID, A_EMAIL, 'invitation'],
    [A_ID, A_EMAIL, 'reminder-1'],
    [OTHER_ID, EMAILS.memberA2, 'invitation'],
  ] as const) {
    await store.put({
      ...keys.reminder(2026, '1281', contactId, step),
      entity: 'ReminderLog',
      contactId,
      stepId: step,
      state: 'sent',
      at: clock.now().toISOString(),
      attempts: 1,
      email,
      name: contactId === A_ID ? A_NAME : 'Politiker Lund',
    });
  }
  await new AuditLog(store, clock).record({
    actor: EMAILS.admin,
    action: 'contact.update',
    target: `contact:${A_ID}`,
    organisationId: '1281',
    before: { name: 'Gammalt namn' },
    after: { name: A_NAME },
  });
}

function adminRequest(world: SecurityWorld, path: string, method = 'GET') {
  return world.ctx.app.request(path, { method, headers: { cookie: world.cookies.admin ?? '' } });
}

describe('GDPR export of one contact', () => {
  let world: SecurityWorld;
  beforeEach(async () => {
    world = await securityWorld();
    await seedPersonalTraces(world);
  });

  it('downloads everything stored about the contact as JSON, and nothing about anyone else', async () => {
    const res = await adminRequest(world, `/api/admin/contacts/${A_ID}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="kontakt-tjansteperson-1281\.json"/);
    const body = await res.json();
    expect(body.contact).toMatchObject({ id: A_ID, email: A_EMAIL, name: A_NAME, organisationId: '1281' });
    expect(body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(body.sessions[0]).toEqual({ createdAt: expect.any(String), expiresAt: expect.any(String), active: true });
    expect(body.outbox.map((m: { kind: string }) => m.kind)).toContain('login-link');
    expect(body.outbox.every((m: { to: string[] }) => m.to.includes(A_EMAIL))).toBe(true);
    expect(body.reminderLog.map((r: { stepId: string }) => r.stepId).sort()).toEqual(['invitation', 'reminder-1']);
    expect(body.responses).toEqual([
      expect.objectContaining({ year: 2026, organisationId: '1281', lastEditor: true, submitter: false }),
    ]);
    expect(body.audit.map((a: { action: string }) => a.action)).toContain('contact.update');
    const text = JSON.stringify(body);
    expect(text).not.toContain(EMAILS.memberA2);
    expect(text).not.toContain(EMAILS.memberB);
    // Session ids are credentials: the export shows when sessions ran, never their ids or keys.
    const id = decodeURIComponent(world.cookies.memberA?.slice(`${SESSION_COOKIE}=`.length) ?? '');
    expect(id).toMatch(SESSION_ID_PATTERN);
    expect(text).not.toContain(id);
    const sessions = await world.ctx.store.queryAll({ index: 'gsi1', partition: keys.sessionsOfUserPk(A_EMAIL) });
    expect(sessions.length).toBeGreaterThanOrEqual(1);
    for (const s of sessions) expect(text).not.toContain(String(s.pk).slice('SESSION#'.length));
  });

  it('records the export in the audit log without personal data', async () => {
    await adminRequest(world, `/api/admin/contacts/${A_ID}/export`);
    const entries = await new AuditTrail(world.ctx.store, world.ctx.clock).list({ organisationId: '1281' });
    const exported = entries.find((e) => e.action === 'contact.export');
    expect(exported).toMatchObject({ actor: EMAILS.admin, target: `contact:${A_ID}` });
    expect(JSON.stringify(exported)).not.toContain(A_EMAIL);
  });

  it('answers 404 contact_not_found for an unknown id', async () => {
    const res = await adminRequest(world, '/api/admin/contacts/finns-inte/export');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('contact_not_found');
  });
});

describe('GDPR erasure of one contact', () => {
  let world: SecurityWorld;
  beforeEach(async () => {
    world = await securityWorld();
    await seedPersonalTraces(world);
  });

  async function assertErased() {
    const { store } = world.ctx;
    // The contact, its lookup and its email claim are gone.
    expect(await new ContactRepository(store).findById(A_ID)).toBeUndefined();
    expect(await store.get(keys.contact('1281', A_ID))).toBeUndefined();
    expect(await store.get(keys.contactEmailClaim(A_EMAIL))).toBeUndefined();
    // Nothing is found by the address any more: no contact, no outbox message, no session.
    expect(await store.queryAll({ index: 'gsi2', partition: keys.emailPk(A_EMAIL) })).toEqual([]);
    expect(await store.queryAll({ index: 'gsi1', partition: keys.sessionsOfUserPk(A_EMAIL) })).toEqual([]);
    // The reminder log keeps that a step was sent, without the name or the address.
    const log = await store.queryAll({ partition: keys.campaign(2026).pk, beginsWith: keys.reminderPrefix });
    const theirs = log.filter((item) => item.contactId === A_ID);
    expect(theirs).toHaveLength(2);
    for (const item of theirs) {
      expect(item.email).toBeUndefined();
      expect(item.name).toBeUndefined();
      expect(item.state).toBe('sent');
    }
    expect(log.find((item) => item.contactId === OTHER_ID)).toMatchObject({ email: EMAILS.memberA2 });
    // The response stays, its editor shown as "raderad kontakt".
    const response = await new ResponseRepository(store).get(2026, '1281');
    expect(response?.updatedBy).toEqual(ERASED_EDITOR);
    expect(response?.version).toBe(1);
    // The organisation's partition no longer names the person.
    const bundle = JSON.stringify(await store.queryAll({ partition: keys.organisation('1281').pk }));
    expect(bundle).not.toContain(A_EMAIL);
    expect(bundle).not.toContain(A_NAME);
    // The erasure is audited with counts only.
    const entries = await new AuditTrail(store, world.ctx.clock).list({ organisationId: '1281' });
    const erased = entries.find((e) => e.action === 'contact.erase');
    expect(erased).toMatchObject({ actor: EMAILS.admin, target: `contact:${A_ID}` });
    expect(JSON.stringify(erased)).not.toContain(A_EMAIL);
    expect(JSON.stringify(erased)).not.toContain(A_NAME);
  }

  it('removes the name and address from the contact, the outbox and the reminder log, and ends sessions', async () => {
    const res = await adminRequest(world, `/api/admin/contacts/${A_ID}/erase`, 'POST');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      contactId: A_ID,
      organisationId: '1281',
      outboxDeleted: 1,
      reminderLogRedacted: 2,
      responsesRedacted: 1,
    });
    expect((await world.ctx.app.request('/api/me', { headers: { cookie: world.cookies.memberA ?? '' } })).status).toBe(
      401,
    );
    await assertErased();
    // Erasing again finds nobody.
    expect((await adminRequest(world, `/api/admin/contacts/${A_ID}/erase`, 'POST')).status).toBe(404);
  });

  it('marks a submitted response "raderad kontakt" as both submitter and last editor', async () => {
    const { store } = world.ctx;
    const responses = new ResponseRepository(store);
    await responses.adminUpdate(2026, '1280', 'kommun', {
      updatedBy: { name: A_NAME, email: A_EMAIL },
      submittedBy: { name: A_NAME, email: A_EMAIL },
      status: 'submitted',
      version: 3,
    });
    const res = await adminRequest(world, `/api/admin/contacts/${A_ID}/erase`, 'POST');
    expect((await res.json()).responsesRedacted).toBe(2);
    const malmo = await responses.get(2026, '1280');
    expect(malmo).toMatchObject({ updatedBy: ERASED_EDITOR, submittedBy: ERASED_EDITOR, version: 3 });
  });

  it('completes when run again after failing part-way (each step is idempotent, the contact goes last)', async () => {
    // Fail every possible step once, then re-run: the end state is always a complete erasure.
    for (let nth = 2; nth <= 60; nth += 4) {
      const w = await securityWorld();
      await seedPersonalTraces(w);
      world = w;
      const fault = injectDynamoFault(w.ctx.clients, { nth, commands: /Item|Query/ });
      const first = await adminRequest(w, `/api/admin/contacts/${A_ID}/erase`, 'POST');
      fault.remove();
      expect([200, 503], `fault at call ${nth}`).toContain(first.status);
      if (first.status === 503) {
        expect((await first.json()).error.code).toBe('store_unavailable');
        // 404 only when the fault struck after the contact itself was deleted: nothing personal is left.
        const contactGone = (await w.ctx.store.get(keys.contact('1281', A_ID))) === undefined;
        const again = await adminRequest(w, `/api/admin/contacts/${A_ID}/erase`, 'POST');
        expect(again.status, `re-run after fault at call ${nth}`).toBe(contactGone ? 404 : 200);
      }
      await assertErased();
      if (!fault.fired) break;
    }
  });
});
