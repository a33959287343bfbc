import { beforeEach, describe, expect, it } from 'vitest';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { OrganisationRepository } from '../../functions/features/organisations/organisation.repository';
import { ReminderLogRepository } from '../../functions/features/reminders/reminder-log.repository';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { call } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import { countCommands, signIn, type TestContext } from '../helpers/test-app';

const PROGRESS = '/api/admin/campaigns/2026/progress';

async function saveDraft(ctx: TestContext, organisationId: string, answered: number, totalQuestions = 40) {
  await new ResponseRepository(ctx.store).saveDraft({
    year: 2026,
    organisationId,
    organisationType: organisationId.length === 2 ? 'region' : 'kommun',
    data: { B1: true },
    editor: { name: 'Erik Nilsson', email: `tjansteperson.${organisationId}@example.se` },
    answered,
    totalQuestions,
    expectedVersion: 0,
    campaignAcceptsWrites: true,
    now: ctx.clock.now().toISOString(),
  });
}

async function logReminder(
  ctx: TestContext,
  organisationId: string,
  contactId: string,
  stepId: 'd14' | 'd7' | 'invitation' | `manual-${string}`,
  sent = true,
) {
  const log = new ReminderLogRepository(ctx.store);
  const ref = { year: 2026, organisationId, contactId, stepId } as const;
  await log.claim({
    ...ref,
    kind: stepId === 'invitation' ? 'invitation' : 'reminder',
    variant: stepId === 'invitation' ? 'invitation' : 'no-response',
    at: ctx.clock.now(),
    claimId: `run-${stepId}-${contactId}`,
    seenAttempts: 0,
    leaseMs: 60_000,
    maxAttempts: 3,
  });
  if (sent) await log.markSent(ref, `run-${stepId}-${contactId}`, { at: ctx.clock.now(), messageId: 'm' });
}

