import { describe, expect, it } from 'vitest';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { reminderCampaign, seedReminderMembers, sthlm } from '../helpers/reminder-setup';
import { seedCampaign } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext, signIn, withCookie } from '../helpers/test-app';

const RUN = '/api/admin/campaigns/2026/reminders/run';

async function setup() {
  const ctx = await makeTestContext({ now: sthlm('2026-03-18 09:00').toISOString() });
  await seedReminderMembers(ctx);
  await seedCampaign(ctx, reminderCampaign());
  const admin = await signIn(ctx, 'kansli@example.se');
  const reminders = async () => (await readOutbox(ctx.store)).filter((m) => m.kind !== 'login-link');
  return { ctx, admin, reminders };
}

describe('POST /api/admin/campaigns/{year}/reminders/run needs its body, as documented', () => {
  it('refuses a POST without a body or without dryRun (400 naming dryRun) and sends nothing', async () => {
    const { ctx, admin, reminders } = await setup();
    // Act: no body at all, and an empty object
    const bare = await ctx.app.request(RUN, { method: 'POST', headers: { cookie: admin } });
    const empty = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', {})));
    // Assert
    for (const res of [bare, empty]) {
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toContain('dryRun');
    }
    expect(await reminders()).toEqual([]);
    // A real run says so.
    const real = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', { dryRun: false })));
    expect(real.status).toBe(200);
    expect((await reminders()).length).toBeGreaterThan(0);
  });

  it('refuses an `at` that is not on the calendar (400 naming at) instead of rolling it over, as the CLI does', async () => {
    const { ctx, admin, reminders } = await setup();
    for (const at of ['2026-11-31T10:00:00+01:00', '2027-02-29T09:00:00Z', '2026-03-18T24:00:00Z']) {
      const res = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', { dryRun: true, at })));
      expect(res.status, at).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toContain('at');
    }
    expect(await reminders()).toEqual([]);
  });

  it('documents the body as required with dryRun required', async () => {
    const { ctx } = await setup();
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    const operation = doc.paths['/api/admin/campaigns/{year}/reminders/run'].post;
    expect(operation.requestBody.required).toBe(true);
    expect(operation.requestBody.content['application/json'].schema.required).toContain('dryRun');
  });
});
