import { describe, expect, it } from 'vitest';
import { dueStep, nextSendAfter, scheduleSteps, supersededBy, validatePolicy } from '../../../shared/reminders/index';
import { reminderPlan } from '../../../shared/reminders/reminder-plan';
import { makePolicy, sthlm } from './reminder-fixtures';

// The demo campaign seeded on 28 November 2026: opens Saturday 21 November, closes at the end of
// Monday 28 December. "2 dagar före" falls on Saturday 26 December (annandag jul) and moves to
// Monday 28 December 08:00, the same instant as "sista dagen".
const campaign = { opensAt: sthlm('2026-11-21 10:00'), closesAt: sthlm('2026-12-28 23:59'), status: 'open' };
const policy = makePolicy();

describe('two steps the send window moves onto the same instant', () => {
  it('are scheduled together: d2 and last-day both due Monday 28 December 08:00', () => {
    const steps = scheduleSteps(policy, campaign);
    const d2 = steps.find((step) => step.id === 'd2');
    const lastDay = steps.find((step) => step.id === 'last-day');
    expect(d2?.dueAt).toEqual(sthlm('2026-12-28 08:00'));
    expect(lastDay?.dueAt).toEqual(d2?.dueAt);
    expect(supersededBy(d2!, steps)?.id).toBe('last-day');
    expect(supersededBy(lastDay!, steps)).toBeUndefined();
  });

  it('give the next mailing as the step that is sent, the same one dueStep picks then', () => {
    // Act: a dry run a week before, and the job at that instant
    const next = nextSendAfter(policy, campaign, sthlm('2026-12-21 12:00'));
    const sentThen = dueStep(policy, campaign, sthlm('2026-12-28 08:00'));
    // Assert
    expect(next).toEqual({ stepId: 'last-day', at: sthlm('2026-12-28 08:00').toISOString() });
    expect(next?.stepId).toBe(sentThen?.id);
  });

  it('agree for any deadline in 2026–2027: the next mailing is the step the job sends at that time', () => {
    let ties = 0;
    // Every third day: each weekday and holiday season comes round, at a third of the cost.
    for (let day = 0; day < 730; day += 3) {
      const closesAt = new Date(sthlm('2026-01-01 23:59').getTime() + day * 86_400_000);
      const dates = { opensAt: new Date(closesAt.getTime() - 45 * 86_400_000), closesAt, status: 'open' };
      let at = new Date(dates.opensAt.getTime() - 1);
      for (let next = nextSendAfter(policy, dates, at); next; next = nextSendAfter(policy, dates, at)) {
        at = new Date(next.at);
        expect(dueStep(policy, dates, at)?.id, `closing ${closesAt.toISOString()} at ${next.at}`).toBe(next.stepId);
      }
      if (scheduleSteps(policy, dates).some((step, _, all) => supersededBy(step, all))) ties += 1;
    }
    // Every Monday deadline (and some after holidays) has a tie, so the loop tested the tie-break.
    expect(ties).toBeGreaterThan(30);
  });

  it('warn on save naming the step that is sent, also when three steps meet', () => {
    // Arrange: 3, 2 and 1 days before a Tuesday 29 December deadline fall on Saturday 26 (annandag jul),
    // Sunday 27 and Monday 28 December; the first two move to Monday 08:00, onto the 1-day step.
    const three = makePolicy({ steps: [14, 3, 2, 1] });
    const dates = { opensAt: sthlm('2026-11-23 08:00'), closesAt: sthlm('2026-12-29 17:00') };
    // Act
    const result = validatePolicy(three, dates);
    // Assert
    expect(result.ok).toBe(true);
    const superseded = result.ok ? result.warnings.filter((w) => w.code === 'step_superseded') : [];
    expect(superseded.map((w) => [w.path, w.message])).toEqual([
      [
        ['steps', 1],
        'Påminnelsen 3 dagar före stängning flyttas av sändfönstret till 2026-12-28 08:00, samma tid som påminnelsen 1 dag före stängning. Bara det senare steget skickas.',
      ],
      [
        ['steps', 2],
        'Påminnelsen 2 dagar före stängning flyttas av sändfönstret till 2026-12-28 08:00, samma tid som påminnelsen 1 dag före stängning. Bara det senare steget skickas.',
      ],
    ]);
  });
});

describe('reminderPlan: the schedule and warnings the console reads with a campaign', () => {
  it('lists each step with when it goes out, the holiday that moved it and the step sent instead', () => {
    // Act
    const plan = reminderPlan(
      {},
      { opensAt: campaign.opensAt.toISOString(), closesAt: campaign.closesAt.toISOString() },
    );
    // Assert
    expect(plan.reminderSchedule).toEqual([
      { stepId: 'invitation', nominalAt: '2026-11-21T09:00:00.000Z', dueAt: '2026-11-23T07:00:00.000Z' },
      { stepId: 'd14', nominalAt: '2026-12-14T07:00:00.000Z', dueAt: '2026-12-14T07:00:00.000Z' },
      { stepId: 'd7', nominalAt: '2026-12-21T07:00:00.000Z', dueAt: '2026-12-21T07:00:00.000Z' },
      {
        stepId: 'd2',
        nominalAt: '2026-12-26T07:00:00.000Z',
        dueAt: '2026-12-28T07:00:00.000Z',
        holiday: { name: 'annandag jul', nameEn: 'Boxing Day' },
        supersededBy: 'last-day',
      },
      { stepId: 'last-day', nominalAt: '2026-12-28T07:00:00.000Z', dueAt: '2026-12-28T07:00:00.000Z' },
    ]);
    expect(plan.reminderWarnings).toEqual([expect.objectContaining({ code: 'step_superseded', path: ['steps', 2] })]);
  });

  it('has no warning when every step goes out on its own', () => {
    const plan = reminderPlan({}, { opensAt: '2026-03-02T08:00:00.000Z', closesAt: '2026-04-01T15:00:00.000Z' });
    expect(plan.reminderWarnings).toEqual([]);
    expect(plan.reminderSchedule.map((step) => step.stepId)).toEqual(['invitation', 'd14', 'd7', 'd2', 'last-day']);
  });
});
