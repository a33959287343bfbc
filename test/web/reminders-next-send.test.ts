import { describe, expect, it } from 'vitest';
import { nextSendAfter, nextWindowOpening, ReminderPolicySchema } from '../../shared/reminders/index';
import type { ReminderRunResult } from '../../web/src/pages/admin/api';
import { wholeRunSkipText } from '../../web/src/pages/admin/lib/reminder-schedule';
import { adminT } from '../helpers/translators';

// As the console translates: a `…One` form for a count of 1.
const sv = adminT('sv');
const en = adminT('en');

// Opens Monday 2 March 09:00 Swedish time, closes Wednesday 1 April 17:00 (CEST from 29 March).
const campaign = {
  status: 'open' as const,
  opensAt: '2026-03-02T08:00:00.000Z',
  closesAt: '2026-04-01T15:00:00.000Z',
  reminderPolicy: {},
};

function skippedRun(at: string, reason: 'campaign_not_open' | 'outside_send_window', count = 56): ReminderRunResult {
  const contact = (i: number) => ({
    id: `c${i}`,
    organisationId: `o${i}`,
    organisationName: `Org ${i}`,
    name: `Namn ${i}`,
    email: `k${i}@example.se`,
  });
  return {
    year: 2026,
    at,
    dryRun: true,
    step: null,
    due: [],
    sent: [],
    failed: [],
    skipped: Array.from({ length: count }, (_, i) => ({ contact: contact(i), reason })),
  };
}

/** What the API answers as the run's `nextSend` (shared/reminders/reminder-steps.ts). */
const policy = ReminderPolicySchema.parse(campaign.reminderPolicy);
const dates = { opensAt: new Date(campaign.opensAt), closesAt: new Date(campaign.closesAt) };
const nextSend = (at: Date) => nextSendAfter(policy, dates, at);

describe('when the reminders panel says the next emails go out', () => {
  it('before the opening: the invitation, at the opening', () => {
    expect(nextSend(new Date('2026-02-20T10:00:00Z'))).toEqual({
      stepId: 'invitation',
      at: '2026-03-02T08:00:00.000Z',
    });
  });

  it('on a Saturday evening: the next step of the schedule, not the one already due', () => {
    // d14 fell on Wednesday 18 March 08:00; at Saturday 21 March 19:00 the next is d7, Wednesday 25 March 08:00
    expect(nextSend(new Date('2026-03-21T18:00:00Z'))).toEqual({
      stepId: 'd7',
      at: '2026-03-25T07:00:00.000Z',
    });
  });

  it('inside the window between steps: the next step of the schedule', () => {
    // Thursday 19 March 10:00: d7 on Wednesday 25 March 08:00
    expect(nextSend(new Date('2026-03-19T09:00:00Z'))).toEqual({
      stepId: 'd7',
      at: '2026-03-25T07:00:00.000Z',
    });
  });

  it('after the deadline: none', () => {
    expect(nextSend(new Date('2026-04-02T08:00:00Z'))).toBeNull();
  });
});

describe('why a whole run sends nothing, in words', () => {
  it('before the opening, says that answers are taken from the opening time, not "not open: 56"', () => {
    const run = skippedRun('2026-02-20T10:00:00Z', 'campaign_not_open');
    const text = wholeRunSkipText(run, campaign, sv, 'sv');
    expect(text).toMatch(/^Inget skickas till de 56 kontaktpersonerna .*tar emot svar först från 2 mars 2026/);
    expect(wholeRunSkipText(run, campaign, en, 'en')).toMatch(/takes answers only from 2 March 2026/);
  });

  it('after the deadline and outside the send window, says so with the date or the window', () => {
    expect(wholeRunSkipText(skippedRun('2026-04-02T08:00:00Z', 'campaign_not_open'), campaign, sv, 'sv')).toMatch(
      /tar bara emot svar till 1 april 2026/,
    );
    expect(wholeRunSkipText(skippedRun('2026-03-21T18:00:00Z', 'outside_send_window', 1), campaign, sv, 'sv')).toBe(
      'Inget skickas till kontaktpersonen vid den tidpunkten: den ligger utanför sändfönstret (mån–fre 08:00–17:00).',
    );
    // With a step due, when what is left of it goes out: Monday 23 March 08:00
    const due = {
      ...skippedRun('2026-03-21T18:00:00Z', 'outside_send_window'),
      step: { id: 'd14', kind: 'reminder' as const, dueAt: '2026-03-18T07:00:00.000Z' },
      // As the API answers it.
      windowOpensAt: nextWindowOpening(policy.sendWindow, new Date('2026-03-21T18:00:00Z')).toISOString(),
    };
    expect(wholeRunSkipText(due, campaign, sv, 'sv')).toMatch(
      /utanför sändfönstret \(mån–fre 08:00–17:00\)\. Det som återstår av steget .+ går ut när fönstret öppnar, 23 mars 2026 kl\. 08:00\.$/,
    );
  });

  it('leaves mixed reasons to the list', () => {
    const run = skippedRun('2026-03-19T09:00:00Z', 'outside_send_window', 2);
    run.skipped[1] = { ...run.skipped[1]!, reason: 'submitted' };
    expect(wholeRunSkipText(run, campaign, sv, 'sv')).toBeNull();
  });
});
