import { describe, expect, it } from 'vitest';
import { readOutbox } from '../../functions/mail/outbox-mail';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { ADMIN_EMAIL, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { markInvited, reminderCampaign, seedReminderMembers, sthlm } from '../helpers/reminder-setup';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { submitScoredResponse } from '../helpers/seeded-context';
import { countCommands, makeTestContext, signIn, type TestContext } from '../helpers/test-app';

/**
 * One membership rule (shared/domain/membership.ts) for the reminders, "Påminn nu", progress,
 * Klimatläget and the exports. The world: the reminder members of test/helpers/reminder-setup.ts
 * (Lund not started, Malmö a draft, Region Skåne excused, Göteborg unreachable) plus Luleå, on the
 * reminder campaign (2 March 09:00 to 1 April 17:00 2026, Stockholm time; 14 days before closing
 * is Wednesday 18 March, 7 days before 25 March).
 */
const LULEA: Organisation = { id: '2580', name: 'Luleå', type: 'kommun', memberSince: '2019-01-01' };
const KIRUNA: Organisation = { id: '2584', name: 'Kiruna', type: 'kommun' };
const UMEA: Organisation = { id: '2480', name: 'Umeå', type: 'kommun' };

const PROGRESS = '/api/admin/campaigns/2026/progress';
const RUN = '/api/admin/campaigns/2026/reminders/run';
const REMIND_LULEA = `/api/admin/campaigns/2026/responses/${LULEA.id}/remind`;

async function setup(now = sthlm('2026-03-18 09:00'), extra: Organisation[] = [LULEA]) {
  const ctx = await makeTestContext({ now: now.toISOString() });
  await seedReminderMembers(ctx);
  await seedOrganisations(ctx, extra);
  await seedCampaign(ctx, reminderCampaign());
  const admin = await signIn(ctx, ADMIN_EMAIL);
  return { ctx, admin };
}

async function setMembership(ctx: TestContext, admin: string, code: string, dates: Partial<Organisation>) {
  const res = await call(ctx, admin, 'PATCH', `/api/admin/organisations/${code}`, dates);
  expect(res.status).toBe(200);
}

/** A reminders run through the API: a dry run unless told, at a Stockholm wall-clock time. */
async function runAt(ctx: TestContext, admin: string, local: string, dryRun = true) {
  const res = await call(ctx, admin, 'POST', RUN, { dryRun, at: sthlm(local).toISOString() });
  expect(res.status).toBe(200);
  return res.body as {
    step: { id: string } | null;
    due: Array<{ contact: { id: string } }>;
    sent: Array<{ contact: { id: string } }>;
    skipped: Array<{ contact: { id: string } }>;
  };
}

/** Moves the clock to a Stockholm wall-clock time and signs the kansli in again (sessions last 12 hours). */
async function travelTo(ctx: TestContext, local: string): Promise<string> {
  ctx.clock.set(sthlm(local));
  return signIn(ctx, ADMIN_EMAIL);
}

const contactIds = (list: Array<{ contact: { id: string } }>) => list.map((item) => item.contact.id);
const ofLulea = (ids: string[]) => ids.filter((id) => id.endsWith(`-${LULEA.id}`));

async function progressCodes(ctx: TestContext, admin: string): Promise<string[]> {
  const res = await call(ctx, admin, 'GET', PROGRESS);
  expect(res.status).toBe(200);
  return res.body.map((row: { organisationId: string }) => row.organisationId);
}

describe('a former member (Luleå, member until 31 December 2025) in the 2026 campaign', () => {
  it('is neither in the 14-days-before reminders nor in progress, and was in both while a member', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    await markInvited(ctx); // the invitation went out at opening, so the plan is d14's reminders
    const before = await runAt(ctx, admin, '2026-03-18 08:00');
    // Act
    await setMembership(ctx, admin, LULEA.id, { memberUntil: '2025-12-31' });
    const after = await runAt(ctx, admin, '2026-03-18 08:00');
    // Assert
    expect(before.step?.id).toBe('d14');
    expect(ofLulea(contactIds(before.due))).toEqual(['politiker-2580', 'tjansteperson-2580']);
    expect(after.step?.id).toBe('d14');
    expect(contactIds(after.due)).toEqual(['tjansteperson-1280', 'politiker-1281', 'tjansteperson-1281']);
    expect(ofLulea(contactIds(after.skipped))).toEqual([]);
    expect(await progressCodes(ctx, admin)).toEqual(['12', '1280', '1281', '1480']);
  });

  it('gets no invitation when the campaign opens', async () => {
    // Arrange
    const { ctx, admin } = await setup(sthlm('2026-03-01 12:00'));
    await setMembership(ctx, admin, LULEA.id, { memberUntil: '2025-12-31' });
    // Act
    const run = await runAt(ctx, admin, '2026-03-02 09:00', false);
    // Assert
    expect(run.step?.id).toBe('invitation');
    expect(contactIds(run.sent)).toContain('politiker-1281');
    expect(ofLulea(contactIds(run.sent))).toEqual([]);
    const invited = (await readOutbox(ctx.store)).filter((m) => m.kind === 'invitation').flatMap((m) => m.to);
    expect(invited).not.toContain('politiker.2580@example.se');
  });

  it('is refused by "Påminn nu" with a 422 in Swedish, and nothing is written or sent', async () => {
    // Arrange
    const { ctx, admin } = await setup();
    await setMembership(ctx, admin, LULEA.id, { memberUntil: '2025-12-31' });
    const commands = countCommands(ctx.clients);
    // Act
    const res = await call(ctx, admin, 'POST', REMIND_LULEA);
    // Assert
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'organisation_not_member',
      message: 'Luleå är inte längre medlem: medlemskapet upphörde 2025-12-31. Ingen påminnelse skickades.',
      details: { memberSince: '2019-01-01', memberUntil: '2025-12-31' },
    });
    expect(commands.writes()).toBe(0);
    expect((await readOutbox(ctx.store)).filter((m) => m.kind === 'reminder')).toEqual([]);
  });

  it('keeps its submitted answers: in progress, counted in Klimatläget and in the export, never reminded', async () => {
    // Arrange: Luleå submitted, then the kansli recorded that its membership had ended with 2025
    const { ctx, admin } = await setup();
    await submitScoredResponse(ctx, 2026, LULEA.id, completeKommunAnswers());
    await setMembership(ctx, admin, LULEA.id, { memberUntil: '2025-12-31' });
    // Act
    const run = await runAt(ctx, admin, '2026-03-18 08:00');
    const progress = await call(ctx, admin, 'GET', PROGRESS);
    const published = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/publish');
    const exported = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/responses');
    // Assert: the members asked are Malmö, Lund and Göteborg (Region Skåne is excused); Luleå answered
    expect(ofLulea([...contactIds(run.due), ...contactIds(run.skipped)])).toEqual([]);
    expect(progress.body.find((row: { organisationId: string }) => row.organisationId === LULEA.id)).toMatchObject({
      status: 'submitted',
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ respondents: 1, organisations: 4 });
    expect(
      exported.body.responses.map((r: { organisation: { id: string }; status: string }) => [
        r.organisation.id,
        r.status,
      ]),
    ).toEqual([
      ['12', 'not_started'],
      ['1280', 'draft'],
      ['1281', 'not_started'],
      ['1480', 'not_started'],
      ['2580', 'submitted'],
    ]);
  });
});

