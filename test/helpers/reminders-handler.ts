import { createRemindersHandler } from '../../functions/handlers/reminders.handler';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import type { Mail } from '../../functions/ports/mail';
import type { TestContext } from './test-app';

/**
 * The reminders Lambda's handler on the context's table, clock and settings, sending to the
 * outbox unless given another `mail`, and the JSON log lines it writes.
 */
export function remindersHandlerOn(ctx: TestContext, mail: Mail = new OutboxMail(ctx.store, ctx.clock)) {
  const lines: string[] = [];
  const handler = createRemindersHandler({
    deps: async () => ({ store: ctx.store, mail, clock: ctx.clock, config: ctx.config }),
    write: (line) => lines.push(line),
  });
  return { handler, lines };
}
