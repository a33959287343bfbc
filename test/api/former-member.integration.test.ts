import { describe, expect, it } from 'vitest';
import { OrganisationRepository } from '../../functions/features/organisations/organisation.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import type { Item, TableStore } from '../../functions/ports/table-store';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { ADMIN_EMAIL, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { sthlm } from '../helpers/reminder-setup';
import { LUND, MALMO, seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import {
  jsonRequest,
  makeTestContext,
  signIn,
  type TestContext,
  type TestContextOptions,
  tokenFromText,
} from '../helpers/test-app';

/**
 * The member API applies the membership rule (shared/domain/membership-span.ts): a contact signs in
 * only while the organisation is a member, and its organisation answers (autosave, carry-over,
 * submit) only on the days it is a member and in the campaign. The campaign takes answers from
 * 1 March to 30 April 2026; Lund's contacts are politiker.1281@… and tjansteperson.1281@….
 */
const OFFICIAL = 'tjansteperson.1281@example.se';
const RESPONSE = '/api/campaigns/2026/response';

async function world(lund: Partial<Organisation>, now: Date, options: TestContextOptions = {}) {
  const ctx = await makeTestContext({ ...options, now: now.toISOString() });
  await seedOrganisations(ctx, [{ ...LUND, ...lund }, MALMO]);
  await seedCampaign(ctx);
  return ctx;
}

async function requestLink(ctx: TestContext, email: string) {
  return ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email }));
}

/** The token of the newest sign-in link sent to `email`, if any was. */
async function linkTokenFor(ctx: TestContext, email: string): Promise<string | undefined> {
  const sent = (await readOutbox(ctx.store)).filter((m) => m.kind === 'login-link' && m.to.includes(email));
  return sent.length > 0 ? tokenFromText(sent.at(-1)!.text) : undefined;
}

async function redeem(ctx: TestContext, token: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request('/api/auth/session', jsonRequest('POST', { token }, headers));
  return { status: res.status, cookie: res.headers.get('set-cookie'), body: await res.json() };
}

/** The session items under an address, straight from the table (gsi1 `SESSIONS#<email>`). */
async function sessionsOf(ctx: TestContext, email: string): Promise<Item[]> {
  return ctx.store.queryAll({ index: 'gsi1', partition: `SESSIONS#${email}` });
}

const save = (ctx: TestContext, cookie: string, data: Record<string, unknown>, version: number) =>
  call(ctx, cookie, 'PUT', RESPONSE, { data, version });