describe('a membership that ends or begins while the campaign runs', () => {
  it('ending on 15 March: invited, not reminded after its last day, refused by "Påminn nu", still in progress', async () => {
    // Arrange
    const { ctx, admin } = await setup(sthlm('2026-03-01 12:00'));
    await setMembership(ctx, admin, LULEA.id, { memberUntil: '2026-03-15' });
    // Act
    const invitation = await runAt(ctx, admin, '2026-03-02 09:00', false);
    const later = await travelTo(ctx, '2026-03-18 10:00');
    const d14 = await runAt(ctx, later, '2026-03-18 08:00');
    const remind = await call(ctx, later, 'POST', REMIND_LULEA);
    // Assert
    expect(ofLulea(contactIds(invitation.sent))).toEqual(['politiker-2580', 'tjansteperson-2580']);
    expect(d14.step?.id).toBe('d14');
    expect(ofLulea([...contactIds(d14.due), ...contactIds(d14.skipped)])).toEqual([]);
    expect(remind.status).toBe(422);
    expect(remind.body.error.code).toBe('organisation_not_member');
    expect(remind.body.error.message).toBe(
      'Luleå är inte längre medlem: medlemskapet upphörde 2026-03-15. Ingen påminnelse skickades.',
    );
    expect(await progressCodes(ctx, later)).toContain(LULEA.id);
  });

  it('ending on 15 March while a contact is signed in: the survey says why before anyone types, as the save refuses', async () => {
    // Arrange: signed in on the last evening of the membership (a session lasts 12 hours)
    const { ctx, admin } = await setup(sthlm('2026-03-15 20:00'));
    await setMembership(ctx, admin, LULEA.id, { memberUntil: '2026-03-15' });
    const contact = await signIn(ctx, `politiker.${LULEA.id}@example.se`);
    const view = async () => (await call(ctx, contact, 'GET', '/api/campaigns/2026/response')).body;
    // Act
    const lastEvening = await view();
    ctx.clock.set(sthlm('2026-03-16 00:30'));
    const nextMorning = await view();
    const save = await call(ctx, contact, 'PUT', '/api/campaigns/2026/response', { data: {}, version: 0 });
    // Assert
    expect(lastEvening.notAMember).toBeNull();
    expect(nextMorning.notAMember).toEqual({ reason: 'ended', memberSince: '2019-01-01', memberUntil: '2026-03-15' });
    expect(save.status).toBe(403);
    expect(save.body.error).toMatchObject({ code: 'not_a_member', details: { reason: 'ended' } });
  });

  it('beginning on 20 March: no invitation, refused by "Påminn nu" before its first day, reminded after', async () => {
    // Arrange
    const { ctx, admin } = await setup(sthlm('2026-03-01 12:00'));
    await setMembership(ctx, admin, LULEA.id, { memberSince: '2026-03-20' });
    // Act
    const invitation = await runAt(ctx, admin, '2026-03-02 09:00', false);
    const later = await travelTo(ctx, '2026-03-18 10:00');
    const early = await call(ctx, later, 'POST', REMIND_LULEA);
    const d7 = await runAt(ctx, later, '2026-03-25 08:00');
    // Assert
    expect(ofLulea(contactIds(invitation.sent))).toEqual([]);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toBe(
      'Luleå är inte medlem ännu: medlemskapet börjar 2026-03-20. Ingen påminnelse skickades.',
    );
    expect(d7.step?.id).toBe('d7');
    expect(ofLulea(contactIds(d7.due))).toEqual(['politiker-2580', 'tjansteperson-2580']);
    expect(await progressCodes(ctx, later)).toContain(LULEA.id);
  });
});

