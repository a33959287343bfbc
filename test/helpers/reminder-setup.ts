import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { OrganisationRepository } from '../../functions/features/organisations/organisation.repository';
import { ReminderLogRepository } from '../../functions/features/reminders/reminder-log.repository';
import { createRemindersService } from '../../functions/features/reminders/reminders.module';
import type { RemindersService } from '../../functions/features/reminders/reminders.service';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import type { FixedClock } from '../../functions/ports/clock';
import type { Mail } from '../../functions/ports/mail';
import type { TableStore } from '../../functions/ports/table-store';
import { formatStockholm, stockholmInstant, type Timers } from '../../shared/reminders/index';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { EmailState } from '../../shared/schemas/contact.schema';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import type { MailMessage, OutboxEntry } from '../../shared/schemas/outbox.schema';
import { call } from './admin-api';
import { makeCampaign, seedCampaign, seedOrganisations } from './seed-fixtures';
import { makeTestContext, signIn, type TestContext } from './test-app';

/** A Stockholm wall-clock time written as `YYYY-MM-DD HH:MM`, as the instant it names. */
export function sthlm(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`bad local time ${local}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return stockholmInstant({ year, month, day, hour, minute });
}

/**
 * The reminder campaign of these tests: opens Monday 2 March 2026 09:00, closes Wednesday 1 April
 * 17:00 Stockholm time. With the default policy: invitation 2 March, 14 days before on Wednesday
 * 18 March, 7 days before on 25 March, 2 days before on Monday 30 March (summer time since 29 March),
 * the last day on 1 April, all at 08:00.
 */
export function reminderCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return makeCampaign({
    opensAt: sthlm('2026-03-02 09:00').toISOString(),
    closesAt: sthlm('2026-04-01 17:00').toISOString(),
    reminderPolicy: {},
    ...overrides,
  });
}

/** Virtual time for pacing and backoff: nothing waits, every sleep is recorded. */
export function virtualTimers(): Timers & { sleeps: number[] } {
  let time = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
  };
}

/** A Mail that remembers every message it was given (headers included) and passes it on. */
export function recordingMail(inner: Mail): Mail & { messages: MailMessage[] } {
  const messages: MailMessage[] = [];
  return {
    messages,
    send: async (message) => {
      const out = await inner.send(message);
      messages.push(message);
      return out;
    },
  };
}

export interface ReminderHarness {
  service: RemindersService;
  logs: Record<string, unknown>[];
  timers: ReturnType<typeof virtualTimers>;
}

/** The reminders service on the context's real store, with virtual timers and a captured log. */
export function reminderHarness(
  ctx: TestContext,
  options: { mail?: Mail; store?: TableStore; leaseMs?: number } = {},
): ReminderHarness {
  const logs: Record<string, unknown>[] = [];
  const timers = virtualTimers();
  const store = options.store ?? ctx.store;
  const service = createRemindersService({
    store,
    mail: options.mail ?? new OutboxMail(ctx.store, ctx.clock),
    clock: ctx.clock,
    config: ctx.config,
    log: (entry) => logs.push(entry),
    timers,
    leaseMs: options.leaseMs,
  });
  return { service, logs, timers };
}

export const GOTEBORG: Organisation = { id: '1480', name: 'Göteborg', type: 'kommun', population: 600000 };
export const LUND_ID = '1281';
export const MALMO_ID = '1280';
export const SKANE_ID = '12';

/**
 * The members of the reminder tests, each showing one rule:
 * - Lund (1281): no response yet; both contacts reachable.
 * - Malmö (1280): a draft, 12 of 40 questions; the politician unsubscribed (invitation only).
 * - Region Skåne (12): excused by the kansli: nothing.
 * - Göteborg (1480): the politician complained, the official's address bounced: nothing.
 */
export async function seedReminderMembers(ctx: TestContext, year = 2026): Promise<void> {
  await seedOrganisations(ctx, [
    { id: LUND_ID, name: 'Lund', type: 'kommun' },
    { id: MALMO_ID, name: 'Malmö', type: 'kommun' },
    { id: SKANE_ID, name: 'Region Skåne', type: 'region' },
    GOTEBORG,
  ]);
  await setEmailState(ctx, MALMO_ID, `politiker-${MALMO_ID}`, 'unsubscribed');
  await setEmailState(ctx, GOTEBORG.id, `politiker-${GOTEBORG.id}`, 'complained');
  await setEmailState(ctx, GOTEBORG.id, `tjansteperson-${GOTEBORG.id}`, 'bounced');
  const responses = new ResponseRepository(ctx.store);
  await responses.adminUpdate(year, MALMO_ID, 'kommun', { status: 'draft', answered: 12, totalQuestions: 40 });
  await responses.adminUpdate(year, SKANE_ID, 'region', { excused: true });
}

/**
 * Records the campaign's invitation as sent at `at` to every contact in the register, as the run at
 * opening does: a test of a reminder step starts after it, since a contact with no invitation in the
 * log gets the invitation instead of the reminder (the catch-up, docs/reminders.md).
 */
export async function markInvited(ctx: TestContext, at = sthlm('2026-03-02 09:00'), year = 2026): Promise<void> {
  const log = new ReminderLogRepository(ctx.store);
  for (const { contacts } of await new OrganisationRepository(ctx.store).register()) {
    for (const contact of contacts) {
      const ref = {
        year,
        organisationId: contact.organisationId,
        contactId: contact.id,
        stepId: 'invitation' as const,
      };
      const claim = { ...ref, kind: 'invitation' as const, variant: 'invitation' as const, claimId: 'test-invited' };
      await log.claim({ ...claim, at, seenAttempts: 0, leaseMs: 60_000, maxAttempts: 5 });
      await log.markSent(ref, 'test-invited', { at, messageId: `invited-${contact.id}` });
    }
  }
}

export async function setEmailState(ctx: TestContext, organisationId: string, contactId: string, state: EmailState) {
  const contacts = new ContactRepository(ctx.store);
  const contact = await contacts.get(organisationId, contactId);
  if (!contact) throw new Error(`no contact ${contactId}`);
  await contacts.update(contact, { ...contact, emailState: state });
}

export async function submitResponse(ctx: TestContext, organisationId: string, at: Date, year = 2026) {
  await new ResponseRepository(ctx.store).adminUpdate(year, organisationId, 'kommun', {
    status: 'submitted',
    submittedAt: at.toISOString(),
  });
}

/** The log as lines: `<Stockholm time> <step> <variant> → <contact>`, in order. */
export async function sentLines(service: RemindersService, year = 2026): Promise<string[]> {
  const rows = await service.listLog(year);
  return rows
    .filter((row) => row.state === 'sent')
    .sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? '') || a.contactId.localeCompare(b.contactId))
    .map((row) => `${formatStockholm(new Date(row.sentAt ?? row.at))} ${row.stepId} ${row.variant} → ${row.contactId}`);
}

/** Every day from `from` to `to` (inclusive) at `hour`:`minute` Stockholm time. */
export function dailyAt(from: string, to: string, hour: number, minute = 0): Date[] {
  const runs: Date[] = [];
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const last = sthlm(`${to} 23:59`).getTime();
  for (let day = 0; ; day++) {
    const date = new Date(Date.UTC(fy, fm - 1, fd + day));
    const at = stockholmInstant({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour,
      minute,
    });
    if (at.getTime() > last) return runs;
    runs.push(at);
  }
}

/**
 * Where the invitation tests start: the reminder members and campaign, the invitation sent to all
 * on 2 March, the clock at d14 (18 March 10:00) unless told, and the kansli signed in.
 */
export async function invitedReminderWorld(
  options: {
    now?: Date;
    campaign?: Partial<Campaign>;
    mail?: (store: TableStore, clock: FixedClock) => Mail;
    log?: (line: Record<string, unknown>) => void;
  } = {},
): Promise<{ ctx: TestContext; admin: string }> {
  const ctx = await makeTestContext({
    now: (options.now ?? sthlm('2026-03-18 10:00')).toISOString(),
    mail: options.mail,
    log: options.log,
  });
  await seedReminderMembers(ctx);
  await seedCampaign(ctx, reminderCampaign(options.campaign));
  await markInvited(ctx);
  return { ctx, admin: await signIn(ctx, 'kansli@example.se') };
}

/** The campaign mail (not sign-in links) to an address in the local outbox, oldest first. */
export async function campaignMailTo(ctx: TestContext, address: string): Promise<OutboxEntry[]> {
  const res = await call(ctx, undefined, 'GET', '/api/dev/outbox');
  return (res.body as OutboxEntry[])
    .filter((entry) => entry.to.includes(address) && (entry.kind === 'invitation' || entry.kind === 'reminder'))
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}
