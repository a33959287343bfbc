import {
  formatStockholm,
  type PlanContact,
  type PlannedEmail,
  type PlanOrganisation,
  planReminders,
  type ReminderCampaign,
  type ReminderLogEntry,
  type ReminderPolicy,
  ReminderPolicySchema,
  type ReminderStepId,
  stockholmInstant,
} from '../../../shared/reminders/index';

/** A Stockholm wall-clock time written as `YYYY-MM-DD HH:MM`, as the instant it names. */
export function sthlm(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`bad local time ${local}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return stockholmInstant({ year, month, day, hour, minute });
}

export function makePolicy(overrides: Record<string, unknown> = {}): ReminderPolicy {
  return ReminderPolicySchema.parse(overrides);
}

/** Opens Monday 3 March 2025 09:00, closes Wednesday 2 April 17:00: crosses the spring DST change. */
export function makeCampaign(overrides: Partial<ReminderCampaign> = {}): ReminderCampaign {
  return { opensAt: sthlm('2025-03-03 09:00'), closesAt: sthlm('2025-04-02 17:00'), status: 'open', ...overrides };
}

export function makeContact(overrides: Partial<PlanContact> & { id: string }): PlanContact {
  return {
    email: `${overrides.id}@kommun.example.se`,
    name: `Kontakt ${overrides.id}`,
    role: 'official',
    emailState: 'ok',
    ...overrides,
  };
}

export function makeOrganisation(overrides: Partial<PlanOrganisation> & { id: string }): PlanOrganisation {
  return {
    name: `Organisation ${overrides.id}`,
    type: 'kommun',
    status: 'not_started',
    excused: false,
    contacts: [],
    ...overrides,
  };
}

export function sent(contactId: string, stepId: ReminderStepId, at: Date): ReminderLogEntry {
  return { contactId, stepId, state: 'sent', at, attempts: 1 };
}

export interface SentRecord {
  at: string;
  contactId: string;
  stepId: ReminderStepId;
  variant: PlannedEmail['variant'];
}

/**
 * Plays the caller: runs the planner at each instant in `runs`, records every due email as sent at
 * that instant and feeds the log back into the next run.
 */
export function simulate(options: {
  policy: ReminderPolicy;
  campaign: ReminderCampaign;
  runs: Date[];
  organisationsAt: (at: Date) => PlanOrganisation[];
  log?: ReminderLogEntry[];
}): { records: SentRecord[]; log: ReminderLogEntry[] } {
  const log = [...(options.log ?? [])];
  const records: SentRecord[] = [];
  for (const at of options.runs) {
    const plan = planReminders({
      policy: options.policy,
      campaign: options.campaign,
      at,
      organisations: options.organisationsAt(at),
      log,
    });
    for (const email of plan.due) {
      log.push(sent(email.contactId, email.stepId, at));
      records.push({
        at: formatStockholm(at),
        contactId: email.contactId,
        stepId: email.stepId,
        variant: email.variant,
      });
    }
  }
  return { records, log };
}

/** Every whole hour from `from` up to, not including, `to`. */
export function hourly(from: Date, to: Date): Date[] {
  const runs: Date[] = [];
  for (let t = Math.ceil(from.getTime() / 3_600_000) * 3_600_000; t < to.getTime(); t += 3_600_000)
    runs.push(new Date(t));
  return runs;
}