describe('Klimatläget and the exports count the members of the campaign, not of the calendar year', () => {
  it('leave out a member that left in January, before the campaign opened, and one that joined after it closed', async () => {
    // Arrange: Kiruna left on 31 January 2026, Umeå joins on 1 September 2026; Lund submits
    const { ctx, admin } = await setup(sthlm('2026-03-18 09:00'), [KIRUNA, UMEA]);
    await setMembership(ctx, admin, KIRUNA.id, { memberUntil: '2026-01-31' });
    await setMembership(ctx, admin, UMEA.id, { memberSince: '2026-09-01' });
    await submitScoredResponse(ctx, 2026, '1281', completeKommunAnswers());
    // Act
    const progress = await progressCodes(ctx, admin);
    const run = await runAt(ctx, admin, '2026-03-18 08:00');
    const exported = await call(ctx, admin, 'GET', '/api/admin/campaigns/2026/responses');
    const published = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/publish');
    const report = await call(ctx, undefined, 'GET', '/api/klimatlaget/2026');
    // Assert: asked are Malmö, Lund and Göteborg (Region Skåne is excused), the same in every view
    expect(progress).toEqual(['12', '1280', '1281', '1480']);
    const remindedCodes = new Set([...run.due, ...run.skipped].map((item) => item.contact.id.split('-')[1]));
    expect([...remindedCodes].sort()).toEqual(['12', '1280', '1281', '1480']);
    expect(exported.body.responses.map((r: { organisation: { id: string } }) => r.organisation.id)).toEqual(progress);
    expect(published.body).toMatchObject({ respondents: 1, organisations: 3 });
    expect(report.body.report.byType.kommun).toMatchObject({ respondents: 1, organisations: 3 });
  });
});
