import { randomUUID } from 'node:crypto';
import type { MailMessage } from '../../shared/schemas/outbox.schema';
import { type OutboxEntry, OutboxEntrySchema } from '../../shared/schemas/outbox.schema';
import type { Clock } from '../ports/clock';
import type { Mail } from '../ports/mail';
import type { TableStore } from '../ports/table-store';
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

/** Reads the local outbox, newest last. */
export async function readOutbox(store: TableStore, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  const page = await store.query({ partition: keys.outboxPk, newestFirst: true, limit: options.limit ?? 500 });
  return page.items.map((item) => OutboxEntrySchema.parse(item)).reverse();
}
