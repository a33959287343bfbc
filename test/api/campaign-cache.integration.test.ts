import { beforeEach, describe, expect, it } from 'vitest';
import type { TableStore } from '../../functions/ports/table-store';
import { call, signInAdmin } from '../helpers/admin-api';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { makeTestContext, secondInstance, signIn, type TestContext } from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';

/**
 * The real store, except that one campaign read, once armed, is held after DynamoDB answered and
 * before the caller sees it: a read that is slow on the wire while the kansli saves.
 */
function holdNextCampaignRead() {
  let armed: { release: Promise<void>; held: () => void } | undefined;
  const wrap = (inner: TableStore): TableStore =>
    new Proxy(inner, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop !== 'get') return typeof value === 'function' ? value.bind(target) : value;
        const get: TableStore['get'] = async (key, options) => {
          const item = await target.get(key, options);
          const hold = armed;
          if (hold && key.pk.startsWith('CAMPAIGN#')) {
            armed = undefined;
            hold.held();
            await hold.release;
          }
          return item;
        };
        return get;
      },
    });
  const arm = () => {
    let release!: () => void;
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => {
      held = resolve;
    });
    armed = { release: new Promise<void>((resolve) => (release = resolve)), held };
    return { isHeld, release };
  };
  return { wrap, arm };
}

describe('The campaign cache of an instance', () => {
  let ctx: TestContext;
  let member: string;
  let kansli: string;
  let hold: ReturnType<typeof holdNextCampaignRead>;

  beforeEach(async () => {
    hold = holdNextCampaignRead();
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z', wrapStore: hold.wrap });
    await seedOrganisations(ctx);
    await seedCampaign(ctx);
    member = await signIn(ctx, 'tjansteperson.1281@example.se');
    kansli = await signInAdmin(ctx);
  });

  it('keeps a close the kansli made while an older read of the campaign was in flight', async () => {
    const gate = hold.arm();
    // A member's request starts the campaign read (the instance has nothing cached yet) …
    const load = ctx.app.request(RESPONSE, { headers: { cookie: member } });
    await gate.isHeld;
    // … the kansli closes the campaign on the same instance before that read lands …
    expect((await call(ctx, kansli, 'POST', '/api/admin/campaigns/2026/close')).status).toBe(200);
    gate.release();
    expect((await load).status).toBe(200);

    // … and the next autosave sees the close, not the open copy the slow read brought back.
    const save = await call(ctx, member, 'PUT', RESPONSE, { data: { B1: true }, version: 0 });
    expect(save.status).toBe(403);
    expect(save.body.error.code).toBe('campaign_closed');
  });

  it('still takes a newer copy from a read', async () => {
    expect((await ctx.app.request(RESPONSE, { headers: { cookie: member } })).status).toBe(200);
    // Another instance closes the campaign; this one still holds the open copy …
    const other = secondInstance(ctx);
    const closed = await other.request('/api/admin/campaigns/2026/close', {
      method: 'POST',
      headers: { cookie: kansli },
    });
    expect(closed.status).toBe(200);
    // … until a fresh read of its own, here the kansli opening the campaign page, brings the close.
    expect((await call(ctx, kansli, 'GET', '/api/admin/campaigns/2026')).body.status).toBe('closed');
    const save = await call(ctx, member, 'PUT', RESPONSE, { data: { B1: true }, version: 0 });
    expect(save.status).toBe(403);
  });
});
