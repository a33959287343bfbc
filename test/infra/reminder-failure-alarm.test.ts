import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMail } from '../../functions/mail/outbox-mail';
import { type Mail, MailRejectedError } from '../../functions/ports/mail';
import { markInvited, reminderCampaign, seedReminderMembers, sthlm } from '../helpers/reminder-setup';
import { remindersHandlerOn } from '../helpers/reminders-handler';
import { seedCampaign } from '../helpers/seed-fixtures';
import { makeTestContext } from '../helpers/test-app';
import { props, resourcesOfType, type Synthesized, synthStack } from './synth-helpers';

let s: Synthesized;
beforeAll(() => {
  s = synthStack();
});
afterAll(() => s?.cleanup());

/**
 * Whether CloudWatch would count a log line: a quoted filter pattern matches the events that contain
 * the phrase. Lambda's text format puts a timestamp, the request id and the level before the line.
 */
function counted(pattern: string, line: string): boolean {
  expect(pattern).toMatch(/^"[^"]+"$/);
  const phrase = JSON.parse(pattern) as string;
  return `2026-03-18T08:00:00.000Z\treq-1\tINFO\t${line}`.includes(phrase);
}

/**
 * The stack's failed-send alarm reads the reminders function's log (a run that fails every send
 * still ends normally). These runs go through the real handler on dynalite, with the mail failing
 * by injection, and check that the deployed filter counts one line per failed send and none else.
 */
describe('the reminders failed-send alarm', () => {
  async function run(mail: (ctx: Awaited<ReturnType<typeof makeTestContext>>) => Mail) {
    const ctx = await makeTestContext({ now: sthlm('2026-03-18 09:00').toISOString() });
    await seedReminderMembers(ctx);
    await seedCampaign(ctx, reminderCampaign());
    await markInvited(ctx); // the invitation went out at opening; this run sends d14
    const { handler, lines } = remindersHandlerOn(ctx, mail(ctx));
    const result = await handler({}, { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 300_000 });
    const filters = resourcesOfType(s.template, 'AWS::Logs::MetricFilter').map(([, f]) => props(f));
    expect(filters).toHaveLength(1);
    const pattern = String(filters[0]!.FilterPattern);
    return { result, counted: lines.filter((line) => counted(pattern, line)) };
  }

  it('counts every send of a run that fails them all, though the run itself succeeds', async () => {
    const { result, counted } = await run(() => ({
      send: async () => {
        throw new MailRejectedError('rejected (injected)');
      },
    }));
    expect(result).toMatchObject({ year: 2026, due: 3, sent: 0, failed: 3 });
    expect(counted).toHaveLength(3);
  });

  it('counts nothing when every reminder goes out', async () => {
    const { result, counted } = await run((ctx) => new OutboxMail(ctx.store, ctx.clock));
    expect(result).toMatchObject({ year: 2026, due: 3, sent: 3, failed: 0 });
    expect(counted).toEqual([]);
  });
});
