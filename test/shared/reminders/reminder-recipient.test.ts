import { describe, expect, it } from 'vitest';
import {
  countsForAddress,
  logRecipient,
  planReminders,
  type ReminderLogEntry,
  type ReminderStepId,
} from '../../../shared/reminders/index';
import { makeCampaign, makeContact, makeOrganisation, makePolicy, sthlm } from './reminder-fixtures';

/**
 * A reminder-log entry counts for the address it was claimed for. Campaign: opens Monday 3 March 2025
 * 09:00, closes Wednesday 2 April 17:00; d14 is Wednesday 19 March 08:00, d7 Wednesday 26 March.
 */
const EVA = 'eva.nilsson@malmo.se';
const PER = 'per.persson@malmo.se';

function entry(stepId: ReminderStepId, at: string, email?: string): ReminderLogEntry {
  return { contactId: 'c1', stepId, state: 'sent', at: sthlm(at), attempts: 1, ...(email ? { email } : {}) };
}

function planFor(at: string, log: ReminderLogEntry[], policy: Record<string, unknown> = {}) {
  return planReminders({
    policy: makePolicy(policy),
    campaign: makeCampaign(),
    at: sthlm(at),
    organisations: [makeOrganisation({ id: 'o1', contacts: [makeContact({ id: 'c1', email: PER })] })],
    log: [entry('invitation', '2025-03-03 09:00', PER), ...log],
  });
}

const outcome = (plan: ReturnType<typeof planFor>) => ({
  due: plan.due.map((email) => email.stepId),
  skipped: plan.skipped.map((skip) => skip.reason),
});

describe('countsForAddress', () => {
  it('counts an entry for its own address, in any case, and an entry recorded without one for anybody', () => {
    expect(countsForAddress({ email: EVA }, EVA)).toBe(true);
    expect(countsForAddress({ email: 'Eva.Nilsson@Malmo.se' }, EVA)).toBe(true);
    expect(countsForAddress({ email: EVA }, PER)).toBe(false);
    expect(countsForAddress({}, PER)).toBe(true);
  });

  it('counts an erased entry for nobody: erasure needs the person out of the register', () => {
    expect(countsForAddress({ erasedAt: '2025-03-20T10:00:00.000Z' }, PER)).toBe(false);
  });
});

describe('planReminders with a contact another person has taken over', () => {
  it('sends the new person a step the one before had (not already_sent)', () => {
    expect(outcome(planFor('2025-03-20 10:00', [entry('d14', '2025-03-19 08:00', EVA)]))).toEqual({
      due: ['d14'],
      skipped: [],
    });
  });

  it('does not hold the new person back by the one before’s recent email (min_days_between)', () => {
    expect(outcome(planFor('2025-03-19 08:00', [entry('manual-2025-03-18', '2025-03-18 12:22', EVA)]))).toEqual({
      due: ['d14'],
      skipped: [],
    });
  });

  it('does not count the one before’s reminders toward max_reminders', () => {
    const log = [entry('d14', '2025-03-19 08:00', EVA)];
    expect(outcome(planFor('2025-03-26 08:00', log, { maxReminders: 1 }))).toEqual({ due: ['d7'], skipped: [] });
  });

  it('sends the invitation first to a new person whose predecessor had it (the catch-up)', () => {
    const plan = planReminders({
      policy: makePolicy(),
      campaign: makeCampaign(),
      at: sthlm('2025-03-19 08:00'),
      organisations: [makeOrganisation({ id: 'o1', contacts: [makeContact({ id: 'c1', email: PER })] })],
      log: [entry('invitation', '2025-03-03 09:00', EVA)],
    });
    expect(plan.due.map((email) => email.stepId)).toEqual(['invitation']);
  });

  it('keeps the history of the same address, and of entries written before addresses were recorded', () => {
    expect(outcome(planFor('2025-03-20 10:00', [entry('d14', '2025-03-19 08:00', PER)]))).toEqual({
      due: [],
      skipped: ['already_sent'],
    });
    expect(outcome(planFor('2025-03-20 10:00', [entry('d14', '2025-03-19 08:00')]))).toEqual({
      due: [],
      skipped: ['already_sent'],
    });
    expect(outcome(planFor('2025-03-19 08:00', [entry('manual-2025-03-18', '2025-03-18 12:22')]))).toEqual({
      due: [],
      skipped: ['min_days_between'],
    });
  });
});

describe('logRecipient', () => {
  const per = { name: 'Per Persson', email: PER };

  it('names whom the entry went to, with the contact as it is now when someone else has it', () => {
    expect(logRecipient({ email: EVA, name: 'Eva Nilsson' }, per)).toEqual({
      name: 'Eva Nilsson',
      email: EVA,
      current: per,
    });
  });

  it('names the name as sent after a rename that kept the address', () => {
    expect(logRecipient({ email: PER, name: 'Per Pärsson' }, per)).toEqual({ name: 'Per Pärsson', email: PER });
  });

  it('shows the contact as it is now for an entry without a recorded address, and nothing for an erased one', () => {
    expect(logRecipient({}, per)).toEqual({ name: 'Per Persson', email: PER });
    expect(logRecipient({}, undefined)).toEqual({ name: null, email: null });
    expect(logRecipient({ erasedAt: '2025-03-20T10:00:00.000Z' }, per)).toEqual({ name: null, email: null });
  });

  it('shows what was recorded when the contact has been removed', () => {
    expect(logRecipient({ email: EVA, name: 'Eva Nilsson' }, undefined)).toEqual({ name: 'Eva Nilsson', email: EVA });
  });
});