describe('a contact of a former member', () => {
  it('gets no sign-in link but an email saying why: the same 202 as an unknown address', async () => {
    // Arrange
    const ctx = await world({ memberSince: '2019-01-01', memberUntil: '2025-12-31' }, sthlm('2026-03-10 10:00'));
    // Act
    const former = await requestLink(ctx, OFFICIAL);
    const unknown = await requestLink(ctx, 'nobody@example.se');
    const member = await requestLink(ctx, 'tjansteperson.1280@example.se');
    // Assert
    expect([former.status, unknown.status, member.status]).toEqual([202, 202, 202]);
    expect(await former.json()).toEqual(await unknown.json());
    const sent = await readOutbox(ctx.store);
    expect(sent.map((m) => [m.kind, m.to]).sort()).toEqual([
      ['login-link', ['tjansteperson.1280@example.se']],
      ['not-a-member', [OFFICIAL]],
    ]);
    const why = sent.find((m) => m.kind === 'not-a-member')!;
    expect(why.text).toContain('Medlemskapet i Klimatkommunerna för Lund upphörde 2025-12-31');
    expect(why.text).toContain("Lund's membership of Klimatkommunerna ended on 2025-12-31");
    expect(why.text).not.toMatch(/token=/);
    expect(await linkTokenFor(ctx, OFFICIAL)).toBeUndefined();
  });

  it('is told when the membership begins, for an organisation that has not joined yet', async () => {
    const ctx = await world({ memberSince: '2026-06-01' }, sthlm('2026-03-10 10:00'));
    await requestLink(ctx, OFFICIAL);
    const [why] = await readOutbox(ctx.store);
    expect(why).toMatchObject({ kind: 'not-a-member', to: [OFFICIAL] });
    expect(why!.text).toContain('Medlemskapet i Klimatkommunerna för Lund börjar 2026-06-01');
  });

  it('cannot sign in with a link sent while a member: 403 not_a_member, no cookie, no session', async () => {
    // Arrange: a link sent on Lund's last day as a member, used just after midnight
    const ctx = await world({ memberUntil: '2026-03-10' }, sthlm('2026-03-10 23:50'));
    await requestLink(ctx, OFFICIAL);
    const token = (await linkTokenFor(ctx, OFFICIAL))!;
    ctx.clock.set(sthlm('2026-03-11 00:10'));
    // Act
    const swedish = await redeem(ctx, token);
    // Assert
    expect(swedish.status).toBe(403);
    expect(swedish.cookie).toBeNull();
    expect(swedish.body.error).toEqual({
      code: 'not_a_member',
      message:
        'Din organisation är inte längre medlem i Klimatkommunerna: medlemskapet upphörde 2026-03-10. Därför kan du inte logga in. Kontakta kansliet om det inte stämmer.',
      details: { reason: 'ended', memberSince: null, memberUntil: '2026-03-10' },
    });
    expect(await sessionsOf(ctx, OFFICIAL)).toEqual([]);
  });

  it('cannot save, start from earlier answers or submit once the membership has ended, but still reads', async () => {
    // Arrange: signed in on Lund's last day as a member, with a draft; the session outlives midnight
    const ctx = await world({ memberUntil: '2026-03-10' }, sthlm('2026-03-10 20:00'));
    const cookie = await signIn(ctx, OFFICIAL);
    const draft = await save(ctx, cookie, completeKommunAnswers(), 0);
    ctx.clock.set(sthlm('2026-03-11 00:30'));
    // Act
    const saved = await save(ctx, cookie, { B1: true }, 1);
    const carried = await call(ctx, cookie, 'POST', `${RESPONSE}/carry-over`, { version: 1 });
    const submitted = await call(ctx, cookie, 'POST', `${RESPONSE}/submit`, { version: 1 });
    const english = await ctx.app.request(
      RESPONSE,
      jsonRequest('PUT', { data: { B1: true }, version: 1 }, { cookie, 'accept-language': 'en' }),
    );
    const read = await call(ctx, cookie, 'GET', RESPONSE);
    // Assert
    expect(draft.status).toBe(200);
    for (const refused of [saved, carried, submitted]) {
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('not_a_member');
      expect(refused.body.error.details).toEqual({ reason: 'ended', memberSince: null, memberUntil: '2026-03-10' });
    }
    expect(saved.body.error.message).toBe(
      'Er organisation är inte längre medlem i Klimatkommunerna: medlemskapet upphörde 2026-03-10. Därför kan ni inte längre svara på enkäten. Kontakta kansliet om det inte stämmer.',
    );
    expect(english.status).toBe(403);
    expect((await english.json()).error.message).toBe(
      'Your organisation is no longer a member of Klimatkommunerna: the membership ended on 2026-03-10. So you can no longer answer the survey. Contact the secretariat if that is wrong.',
    );
    // Nothing was written, and what the organisation saved while a member stands.
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'draft', version: 1, data: completeKommunAnswers() });
  });

  it('cannot submit by the register as it is now, even with a session that carries older dates', async () => {
    // Arrange: the register changed without the kansli's route (so no session was ended)
    const ctx = await world({}, sthlm('2026-03-10 10:00'));
    const cookie = await signIn(ctx, OFFICIAL);
    await save(ctx, cookie, completeKommunAnswers(), 0);
    await new OrganisationRepository(ctx.store).replace({ ...LUND, memberUntil: '2025-12-31' });
    // Act
    const submitted = await call(ctx, cookie, 'POST', `${RESPONSE}/submit`, { version: 1 });
    // Assert
    expect(submitted.status).toBe(403);
    expect(submitted.body.error.details).toMatchObject({ reason: 'not_in_campaign', memberUntil: '2025-12-31' });
    expect(submitted.body.error.message).toMatch(/^Enkäten 2026 gäller inte er organisation/);
  });
});

