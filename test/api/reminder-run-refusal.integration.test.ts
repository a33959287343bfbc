import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../functions/features/audit/audit-trail';
import { CampaignRepository } from '../../functions/features/campaigns/campaign.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { reminderCampaign, seedReminderMembers, sthlm } from '../helpers/reminder-setup';
import { remindersHandlerOn } from '../helpers/reminders-handler';
import { seedCampaign } from '../helpers/seed-fixtures';
import { countCommands, jsonRequest, makeTestContext, signIn, type TestContext, withCookie } from '../helpers/test-app';

const RUN = '/api/admin/campaigns/2026/reminders/run';

/** The reminder campaign (open 2 March to 1 April 2026) in the given state, the clock at `now`. */
async function setup(campaign: Partial<Campaign>, now = sthlm('2026-03-18 09:00')) {
  const ctx = await makeTestContext({ now: now.toISOString() });
  await seedReminderMembers(ctx);
  await seedCampaign(ctx, reminderCampaign(campaign));
  const admin = await signIn(ctx, 'kansli@example.se');
  return { ctx, admin };
}

async function run(ctx: TestContext, admin: string, body: Record<string, unknown>, lang = 'sv') {
  const res = await ctx.app.request(RUN, withCookie(admin, jsonRequest('POST', body, { 'accept-language': lang })));
  return { status: res.status, body: await res.json() };
}

async function reminderEmails(ctx: TestContext) {
  return (await readOutbox(ctx.store)).filter((message) => message.kind !== 'login-link');
}

async function runAudits(ctx: TestContext) {
  return (await new AuditTrail(ctx.store, ctx.clock).list({ year: 2026 })).filter(
    (entry) => entry.action === 'reminders.run',
  );
}

