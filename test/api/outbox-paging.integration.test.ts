import { describe, expect, it } from 'vitest';
import { OutboxMail, readOutbox } from '../../functions/mail/outbox-mail';
import { makeTestContext } from '../helpers/test-app';

/** The local outbox must show every mail a cycle sends, not only the first megabyte of it. */
describe('the local outbox', () => {
  it('reads past a DynamoDB page of 1 MB: 150 mails of 12 KB each all come back, oldest first', async () => {
    // Arrange: 150 × 12 KB is about 1.8 MB, two pages at least
    const ctx = await makeTestContext();
    const mail = new OutboxMail(ctx.store, ctx.clock);
    const body = 'x'.repeat(12_000);
    for (let i = 0; i < 150; i++) {
      await mail.send({ to: [`kontakt.${i}@example.se`], subject: `Påminnelse ${i}`, text: body, kind: 'reminder' });
    }
    // Act
    const all = await readOutbox(ctx.store);
    const newest = await readOutbox(ctx.store, { limit: 20 });
    // Assert
    expect(all).toHaveLength(150);
    expect(new Set(all.map((m) => m.subject)).size).toBe(150);
    expect(newest).toHaveLength(20);
    expect(newest.at(-1)?.id).toBe(all.at(-1)?.id);
  });
});
