import { describe, expect, it } from 'vitest';
import { reminderPlan } from '../../shared/reminders/reminder-plan';
import { policyWarningLines, scheduleLine } from '../../web/src/pages/admin/lib/reminder-plan-text';
import { adminT } from '../helpers/translators';

const sv = adminT('sv');
const en = adminT('en');

// The demo campaign seeded on 28 November 2026: closes at the end of Monday 28 December, so
// "2 dagar före" falls on annandag jul and moves onto "sista dagen".
const plan = reminderPlan({}, { opensAt: '2026-11-21T09:00:00.000Z', closesAt: '2026-12-28T22:59:00.000Z' });

describe('the reminder plan in the console', () => {
  it('says which step is not sent, on which day it falls and why, in Swedish and English', () => {
    expect(policyWarningLines(plan, sv, 'sv')).toEqual([
      'Påminnelsen 2 dagar före (lördag 26 december, annandag jul) flyttas till måndag 28 december kl. 08:00, samma tid som påminnelsen sista dagen, och skickas inte.',
    ]);
    expect(policyWarningLines(plan, en, 'en')).toEqual([
      'The reminder 2 days before (Saturday 26 December, Boxing Day) moves to Monday 28 December at 08:00, the same time as the last-day reminder, and is not sent.',
    ]);
  });

  it('lists each step with the day it actually goes out', () => {
    expect(plan.reminderSchedule.map((step) => scheduleLine(step, sv, 'sv'))).toEqual([
      'Inbjudan: måndag 23 november kl. 08:00 (i stället för lördag 21 november)',
      '14 dagar före: måndag 14 december kl. 08:00',
      '7 dagar före: måndag 21 december kl. 08:00',
      '2 dagar före: skickas inte (lördag 26 december, annandag jul, flyttas till samma tid som ”Sista dagen”)',
      'Sista dagen: måndag 28 december kl. 08:00',
    ]);
    expect(scheduleLine(plan.reminderSchedule[3]!, en, 'en')).toBe(
      '2 days before: not sent (Saturday 26 December, Boxing Day, moves to the same time as “Last day”)',
    );
  });

  it('gives the other warnings as the API words them, in the reader’s language', () => {
    // Arrange: five reminders but at most four per person, on dates where every step goes out
    const many = reminderPlan(
      { steps: [21, 14, 7, 4], maxReminders: 4 },
      { opensAt: '2026-03-02T08:00:00.000Z', closesAt: '2026-04-01T15:00:00.000Z' },
    );
    // Act
    const swedish = policyWarningLines(many, sv, 'sv');
    const english = policyWarningLines(many, en, 'en');
    // Assert
    expect(swedish).toEqual(['Policyn har 5 påminnelser men högst 4 skickas till varje kontakt.']);
    expect(english).toEqual(['The policy has 5 reminders but at most 4 are sent to each contact.']);
  });

  it('has nothing to say when every step goes out on its own', () => {
    const fits = reminderPlan({}, { opensAt: '2026-03-02T08:00:00.000Z', closesAt: '2026-04-01T15:00:00.000Z' });
    expect(policyWarningLines(fits, sv, 'sv')).toEqual([]);
  });
});
