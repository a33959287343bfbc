import { describe, expect, it } from 'vitest';
import { CampaignRepository } from '../../functions/features/campaigns/campaign.repository';
import { OPEN_LOCK_LEASE_MS } from '../../functions/features/campaigns/campaign.service';
import { defaultReminderPolicy } from '../../functions/features/campaigns/reminder-policy-check';
import { auditEntries, call } from '../helpers/admin-api';
import { injectDynamoFault } from '../helpers/faulty-store';
import { securityWorld } from '../helpers/security-world';
import { LUND, seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { countCommands } from '../helpers/test-app';

const NOW = '2026-03-10T09:00:00Z';
const DRAFT_2027 = {
  year: 2027,
  title: 'Medlemstest 2027',
  status: 'draft' as const,
  opensAt: '2027-03-01T07:00:00.000Z',
  closesAt: '2027-04-30T21:59:00.000Z',
};

describe('closing a campaign when the lock release fails half-way', () => {
  it('answers 503, and the retry answers 200 and releases the lock, so another year opens', async () => {
    // Arrange: 2026 is open (and holds the lock), 2027 is a draft
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: true });
    await seedCampaign(ctx, DRAFT_2027);
    const repo = new CampaignRepository(ctx.store);
    // Act: the close's lock delete is throttled once
    const fault = injectDynamoFault(ctx.clients, { nth: 1, commands: /DeleteItem/ });
    const failed = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close');
    fault.remove();
    // Assert: half done, as reported
    expect(fault.fired).toBe(true);
    expect(failed.status).toBe(503);
    expect((await repo.get(2026))?.status).toBe('closed');
    expect(await repo.openYear()).toBe(2026);
    // Act: the kansli retries
    const retry = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close');
    // Assert: done, and done once (one campaign.close entry)
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('closed');
    expect(await repo.openYear()).toBeUndefined();
    expect((await auditEntries(ctx, { year: 2026 })).filter((e) => e.action === 'campaign.close')).toHaveLength(1);
    const opened = await call(ctx, admin, 'POST', '/api/admin/campaigns/2027/open');
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect(await repo.openYear()).toBe(2027);
  });

  it('lets another year open without the retry: the lock of a campaign closed after taking it is taken over', async () => {
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: true });
    await seedCampaign(ctx, DRAFT_2027);
    const repo = new CampaignRepository(ctx.store);
    const fault = injectDynamoFault(ctx.clients, { nth: 1, commands: /DeleteItem/ });
    expect((await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close')).status).toBe(503);
    fault.remove();
    // Act
    const opened = await call(ctx, admin, 'POST', '/api/admin/campaigns/2027/open');
    // Assert
    expect(opened.status).toBe(200);
    expect(await repo.openYear()).toBe(2027);
    expect((await repo.get(2026))?.status).toBe('closed');
    // A late retry of 2026's close answers 200 and leaves 2027's lock alone
    const late = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close');
    expect(late.status).toBe(200);
    expect(await repo.openYear()).toBe(2027);
  });

  it('still refuses a second open campaign, naming the open one', async () => {
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: true });
    await seedCampaign(ctx, DRAFT_2027);
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2027/open');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'another_campaign_open', details: { openYear: 2026 } });
    expect(await new CampaignRepository(ctx.store).openYear()).toBe(2026);
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2027')).body.status).toBe('draft');
  });

  it('does not take over a lock an open in progress has just taken, only one left longer than the lease', async () => {
    // Arrange: 2027's open has taken the lock but not yet written its status
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: { status: 'draft' } });
    await seedCampaign(ctx, DRAFT_2027);
    const repo = new CampaignRepository(ctx.store);
    await repo.takeOpenLock(2027, ctx.clock.now().toISOString());
    // Act + Assert
    const refused = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('another_campaign_open');
    expect(await repo.openYear()).toBe(2027);
    // That open died: after the lease, the lock is taken over
    ctx.clock.advance(OPEN_LOCK_LEASE_MS + 1000);
    const opened = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    expect(opened.status).toBe(200);
    expect(await repo.openYear()).toBe(2026);
  });

  it('refuses to close a draft or a published campaign with campaign_not_open_to_close', async () => {
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: { status: 'published' } });
    await seedCampaign(ctx, DRAFT_2027);
    const published = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close');
    expect(published.status).toBe(422);
    expect(published.body.error).toMatchObject({
      code: 'campaign_not_open_to_close',
      details: { status: 'published' },
    });
    const draft = await call(ctx, admin, 'POST', '/api/admin/campaigns/2027/close');
    expect(draft.body.error).toMatchObject({ code: 'campaign_not_open_to_close', details: { status: 'draft' } });
  });
});