describe('running reminders on a campaign that is not open', () => {
  it.each([
    ['draft', /utkast och har inte öppnats/, /^Campaign 2026 is a draft and has not been opened\./],
    ['closed', /är stängd/, /^Campaign 2026 is closed\./],
    ['published', /är publicerad/, /^Campaign 2026 is published\./],
  ] as const)(
    'refuses a real run of a %s campaign (422), sending and recording nothing',
    async (status, says, saysEn) => {
      // Arrange
      const { ctx, admin } = await setup({ status });
      const counter = countCommands(ctx.clients);
      // Act
      const swedish = await run(ctx, admin, { dryRun: false });
      const english = await run(ctx, admin, { dryRun: false }, 'en');
      // Assert
      expect(swedish.status).toBe(422);
      expect(swedish.body.error.code).toBe('campaign_not_open_for_reminders');
      expect(swedish.body.error.message).toMatch(says);
      expect(swedish.body.error.message).toMatch(/Inget skickades\.$/);
      expect(swedish.body.error.details).toMatchObject({ reason: status, status });
      expect(english.status).toBe(422);
      expect(english.body.error.message).toMatch(saysEn);
      expect(english.body.error.message).toMatch(/Nothing was sent\.$/);
      expect(counter.writes()).toBe(0);
      expect(await reminderEmails(ctx)).toEqual([]);
      expect(await runAudits(ctx)).toEqual([]);
    },
  );

  it('refuses a real run of an open campaign past its deadline, and one opened before its opening time', async () => {
    // Arrange: the same open campaign, the clock after its deadline and before its opening.
    const late = await setup({}, sthlm('2026-04-02 09:00'));
    const early = await setup({}, sthlm('2026-03-01 09:00'));
    // Act
    const afterDeadline = await run(late.ctx, late.admin, { dryRun: false });
    const beforeOpening = await run(early.ctx, early.admin, { dryRun: false });
    // Assert
    expect(afterDeadline.status).toBe(422);
    expect(afterDeadline.body.error).toMatchObject({
      code: 'campaign_not_open_for_reminders',
      details: { reason: 'deadline_passed', status: 'open' },
    });
    expect(afterDeadline.body.error.message).toContain(
      'Sista svarsdagen för kampanjen 2026 passerade 2026-04-01 17:00',
    );
    expect(beforeOpening.status).toBe(422);
    expect(beforeOpening.body.error.details).toMatchObject({ reason: 'not_yet_open' });
    expect(beforeOpening.body.error.message).toContain('tar emot svar först från 2026-03-02 09:00');
    expect(await runAudits(late.ctx)).toEqual([]);
    expect(await runAudits(early.ctx)).toEqual([]);
  });

  it('says the same reason and dates in English as in Swedish, not the general refusal', async () => {
    // Arrange: the campaign opens 2 March 09:00 and closes 1 April 17:00 (Stockholm).
    const late = await setup({}, sthlm('2026-04-02 09:00'));
    const early = await setup({}, sthlm('2026-03-01 09:00'));
    const draft = await setup({ status: 'draft' });
    const closed = await setup({ status: 'closed' });
    const rule = 'Reminders go out only while the campaign is open and taking answers.';
    // Act
    const afterDeadline = await run(late.ctx, late.admin, { dryRun: false }, 'en');
    const beforeOpening = await run(early.ctx, early.admin, { dryRun: false }, 'en-GB,en;q=0.9,sv;q=0.5');
    const ofDraft = await run(draft.ctx, draft.admin, { dryRun: false }, 'en');
    const dryOfClosed = await run(closed.ctx, closed.admin, { dryRun: true, at: '2026-03-25T09:00:00+01:00' }, 'en');
    const swedish = await run(late.ctx, late.admin, { dryRun: false }, 'sv');
    // Assert
    expect(afterDeadline.body.error).toMatchObject({
      code: 'campaign_not_open_for_reminders',
      message: `The deadline of campaign 2026 passed at 2026-04-01 17:00. ${rule} Nothing was sent.`,
      details: { reason: 'deadline_passed', status: 'open' },
    });
    expect(beforeOpening.body.error.message).toBe(
      `Campaign 2026 takes answers only from 2026-03-02 09:00. ${rule} Nothing was sent.`,
    );
    expect(ofDraft.body.error.message).toBe(
      `Campaign 2026 is a draft and has not been opened. ${rule} Open the campaign first. Nothing was sent.`,
    );
    expect(dryOfClosed.body.error.message).toBe(`Campaign 2026 is closed. ${rule} There is nothing to preview.`);
    expect(swedish.body.error.message).toBe(
      'Sista svarsdagen för kampanjen 2026 passerade 2026-04-01 17:00. ' +
        'Påminnelser skickas bara medan kampanjen är öppen och tar emot svar. Inget skickades.',
    );
  });

  it('refuses a dry run of a closed campaign, which could show nothing', async () => {
    // Arrange
    const { ctx, admin } = await setup({ status: 'closed' });
    // Act
    const dry = await run(ctx, admin, { dryRun: true, at: '2026-03-25T09:00:00+01:00' });
    // Assert
    expect(dry.status).toBe(422);
    expect(dry.body.error.code).toBe('campaign_not_open_for_reminders');
    expect(dry.body.error.message).toMatch(/Det finns inget att förhandsgranska\.$/);
  });

  it("previews a draft's mailings as if it were open at the time asked for, and changes nothing", async () => {
    // Arrange
    const { ctx, admin } = await setup({ status: 'draft' });
    const counter = countCommands(ctx.clients);
    // Act: the opening, when the invitation would go out.
    const dry = await run(ctx, admin, { dryRun: true, at: '2026-03-02T09:00:00+01:00' });
    // Assert
    expect(dry.status).toBe(200);
    expect(dry.body.step).toMatchObject({ id: 'invitation', kind: 'invitation' });
    expect(dry.body.due.map((d: { contact: { id: string } }) => d.contact.id).sort()).toEqual([
      'politiker-1280',
      'politiker-1281',
      'tjansteperson-1280',
      'tjansteperson-1281',
    ]);
    expect(dry.body.skipped.map((s: { reason: string }) => s.reason)).not.toContain('campaign_not_open');
    expect(counter.writes()).toBe(0);
    expect(await reminderEmails(ctx)).toEqual([]);
  });

  it('keeps the scheduled run quiet: an open campaign past its deadline is planned, nobody emailed, nothing thrown', async () => {
    // Arrange: open (it holds the open lock) but past its deadline; the hourly run has no actor.
    const { ctx } = await setup({}, sthlm('2026-04-02 09:00'));
    const { handler, lines } = remindersHandlerOn(ctx);
    expect(await new CampaignRepository(ctx.store).openYear()).toBe(2026);
    // Act
    const result = await handler({}, { awsRequestId: 'req-late' });
    // Assert
    expect(result).toEqual({ year: 2026, due: 0, sent: 0, failed: 0 });
    expect(lines.map((line) => JSON.parse(line).level)).not.toContain('error');
    expect(await reminderEmails(ctx)).toEqual([]);
  });
});
