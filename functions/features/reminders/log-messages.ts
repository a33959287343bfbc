/**
 * The `msg` of the log line written for each reminder that could not be sent. The stack counts
 * these lines in the reminders function's log group and alarms on any (infra/klimatkommunerna-stack.ts),
 * since a run that fails every send still ends normally; renaming it here renames the filter too.
 */
export const REMINDER_NOT_SENT_MSG = 'reminder not sent';
