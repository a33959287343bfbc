import { describe, expect, it } from 'vitest';
import { ReminderLogEntrySchema, ReminderPolicySchema, validatePolicy } from '../../../shared/reminders/index';
import { makeCampaign, sthlm } from './reminder-fixtures';

describe('ReminderPolicySchema', () => {
  it('gives the documented defaults for an empty object', () => {
    // Arrange / Act
    const policy = ReminderPolicySchema.parse({});
    // Assert
    expect(policy).toEqual({
      invitationOnOpen: true,
      steps: [14, 7, 2],
      lastDay: true,
      minDaysBetween: 3,
      maxReminders: 4,
      sendWindow: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' },
      sendRatePerSecond: 10,
      maxSendAttempts: 5,
    });
  });

  it('fills in the rest of the send window when only part is given', () => {
    // Arrange / Act
    const policy = ReminderPolicySchema.parse({ sendWindow: { start: '09:00' } });
    // Assert
    expect(policy.sendWindow).toEqual({ weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' });
  });

  it('does not share default arrays between parses', () => {
    // Arrange
    const first = ReminderPolicySchema.parse({});
    // Act
    first.steps.push(1);
    first.sendWindow.weekdays.push('sat');
    const second = ReminderPolicySchema.parse({});
    // Assert
    expect(second.steps).toEqual([14, 7, 2]);
    expect(second.sendWindow.weekdays).toHaveLength(5);
  });
});

describe('ReminderLogEntrySchema', () => {
  it('reads a stored entry with an ISO time into a Date', () => {
    // Arrange
    const stored = { contactId: 'c1', stepId: 'd7', state: 'sent', at: '2025-03-26T07:00:01.000Z', attempts: 1 };
    // Act
    const entry = ReminderLogEntrySchema.parse(stored);
    // Assert
    expect(entry.at).toEqual(new Date('2025-03-26T07:00:01.000Z'));
  });

  it.each(['d0', 'd-1', 'day7', ''])('rejects the step id %j', (stepId) => {
    // Arrange
    const stored = { contactId: 'c1', stepId, state: 'sent', at: new Date(), attempts: 1 };
    // Act
    const result = ReminderLogEntrySchema.safeParse(stored);
    // Assert
    expect(result.success).toBe(false);
  });
});

describe('validatePolicy', () => {
  // Opens Monday 3 March 09:00, closes Wednesday 2 April 17:00 (a 31-day campaign).
  const campaign = makeCampaign();

  it('accepts the defaults without warnings: the last day is exempt from the days between', () => {
    // Arrange / Act: the 2-day step (31 March) and the last day (2 April) are 2 days apart, under 3
    const result = validatePolicy({}, campaign);
    // Assert
    expect(result).toEqual(expect.objectContaining({ ok: true, warnings: [] }));
  });

  it('warns when two ordinary steps are closer than the days between', () => {
    // Arrange / Act: 7 days before is 26 March, 5 days before is 28 March
    const result = validatePolicy({ steps: [14, 7, 5] }, campaign);
    // Assert
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        { path: ['steps', 2], code: 'steps_too_close', message: expect.stringContaining('minsta avstånd är 3 dagar') },
      ],
    });
  });

  it.each([
    ['a negative number of days', { steps: [7, -1] }, ['steps', 1], 'negative_days', 'får inte vara negativt'],
    ['zero days', { steps: [0] }, ['steps', 0], 'zero_days', 'sista dagen'],
    ['the same step twice', { steps: [7, 7] }, ['steps', 1], 'duplicate_step', 'finns redan'],
    ['a fraction of a day', { steps: [1.5] }, ['steps', 0], 'invalid_value', 'heltal'],
    [
      'a window that ends before it starts',
      { sendWindow: { start: '17:00', end: '08:00' } },
      ['sendWindow', 'end'],
      'empty_window',
      'Sändfönstret är tomt',
    ],
    [
      'a window that ends when it starts',
      { sendWindow: { start: '08:00', end: '08:00' } },
      ['sendWindow', 'end'],
      'empty_window',
      'Sändfönstret är tomt',
    ],
    [
      'a window with no weekdays',
      { sendWindow: { weekdays: [] } },
      ['sendWindow', 'weekdays'],
      'empty_window',
      'minst en veckodag',
    ],
    [
      'an unknown weekday',
      { sendWindow: { weekdays: ['monday'] } },
      ['sendWindow', 'weekdays', 0],
      'invalid_value',
      'Okänd veckodag',
    ],
    ['a malformed time', { sendWindow: { start: '8' } }, ['sendWindow', 'start'], 'invalid_value', 'TT:MM'],
    ['a misspelt field', { minDayBetween: 2 }, [], 'invalid_value', 'Okänt fält: minDayBetween'],
    ['a string where a number belongs', { maxReminders: 'fyra' }, ['maxReminders'], 'invalid_value', 'Fel typ'],
    [
      'a 40-day step on a 31-day campaign',
      { steps: [40] },
      ['steps', 0],
      'step_before_open',
      'före eller samtidigt som inbjudan',
    ],
    [
      'a step on the opening day, before the invitation',
      { steps: [30] },
      ['steps', 0],
      'step_before_open',
      'inbjudan (2025-03-03 09:00)',
    ],
  ])('rejects %s with a Swedish message at its path', (_name, input, path, code, text) => {
    // Arrange / Act
    const result = validatePolicy(input, campaign);
    // Assert
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      path,
      code,
      message: expect.stringContaining(text),
      // The English is worded in English, not the Swedish again.
      messageEn: expect.not.stringMatching(/[åäöÅÄÖ]/),
    });
  });

  it('rejects a step before opening when there is no invitation', () => {
    // Arrange
    const input = { invitationOnOpen: false, steps: [31] };
    // Act
    const result = validatePolicy(input, campaign);
    // Assert
    expect(result).toMatchObject({ ok: false, errors: [{ path: ['steps', 0], code: 'step_before_open' }] });
  });

  it('accepts a first step on the opening day when there is no invitation and it falls after opening', () => {
    // Arrange: 29 days before 2 April is 4 March
    const input = { invitationOnOpen: false, steps: [29] };
    // Act
    const result = validatePolicy(input, campaign);
    // Assert
    expect(result.ok).toBe(true);
  });

  it('rejects a last day that the window pushes past closing, because the campaign closes on a Sunday', () => {
    // Arrange
    const sundayClose = makeCampaign({ closesAt: sthlm('2025-03-30 17:00') });
    // Act
    const result = validatePolicy({}, sundayClose);
    // Assert
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          path: ['lastDay'],
          code: 'step_after_close',
          message:
            'Påminnelsen sista dagen skulle skickas 2025-03-30 08:00, flyttad till sändfönstret 2025-03-31 08:00, men enkäten stänger 2025-03-30 17:00.',
        },
      ],
    });
  });

  it('rejects a last day when the campaign closes before the window opens that morning', () => {
    // Arrange
    const earlyClose = makeCampaign({ closesAt: sthlm('2025-04-02 07:00') });
    // Act
    const result = validatePolicy({}, earlyClose);
    // Assert
    expect(result).toMatchObject({ ok: false, errors: [{ path: ['lastDay'], code: 'step_after_close' }] });
  });

  it('treats a midnight closing as closing the day before, so the last day is still valid', () => {
    // Arrange: closes at the start of Thursday 3 April, i.e. the end of Wednesday 2 April
    const midnightClose = makeCampaign({ closesAt: sthlm('2025-04-03 00:00') });
    // Act
    const result = validatePolicy({ minDaysBetween: 2 }, midnightClose);
    // Assert
    expect(result).toEqual(expect.objectContaining({ ok: true, warnings: [] }));
  });

  it('warns when the send window pushes two steps onto the same instant', () => {
    // Arrange: closes Monday 24 March; 2 days before is Saturday, pushed to Monday 08:00 like the last day
    const mondayClose = makeCampaign({ closesAt: sthlm('2025-03-24 17:00') });
    // Act
    const result = validatePolicy({ minDaysBetween: 0 }, mondayClose);
    // Assert
    expect(result).toMatchObject({
      ok: true,
      warnings: [{ path: ['steps', 2], code: 'step_superseded', message: expect.stringContaining('2025-03-24 08:00') }],
    });
  });

  it('warns when there are more reminder steps than the maximum', () => {
    // Arrange / Act
    const result = validatePolicy({ maxReminders: 2, minDaysBetween: 0 }, campaign);
    // Assert
    expect(result).toMatchObject({ ok: true, warnings: [{ path: ['maxReminders'], code: 'too_many_steps' }] });
  });

  it('rejects a campaign that closes before it opens', () => {
    // Arrange
    const backwards = makeCampaign({ closesAt: sthlm('2025-03-01 17:00') });
    // Act
    const result = validatePolicy({}, backwards);
    // Assert
    expect(result).toMatchObject({ ok: false, errors: [{ path: [], code: 'campaign_dates' }] });
  });

  it('checks only the policy itself when no campaign is given', () => {
    // Arrange / Act
    const result = validatePolicy({ steps: [400] });
    // Assert
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: ['steps', 0], message: expect.stringContaining('366') }],
    });
  });
});
