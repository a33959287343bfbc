import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLAIM_LEASE_MS,
  type PlanContact,
  type PlanOrganisation,
  planReminders,
  type ReminderLogEntry,
} from '../../../shared/reminders/index';
import {
  hourly,
  makeCampaign,
  makeContact,
  makeOrganisation,
  makePolicy,
  sent,
  simulate,
  sthlm,
} from './reminder-fixtures';

/**
 * The catch-up invitation: a contact with no invitation in the log (added after the campaign's
 * invitation went out) gets the invitation, not the reminder that is due, and only once.
 * Campaign: opens Monday 3 March 2025 09:00, closes Wednesday 2 April 17:00; d7 is 26 March 08:00.
 */
const campaign = makeCampaign();
const d7At = sthlm('2025-03-26 08:00');
const lastDayAt = sthlm('2025-04-02 08:00');
const invitationAt = sthlm('2025-03-03 09:00');

function planFor(options: {
  at?: Date;
  policy?: Record<string, unknown>;
  organisation?: Partial<PlanOrganisation>;
  contact?: Partial<PlanContact>;
  log?: ReminderLogEntry[];
}) {
  return planReminders({
    policy: makePolicy(options.policy),
    campaign,
    at: options.at ?? d7At,
    organisations: [
      makeOrganisation({
        id: 'o1',
        ...options.organisation,
        contacts: [makeContact({ id: 'new', ...options.contact })],
      }),
    ],
    log: options.log ?? [],
  });
}

const invitation = (attempt = 1) => ({
  contactId: 'new',
  organisationId: 'o1',
  stepId: 'invitation',
  kind: 'invitation',
  variant: 'invitation',
  attempt,
});

