import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLAIM_LEASE_MS,
  isRetryable,
  type PlanContact,
  type PlanOrganisation,
  planReminders,
  type ReminderLogEntry,
} from '../../../shared/reminders/index';
import { makeCampaign, makeContact, makeOrganisation, makePolicy, sent, sthlm } from './reminder-fixtures';

const campaign = makeCampaign();
const d7At = sthlm('2025-03-26 08:00');
const invitationAt = sthlm('2025-03-03 09:00');

interface Row {
  name: string;
  at?: Date;
  policy?: Record<string, unknown>;
  organisation?: Partial<PlanOrganisation>;
  contact?: Partial<PlanContact>;
  log?: ReminderLogEntry[];
  campaignOverrides?: Parameters<typeof makeCampaign>[0];
  /** Whether c1 got the invitation when the campaign opened; yes unless the row is about the invitation. */
  invited?: boolean;
  expected: { due: { stepId: string; variant: string; attempt?: number } } | { skipped: string };
}

const rows: Row[] = [
  {
    name: 'a contact of an organisation with no response gets the no-response reminder',
    expected: { due: { stepId: 'd7', variant: 'no-response' } },
  },
  {
    name: 'a contact of an organisation with a draft gets the draft reminder',
    organisation: { status: 'draft' },
    expected: { due: { stepId: 'd7', variant: 'draft' } },
  },
  {
    name: 'a submitted organisation gets nothing',
    organisation: { status: 'submitted' },
    expected: { skipped: 'submitted' },
  },
  { name: 'an excused organisation gets nothing', organisation: { excused: true }, expected: { skipped: 'excused' } },
  {
    name: 'an excused organisation gets no invitation either',
    at: invitationAt,
    organisation: { excused: true },
    expected: { skipped: 'excused' },
  },
  {
    name: 'an unsubscribed contact gets no reminder',
    contact: { emailState: 'unsubscribed' },
    expected: { skipped: 'unsubscribed' },
  },
  {
    name: 'an unsubscribed contact still gets the invitation',
    at: invitationAt,
    contact: { emailState: 'unsubscribed' },
    expected: { due: { stepId: 'invitation', variant: 'invitation' } },
  },
  { name: 'a bounced contact gets no reminder', contact: { emailState: 'bounced' }, expected: { skipped: 'bounced' } },
  {
    name: 'a bounced contact gets no invitation',
    at: invitationAt,
    contact: { emailState: 'bounced' },
    expected: { skipped: 'bounced' },
  },
  {
    name: 'a contact who complained gets nothing',
    at: invitationAt,
    contact: { emailState: 'complained' },
    expected: { skipped: 'complained' },
  },
  {
    name: 'a contact without a valid email is skipped',
    contact: { email: 'kontakt.kommun.se' },
    expected: { skipped: 'invalid_email' },
  },
  { name: 'an empty email is skipped', contact: { email: '' }, expected: { skipped: 'invalid_email' } },
  {
    name: 'a step already sent is not sent again',
    log: [sent('c1', 'd7', d7At)],
    expected: { skipped: 'already_sent' },
  },
  {
    name: 'an email 2 calendar days ago holds the step back',
    log: [sent('c1', 'd14', sthlm('2025-03-24 16:59'))],
    expected: { skipped: 'min_days_between' },
  },
  {
    name: 'an email 3 calendar days ago does not, even if less than 72 hours ago',
    log: [sent('c1', 'd14', sthlm('2025-03-23 23:59'))],
    expected: { due: { stepId: 'd7', variant: 'no-response' } },
  },
  {
    name: 'an invitation counts toward the days between',
    at: sthlm('2025-03-19 08:00'),
    log: [sent('c1', 'invitation', sthlm('2025-03-18 10:00'))],
    expected: { skipped: 'min_days_between' },
  },
  {
    name: 'a claim or failure of another step does not count toward the days between',
    log: [{ contactId: 'c1', stepId: 'd14', state: 'failed', at: sthlm('2025-03-25 08:00'), attempts: 5 }],
    expected: { due: { stepId: 'd7', variant: 'no-response' } },
  },
  {
    name: 'the maximum number of reminders stops further reminders',
    policy: { maxReminders: 1 },
    log: [sent('c1', 'invitation', invitationAt), sent('c1', 'd14', sthlm('2025-03-19 08:00'))],
    expected: { skipped: 'max_reminders' },
  },
  {
    name: 'the invitation does not count as a reminder',
    policy: { maxReminders: 1 },
    log: [sent('c1', 'invitation', invitationAt)],
    expected: { due: { stepId: 'd7', variant: 'no-response' } },
  },
  {
    name: 'a claim inside its lease is left to the run that holds it',
    log: [{ contactId: 'c1', stepId: 'd7', state: 'claimed', at: d7At, attempts: 1 }],
    at: new Date(d7At.getTime() + DEFAULT_CLAIM_LEASE_MS - 1),
    expected: { skipped: 'in_progress' },
  },
  {
    name: 'a claim whose lease ran out is retried',
    log: [{ contactId: 'c1', stepId: 'd7', state: 'claimed', at: d7At, attempts: 1 }],
    at: new Date(d7At.getTime() + DEFAULT_CLAIM_LEASE_MS),
    expected: { due: { stepId: 'd7', variant: 'no-response', attempt: 2 } },
  },
  {
    name: 'a failed send is retried',
    log: [{ contactId: 'c1', stepId: 'd7', state: 'failed', at: d7At, attempts: 2, error: 'Throttling' }],
    expected: { due: { stepId: 'd7', variant: 'no-response', attempt: 3 } },
  },
  {
    name: 'a failed send with no attempts left is given up',
    log: [{ contactId: 'c1', stepId: 'd7', state: 'failed', at: d7At, attempts: 5 }],
    expected: { skipped: 'attempts_exhausted' },
  },
  {
    name: 'nothing goes out in the evening; the step waits for the morning',
    at: sthlm('2025-03-26 17:00'),
    expected: { skipped: 'outside_send_window' },
  },
  {
    name: 'nothing goes out while the campaign is a draft',
    campaignOverrides: { status: 'draft' },
    expected: { skipped: 'campaign_not_open' },
  },
  {
    name: 'nothing goes out after the campaign is closed',
    campaignOverrides: { status: 'closed' },
    expected: { skipped: 'campaign_not_open' },
  },
  {
    name: 'nothing goes out at closing time even if the status still says open',
    at: sthlm('2025-04-02 17:00'),
    expected: { skipped: 'campaign_not_open' },
  },
  {
    name: 'nothing goes out before opening',
    at: sthlm('2025-03-03 08:00'),
    expected: { skipped: 'campaign_not_open' },
  },
  {
    name: 'the last-day email has its own variant, also for a draft',
    at: sthlm('2025-04-02 08:00'),
    organisation: { status: 'draft' },
    expected: { due: { stepId: 'last-day', variant: 'last-day' } },
  },
];

