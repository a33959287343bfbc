import { randomUUID } from 'node:crypto';
import type { MailMessage } from '../../shared/schemas/outbox.schema';
import { type OutboxEntry, OutboxEntrySchema } from '../../shared/schemas/outbox.schema';
import type { Clock } from '../ports/clock';
import type { Mail } from '../ports/mail';
import type { Item, TableStore } from '../ports/table-store';
import { keys } from '../store/table-design';

/**
 * The local mail adapter: every message lands in the table's outbox, readable at
 * GET /api/dev/outbox. One item per recipient, so erasure can find a person's mail by address.
 */
export class OutboxMail implements Mail {
  constructor(
    private readonly store: TableStore,
    private readonly clock: Clock,
  ) {}

  async send(message: MailMessage): Promise<{ id: string }> {
    const id = randomUUID();
    const sentAt = this.clock.now().toISOString();
    const entry: OutboxEntry = {
      id,
      sentAt,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      kind: message.kind,
    };
    const first = message.to[0] ?? '';
    await this.store.put(
      {
        ...keys.outbox(sentAt, id),
        ...keys.outboxByEmail(first, sentAt, id),
        entity: 'Outbox',
        ...entry,
        headers: message.headers,
      },
      { kind: 'absent' },
    );
    return { id };
  }
}

/**
 * Reads the newest `limit` entries of the local outbox, newest last. Follows the cursor: a page of
 * DynamoDB stops at 1 MB (about 160 mails), and one page hid every older invitation and reminder.
 */
export async function readOutbox(store: TableStore, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  const limit = options.limit ?? 500;
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query({
      partition: keys.outboxPk,
      newestFirst: true,
      limit: limit - items.length,
      cursor,
    });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor && items.length < limit);
  return items.map((item) => OutboxEntrySchema.parse(item)).reverse();
}
