/**
 * What `npm run reminders` prints after a run: the step, a table of the emails (sent, failed, or
 * that would be sent, with a note on an unsubscribed recipient, as the console's preview has), a
 * table of the skipped contacts by reason, and a summary line, in the CLI's language
 * (cli-language.ts). Pure: a run's result and the texts in, lines out.
 */
import type { DueReminder, ReminderRunResult } from '../../shared/reminders/reminder-run.schema';
import type { CliText } from '../local/cli-language';
import { type TableCell, textTable } from './text-table';

type RemindersText = CliText['reminders'];

export function reminderReportLines(result: ReminderRunResult, text: RemindersText): string[] {
  const col = text.column;
  const lines = [
    '',
    `${text.step}: ${result.step ? `${result.step.id} (${text.kinds[result.step.kind]})` : text.noStep}`,
  ];
  const entries: Array<{ entry: DueReminder; outcome: string }> = result.dryRun
    ? result.due.map((entry) => ({ entry, outcome: text.wouldSend }))
    : [
        ...result.sent.map((entry) => ({ entry, outcome: text.sent })),
        ...result.failed.map((entry) => ({ entry, outcome: text.failed(entry.error) })),
      ];
  // The run's contact carries emailState when it is not ok; only an unsubscribed one can be due (for
  // the invitation), and the console's preview marks it by that field too. The column only when a
  // row has the mark: most runs have none.
  const marked = (entry: DueReminder) => entry.contact.emailState === 'unsubscribed';
  const noted = entries.some(({ entry }) => marked(entry));
  const emails = entries.map(({ entry, outcome }): TableCell[] => [
    `${entry.contact.organisationName} (${entry.contact.organisationId})`,
    entry.contact.name,
    entry.contact.email,
    ...(noted ? [marked(entry) ? text.unsubscribedRecipient : ''] : []),
    entry.stepId,
    text.variants[entry.variant],
    entry.attempt,
    outcome,
  ]);
  if (emails.length > 0) {
    const headers = [
      col.organisation,
      col.contact,
      col.email,
      ...(noted ? [col.note] : []),
      col.step,
      col.variant,
      col.attempt,
      col.result,
    ];
    lines.push(
      '',
      ...textTable(
        headers.map((header) => ({ header })),
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