describe('planReminders rules', () => {
  it.each(rows)('$name', (row) => {
    // Arrange
    const organisation = makeOrganisation({
      id: 'o1',
      ...row.organisation,
      contacts: [makeContact({ id: 'c1', ...row.contact })],
    });
    const input = {
      policy: makePolicy(row.policy),
      campaign: makeCampaign(row.campaignOverrides),
      at: row.at ?? d7At,
      organisations: [organisation],
      // A contact who never got the invitation gets it instead of a reminder (the catch-up, below).
      log: [
        ...((row.invited ?? row.at !== invitationAt) ? [sent('c1', 'invitation', invitationAt)] : []),
        ...(row.log ?? []),
      ],
    };
    // Act
    const plan = planReminders(input);
    // Assert
    if ('due' in row.expected) {
      expect(plan.skipped).toEqual([]);
      expect(plan.due).toEqual([
        {
          contactId: 'c1',
          organisationId: 'o1',
          kind: row.expected.due.stepId === 'invitation' ? 'invitation' : 'reminder',
          attempt: 1,
          ...row.expected.due,
        },
      ]);
    } else {
      expect(plan.due).toEqual([]);
      expect(plan.skipped).toEqual([{ contactId: 'c1', organisationId: 'o1', reason: row.expected.skipped }]);
    }
  });

  it('plans nothing the second time the same hour is run with the log updated', () => {
    // Arrange
    const organisations = [
      makeOrganisation({ id: 'o1', contacts: [makeContact({ id: 'c1' }), makeContact({ id: 'c2' })] }),
      makeOrganisation({ id: 'o2', status: 'draft', contacts: [makeContact({ id: 'c3' })] }),
    ];
    const log: ReminderLogEntry[] = ['c1', 'c2', 'c3'].map((id) => sent(id, 'invitation', invitationAt));
    const input = { policy: makePolicy(), campaign, at: d7At, organisations, log };
    const first = planReminders(input);
    for (const email of first.due) log.push(sent(email.contactId, email.stepId, d7At));
    // Act
    const second = planReminders(input);
    // Assert
    expect(first.due.map((email) => email.contactId)).toEqual(['c1', 'c2', 'c3']);
    expect(second.due).toEqual([]);
    expect(second.skipped.map((skip) => skip.reason)).toEqual(['already_sent', 'already_sent', 'already_sent']);
  });

  it('plans a contact listed twice only once', () => {
    // Arrange
    const contact = makeContact({ id: 'c1' });
    const organisations = [makeOrganisation({ id: 'o1', contacts: [contact, contact] })];
    // Act
    const plan = planReminders({ policy: makePolicy(), campaign, at: d7At, organisations, log: [] });
    // Assert
    expect(plan.due).toHaveLength(1);
    expect(plan.skipped).toEqual([{ contactId: 'c1', organisationId: 'o1', reason: 'duplicate_contact' }]);
  });

  it('returns an empty plan when no step is due yet', () => {
    // Arrange
    const organisations = [makeOrganisation({ id: 'o1', contacts: [makeContact({ id: 'c1' })] })];
    // Act
    const plan = planReminders({
      policy: makePolicy({ invitationOnOpen: false }),
      campaign,
      at: sthlm('2025-03-10 10:00'),
      organisations,
      log: [],
    });
    // Assert
    expect(plan).toEqual({ step: null, due: [], skipped: [] });
  });

  it('names the waiting step when it skips for the send window', () => {
    // Arrange
    const organisations = [makeOrganisation({ id: 'o1', contacts: [makeContact({ id: 'c1' })] })];
    // Act
    const plan = planReminders({
      policy: makePolicy(),
      campaign,
      at: sthlm('2025-03-29 10:00'),
      organisations,
      log: [],
    });
    // Assert
    expect(plan.step?.id).toBe('d7');
    expect(plan.skipped.map((skip) => skip.reason)).toEqual(['outside_send_window']);
  });
});

describe('isRetryable', () => {
  const claimedAt = new Date('2025-03-26T07:00:00Z');
  const options = { leaseMs: DEFAULT_CLAIM_LEASE_MS, maxAttempts: 3 };

  it.each([
    ['a sent entry never', { state: 'sent', attempts: 1 }, 60, false],
    ['a claim inside its lease is not', { state: 'claimed', attempts: 1 }, 14, false],
    ['a claim whose lease ran out is', { state: 'claimed', attempts: 1 }, 15, true],
    ['a claim whose lease ran out with no attempts left is not', { state: 'claimed', attempts: 3 }, 60, false],
    ['a failed send under the limit is, right away', { state: 'failed', attempts: 2 }, 0, true],
    ['a failed send at the limit is not', { state: 'failed', attempts: 3 }, 60, false],
  ] as const)('%s', (_name, fields, minutesLater, expected) => {
    // Arrange
    const entry: ReminderLogEntry = { contactId: 'c1', stepId: 'd7', at: claimedAt, ...fields };
    const at = new Date(claimedAt.getTime() + minutesLater * 60_000);
    // Act
    const retryable = isRetryable(entry, at, options);
    // Assert
    expect(retryable).toBe(expected);
  });
});
