/**
 * The `msg` of the log line written for each reminder that could not be sent. The stack counts
 * these lines in the reminders function's log group and alarms on any (infra/klimatkommunerna-stack.ts),
 * since a run that fails every send still ends normally; renaming it here renames the filter too.
 */
export const REMINDER_NOT_SENT_MSG = 'reminder not sent';

/**
 * The `msg` of the log line for an invitation the console could not send to a contact the kansli
 * just added, moved or readdressed (the admin API's log; no alarm: the kansli sees `invited: false`
 * on the page, and the next reminder run retries a failed send).
 */
export const INVITATION_NOT_SENT_MSG = 'invitation not sent';
