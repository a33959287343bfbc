import { z } from 'zod';
import { EmailStateSchema } from '../schemas/contact.schema';
import { ReminderEmailKindSchema, ReminderSkipReasonSchema, ReminderVariantSchema } from './reminder-policy.schema';

const Instant = z.iso.datetime({ offset: true });

/**
 * POST /api/admin/campaigns/{year}/reminders/run. `at` is the instant to plan for: "who would be
 * reminded on date X" with `dryRun`, time travel for a real run (local stack only). `dryRun` has no
 * default: a real run that emails the members is asked for by name, never by a missing body.
 */
export const RunRemindersInputSchema = z.strictObject({
  dryRun: z.boolean().describe('true: only say who would be reminded; false: send now. Required.'),
  at: Instant.optional(),
});
export type RunRemindersInput = z.infer<typeof RunRemindersInputSchema>;

/** The contact an email is for, as the kansli sees it in a run's answer. */
export const ReminderRunContactSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  name: z.string(),
  email: z.string(),
  /**
   * The contact's email state when it is not `ok`. Only an `unsubscribed` contact can be due: it gets
   * the invitation, never a reminder, so the console marks it among the recipients.
   */
  emailState: EmailStateSchema.exclude(['ok']).optional(),
});
export type ReminderRunContact = z.infer<typeof ReminderRunContactSchema>;

export const DueReminderSchema = z.object({
  contact: ReminderRunContactSchema,
  stepId: z.string(),
  kind: ReminderEmailKindSchema,
  variant: ReminderVariantSchema,
  /** 1 for a first try, higher for a retry of a failed or abandoned send. */
  attempt: z.number().int().min(1),
});
export type DueReminder = z.infer<typeof DueReminderSchema>;

export const SentReminderSchema = DueReminderSchema.extend({ at: z.string(), messageId: z.string() });
export type SentReminder = z.infer<typeof SentReminderSchema>;

/** A due email that did not go out in this run; a claimed one is retried by a later run. */
export const FailedReminderSchema = DueReminderSchema.extend({ error: z.string() });
export type FailedReminder = z.infer<typeof FailedReminderSchema>;

export const SkippedReminderSchema = z.object({ contact: ReminderRunContactSchema, reason: ReminderSkipReasonSchema });
export type SkippedReminder = z.infer<typeof SkippedReminderSchema>;

/** What `runReminders` answers; a dry run has `due` and `skipped` but never `sent` or `failed`. */
export const ReminderRunResultSchema = z.object({
  year: z.number().int(),
  at: z.string(),
  dryRun: z.boolean(),
  /** The step that is due at `at`, or null when none is. */
  step: z.object({ id: z.string(), kind: ReminderEmailKindSchema, dueAt: z.string() }).nullable(),
  due: z.array(DueReminderSchema),
  sent: z.array(SentReminderSchema),
  failed: z.array(FailedReminderSchema),
  skipped: z.array(SkippedReminderSchema),
  /** The schedule's next step after `at` and when it goes out; null when none is left (or the campaign is closed). */
  nextSend: z.object({ stepId: z.string(), at: z.string() }).nullable().optional(),
  /** When the send window next opens after `at` (what is left of a step due then goes out from it). */
  windowOpensAt: z.string().optional(),
});
export type ReminderRunResult = z.infer<typeof ReminderRunResultSchema>;

/**
 * POST /api/admin/campaigns/{year}/responses/{code}/remind ("Påminn nu"): who of the organisation's
 * contacts was emailed now and with what (`kind`: a contact who has not had the invitation gets the
 * invitation instead of a reminder, as the scheduled run does), whose send failed, and who was left
 * out and why (`unsubscribed` (no invitation owed), `bounced`, `complained`, `invalid_email`,
 * `already_sent` when reminded by hand earlier that day, `min_days_between` when invited earlier that
 * day, `in_progress` when its invitation is being sent right now). GET on the same path answers what
 * a click would do now (`dryRun: true`, `due`), sending nothing.
 */
