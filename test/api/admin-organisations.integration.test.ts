import { beforeEach, describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import type { Item, TableStore } from '../../functions/ports/table-store';
import { ADMIN_EMAIL, auditEntries, call, issuePaths } from '../helpers/admin-api';
import { LUND, seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld } from '../helpers/seeded-context';
import { signIn, type TestContext } from '../helpers/test-app';

const ORGS = '/api/admin/organisations';

describe('the organisation register', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld());
  });

  it('lists one row per organisation with contacts, warnings and the current campaign status', async () => {
    // Arrange
    await seedCampaign(ctx);
    await new ResponseRepository(ctx.store).adminUpdate(2026, '1280', 'kommun', { excused: true });
    // Act
    const res = await call(ctx, admin, 'GET', ORGS);
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.map((row: { id: string }) => row.id)).toEqual(['12', '1280', '1281']);
    const lund = res.body.find((row: { id: string }) => row.id === '1281');
    expect(lund).toMatchObject({
      id: '1281',
      name: 'Lund',
      type: 'kommun',
      population: 128000,
      warnings: [],
      currentCampaign: { year: 2026, status: 'not_started' },
    });
    expect(lund.contacts.map((c: { role: string }) => c.role).sort()).toEqual(['official', 'politician']);
    expect(res.body.find((row: { id: string }) => row.id === '1280').currentCampaign.status).toBe('excused');
  });

  it('says when an organisation is not in the current campaign, and why, by the campaign’s membership rule', async () => {
    // Arrange: the 2026 campaign takes answers 1 March – 30 April (Stockholm).
    await seedCampaign(ctx);
    await call(ctx, admin, 'PATCH', `${ORGS}/1281`, { memberUntil: '2025-12-31' });
    await call(ctx, admin, 'PATCH', `${ORGS}/12`, { memberSince: '2026-05-01' });
    await call(ctx, admin, 'PATCH', `${ORGS}/1280`, { memberUntil: '2026-03-01' });
    await new ResponseRepository(ctx.store).adminUpdate(2026, '1281', 'kommun', { excused: true });
    // Act
    const former = await call(ctx, admin, 'GET', `${ORGS}/1281`);
    const list = await call(ctx, admin, 'GET', ORGS);
    // Assert
    expect(former.body.currentCampaign).toEqual({
      year: 2026,
      status: 'excused',
      inCampaign: false,
      membership: 'ended',
    });
    const campaignOf = (id: string) => list.body.find((row: { id: string }) => row.id === id).currentCampaign;
    expect(campaignOf('12')).toMatchObject({ status: 'not_started', inCampaign: false, membership: 'not_yet' });
    // A member on the first answer day is in the campaign, though it left the day after.
    expect(campaignOf('1280')).toMatchObject({ inCampaign: true, membership: 'member' });
  });

  it('shows no campaign status before any campaign exists', async () => {
    const res = await call(ctx, admin, 'GET', ORGS);
    expect(res.body[0].currentCampaign).toBeNull();
  });

  it.each([
    ['part of the name, ignoring case and accents', 'malmo', ['1280']],
    ['the start of a code', '128', ['1280', '1281']],
    ['a region by name', 'skåne', ['12']],
  ])('searches by %s', async (_case, q, expected) => {
    const res = await call(ctx, admin, 'GET', `${ORGS}?q=${encodeURIComponent(q)}`);
    expect(res.body.map((row: { id: string }) => row.id)).toEqual(expected);
  });

  it('adds a kommun with its leading zero and records it in the audit log', async () => {
    // Arrange
    const stockholm = { id: '0180', name: 'Stockholm', type: 'kommun', population: 984000, memberSince: '2020-01-01' };
    // Act
    const res = await call(ctx, admin, 'POST', ORGS, stockholm);
    // Assert
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...stockholm, contacts: [], currentCampaign: null });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['missing_politician', 'missing_official']);
    expect((await call(ctx, admin, 'GET', `${ORGS}/0180`)).body.name).toBe('Stockholm');
    const [entry] = await auditEntries(ctx, { organisationId: '0180' });
    expect(entry).toMatchObject({
      actor: ADMIN_EMAIL,
      action: 'organisation.create',
      target: 'organisation:0180',
      after: stockholm,
    });
    expect(entry?.at).toBe('2026-03-10T09:00:00.000Z');
  });

  it('adds a region with a valid länskod', async () => {
    const res = await call(ctx, admin, 'POST', ORGS, { id: '01', name: 'Region Stockholm', type: 'region' });
    expect(res.status).toBe(201);
  });

  it('refuses a duplicate code with 409 already_exists and leaves the first one as it was', async () => {
    const res = await call(ctx, admin, 'POST', ORGS, { id: '1281', name: 'Lund igen', type: 'kommun' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_exists');
    expect((await call(ctx, admin, 'GET', `${ORGS}/1281`)).body.name).toBe('Lund');
  });

  it.each([
    ['0000 as a kommun (00 is no länskod)', { id: '0000', name: 'X', type: 'kommun' }, /kommunkod/],
    ['02 as a region (merged away)', { id: '02', name: 'X', type: 'region' }, /länskod/],
    ['123, neither 2 nor 4 digits', { id: '123', name: 'X', type: 'kommun' }, /./],
    ['a länskod given as a kommun', { id: '12', name: 'X', type: 'kommun' }, /länskod/],
    ['a kommunkod given as a region', { id: '1281', name: 'X', type: 'region' }, /kommunkod/],
  ])('refuses %s with 400 and the issue on id', async (_case, body, message) => {
    // Act
    const res = await call(ctx, admin, 'POST', ORGS, body);
    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(issuePaths(res)).toContain('id');
    expect(JSON.stringify(res.body.error.details)).toMatch(message);
    expect((await call(ctx, admin, 'GET', ORGS)).body).toHaveLength(3);
  });

  it('refuses a membership that ends before it starts', async () => {
    const res = await call(ctx, admin, 'POST', ORGS, {
      id: '0180',
      name: 'Stockholm',
      type: 'kommun',
      memberSince: '2024-01-01',
      memberUntil: '2023-12-31',
    });
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toContain('memberUntil');
  });

  it('edits name, population and membership, clears a field with null, and audits before and after', async () => {
    // Act
    const res = await call(ctx, admin, 'PATCH', `${ORGS}/1281`, {
      name: 'Lunds kommun',
      memberUntil: '2026-12-31',
      population: null,
    });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: '1281', name: 'Lunds kommun', type: 'kommun', memberUntil: '2026-12-31' });
    expect(res.body.population).toBeUndefined();
    const [entry] = await auditEntries(ctx, { organisationId: '1281' });
    expect(entry).toMatchObject({
      action: 'organisation.update',
      actor: ADMIN_EMAIL,
      before: { name: 'Lund', population: LUND.population, memberUntil: null },
      after: { name: 'Lunds kommun', population: null, memberUntil: '2026-12-31' },
    });
  });

  it('refuses an end of membership before the stored start, though the request names only the end', async () => {
    // Arrange
    await call(ctx, admin, 'PATCH', `${ORGS}/1281`, { memberSince: '2020-01-01' });
    // Act
    const res = await call(ctx, admin, 'PATCH', `${ORGS}/1281`, { memberUntil: '2019-12-31' });
    // Assert
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toContain('memberUntil');
    expect((await call(ctx, admin, 'GET', `${ORGS}/1281`)).body).toMatchObject({ memberSince: '2020-01-01' });
    expect((await call(ctx, admin, 'GET', `${ORGS}/1281`)).body.memberUntil).toBeUndefined();
  });

  it("keeps another admin's change written between this PATCH's read and its write", async () => {
    // Arrange: the first write of Lund's item is preceded by another admin's end of membership
    let raced = false;
    const racing = (inner: TableStore): TableStore =>
      Object.assign(Object.create(inner) as TableStore, {
        put: async (item: Item, condition?: Parameters<TableStore['put']>[1]) => {
          if (!raced && item.entity === 'Organisation' && item.id === '1281') {
            raced = true;
            const stored = await inner.get({ pk: String(item.pk), sk: String(item.sk) });
            await inner.put({ ...stored!, memberUntil: '2026-12-31' });
          }
          return inner.put(item, condition);
        },
      });
    const world = await adminWorld({ wrapStore: racing });
    // Act
    const res = await call(world.ctx, world.admin, 'PATCH', `${ORGS}/1281`, { name: 'Lunds kommun' });
    // Assert
    expect(raced).toBe(true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Lunds kommun', memberUntil: '2026-12-31' });
    expect((await call(world.ctx, world.admin, 'GET', `${ORGS}/1281`)).body).toMatchObject({
      name: 'Lunds kommun',
      memberUntil: '2026-12-31',
    });
  });

  it('never changes the code or type through PATCH', async () => {
    const res = await call(ctx, admin, 'PATCH', `${ORGS}/1281`, { id: '1282', type: 'region' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: '1281', type: 'kommun' });
  });

  it('answers 404 for an unknown organisation and 400 for a malformed code in the path', async () => {
    expect((await call(ctx, admin, 'GET', `${ORGS}/0181`)).status).toBe(404);
    expect((await call(ctx, admin, 'PATCH', `${ORGS}/0181`, { name: 'X' })).status).toBe(404);
    expect((await call(ctx, admin, 'GET', `${ORGS}/abc`)).status).toBe(400);
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    // Arrange
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    const body = { id: '0180', name: 'Stockholm', type: 'kommun' };
    // Act / Assert
    for (const [cookie, status] of [
      [member, 403],
      [undefined, 401],
    ] as const) {
      expect((await call(ctx, cookie, 'GET', ORGS)).status).toBe(status);
      expect((await call(ctx, cookie, 'POST', ORGS, body)).status).toBe(status);
      expect((await call(ctx, cookie, 'GET', `${ORGS}/1281`)).status).toBe(status);
      expect((await call(ctx, cookie, 'PATCH', `${ORGS}/1281`, { name: 'X' })).status).toBe(status);
    }
    expect((await call(ctx, admin, 'GET', `${ORGS}/0180`)).status).toBe(404);
  });
});