describe('when a campaign was closed', () => {
  it('stores the close time in the close’s one campaign write, keeps it when published and clears it on reopening', async () => {
    // Arrange: 2026 open, its deadline (30 April) seven weeks away
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: true });
    const counter = countCommands(ctx.clients);
    // Act: the kansli closes it early
    const closed = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close');
    // Assert: closedAt is the close's time, written with the status (the campaign, the audit entry, the lock)
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: NOW.replace('Z', '.000Z') });
    expect(counter.writes()).toBe(3);
    const listed = (await call(ctx, admin, 'GET', '/api/admin/campaigns')).body;
    expect(listed.find((c: { year: number }) => c.year === 2026)).toMatchObject({
      closedAt: '2026-03-10T09:00:00.000Z',
    });
    // Reopened, it is open again, not closed on 10 March
    ctx.clock.advance(60_000);
    const reopened = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    expect(reopened.body.status).toBe('open');
    expect(reopened.body).not.toHaveProperty('closedAt');
    // Closed again and published: the last close stays
    ctx.clock.advance(60_000);
    await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close');
    await submitScoredResponse(ctx, 2026, LUND.id, {});
    const published = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/publish', {});
    expect(published.status).toBe(201);
    const stored = (await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body;
    expect(stored).toMatchObject({ status: 'published', closedAt: '2026-03-10T09:02:00.000Z' });
  });

  it('reads a campaign closed before closedAt was stored, without one', async () => {
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: { status: 'closed' } });
    const res = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('closed');
    expect(res.body).not.toHaveProperty('closedAt');
  });
});

describe('opening a campaign whose deadline has passed', () => {
  it('refuses with 422 deadline_passed, and changes nothing', async () => {
    // Arrange: 2026 closed, its deadline passed
    const { ctx, admin } = await adminWorld({ now: '2026-05-10T09:00:00Z', campaign: { status: 'closed' } });
    // Act
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    // Assert
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'deadline_passed',
      message: expect.stringMatching(/Sista svarsdagen har redan passerat.*ny sista svarsdag/),
      details: { closesAt: '2026-04-30T21:59:00.000Z' },
    });
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body.status).toBe('closed');
    expect(await new CampaignRepository(ctx.store).openYear()).toBeUndefined();
  });

  it('refuses a draft whose deadline is exactly now', async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-04-30T21:59:00.000Z', campaign: { status: 'draft' } });
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('deadline_passed');
  });

  it('opens once the console’s reopen flow has set a new deadline (PATCH closesAt, then open)', async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-05-10T09:00:00Z', campaign: { status: 'closed' } });
    const loaded = (await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body;
    const patched = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {
      closesAt: '2026-05-31T21:59:00.000Z',
      expectedUpdatedAt: loaded.updatedAt,
    });
    expect(patched.status).toBe(200);
    const opened = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', closesAt: '2026-05-31T21:59:00.000Z' });
  });
});