export const RemindNowResultSchema = z.object({
  year: z.number().int(),
  organisationId: z.string(),
  organisationName: z.string(),
  /** The reminder-log step of the reminders, `manual-<yyyy-mm-dd>` (Stockholm date); invitations are step `invitation`. */
  stepId: z.string(),
  /** The reminders' variant (`draft` or `no-response`); invitations are variant `invitation`. */
  variant: ReminderVariantSchema,
  at: z.string(),
  /** True for GET's answer: who would get what (`due`); nothing was sent. */
  dryRun: z.boolean().optional(),
  /** Who a click now would email and with what; in GET's answer only. */
  due: z.array(z.object({ contact: ReminderRunContactSchema, kind: ReminderEmailKindSchema })).optional(),
  sent: z.array(
    z.object({
      contact: ReminderRunContactSchema,
      kind: ReminderEmailKindSchema,
      at: z.string(),
      messageId: z.string(),
    }),
  ),
  failed: z.array(z.object({ contact: ReminderRunContactSchema, kind: ReminderEmailKindSchema, error: z.string() })),
  skipped: z.array(SkippedReminderSchema),
});
export type RemindNowResult = z.infer<typeof RemindNowResultSchema>;

/** One row of GET /api/admin/campaigns/{year}/reminders: one (contact, step) and how it went. */
export const ReminderLogRowSchema = z.object({
  organisationId: z.string(),
  /** Null when the organisation or contact has since been removed from the register. */
  organisationName: z.string().nullable(),
  contactId: z.string(),
  /** Who it was claimed for: the name and address recorded on the entry (older entries: the contact as it is now). */
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  /** The contact as it is now, when it has another address than the one the entry went to (another person took it over). */
  currentContact: z.object({ name: z.string(), email: z.string() }).optional(),
  /** The contact's email state now: `bounced`, `complained` or `unsubscribed` explain missing reminders. */
  emailState: EmailStateSchema.nullable(),
  stepId: z.string(),
  kind: ReminderEmailKindSchema,
  variant: ReminderVariantSchema.optional(),
  state: z.enum(['claimed', 'sent', 'failed']),
  /** When the entry last changed: the claim, the send or the last failure. */
  at: z.string(),
  sentAt: z.string().optional(),
  attempts: z.number().int(),
  error: z.string().optional(),
});
export type ReminderLogRow = z.infer<typeof ReminderLogRowSchema>;

export const ReminderLogSchema = z.object({ year: z.number().int(), entries: z.array(ReminderLogRowSchema) });

/**
 * The longest unsubscribe token taken. A real one is about 150 characters (two ids and a MAC,
 * base64url); anything much longer is refused before the signature is checked.
 */
export const UNSUBSCRIBE_TOKEN_MAX_LENGTH = 512;
const UnsubscribeTokenSchema = z.string().min(1).max(UNSUBSCRIBE_TOKEN_MAX_LENGTH);

/** POST /api/unsubscribe as JSON; a mail client's one-click POST carries the token in the query instead. */
export const UnsubscribeInputSchema = z.object({ token: UnsubscribeTokenSchema });

export const UnsubscribeQuerySchema = z.object({ token: UnsubscribeTokenSchema.optional() });

/** RFC 8058's one-click body, `List-Unsubscribe=One-Click`, form encoded. */
export const OneClickUnsubscribeFormSchema = z.object({
  'List-Unsubscribe': z.string().optional(),
  token: UnsubscribeTokenSchema.optional(),
});

export const UnsubscribeResultSchema = z.object({
  organisationName: z.string(),
  emailState: EmailStateSchema,
  /** False when the contact was already unsubscribed (or bounced): unsubscribing twice is fine. */
  changed: z.boolean(),
});
export type UnsubscribeResult = z.infer<typeof UnsubscribeResultSchema>;
