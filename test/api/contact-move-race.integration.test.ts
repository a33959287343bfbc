import { describe, expect, it } from 'vitest';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { keys } from '../../functions/store/table-design';
import { call } from '../helpers/admin-api';
import { type SeenCall, StoreFault, type StoreOp } from '../helpers/faulty-store';
import { adminWorld } from '../helpers/seeded-context';

/**
 * A move writes the contact into the new organisation, repoints the id lookup, then deletes the old
 * item (docs/data-model.md). These tests land another request between the first write and the
 * lookup's, where a plain put of the lookup would overwrite whatever that request left there.
 */
const ID = 'politiker-1281';
const EMAIL = 'politiker.1281@example.se';

const isLookupPut = (seen: SeenCall, op: StoreOp) => op === 'put' && seen.pk === keys.contactLookup(ID).pk;

async function world() {
  const fault = new StoreFault();
  const { ctx, admin } = await adminWorld({ wrapStore: fault.wrap });
  /** Runs `run` once, after the move has put the contact in Malmö and before it repoints the lookup. */
  const betweenMoveWrites = (run: () => Promise<void>) => {
    fault.before = { matches: isLookupPut, run };
  };
  return { ctx, admin, betweenMoveWrites };
}

const moveToMalmo = (ctx: Awaited<ReturnType<typeof world>>['ctx'], admin: string) =>
  call(ctx, admin, 'PATCH', `/api/admin/contacts/${ID}`, { organisationId: '1280' });

describe('a move racing another change of the same contact', () => {
  it('keeps the removal record when a removal lands between the move writes, and moves nothing', async () => {
    const { ctx, admin, betweenMoveWrites } = await world();
    betweenMoveWrites(async () => {
      expect((await call(ctx, admin, 'DELETE', `/api/admin/contacts/${ID}`)).status).toBe(200);
    });

    const move = await moveToMalmo(ctx, admin);

    expect(move.status).toBe(404);
    expect(move.body.error.code).toBe('not_found');
    // The removal record is whole: erasure by address or id still reaches the removed contact.
    const record = await ctx.store.get(keys.contactLookup(ID));
    expect(record).toMatchObject({
      organisationId: '1281',
      removedAt: '2026-03-10T09:00:00.000Z',
      removalComplete: true,
      email: EMAIL,
      role: 'politician',
    });
    expect(record).toHaveProperty('ttl');
    const repository = new ContactRepository(ctx.store);
    expect((await repository.removedWithEmail(EMAIL)).map((r) => r.id)).toEqual([ID]);
    // The copy the move wrote in Malmö is gone again: no live contact with the removed id anywhere.
    expect(await ctx.store.get(keys.contact('1280', ID))).toBeUndefined();
    expect(await ctx.store.get(keys.contact('1281', ID))).toBeUndefined();
    expect(await repository.findByEmail(EMAIL)).toEqual([]);
    const erase = await call(ctx, admin, 'POST', '/api/admin/contacts/erase', { email: EMAIL });
    expect(erase.status).toBe(200);
    expect(await ctx.store.get(keys.contactLookup(ID))).toBeUndefined();
  });

  it('does not bring an erased contact back when the erasure lands between the move writes', async () => {
    const { ctx, admin, betweenMoveWrites } = await world();
    betweenMoveWrites(async () => {
      expect((await call(ctx, admin, 'POST', `/api/admin/contacts/${ID}/erase`)).status).toBe(200);
    });

    const move = await moveToMalmo(ctx, admin);

    expect(move.status).toBe(404);
    expect(await ctx.store.get(keys.contactLookup(ID))).toBeUndefined();
    expect(await ctx.store.get(keys.contact('1280', ID))).toBeUndefined();
    expect(await new ContactRepository(ctx.store).findByEmail(EMAIL)).toEqual([]);
  });

  it('answers 409 and leaves the contact where a concurrent move put it', async () => {
    const { ctx, admin, betweenMoveWrites } = await world();
    betweenMoveWrites(async () => {
      const toRegion = await call(ctx, admin, 'PATCH', `/api/admin/contacts/${ID}`, { organisationId: '12' });
      expect(toRegion.status).toBe(200);
    });

    const move = await moveToMalmo(ctx, admin);

    expect(move.status).toBe(409);
    expect(move.body.error.code).toBe('version_conflict');
    expect(await new ContactRepository(ctx.store).findById(ID)).toMatchObject({ organisationId: '12' });
    expect(await ctx.store.get(keys.contact('1280', ID))).toBeUndefined();
    expect(await ctx.store.get(keys.contact('1281', ID))).toBeUndefined();
  });

  it('lets two moves to the same organisation both succeed, leaving one contact there', async () => {
    const { ctx, admin, betweenMoveWrites } = await world();
    betweenMoveWrites(async () => {
      expect((await moveToMalmo(ctx, admin)).status).toBe(200);
    });

    expect((await moveToMalmo(ctx, admin)).status).toBe(200);

    expect(await new ContactRepository(ctx.store).findById(ID)).toMatchObject({ organisationId: '1280', email: EMAIL });
    expect(await ctx.store.get(keys.contact('1281', ID))).toBeUndefined();
  });
});
