import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isInWindow,
  type PlanOrganisation,
  planReminders,
  stockholmDate,
  stockholmInstant,
} from '../../../shared/reminders/index';
import { hourly, makeCampaign, makeContact, makeOrganisation, makePolicy, simulate, sthlm } from './reminder-fixtures';

// Opens Monday 3 March 2025 09:00, closes Wednesday 2 April 17:00; summer time starts on Sunday 30 March.
const campaign = makeCampaign();
const everyHour = hourly(campaign.opensAt, campaign.closesAt);

function members(options: { dSubmittedFrom?: Date; at: Date }): PlanOrganisation[] {
  const dSubmitted = options.dSubmittedFrom !== undefined && options.at >= options.dSubmittedFrom;
  return [
    makeOrganisation({
      id: 'org-a',
      name: 'Kommun A',
      contacts: [makeContact({ id: 'a1' }), makeContact({ id: 'a2', emailState: 'unsubscribed' })],
    }),
    makeOrganisation({
      id: 'org-b',
      name: 'Region B',
      type: 'region',
      status: 'draft',
      answered: 12,
      total: 40,
      contacts: [makeContact({ id: 'b1', role: 'politician' }), makeContact({ id: 'b2', emailState: 'bounced' })],
    }),
    makeOrganisation({ id: 'org-c', name: 'Kommun C', excused: true, contacts: [makeContact({ id: 'c1' })] }),
    makeOrganisation({
      id: 'org-d',
      name: 'Kommun D',
      status: dSubmitted ? 'submitted' : 'draft',
      contacts: [makeContact({ id: 'd1' })],
    }),
    makeOrganisation({ id: 'org-e', name: 'Kommun E', contacts: [makeContact({ id: 'e1', email: 'ingen adress' })] }),
    makeOrganisation({
      id: 'org-f',
      name: 'Kommun F',
      contacts: [makeContact({ id: 'f1', emailState: 'complained' })],
    }),
  ];
}

const format = (records: { at: string; contactId: string; stepId: string; variant: string }[]) =>
  records.map((record) => `${record.at} ${record.stepId} ${record.variant} → ${record.contactId}`);

