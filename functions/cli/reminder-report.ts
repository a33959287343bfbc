/**
 * What `npm run reminders` prints after a run: the step, a table of the emails (sent, failed, or
 * that would be sent), a table of the skipped contacts by reason, and a summary line, in the CLI's
 * language (cli-language.ts). Pure: a run's result and the texts in, lines out.
 */
import type { ReminderRunResult } from '../../shared/reminders/reminder-run.schema';
import type { CliText } from '../local/cli-language';
import { type TableCell, textTable } from './text-table';

type RemindersText = CliText['reminders'];

export function reminderReportLines(result: ReminderRunResult, text: RemindersText): string[] {
  const col = text.column;
  const lines = [
    '',
    `${text.step}: ${result.step ? `${result.step.id} (${text.kinds[result.step.kind]})` : text.noStep}`,
  ];
  const email = (entry: ReminderRunResult['due'][number], outcome: string): TableCell[] => [
    `${entry.contact.organisationName} (${entry.contact.organisationId})`,
    entry.contact.name,
    entry.contact.email,
    entry.stepId,
    text.variants[entry.variant],
    entry.attempt,
    outcome,
  ];
  const emails = result.dryRun
    ? result.due.map((d) => email(d, text.wouldSend))
    : [...result.sent.map((s) => email(s, text.sent)), ...result.failed.map((f) => email(f, text.failed(f.error)))];
  if (emails.length > 0) {
    lines.push(
      '',
      ...textTable(
        [col.organisation, col.contact, col.email, col.step, col.variant, col.attempt, col.result].map((header) => ({
          header,
        })),
        emails,
      ),
    );
  } else {
    lines.push(result.dryRun ? text.nobodyWouldGetMail : text.noMailSent);
  }
  const counts = new Map<string, number>();
  for (const skip of result.skipped) {
    const reason = text.skipReasons[skip.reason] ?? skip.reason;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  if (counts.size > 0) {
    lines.push('', text.skipped, ...textTable([{ header: col.reason }, { header: col.contacts }], [...counts]));
  }
  lines.push(
    '',
    text.summary({
      dryRun: result.dryRun,
      emails: result.dryRun ? result.due.length : result.sent.length,
      failed: result.failed.length,
      skipped: result.skipped.length,
    }),
  );
  return lines;
}
