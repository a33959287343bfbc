import { beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../functions/errors/domain-errors';
import { AuditLog } from '../../functions/features/audit/audit.log';
import { AUDIT_REDACTIONS_PER_RUN } from '../../functions/features/privacy/privacy.service';
import type { Item, TableStore } from '../../functions/ports/table-store';
import { keys } from '../../functions/store/table-design';
import { EMAILS, type SecurityWorld, securityWorld, storedAudit as storedAuditOf } from '../helpers/security-world';

/**
 * Erasure takes the person out of the audit trail (docs/security.md, Privacy): after adding,
 * changing and moving a contact (through the console's API, and as entries the code wrote before
 * contacts' audit summaries left out the name and address), erasing it leaves no entry that holds
 * its name or address, in any organisation it passed through, while every entry and its action stay.
 */

const FIRST = { name: 'Anna Andersson', email: 'anna.andersson@example.se' };
const SECOND = { name: 'Anna Berg', email: 'anna.berg@example.se' };
const PERSONAL = [FIRST.name, FIRST.email, SECOND.name, SECOND.email, 'Andersson', 'anna.berg'];
/** Lund → Malmö → Region Skåne: the last organisation's entries alone do not name the first. */
const ORGANISATIONS = ['1281', '1280', '12'];
/** Another contact of Lund, whose entries erasure must leave exactly as they are. */
const OTHER = { id: 'politiker-1281', name: 'Politiker Lund', email: EMAILS.memberA2 };

type Call = { method?: string; body?: unknown };

function admin(world: SecurityWorld, path: string, { method = 'GET', body }: Call = {}) {
  return world.ctx.app.request(path, {
    method,
    headers: { cookie: world.cookies.admin ?? '', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function ok<T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<T> {
  const answer = await res;
  const text = await answer.text();
  expect(answer.status, text).toBeLessThan(300);
  return JSON.parse(text) as T;
}

/** Adds Anna to Lund, renames her and changes her address, then moves her to Malmö and on to Region Skåne. */
async function addChangeAndMove(world: SecurityWorld): Promise<string> {
  const created = await ok<{ contact: { id: string } }>(
    admin(world, '/api/admin/organisations/1281/contacts', {
      method: 'POST',
      body: { ...FIRST, role: 'official' },
    }),
  );
  const id: string = created.contact.id;
  world.ctx.clock.advance(1000);
  await ok(admin(world, `/api/admin/contacts/${id}`, { method: 'PATCH', body: SECOND }));
  await ok(admin(world, `/api/admin/contacts/${id}`, { method: 'PATCH', body: { organisationId: '1280' } }));
  await ok(admin(world, `/api/admin/contacts/${id}`, { method: 'PATCH', body: { organisationId: '12' } }));
  return id;
}

/** Entries as the code wrote them before this change: contact summaries with name and address. */
async function seedLegacyEntries(world: SecurityWorld, id: string): Promise<number> {
  const log = new AuditLog(world.ctx.store, world.ctx.clock);
  const summary = (organisationId: string, who: { name: string; email: string }) => ({
    organisationId,
    ...who,
    role: 'official',
    emailState: 'ok',
  });
  const target = `contact:${id}`;
  const actor = EMAILS.admin;
  await log.record({ actor, action: 'contact.create', target, organisationId: '1281', after: summary('1281', FIRST) });
  const renamed = { before: summary('1281', FIRST), after: summary('1281', SECOND) };
  await log.record({ actor, action: 'contact.update', target, organisationId: '1281', ...renamed });
  const toMalmo = { before: summary('1281', SECOND), after: summary('1280', SECOND) };
  await log.record({ actor, action: 'contact.move', target, organisationId: '1280', ...toMalmo });
  await log.record({ actor, action: 'contact.move', target, organisationId: '1281', ...toMalmo });
  const toSkane = { before: summary('1280', SECOND), after: summary('12', SECOND) };
  await log.record({ actor, action: 'contact.move', target, organisationId: '12', ...toSkane });
  await log.record({ actor, action: 'contact.move', target, organisationId: '1280', ...toSkane });
  // The other contact's entry, which must stay exactly as written.
  await log.record({
    actor,
    action: 'contact.update',
    target: `contact:${OTHER.id}`,
    organisationId: '1281',
    before: summary('1281', { name: 'Gammalt namn', email: OTHER.email }),
    after: summary('1281', { name: OTHER.name, email: OTHER.email }),
  });
  return 6;
}

/** Every audit item of the organisations and of this month, straight from the table. */
const storedAudit = (store: TableStore) => storedAuditOf(store, ORGANISATIONS);

async function auditThroughApi(world: SecurityWorld): Promise<Array<Record<string, unknown>>> {
  const pages = await Promise.all(
    [...ORGANISATIONS.map((code) => `?organisation=${code}`), ''].map((query) =>
      ok<Array<Record<string, unknown>>>(admin(world, `/api/admin/audit${query}`)),
    ),
  );
  // The same entry shows under its organisation and in the month's list: once each.
  return [...new Map(pages.flat().map((entry) => [entry.id, entry])).values()];
}

function actionsAbout(entries: Array<Record<string, unknown>>, id: string): string[] {
  return entries
    .filter((entry) => entry.target === `contact:${id}`)
    .map((entry) => `${entry.organisationId}:${entry.action}`)
    .sort();
}

function expectNoPersonalData(entries: unknown[], where: string) {
  const text = JSON.stringify(entries).toLowerCase();
  for (const value of PERSONAL) expect(text, `${where} holds ${value}`).not.toContain(value.toLowerCase());
}

async function otherContactsEntries(store: TableStore): Promise<Item[]> {
  return (await storedAudit(store)).filter((item) => item.target === `contact:${OTHER.id}`);
}

describe('GDPR erasure and the audit trail', () => {
  let world: SecurityWorld;
  beforeEach(async () => {
    world = await securityWorld();
  });

  it('writes contact entries that say what changed without the name or address', async () => {
    const id = await addChangeAndMove(world);
    const entries = (await auditThroughApi(world)).filter((entry) => entry.target === `contact:${id}`);
    expectNoPersonalData(entries, 'a new audit entry');
    const update = entries.find((entry) => entry.action === 'contact.update');
    expect(update).toMatchObject({
      actor: EMAILS.admin,
      organisationId: '1281',
      before: { organisationId: '1281', role: 'official', emailState: 'ok' },
      after: { organisationId: '1281', role: 'official', emailState: 'ok', changed: ['name', 'email'] },
    });
    const moves = entries.filter((entry) => entry.action === 'contact.move');
    expect(moves.map((entry) => entry.organisationId).sort()).toEqual(['12', '1280', '1280', '1281']);
    expect(moves.find((entry) => entry.organisationId === '12')).toMatchObject({
      before: { organisationId: '1280' },
      after: { organisationId: '12', changed: ['organisationId'] },
    });
  });

  it('leaves no audit entry that names the erased contact, in any organisation it passed through', async () => {
    const id = await addChangeAndMove(world);
    const legacy = await seedLegacyEntries(world, id);
    const { store } = world.ctx;
    const actionsBefore = actionsAbout(await auditThroughApi(world), id);
    const othersBefore = await otherContactsEntries(store);
    // Before erasure the trail names the person (the entries written the old way do).
    expect(JSON.stringify(await storedAudit(store))).toContain(FIRST.email);

    const erased = await ok(admin(world, `/api/admin/contacts/${id}/erase`, { method: 'POST' }));
    expect(erased).toMatchObject({ contactId: id, organisationId: '12', auditRedacted: legacy });

    const viaApi = await auditThroughApi(world);
    expectNoPersonalData(viaApi, 'the audit API');
    const stored = await storedAudit(store);
    expectNoPersonalData(stored, 'the stored audit trail');
    // Every entry is still there, with its actor, action and organisation; the erasure is added.
    const actionsAfter = actionsAbout(viaApi, id);
    expect(actionsAfter.filter((a) => !a.endsWith('contact.erase'))).toEqual(actionsBefore);
    expect(actionsAfter).toContain('12:contact.erase');
    for (const entry of viaApi.filter((e) => e.target === `contact:${id}`)) expect(entry.actor).toBe(EMAILS.admin);
    // An old entry keeps what changed, without the values that name the person.
    const oldRename = stored.find(
      (item) => item.target === `contact:${id}` && item.action === 'contact.update' && item.erasedAt,
    );
    expect(oldRename).toMatchObject({
      before: { organisationId: '1281', role: 'official' },
      after: { organisationId: '1281', changed: ['name', 'email'] },
    });
    // The erasure's own entry holds counts only, the redacted entries among them.
    const entry = viaApi.find((e) => e.action === 'contact.erase');
    expect(entry).toMatchObject({ target: `contact:${id}`, after: { auditRedacted: legacy } });
    // Another contact's entries are untouched.
    expect(await otherContactsEntries(store)).toEqual(othersBefore);
    expect(JSON.stringify(othersBefore)).toContain(OTHER.email);
  });

  it('finishes the audit redaction when run again after the store failed half-way', async () => {
    let auditWrites = 0;
    let failing = true;
    const failSecondAuditRewrite = (inner: TableStore): TableStore =>
      new Proxy(inner, {
        get(target, property, receiver) {
          if (property !== 'update') return Reflect.get(target, property, receiver);
          return async (...args: Parameters<TableStore['update']>) => {
            if (failing && String(args[0].pk).startsWith('AUDIT#') && ++auditWrites === 2) {
              throw new StoreUnavailableError('injected');
            }
            return target.update(...args);
          };
        },
      });
    world = await securityWorld({ wrapStore: failSecondAuditRewrite });
    const id = await addChangeAndMove(world);
    const legacy = await seedLegacyEntries(world, id);
    const othersBefore = await otherContactsEntries(world.ctx.store);

    const first = await admin(world, `/api/admin/contacts/${id}/erase`, { method: 'POST' });
    expect(first.status).toBe(503);
    // Half-way: one entry redacted, the contact and the rest still there.
    expect(await world.ctx.store.get(keys.contactLookup(id))).toBeDefined();
    expect((await storedAudit(world.ctx.store)).filter((item) => item.erasedAt)).toHaveLength(1);
    failing = false;

    const again = await ok(admin(world, `/api/admin/contacts/${id}/erase`, { method: 'POST' }));
    expect(again.auditRedacted).toBe(legacy);
    expectNoPersonalData(await storedAudit(world.ctx.store), 'the stored audit trail after the retry');
    expectNoPersonalData(await auditThroughApi(world), 'the audit API after the retry');
    expect(await otherContactsEntries(world.ctx.store)).toEqual(othersBefore);
  });

  it('bounds one request and continues on the next (409 erasure_incomplete, nothing deleted yet)', async () => {
    const id = await addChangeAndMove(world);
    const log = new AuditLog(world.ctx.store, world.ctx.clock);
    const many = AUDIT_REDACTIONS_PER_RUN + 3;
    for (let i = 0; i < many; i++) {
      await log.record({
        actor: EMAILS.admin,
        action: 'contact.update',
        target: `contact:${id}`,
        organisationId: '12',
        before: { organisationId: '12', name: FIRST.name, email: FIRST.email, role: 'official', emailState: 'ok' },
        after: { organisationId: '12', name: SECOND.name, email: SECOND.email, role: 'official', emailState: 'ok' },
      });
    }
    const first = await admin(world, `/api/admin/contacts/${id}/erase`, { method: 'POST' });
    expect(first.status).toBe(409);
    expect((await first.json()).error.code).toBe('erasure_incomplete');
    expect(await world.ctx.store.get(keys.contactLookup(id))).toBeDefined();

    const again = await ok(admin(world, `/api/admin/contacts/${id}/erase`, { method: 'POST' }));
    expect(again.auditRedacted).toBe(many);
    expectNoPersonalData(await storedAudit(world.ctx.store), 'the stored audit trail');
  });
});