describe('a current member', () => {
  it('signs in, saves and submits as before', async () => {
    // Arrange
    const ctx = await world({ memberSince: '2019-01-01', memberUntil: '2030-12-31' }, sthlm('2026-03-10 10:00'));
    // Act
    const cookie = await signIn(ctx, OFFICIAL);
    const saved = await save(ctx, cookie, completeKommunAnswers(), 0);
    const submitted = await call(ctx, cookie, 'POST', `${RESPONSE}/submit`, { version: 1 });
    // Assert
    expect(saved.status).toBe(200);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
  });

  it('whose membership ends while the campaign runs answers until its last day, and not after', async () => {
    // Arrange
    const ctx = await world({ memberUntil: '2026-03-15' }, sthlm('2026-03-15 14:00'));
    const cookie = await signIn(ctx, OFFICIAL);
    // Act
    ctx.clock.set(sthlm('2026-03-15 23:59'));
    const lastDay = await save(ctx, cookie, { B1: true }, 0);
    ctx.clock.set(sthlm('2026-03-16 00:00'));
    const dayAfter = await save(ctx, cookie, { B1: false }, 1);
    const link = await requestLink(ctx, OFFICIAL);
    // Assert
    expect(lastDay.status).toBe(200);
    expect(dayAfter.status).toBe(403);
    expect(dayAfter.body.error.details.reason).toBe('ended');
    expect(link.status).toBe(202);
    expect((await readOutbox(ctx.store)).filter((m) => m.kind === 'login-link')).toHaveLength(1);
  });

  it('whose membership begins while the campaign runs gets a link and answers from its first day', async () => {
    // Arrange
    const ctx = await world({ memberSince: '2026-03-20' }, sthlm('2026-03-19 12:00'));
    // Act
    await requestLink(ctx, OFFICIAL);
    const before = await linkTokenFor(ctx, OFFICIAL);
    ctx.clock.set(sthlm('2026-03-20 08:00'));
    const cookie = await signIn(ctx, OFFICIAL);
    const saved = await save(ctx, cookie, { B1: true }, 0);
    // Assert
    expect(before).toBeUndefined();
    expect(saved.status).toBe(200);
  });

  it('that is a member today but not while the campaign takes answers may sign in, but not answer it', async () => {
    // Arrange: the membership ends on 28 February, the campaign opens on 1 March
    const ctx = await world({ memberUntil: '2026-02-28' }, sthlm('2026-02-20 10:00'));
    const cookie = await signIn(ctx, OFFICIAL);
    // Act
    const saved = await save(ctx, cookie, { B1: true }, 0);
    // Assert
    expect(saved.status).toBe(403);
    expect(saved.body.error).toMatchObject({
      code: 'not_a_member',
      details: { reason: 'not_in_campaign', memberSince: null, memberUntil: '2026-02-28' },
    });
  });
});