describe('campaign progress', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
  });

  it('answers one row per organisation with status, share, last edit, reminders and email problems', async () => {
    // Arrange
    await saveDraft(ctx, '1281', 10, 40);
    await new ResponseRepository(ctx.store).adminUpdate(2026, '1280', 'kommun', { excused: true });
    await logReminder(ctx, '12', 'politiker-12', 'd7');
    await logReminder(ctx, '12', 'tjansteperson-12', 'd7');
    await logReminder(ctx, '12', 'politiker-12', 'invitation');
    await logReminder(ctx, '1281', 'politiker-1281', 'd7', false);
    const contacts = new ContactRepository(ctx.store);
    const official = await contacts.findById('tjansteperson-12');
    await contacts.update(official!, { ...official!, emailState: 'bounced' });
    // Act
    const res = await call(ctx, admin, 'GET', PROGRESS);
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        organisationId: '12',
        name: 'Region Skåne',
        type: 'region',
        status: 'not_started',
        answeredShare: 0,
        updatedAt: null,
        updatedBy: null,
        // d7 to both contacts is one reminder occasion; the invitation does not count.
        remindersSent: 1,
        emailProblems: [
          {
            code: 'bounced',
            message: expect.any(String),
            contactId: 'tjansteperson-12',
            email: 'tjansteperson.12@example.se',
          },
        ],
        closesAtOverride: null,
        score: null,
        overridesToCheck: 0,
        inCampaign: true,
      },
      expect.objectContaining({ organisationId: '1280', status: 'excused', remindersSent: 0, emailProblems: [] }),
      expect.objectContaining({
        organisationId: '1281',
        status: 'draft',
        answeredShare: 0.25,
        updatedAt: '2026-03-10T09:00:00.000Z',
        updatedBy: { name: 'Erik Nilsson', email: 'tjansteperson.1281@example.se' },
        remindersSent: 0,
      }),
    ]);
  });

  it('counts reminder occasions, not emails: each step and each day of "Påminn nu" once', async () => {
    // Arrange: Region Skåne had d14 to both contacts, d7 to one, and a click of "Påminn nu" to both.
    for (const contactId of ['politiker-12', 'tjansteperson-12']) {
      await logReminder(ctx, '12', contactId, 'invitation');
      await logReminder(ctx, '12', contactId, 'd14');
      await logReminder(ctx, '12', contactId, 'manual-2026-03-09');
    }
    await logReminder(ctx, '12', 'politiker-12', 'd7');
    // Act
    const res = await call(ctx, admin, 'GET', PROGRESS);
    // Assert
    const skane = res.body.find((row: { organisationId: string }) => row.organisationId === '12');
    expect(skane.remindersSent).toBe(3);
  });

  it('lists a missing statute role as an email problem', async () => {
    await call(ctx, admin, 'DELETE', '/api/admin/contacts/politiker-1280');
    const res = await call(ctx, admin, 'GET', PROGRESS);
    const malmo = res.body.find((row: { organisationId: string }) => row.organisationId === '1280');
    expect(malmo.emailProblems.map((p: { code: string }) => p.code)).toEqual(['missing_politician']);
  });

  it('filters by status and sorts by a column', async () => {
    // Arrange
    await saveDraft(ctx, '1281', 10);
    await saveDraft(ctx, '1280', 30);
    // Act
    const drafts = await call(ctx, admin, 'GET', `${PROGRESS}?status=draft&sort=answeredShare&order=desc`);
    const byName = await call(ctx, admin, 'GET', `${PROGRESS}?sort=name`);
    // Assert
    expect(drafts.body.map((row: { organisationId: string }) => row.organisationId)).toEqual(['1280', '1281']);
    expect(byName.body.map((row: { name: string }) => row.name)).toEqual(['Lund', 'Malmö', 'Region Skåne']);
  });

  it('leaves out organisations whose membership ended before the campaign opened', async () => {
    await call(ctx, admin, 'PATCH', '/api/admin/organisations/1280', { memberUntil: '2025-12-31' });
    const res = await call(ctx, admin, 'GET', PROGRESS);
    expect(res.body.map((row: { organisationId: string }) => row.organisationId)).toEqual(['12', '1281']);
  });

  it('keeps a former member with a draft as a row, marked as not in the campaign (Klimatläget does not count it as asked)', async () => {
    await saveDraft(ctx, '1281', 10, 40);
    // Written to the register directly: the row is what is tested here, not the PATCH's own rules.
    const organisations = new OrganisationRepository(ctx.store);
    const lund = await organisations.get('1281');
    await organisations.replace({ ...lund!, memberUntil: '2025-12-31' });
    const res = await call(ctx, admin, 'GET', PROGRESS);
    const rows = res.body.map((row: { organisationId: string; inCampaign: boolean }) => [
      row.organisationId,
      row.inCampaign,
    ]);
    expect(rows).toEqual([
      ['12', true],
      ['1280', true],
      ['1281', false],
    ]);
  });

  it("shows an organisation's own deadline when it is later than the campaign's, which has no effect otherwise", async () => {
    // Arrange: the campaign closes 2026-04-30T21:59Z
    const responses = new ResponseRepository(ctx.store);
    await responses.adminUpdate(2026, '1281', 'kommun', { closesAtOverride: '2026-05-10T21:59:00.000Z' });
    await responses.adminUpdate(2026, '1280', 'kommun', { closesAtOverride: '2026-04-20T21:59:00.000Z' });
    // Act
    const res = await call(ctx, admin, 'GET', PROGRESS);
    // Assert
    const deadlines = Object.fromEntries(
      res.body.map((row: { organisationId: string; closesAtOverride: string | null }) => [
        row.organisationId,
        row.closesAtOverride,
      ]),
    );
    expect(deadlines).toEqual({ '12': null, '1280': null, '1281': '2026-05-10T21:59:00.000Z' });
  });

  it('answers 404 for an unknown campaign and 400 for an unknown status filter', async () => {
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2031/progress')).status).toBe(404);
    expect((await call(ctx, admin, 'GET', `${PROGRESS}?status=late`)).status).toBe(400);
  });

  it('refuses members with 403 and anonymous callers with 401', async () => {
    const member = await signIn(ctx, 'politiker.1281@example.se');
    expect((await call(ctx, member, 'GET', PROGRESS)).status).toBe(403);
    expect((await call(ctx, undefined, 'GET', PROGRESS)).status).toBe(401);
  });
});

describe('the cost of the progress page', () => {
  it('reads 30 organisations with at most ceil(N/100) + 2 queries and never a scan', async () => {
    // Arrange
    const organisations: Organisation[] = Array.from({ length: 30 }, (_, i) => ({
      id: `12${String(i + 10).padStart(2, '0')}`,
      name: `Kommun ${i + 1}`,
      type: 'kommun',
    }));
    const { ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations, campaign: true });
    for (const organisation of organisations.slice(0, 20)) await saveDraft(ctx, organisation.id, 5);
    for (const organisation of organisations.slice(0, 10)) {
      await logReminder(ctx, organisation.id, `politiker-${organisation.id}`, 'd7');
    }
    const commands = countCommands(ctx.clients);
    // Act
    const res = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/progress');
    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(30);
    expect(res.body.filter((row: { status: string }) => row.status === 'draft')).toHaveLength(20);
    expect(res.body.filter((row: { remindersSent: number }) => row.remindersSent === 1)).toHaveLength(10);
    const queries = commands.calls.filter((name) => name === 'QueryCommand').length;
    expect(queries).toBeLessThanOrEqual(Math.ceil(30 / 100) + 2);
    expect(commands.calls).not.toContain('ScanCommand');
    expect(commands.writes()).toBe(0);
  });
});