describe('the catch-up invitation', () => {
  it('gives a contact with no invitation the invitation instead of the reminder due', () => {
    const plan = planFor({});
    expect(plan.step?.id).toBe('d7');
    expect(plan.due).toEqual([invitation()]);
  });

  it('gives the invitation, not the draft reminder, to a new contact of an organisation with a draft', () => {
    expect(planFor({ organisation: { status: 'draft', answered: 3, total: 40 } }).due).toEqual([invitation()]);
  });

  it('sends the reminder as before to a contact who got the invitation', () => {
    const plan = planFor({ log: [sent('new', 'invitation', invitationAt)] });
    expect(plan.due).toEqual([{ ...invitation(), stepId: 'd7', kind: 'reminder', variant: 'no-response' }]);
  });

  it("gives a contact moved from another organisation this one's invitation: the other's names that one", () => {
    // Arrange: the same contact id and address, invited for o2 before it was moved to o1
    const elsewhere = { ...sent('new', 'invitation', invitationAt), organisationId: 'o2' };
    // Act
    const moved = planFor({ log: [elsewhere] });
    const invitedHere = planFor({ log: [{ ...elsewhere, organisationId: 'o1' }, elsewhere] });
    // Assert
    expect(moved.due).toEqual([invitation()]);
    expect(invitedHere.due).toEqual([{ ...invitation(), stepId: 'd7', kind: 'reminder', variant: 'no-response' }]);
  });

  it("gives a moved contact this organisation's step as a first try when it failed for the other", () => {
    // Arrange: invited here long ago; d7 failed for o2 before the move. A retry claims its own
    // organisation's entry, which o1 does not have, so it must be planned as a first try.
    const invitedHere = { ...sent('new', 'invitation', invitationAt), organisationId: 'o1' };
    const failedElsewhere: ReminderLogEntry = {
      contactId: 'new',
      organisationId: 'o2',
      stepId: 'd7',
      state: 'failed',
      at: sthlm('2025-03-26 08:01'),
      attempts: 1,
    };
    const d7 = { ...invitation(), stepId: 'd7', kind: 'reminder', variant: 'no-response' };
    const later = new Date(d7At.getTime() + 2 * 60 * 60_000);
    // Act
    const moved = planFor({ at: later, log: [invitedHere, failedElsewhere] });
    const failedHere = planFor({ at: later, log: [invitedHere, { ...failedElsewhere, organisationId: 'o1' }] });
    const sentElsewhere = planFor({ at: later, log: [invitedHere, { ...failedElsewhere, state: 'sent' }] });
    const inFlightElsewhere = planFor({
      at: new Date(failedElsewhere.at.getTime() + 60_000),
      log: [invitedHere, { ...failedElsewhere, state: 'claimed' }],
    });
    // Assert
    expect(moved.due).toEqual([d7]);
    expect(failedHere.due).toEqual([{ ...d7, attempt: 2 }]);
    expect(sentElsewhere.skipped.map((s) => s.reason)).toEqual(['already_sent']);
    expect(inFlightElsewhere.skipped.map((s) => s.reason)).toEqual(['in_progress']);
  });

  it('gives an unsubscribed contact the invitation, as at opening (the existing rule)', () => {
    expect(planFor({ contact: { emailState: 'unsubscribed' } }).due).toEqual([invitation()]);
  });

  it('sends no catch-up to a bounced contact, a submitted or an excused organisation', () => {
    expect(planFor({ contact: { emailState: 'bounced' } }).skipped.map((s) => s.reason)).toEqual(['bounced']);
    expect(planFor({ organisation: { status: 'submitted' } }).skipped.map((s) => s.reason)).toEqual(['submitted']);
    expect(planFor({ organisation: { excused: true } }).skipped.map((s) => s.reason)).toEqual(['excused']);
  });

  it('sends no invitation when the policy sends none: the reminder goes as before', () => {
    const plan = planFor({ policy: { invitationOnOpen: false } });
    expect(plan.due).toEqual([{ ...invitation(), stepId: 'd7', kind: 'reminder', variant: 'no-response' }]);
  });

  it('leaves an invitation being sent (the console or another run holds the claim) to its holder, with no reminder beside it', () => {
    const claimed: ReminderLogEntry = {
      contactId: 'new',
      stepId: 'invitation',
      state: 'claimed',
      at: d7At,
      attempts: 1,
    };
    const plan = planFor({ at: new Date(d7At.getTime() + 60_000), log: [claimed] });
    expect(plan.due).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['in_progress']);
  });

  it('retries an invitation that failed (e.g. from the console), as the invitation', () => {
    const failed: ReminderLogEntry = {
      contactId: 'new',
      stepId: 'invitation',
      state: 'failed',
      at: sthlm('2025-03-25 10:00'),
      attempts: 1,
    };
    expect(planFor({ log: [failed] }).due).toEqual([invitation(2)]);
  });

  it('retries an invitation claim whose lease ran out', () => {
    const claimed: ReminderLogEntry = {
      contactId: 'new',
      stepId: 'invitation',
      state: 'claimed',
      at: d7At,
      attempts: 1,
    };
    expect(planFor({ at: new Date(d7At.getTime() + DEFAULT_CLAIM_LEASE_MS), log: [claimed] }).due).toEqual([
      invitation(2),
    ]);
  });

  it('falls back to the reminder when the invitation has no attempts left', () => {
    const givenUp: ReminderLogEntry = {
      contactId: 'new',
      stepId: 'invitation',
      state: 'failed',
      at: sthlm('2025-03-20 10:00'),
      attempts: 5,
    };
    expect(planFor({ log: [givenUp] }).due).toEqual([
      { ...invitation(), stepId: 'd7', kind: 'reminder', variant: 'no-response' },
    ]);
  });

  it('is not held back by the maximum number of reminders, which it does not count toward', () => {
    const plan = planFor({ policy: { maxReminders: 1 }, log: [sent('new', 'd14', sthlm('2025-03-19 08:00'))] });
    expect(plan.due).toEqual([invitation()]);
  });

  it('keeps the days between emails, except on the last day', () => {
    const log = [sent('new', 'd14', sthlm('2025-03-25 08:00'))];
    expect(planFor({ log }).skipped.map((s) => s.reason)).toEqual(['min_days_between']);
    const lastDay = [sent('new', 'd2', sthlm('2025-04-01 08:00'))];
    expect(planFor({ at: lastDayAt, log: lastDay }).due).toEqual([invitation()]);
  });

  it('gives a contact added on the last day the invitation, not the last-day reminder', () => {
    const plan = planFor({ at: lastDayAt, organisation: { status: 'draft' } });
    expect(plan.step?.id).toBe('last-day');
    expect(plan.due).toEqual([invitation()]);
  });

  it('waits for the send window like the step it replaces', () => {
    const plan = planFor({ at: sthlm('2025-03-26 18:00') });
    expect(plan.due).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['outside_send_window']);
  });

  it('sends nothing before any step is due or once the campaign is closed', () => {
    expect(planFor({ at: sthlm('2025-03-03 08:00') }).skipped.map((s) => s.reason)).toEqual(['campaign_not_open']);
    expect(planFor({ at: sthlm('2025-04-02 17:00') }).skipped.map((s) => s.reason)).toEqual(['campaign_not_open']);
  });

  it('counts the same in a dry run: the plan is the same plan', () => {
    const organisations = [
      makeOrganisation({ id: 'o1', contacts: [makeContact({ id: 'old' }), makeContact({ id: 'new' })] }),
    ];
    const plan = planReminders({
      policy: makePolicy(),
      campaign,
      at: d7At,
      organisations,
      log: [sent('old', 'invitation', invitationAt)],
    });
    expect(plan.due.map((email) => `${email.contactId} ${email.stepId}`)).toEqual(['old d7', 'new invitation']);
  });
});