describe('a change of the membership dates by the kansli', () => {
  it('ends the sessions of the organisation’s contacts at once, and a former member gets no new link', async () => {
    // Arrange
    const ctx = await world({}, sthlm('2026-03-10 10:00'));
    const admin = await signIn(ctx, ADMIN_EMAIL);
    const lund = await signIn(ctx, OFFICIAL);
    const malmo = await signIn(ctx, 'tjansteperson.1280@example.se');
    expect((await save(ctx, lund, { B1: true }, 0)).status).toBe(200);
    // Act
    const patched = await call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { memberUntil: '2025-12-31' });
    const me = await call(ctx, lund, 'GET', '/api/me');
    const saved = await save(ctx, lund, { B1: false }, 1);
    await requestLink(ctx, OFFICIAL);
    // Assert
    expect(patched.status).toBe(200);
    expect(me.status).toBe(401);
    expect(saved.status).toBe(401);
    expect(await sessionsOf(ctx, OFFICIAL)).toEqual([]);
    // The one link is the one signed in with before the change.
    const links = (await readOutbox(ctx.store)).filter((m) => m.kind === 'login-link' && m.to.includes(OFFICIAL));
    expect(links).toHaveLength(1);
    // Another organisation's contact is not touched.
    expect((await call(ctx, malmo, 'GET', '/api/me')).status).toBe(200);
  });

  it('leaves sessions alone when the dates stay as they are, and a new sign-in carries new dates', async () => {
    // Arrange
    const ctx = await world({ memberSince: '2019-01-01' }, sthlm('2026-03-10 10:00'));
    const admin = await signIn(ctx, ADMIN_EMAIL);
    const before = await signIn(ctx, OFFICIAL);
    // Act: the console sends every field; only the name changes, then the start of the membership
    const renamed = await call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', {
      name: 'Lunds kommun',
      memberSince: '2019-01-01',
      memberUntil: null,
    });
    const afterRename = await call(ctx, before, 'GET', '/api/me');
    await call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { memberSince: '2018-01-01' });
    const afterDates = await call(ctx, before, 'GET', '/api/me');
    const again = await signIn(ctx, OFFICIAL);
    const saved = await save(ctx, again, { B1: true }, 0);
    // Assert
    expect(renamed.status).toBe(200);
    expect(afterRename.status).toBe(200);
    expect(afterDates.status).toBe(401);
    expect(saved.status).toBe(200);
    const [session] = await sessionsOf(ctx, OFFICIAL);
    expect(session?.membership).toMatchObject({ memberSince: '2018-01-01' });
  });

  it('ending a membership from a later date keeps the organisation answering until then', async () => {
    // Arrange
    const ctx = await world({}, sthlm('2026-03-10 10:00'));
    const admin = await signIn(ctx, ADMIN_EMAIL);
    await call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { memberUntil: '2026-03-31' });
    // Act
    const cookie = await signIn(ctx, OFFICIAL);
    const saved = await save(ctx, cookie, { B1: true }, 0);
    // Assert
    expect(saved.status).toBe(200);
  });
});

/** A store that runs `hook` once, just before the next session is written: a change racing a sign-in. */
function beforeSessionWrite() {
  let hook: (() => Promise<void>) | undefined;
  const wrap = (inner: TableStore): TableStore =>
    new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop !== 'put') return value.bind(target);
        return async (item: Item, ...rest: unknown[]) => {
          const run = hook;
          if (run && item.entity === 'Session') {
            hook = undefined;
            await run();
          }
          return value.call(target, item, ...rest);
        };
      },
    });
  return { wrap, once: (run: () => Promise<void>) => (hook = run) };
}

describe('sign-in racing a change (the change is written between the check and the session)', () => {
  async function race(change: (ctx: TestContext, admin: string) => Promise<unknown>) {
    const racing = beforeSessionWrite();
    const ctx = await world({ memberSince: '2019-01-01' }, sthlm('2026-03-10 10:00'), { wrapStore: racing.wrap });
    const admin = await signIn(ctx, ADMIN_EMAIL);
    await requestLink(ctx, OFFICIAL);
    const token = (await linkTokenFor(ctx, OFFICIAL))!;
    racing.once(async () => {
      const res = (await change(ctx, admin)) as { status: number };
      expect(res.status).toBe(200);
    });
    const answer = await redeem(ctx, token);
    return { ctx, answer, sessions: await sessionsOf(ctx, OFFICIAL) };
  }

  it('a move of the contact: refused with token_unknown, and no session is left', async () => {
    const { answer, sessions } = await race((ctx, admin) =>
      call(ctx, admin, 'PATCH', '/api/admin/contacts/tjansteperson-1281', { organisationId: '1280' }),
    );
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('token_unknown');
    expect(answer.cookie).toBeNull();
    expect(sessions).toEqual([]);
  });

  it('the end of the membership: refused with not_a_member, and no session is left', async () => {
    const { answer, sessions } = await race((ctx, admin) =>
      call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { memberUntil: '2025-12-31' }),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('not_a_member');
    expect(answer.cookie).toBeNull();
    expect(sessions).toEqual([]);
  });

  it('other dates that keep it a member: refused with token_unknown (a new link signs in), no session left', async () => {
    const { ctx, answer, sessions } = await race((ctx, admin) =>
      call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { memberSince: '2018-01-01' }),
    );
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('token_unknown');
    expect(sessions).toEqual([]);
    expect(await signIn(ctx, OFFICIAL)).toMatch(/^kk_session=/);
  });
});
