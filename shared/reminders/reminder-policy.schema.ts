import { z } from 'zod';
import { inputMessage } from '../i18n/input-messages';

/** Days of the week in ISO order. Names rather than numbers avoid the 0-or-7-is-Sunday confusion in stored JSON. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS, { error: inputMessage('weekday') });
export type Weekday = z.infer<typeof WeekdaySchema>;

const WORKING_DAYS = (): Weekday[] => ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Wall-clock time in Europe/Stockholm. 24:00 is allowed as an end so a window can run to midnight. */
export const LocalTimeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: inputMessage('localTime') });

/** Minutes since local midnight for a validated `HH:MM`. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * When mail may go out, always in Europe/Stockholm: on `weekdays`, from `start` (inclusive) to `end`
 * (exclusive). A window never crosses midnight; that keeps "the next opening" a simple per-day question.
 */
export const SendWindowSchema = z
  .strictObject({
    weekdays: z.array(WeekdaySchema).default(WORKING_DAYS),
    start: LocalTimeSchema.default('08:00'),
    end: LocalTimeSchema.default('17:00'),
  })
  .superRefine((window, ctx) => {
    if (window.weekdays.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['weekdays'],
        message: inputMessage('windowWithoutWeekdays'),
        params: { code: 'empty_window' },
      });
    }
    if (minutesOfDay(window.start) >= minutesOfDay(window.end)) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: inputMessage('windowEndsBeforeStart', { end: window.end, start: window.start }),
        params: { code: 'empty_window' },
      });
    }
  });
export type SendWindow = z.infer<typeof SendWindowSchema>;

const StepDaysSchema = z
  .number({ error: inputMessage('stepDaysWhole') })
  .int({ error: inputMessage('stepDaysWhole') })
  .refine((days) => days >= 0, {
    error: (issue) => inputMessage('stepDaysNegative', { days: String(issue.input) }),
    params: { code: 'negative_days' },
  })
  .refine((days) => days !== 0, { error: inputMessage('stepDaysZero'), params: { code: 'zero_days' } })
  .refine((days) => days <= 366, { error: inputMessage('stepDaysMax') });

/** Reminder steps as whole days before `closesAt`. Duplicates are rejected because a step id is derived from its days. */
export const ReminderStepsSchema = z
  .array(StepDaysSchema)
  .max(20, { error: inputMessage('stepsMax') })
  .superRefine((steps, ctx) => {
    steps.forEach((days, index) => {
      if (steps.indexOf(days) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: inputMessage('stepDuplicate', { days }),
          params: { code: 'duplicate_step' },
        });
      }
    });
  });

/**
 * The reminder policy stored on a campaign. `ReminderPolicySchema.parse({})` gives the defaults:
 * invitation on opening, reminders 14, 7 and 2 days before closing plus one on the closing day's
 * morning, at least 3 calendar days between two emails to one contact, at most 4 reminders, weekdays
 * 08:00–17:00 Stockholm time, 10 emails a second, 5 send attempts. Checks that need the campaign's
 * dates live in `validatePolicy`.
 */
export const ReminderPolicySchema = z.strictObject({
  invitationOnOpen: z.boolean().default(true),
  steps: ReminderStepsSchema.default(() => [14, 7, 2]),
  /** The "sista dagen" reminder on the closing day at window opening. */
  lastDay: z.boolean().default(true),
  /** Stockholm calendar days between two emails of any kind to one contact. */
  minDaysBetween: z.number().int().min(0).max(60).default(3),
  /** Reminders per contact per campaign; the invitation does not count. */
  maxReminders: z.number().int().min(0).max(20).default(4),
  sendWindow: SendWindowSchema.default(() => ({ weekdays: WORKING_DAYS(), start: '08:00', end: '17:00' })),
  sendRatePerSecond: z.number().positive().max(1000).default(10),
  /** Claims plus sends per contact and step before the job gives up on it. */
  maxSendAttempts: z.number().int().min(1).max(20).default(5),
});
export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

/**
 * `invitation`, `d<days>` for a reminder step, `last-day` for the closing day's morning, and
 * `manual-<yyyy-mm-dd>` for a reminder the kansli sent to one organisation by hand that Stockholm day
 * ("Påminn nu"); at most one per contact and day.
 */
export type ReminderStepId = 'invitation' | 'last-day' | `d${number}` | `manual-${string}`;

const STEP_ID = /^(?:invitation|last-day|d[1-9]\d*|manual-\d{4}-\d{2}-\d{2})$/;
export const ReminderStepIdSchema = z.custom<ReminderStepId>(
  (value) => typeof value === 'string' && STEP_ID.test(value),
  { error: inputMessage('stepId') },
);

/** The step id of a reminder sent by hand on a Stockholm calendar date. */
export function manualStepId(date: { year: number; month: number; day: number }): ReminderStepId {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `manual-${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export const ReminderEmailKindSchema = z.enum(['invitation', 'reminder']);
export type ReminderEmailKind = z.infer<typeof ReminderEmailKindSchema>;

export const ReminderVariantSchema = z.enum(['invitation', 'no-response', 'draft', 'last-day']);
export type ReminderVariant = z.infer<typeof ReminderVariantSchema>;

const InstantSchema = z.union([z.date(), z.iso.datetime({ offset: true }).transform((value) => new Date(value))]);

/**
 * One (contact, step) in the reminder log. `at` is when the entry last changed: the claim time for
 * `claimed` (the lease runs from it), the send time for `sent`, the last failure for `failed`.
 * `attempts` counts claims, so a crash between claim and send also uses up an attempt.
 */
export const ReminderLogEntrySchema = z.object({
  contactId: z.string().min(1),
  /**
   * The organisation the entry was claimed for (the log is keyed by it). A contact moved to another
   * organisation keeps its id, and its invitation counts only for the organisation it named; absent,
   * the entry counts for whichever organisation holds the contact.
   */
  organisationId: z.string().optional(),
  stepId: ReminderStepIdSchema,
  state: z.enum(['claimed', 'sent', 'failed']),
  at: InstantSchema,
  attempts: z.number().int().min(0),
  error: z.string().optional(),
  /** The address the entry was claimed for; absent on entries written before it was recorded (they count for the contact). */
  email: z.string().optional(),
  /** When erasure took the recipient's name and address out: the entry then counts for nobody. */
  erasedAt: z.string().optional(),
});
export type ReminderLogEntry = z.output<typeof ReminderLogEntrySchema>;

/** Stable codes for why a contact got nothing in a run; the log and the dry run show them. */
export const ReminderSkipReasonSchema = z.enum([
  'campaign_not_open',
  'outside_send_window',
  'submitted',
  'excused',
  'unsubscribed',
  'bounced',
  'complained',
  'invalid_email',
  'duplicate_contact',
  'already_sent',
  'in_progress',
  'attempts_exhausted',
  'max_reminders',
  'min_days_between',
  /** Due, but the run's time budget ran out before it was claimed; the next run sends it. */
  'deferred',
]);
export type ReminderSkipReason = z.infer<typeof ReminderSkipReasonSchema>;