describe('a whole campaign in time travel, run every hour', () => {
  it('sends exactly these emails with the default policy', () => {
    // Arrange
    const policy = makePolicy();
    // Act
    const { records } = simulate({ policy, campaign, runs: everyHour, organisationsAt: (at) => members({ at }) });
    // Assert
    expect(format(records)).toEqual([
      '2025-03-03 09:00 invitation invitation → a1',
      '2025-03-03 09:00 invitation invitation → a2',
      '2025-03-03 09:00 invitation invitation → b1',
      '2025-03-03 09:00 invitation invitation → d1',
      '2025-03-19 08:00 d14 no-response → a1',
      '2025-03-19 08:00 d14 draft → b1',
      '2025-03-19 08:00 d14 draft → d1',
      '2025-03-26 08:00 d7 no-response → a1',
      '2025-03-26 08:00 d7 draft → b1',
      '2025-03-26 08:00 d7 draft → d1',
      // Monday 31 March 08:00 is summer time (06:00 UTC): the day after the clocks changed.
      '2025-03-31 08:00 d2 no-response → a1',
      '2025-03-31 08:00 d2 draft → b1',
      '2025-03-31 08:00 d2 draft → d1',
      // The last day (2 April) is 2 days after d2, under the default 3 days between, but the final
      // call is exempt from that rule.
      '2025-04-02 08:00 last-day last-day → a1',
      '2025-04-02 08:00 last-day last-day → b1',
      '2025-04-02 08:00 last-day last-day → d1',
    ]);
  });

  it('sends the last day although the 2-day step went out two days before', () => {
    // Arrange
    const policy = makePolicy();
    const { log } = simulate({
      policy,
      campaign,
      runs: hourly(campaign.opensAt, sthlm('2025-04-02 08:00')),
      organisationsAt: (at) => members({ at }),
    });
    const at = sthlm('2025-04-02 08:00');
    // Act
    const plan = planReminders({ policy, campaign, at, organisations: members({ at }), log });
    // Assert
    expect(plan.step?.id).toBe('last-day');
    expect(plan.due.map((email) => `${email.contactId} ${email.stepId} ${email.variant} #${email.attempt}`)).toEqual([
      'a1 last-day last-day #1',
      'b1 last-day last-day #1',
      'd1 last-day last-day #1',
    ]);
  });

  it('holds an ordinary step back for the days-between rule, and says so', () => {
    // Arrange: 8 days between; d7 (26 March) comes 7 days after d14 (19 March)
    const policy = makePolicy({ minDaysBetween: 8 });
    const at = sthlm('2025-03-26 08:00');
    const { log } = simulate({
      policy,
      campaign,
      runs: hourly(campaign.opensAt, at),
      organisationsAt: (runAt) => members({ at: runAt }),
    });
    // Act
    const plan = planReminders({ policy, campaign, at, organisations: members({ at }), log });
    // Assert
    expect(plan.step?.id).toBe('d7');
    expect(plan.due).toEqual([]);
    expect(
      plan.skipped.filter((skip) => ['a1', 'b1', 'd1'].includes(skip.contactId)).map((skip) => skip.reason),
    ).toEqual(['min_days_between', 'min_days_between', 'min_days_between']);
  });

  it('lets d7 wait a day and then holds d2 back when the days between are 8, but not the last day', () => {
    // Arrange
    const policy = makePolicy({ minDaysBetween: 8 });
    // Act
    const { records } = simulate({ policy, campaign, runs: everyHour, organisationsAt: (at) => members({ at }) });
    // Assert: d7 is still the latest due step on 27 March, 8 days after d14, so it goes out then; d2
    // (31 March) is 4 days after it and never sent; the last day is exempt from the rule.
    expect(format(records.filter((record) => record.contactId === 'a1'))).toEqual([
      '2025-03-03 09:00 invitation invitation → a1',
      '2025-03-19 08:00 d14 no-response → a1',
      '2025-03-27 08:00 d7 no-response → a1',
      '2025-04-02 08:00 last-day last-day → a1',
    ]);
  });

  it('sends nothing more to an organisation once it submits mid-way', () => {
    // Arrange: Kommun D submits on Saturday 22 March, between the 14- and 7-day steps
    const policy = makePolicy();
    const submittedAt = sthlm('2025-03-22 11:00');
    // Act
    const { records } = simulate({
      policy,
      campaign,
      runs: everyHour,
      organisationsAt: (at) => members({ at, dSubmittedFrom: submittedAt }),
    });
    // Assert
    expect(format(records.filter((record) => record.contactId === 'd1'))).toEqual([
      '2025-03-03 09:00 invitation invitation → d1',
      '2025-03-19 08:00 d14 draft → d1',
    ]);
    // a1 and b1: the invitation and four reminders each; a2 (unsubscribed): the invitation only.
    expect(records.filter((record) => record.contactId !== 'd1')).toHaveLength(11);
  });

  it('sends only the latest step after a job that did not run for a week', () => {
    // Arrange: the job runs until Tuesday 18 March, then not again until Thursday 27 March 10:00
    const policy = makePolicy();
    const runs = [
      ...hourly(campaign.opensAt, sthlm('2025-03-18 17:00')),
      ...hourly(sthlm('2025-03-27 10:00'), campaign.closesAt),
    ];
    // Act
    const { records } = simulate({ policy, campaign, runs, organisationsAt: (at) => members({ at }) });
    // Assert
    expect(format(records.filter((record) => record.contactId === 'a1'))).toEqual([
      '2025-03-03 09:00 invitation invitation → a1',
      '2025-03-27 10:00 d7 no-response → a1',
      '2025-03-31 08:00 d2 no-response → a1',
      '2025-04-02 08:00 last-day last-day → a1',
    ]);
  });

  it('gives the same result run day by day at 09:00', () => {
    // Arrange
    const policy = makePolicy();
    const runs = Array.from({ length: 31 }, (_, offset) =>
      stockholmInstant({ ...addDays({ year: 2025, month: 3, day: 3 }, offset), hour: 9, minute: 0 }),
    );
    // Act
    const { records } = simulate({ policy, campaign, runs, organisationsAt: (at) => members({ at }) });
    // Assert
    expect(format(records.filter((record) => record.contactId === 'b1'))).toEqual([
      '2025-03-03 09:00 invitation invitation → b1',
      '2025-03-19 09:00 d14 draft → b1',
      '2025-03-26 09:00 d7 draft → b1',
      '2025-03-31 09:00 d2 draft → b1',
      '2025-04-02 09:00 last-day last-day → b1',
    ]);
  });

  it('sends nothing on holidays over Christmas and New Year, and each moved step once on the next working day', () => {
    // Arrange: closes Friday 8 January 2027; 14, 7 and 2 days before are juldagen, nyårsdagen and trettondedag jul
    const christmas = makeCampaign({ opensAt: sthlm('2026-11-23 09:00'), closesAt: sthlm('2027-01-08 23:59') });
    const policy = makePolicy();
    const one = [makeOrganisation({ id: 'org-a', contacts: [makeContact({ id: 'a1' })] })];
    // Act
    const { records, log } = simulate({
      policy,
      campaign: christmas,
      runs: hourly(christmas.opensAt, christmas.closesAt),
      organisationsAt: () => one,
    });
    // Assert
    expect(format(records)).toEqual([
      '2026-11-23 09:00 invitation invitation → a1',
      '2026-12-28 08:00 d14 no-response → a1',
      '2027-01-04 08:00 d7 no-response → a1',
      '2027-01-07 08:00 d2 no-response → a1',
      '2027-01-08 08:00 last-day last-day → a1',
    ]);
    expect(log).toHaveLength(5);
    const onJuldagen = planReminders({
      policy,
      campaign: christmas,
      at: sthlm('2026-12-25 10:00'),
      organisations: one,
      log: [],
    });
    expect(onJuldagen.due).toEqual([]);
    expect(onJuldagen.skipped).toEqual([{ contactId: 'a1', organisationId: 'org-a', reason: 'outside_send_window' }]);
  });

  it('keeps its promises for any run schedule, submission time and policy', () => {
    // Arrange
    const hours = everyHour.length;
    const scenario = fc.record({
      keep: fc.array(fc.boolean(), { minLength: hours, maxLength: hours }),
      submitAfterHour: fc.option(fc.integer({ min: 0, max: hours }), { nil: undefined }),
      minDaysBetween: fc.integer({ min: 0, max: 5 }),
      maxReminders: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(scenario, ({ keep, submitAfterHour, minDaysBetween, maxReminders }) => {
        const policy = makePolicy({ minDaysBetween, maxReminders });
        const runs = everyHour.filter((_, index) => keep[index]);
        const submittedAt = submitAfterHour === undefined ? undefined : everyHour[submitAfterHour];
        // Act
        const { log } = simulate({
          policy,
          campaign,
          runs,
          organisationsAt: (at) => members({ at, dSubmittedFrom: submittedAt }),
        });
        // Assert
        const keys = log.map((entry) => `${entry.contactId}/${entry.stepId}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const entry of log) {
          expect(isInWindow(policy.sendWindow, entry.at)).toBe(true);
          expect(['b2', 'c1', 'e1', 'f1']).not.toContain(entry.contactId);
          if (entry.contactId === 'a2') expect(entry.stepId).toBe('invitation');
          if (entry.contactId === 'd1' && submittedAt) expect(entry.at.getTime()).toBeLessThan(submittedAt.getTime());
        }
        for (const contactId of ['a1', 'b1', 'd1']) {
          const mine = log.filter((entry) => entry.contactId === contactId);
          expect(mine.filter((entry) => entry.stepId !== 'invitation').length).toBeLessThanOrEqual(maxReminders);
          for (let index = 1; index < mine.length; index += 1) {
            // The last day is the final call and exempt from the days between.
            if (mine[index]!.stepId === 'last-day') continue;
            const gap = daysBetween(stockholmDate(mine[index - 1]!.at), stockholmDate(mine[index]!.at));
            expect(gap).toBeGreaterThanOrEqual(minDaysBetween);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
