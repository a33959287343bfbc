import { describe, expect, it } from 'vitest';
import { createRetentionHandler } from '../../functions/handlers/retention.handler';
import { OutboxMail, readOutbox } from '../../functions/mail/outbox-mail';
import { keys } from '../../functions/store/table-design';
import { seedCampaign } from '../helpers/seed-fixtures';
import { makeTestContext, type TestContext } from '../helpers/test-app';

const NOW = '2026-03-10T09:00:00.000Z';

async function sendAt(ctx: TestContext, at: string, to: string) {
  ctx.clock.set(at);
  await new OutboxMail(ctx.store, ctx.clock).send({ to: [to], subject: at, text: at, kind: 'reminder' });
}

async function logReminder(ctx: TestContext, year: number, contactId: string, at: string) {
  await ctx.store.put({
    ...keys.reminder(year, '1281', contactId, 'invitation'),
    entity: 'ReminderLog',
    contactId,
    stepId: 'invitation',
    state: 'sent',
    at,
    attempts: 1,
  });
}

describe('retention job: outbox and reminder log are deleted after 2 years', () => {
  it('deletes exactly what is older than 2 years, with Query and DeleteItem only, and logs JSON with the request id', async () => {
    const ctx = await makeTestContext({ now: NOW });
    await seedCampaign(ctx, {
      year: 2023,
      status: 'closed',
      opensAt: '2023-03-01T07:00:00.000Z',
      closesAt: '2023-04-30T21:59:00.000Z',
    });
    await seedCampaign(ctx, {
      year: 2024,
      status: 'closed',
      opensAt: '2024-03-01T07:00:00.000Z',
      closesAt: '2024-04-30T21:59:00.000Z',
    });
    await seedCampaign(ctx);
    await sendAt(ctx, '2023-05-01T00:00:00.000Z', 'a@example.se');
    await sendAt(ctx, '2024-03-10T08:59:59.000Z', 'b@example.se');
    await sendAt(ctx, '2024-03-10T09:00:01.000Z', 'c@example.se');
    await sendAt(ctx, '2026-03-01T00:00:00.000Z', 'd@example.se');
    await logReminder(ctx, 2023, 'old-2023', '2023-03-05T08:00:00.000Z');
    await logReminder(ctx, 2024, 'old-2024', '2024-03-05T08:00:00.000Z');
    await logReminder(ctx, 2024, 'kept-2024', '2024-04-01T08:00:00.000Z');
    await logReminder(ctx, 2026, 'kept-2026', '2026-03-05T08:00:00.000Z');
    ctx.clock.set(NOW);

    const commands: string[] = [];
    ctx.clients.doc.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'retentionCommands' },
    );
    const lines: string[] = [];
    const handler = createRetentionHandler({ store: () => ctx.store, clock: ctx.clock, write: (l) => lines.push(l) });
    await handler({}, { awsRequestId: 'req-retention-1' });

    expect((await readOutbox(ctx.store)).map((m) => m.to[0])).toEqual(['c@example.se', 'd@example.se']);
    const remaining = [];
    for (const year of [2023, 2024, 2026]) {
      remaining.push(
        ...(await ctx.store.queryAll({ partition: keys.campaign(year).pk })).map((i) => String(i.contactId ?? i.sk)),
      );
    }
    // Campaign items themselves stay; only old reminder-log entries go.
    expect(remaining.sort()).toEqual(['META', 'META', 'META', 'kept-2024', 'kept-2026'].sort());
    // The IAM grant of the retention Lambda: Query (table, gsi1) and DeleteItem, never Scan or GetItem.
    expect(new Set(commands)).toEqual(new Set(['QueryCommand', 'DeleteItemCommand']));

    const entry = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({
      level: 'info',
      requestId: 'req-retention-1',
      outboxDeleted: 2,
      reminderLogDeleted: 2,
      cutoff: '2024-03-10T09:00:00.000Z',
    });
    expect(lines.join('\n')).not.toMatch(/@example\.se/);

    // Idempotent: a second run finds nothing more.
    await handler({}, { awsRequestId: 'req-retention-2' });
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ outboxDeleted: 0, reminderLogDeleted: 0 });
  });

  it('logs a failure as JSON with the request id and rethrows, so Lambda retries and the DLQ alarms', async () => {
    const lines: string[] = [];
    const handler = createRetentionHandler({
      store: () => {
        throw Object.assign(new Error('boom'), { name: 'ProvisionedThroughputExceededException' });
      },
      write: (l) => lines.push(l),
    });
    await expect(handler({}, { awsRequestId: 'req-2' })).rejects.toThrow();
    expect(JSON.parse(lines[0] ?? '{}')).toEqual({
      level: 'error',
      msg: 'retention failed',
      error: 'ProvisionedThroughputExceededException',
      requestId: 'req-2',
    });
  });
});
