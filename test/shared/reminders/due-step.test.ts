import { describe, expect, it } from 'vitest';
import { dueStep, formatStockholm, scheduleSteps } from '../../../shared/reminders/index';
import { makeCampaign, makePolicy, sthlm } from './reminder-fixtures';

describe('scheduleSteps', () => {
  it('puts each reminder at 08:00 on the closing day minus N days, across the spring DST change', () => {
    // Arrange: opens Monday 3 March 09:00, closes Wednesday 2 April 17:00
    const policy = makePolicy();
    const campaign = makeCampaign();
    // Act
    const steps = scheduleSteps(policy, campaign);
    // Assert
    expect(steps.map((step) => [step.id, formatStockholm(step.dueAt), step.dueAt.toISOString()])).toEqual([
      ['invitation', '2025-03-03 09:00', '2025-03-03T08:00:00.000Z'],
      ['d14', '2025-03-19 08:00', '2025-03-19T07:00:00.000Z'],
      ['d7', '2025-03-26 08:00', '2025-03-26T07:00:00.000Z'],
      ['d2', '2025-03-31 08:00', '2025-03-31T06:00:00.000Z'],
      ['last-day', '2025-04-02 08:00', '2025-04-02T06:00:00.000Z'],
    ]);
  });

  it.each([
    [
      'a Saturday step waits until Monday 08:00',
      { steps: [9] },
      '2025-03-03 09:00',
      '2025-03-24 17:00',
      'd9',
      '2025-03-15 08:00',
      '2025-03-17 08:00',
    ],
    [
      'a step on the spring DST Sunday waits until Monday 08:00 summer time',
      { steps: [3] },
      '2025-03-03 09:00',
      '2025-04-02 17:00',
      'd3',
      '2025-03-30 08:00',
      '2025-03-31 08:00',
    ],
    [
      'a step on the autumn DST Sunday waits until Monday 08:00 winter time',
      { steps: [5] },
      '2025-10-01 09:00',
      '2025-10-31 17:00',
      'd5',
      '2025-10-26 08:00',
      '2025-10-27 08:00',
    ],
    [
      'a window starting at 10:00 moves every step to 10:00',
      { steps: [7], sendWindow: { start: '10:00' } },
      '2025-03-03 09:00',
      '2025-04-02 17:00',
      'd7',
      '2025-03-26 10:00',
      '2025-03-26 10:00',
    ],
    [
      'a midnight closing counts as closing the day before',
      { steps: [7] },
      '2025-03-03 09:00',
      '2025-04-03 00:00',
      'd7',
      '2025-03-26 08:00',
      '2025-03-26 08:00',
    ],
  ])('%s', (_name, overrides, opensAt, closesAt, stepId, nominal, dueAt) => {
    // Arrange
    const policy = makePolicy(overrides);
    const campaign = makeCampaign({ opensAt: sthlm(opensAt), closesAt: sthlm(closesAt) });
    // Act
    const step = scheduleSteps(policy, campaign).find((candidate) => candidate.id === stepId);
    // Assert
    expect(step && [formatStockholm(step.nominalAt), formatStockholm(step.dueAt)]).toEqual([nominal, dueAt]);
  });

  it('moves steps that fall on Christmas, New Year and Epiphany to the next working day, never earlier', () => {
    // Arrange: closes Friday 8 January 2027; 14, 7 and 2 days before are juldagen, nyårsdagen and trettondedag jul
    const campaign = makeCampaign({ opensAt: sthlm('2026-11-23 09:00'), closesAt: sthlm('2027-01-08 23:59') });
    // Act
    const steps = scheduleSteps(makePolicy(), campaign);
    // Assert
    expect(steps.map((step) => [step.id, formatStockholm(step.nominalAt), formatStockholm(step.dueAt)])).toEqual([
      ['invitation', '2026-11-23 09:00', '2026-11-23 09:00'],
      ['d14', '2026-12-25 08:00', '2026-12-28 08:00'],
      ['d7', '2027-01-01 08:00', '2027-01-04 08:00'],
      ['d2', '2027-01-06 08:00', '2027-01-07 08:00'],
      ['last-day', '2027-01-08 08:00', '2027-01-08 08:00'],
    ]);
  });

  it.each([
    ['an invitation on julafton goes out on the next working day', '2026-12-24 09:00', '2026-12-28 08:00'],
    ['an invitation on midsommarafton goes out on Monday', '2026-06-19 10:00', '2026-06-22 08:00'],
    [
      'an invitation on the evening before långfredagen waits until after annandag påsk',
      '2027-03-25 18:00',
      '2027-03-30 08:00',
    ],
  ])('%s', (_name, opensAt, dueAt) => {
    // Arrange
    const campaign = makeCampaign({ opensAt: sthlm(opensAt), closesAt: sthlm('2027-12-01 17:00') });
    // Act
    const [invitation] = scheduleSteps(makePolicy({ steps: [] }), campaign);
    // Assert
    expect(invitation && formatStockholm(invitation.dueAt)).toBe(dueAt);
  });

  it('sends an invitation for a campaign opening on a Saturday on Monday at 08:00', () => {
    // Arrange
    const campaign = makeCampaign({ opensAt: sthlm('2025-03-01 10:00') });
    // Act
    const [invitation] = scheduleSteps(makePolicy(), campaign);
    // Assert
    expect(invitation && formatStockholm(invitation.dueAt)).toBe('2025-03-03 08:00');
  });
});