describe('a contact added mid-campaign, run every hour', () => {
  it('gets the invitation at the next run in the window, once, and then the reminders spaced from it', () => {
    // Arrange: Tjänsteperson B is added on Saturday 22 March 2025 (after d14 went out on 19 March)
    const addedAt = sthlm('2025-03-22 11:00');
    const policy = makePolicy();
    // Act
    const { records } = simulate({
      policy,
      campaign,
      runs: hourly(campaign.opensAt, campaign.closesAt),
      organisationsAt: (at) => [
        makeOrganisation({
          id: 'o1',
          contacts: [makeContact({ id: 'a' }), ...(at >= addedAt ? [makeContact({ id: 'b' })] : [])],
        }),
      ],
    });
    // Assert
    const to = (id: string) =>
      records.filter((record) => record.contactId === id).map((r) => `${r.at} ${r.stepId} ${r.variant}`);
    expect(to('a')).toEqual([
      '2025-03-03 09:00 invitation invitation',
      '2025-03-19 08:00 d14 no-response',
      '2025-03-26 08:00 d7 no-response',
      '2025-03-31 08:00 d2 no-response',
      '2025-04-02 08:00 last-day last-day',
    ]);
    // Monday morning, the first hour in the window; d7 then waits three days for it.
    expect(to('b')).toEqual([
      '2025-03-24 08:00 invitation invitation',
      '2025-03-27 08:00 d7 no-response',
      '2025-03-31 08:00 d2 no-response',
      '2025-04-02 08:00 last-day last-day',
    ]);
  });

  it('gets only the invitation when added on the last day', () => {
    const addedAt = sthlm('2025-04-02 13:30');
    const { records } = simulate({
      policy: makePolicy(),
      campaign,
      runs: hourly(campaign.opensAt, campaign.closesAt),
      organisationsAt: (at) => [
        makeOrganisation({ id: 'o1', contacts: at >= addedAt ? [makeContact({ id: 'b' })] : [] }),
      ],
    });
    expect(records.map((r) => `${r.at} ${r.stepId} ${r.contactId}`)).toEqual(['2025-04-02 14:00 invitation b']);
  });
});