describe('a PATCH that changes nothing', () => {
  it('writes nothing and records no audit entry for {} or the stored values, and answers the campaign', async () => {
    // Arrange: a campaign whose policy is stored as the console shows it (every default filled in)
    const { ctx, admin } = await adminWorld({
      now: NOW,
      campaign: { status: 'draft', reminderPolicy: defaultReminderPolicy() },
    });
    const stored = (await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body;
    const same = {
      title: stored.title,
      opensAt: stored.opensAt,
      closesAt: stored.closesAt,
      reminderPolicy: stored.reminderPolicy,
      surveys: stored.surveys,
    };
    const counter = countCommands(ctx.clients);
    // Act
    const answers = [];
    for (const body of [{}, {}, same, { ...same, expectedUpdatedAt: stored.updatedAt }, { title: stored.title }]) {
      answers.push(await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', body));
    }
    // Assert
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(stored);
    }
    expect(counter.writes()).toBe(0);
    expect(await auditEntries(ctx, { year: 2026 })).toEqual([]);
    // A real change is still written and audited, with only what changed
    const changed = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', { ...same, title: 'Ny titel' });
    expect(changed.status).toBe(200);
    expect(changed.body.updatedAt > stored.updatedAt).toBe(true);
    const entries = await auditEntries(ctx, { year: 2026 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'campaign.update',
      before: { title: stored.title },
      after: { title: 'Ny titel' },
    });
    expect(Object.keys(entries[0]?.after as object)).toEqual(['title']);
  });

  it('still answers 409 to a stale expectedUpdatedAt and 422 on a published campaign', async () => {
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: { status: 'published' } });
    const stale = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', { expectedUpdatedAt: '2020-01-01' });
    expect(stale.status).toBe(409);
    const published = await call(ctx, admin, 'PATCH', '/api/admin/campaigns/2026', {});
    expect(published.status).toBe(422);
    expect(published.body.error.code).toBe('campaign_published');
  });
});

describe('the year in a campaign path', () => {
  it('accepts only four plain digits, answering 400 invalid_input to anything else', async () => {
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: true });
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).status).toBe(200);
    for (const year of ['0x7EA', '%202026', '2026%20', '02026', '2026.0', '+2026', '2e3', '1999', '2101', 'abcd']) {
      const res = await call(ctx, admin, 'GET', `/api/admin/campaigns/${year}`);
      expect(res.status, year).toBe(400);
      expect(res.body.error, year).toMatchObject({ code: 'invalid_input', details: [{ path: ['year'] }] });
    }
  });

  it('holds for the member’s routes too: /api/campaigns/0x7EA/response is a 400, not 2026’s response', async () => {
    const { ctx, cookies } = await securityWorld();
    const cookie = cookies.memberA ?? '';
    expect((await call(ctx, cookie, 'GET', '/api/campaigns/2026/response')).status).toBe(200);
    for (const year of ['0x7EA', '%202026', '02026']) {
      const res = await call(ctx, cookie, 'GET', `/api/campaigns/${year}/response`);
      expect(res.status, year).toBe(400);
      expect(res.body.error.code, year).toBe('invalid_input');
    }
  });

  it('holds for the Klimatläget and per-organisation routes, which share the same year schema', async () => {
    const { ctx, admin } = await adminWorld({ now: NOW, campaign: true });
    for (const year of ['0x7EA', '%202026', '02026']) {
      const report = await call(ctx, admin, 'GET', `/api/klimatlaget/${year}`);
      const excuse = await call(ctx, admin, 'POST', `/api/admin/campaigns/${year}/responses/1281/excuse`, {
        excused: true,
        reason: 'Prövar årtalet',
      });
      expect(report.status, year).toBe(400);
      expect(excuse.status, year).toBe(400);
      expect(excuse.body.error, year).toMatchObject({ code: 'invalid_input', details: [{ path: ['year'] }] });
    }
  });

  it('is still an integer 2000–2100 in the OpenAPI document', async () => {
    const { ctx } = await adminWorld({ now: NOW });
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    for (const path of ['/api/admin/campaigns/{year}', '/api/campaigns/{year}/response']) {
      const operation = doc.paths[path].get ?? doc.paths[path].patch;
      const year = operation.parameters.find((p: { name: string }) => p.name === 'year');
      expect(year, path).toMatchObject({
        in: 'path',
        required: true,
        schema: { type: 'integer', minimum: 2000, maximum: 2100 },
      });
    }
  });
});