describe('dueStep across holidays', () => {
  const policy = makePolicy();
  const campaign = makeCampaign({ opensAt: sthlm('2026-11-23 09:00'), closesAt: sthlm('2027-01-08 23:59') });

  it.each([
    ['on juldagen the invitation is still the latest due step', '2026-12-25 10:00', 'invitation'],
    ['on the Monday after Christmas the step moved from juldagen is due', '2026-12-28 08:00', 'd14'],
    ['on nyårsdagen the step moved from juldagen is still the latest', '2027-01-01 10:00', 'd14'],
    ['on trettondedag jul the step moved from nyårsdagen is the latest', '2027-01-06 10:00', 'd7'],
    ['the day after trettondedag jul the step moved from it is due', '2027-01-07 08:00', 'd2'],
  ])('%s', (_name, at, stepId) => {
    // Act
    const step = dueStep(policy, campaign, sthlm(at));
    // Assert
    expect(step?.id).toBe(stepId);
  });
});

describe('dueStep', () => {
  const policy = makePolicy();
  const campaign = makeCampaign();

  it.each([
    ['before opening', '2025-03-03 08:59', null],
    ['at opening', '2025-03-03 09:00', 'invitation'],
    ['between the invitation and 14 days before', '2025-03-18 16:00', 'invitation'],
    ['at 08:00 fourteen days before the closing day', '2025-03-19 08:00', 'd14'],
    ['a minute before the 7-day step', '2025-03-26 07:59', 'd14'],
    ['a week after the 14-day step, with the 7-day step missed for a day (catch-up)', '2025-03-27 10:00', 'd7'],
    ['during the weekend after the 7-day step', '2025-03-29 12:00', 'd7'],
    ['at 07:59 summer time on Monday 31 March', '2025-03-31 07:59', 'd7'],
    ['at 08:00 summer time on Monday 31 March', '2025-03-31 08:00', 'd2'],
    ['on the closing morning', '2025-04-02 08:00', 'last-day'],
    ['a second before closing', '2025-04-02 16:59', 'last-day'],
    ['at closing', '2025-04-02 17:00', null],
    ['after closing', '2025-04-05 09:00', null],
  ])('%s: %s gives %s', (_name, local, expected) => {
    // Arrange
    const at = sthlm(local);
    // Act
    const step = dueStep(policy, campaign, at);
    // Assert
    expect(step?.id ?? null).toBe(expected);
  });

  it.each(['draft', 'closed', 'published'])('gives nothing while the campaign is %s', (status) => {
    // Arrange
    const notOpen = makeCampaign({ status });
    // Act
    const step = dueStep(policy, notOpen, sthlm('2025-03-19 08:00'));
    // Assert
    expect(step).toBeNull();
  });

  it('only catches up with the latest step after a job that did not run for a week', () => {
    // Arrange: last run Tuesday 18 March; the job comes back Thursday 27 March
    const at = sthlm('2025-03-27 09:00');
    // Act
    const step = dueStep(policy, campaign, at);
    // Assert
    expect(step?.id).toBe('d7');
  });

  it('lets the later step win when the window pushes two steps onto the same instant', () => {
    // Arrange: closes Monday 24 March; the Saturday 2-day step and the last day both fall on Monday 08:00
    const mondayClose = makeCampaign({ closesAt: sthlm('2025-03-24 17:00') });
    // Act
    const step = dueStep(policy, mondayClose, sthlm('2025-03-24 08:00'));
    // Assert
    expect(step?.id).toBe('last-day');
  });

  it('gives nothing before the first reminder when invitations are turned off', () => {
    // Arrange
    const noInvitation = makePolicy({ invitationOnOpen: false });
    // Act
    const step = dueStep(noInvitation, campaign, sthlm('2025-03-10 10:00'));
    // Assert
    expect(step).toBeNull();
  });
});
