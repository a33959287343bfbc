import { describe, expect, it } from 'vitest';
import { OutboxMail, readOutbox } from '../../functions/mail/outbox-mail';
import type { Mail } from '../../functions/ports/mail';
import { call, signInAdmin } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

// The seeded 2026 campaign opens 2026-03-01 and closes 2026-04-30T21:59Z (23:59 Swedish time).
const LUND = '1281';
const REOPEN = `/api/admin/campaigns/2026/responses/${LUND}/reopen`;
const LUND_CONTACTS = ['politiker.1281@example.se', 'tjansteperson.1281@example.se'];

const reopenMails = async (ctx: TestContext) => (await readOutbox(ctx.store)).filter((m) => m.kind === 'reopened');

describe("the email to the organisation's contacts when the kansli reopens or extends", () => {
  it('tells both contacts that the response is reopened, that only they can submit it again, why and until when', async () => {
    // Arrange: Lund submitted; the campaign has closed
    const { ctx } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: { status: 'closed' } });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    ctx.clock.set('2026-05-05T08:00:00Z');
    const admin = await signInAdmin(ctx);
    // Act
    const res = await call(ctx, admin, 'POST', REOPEN, {
      closesAt: '2026-05-12T23:59:00+02:00',
      reason: 'Fel i <b>transportsvaren</b>',
      intent: 'reopen',
    });
    // Assert
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mails = await reopenMails(ctx);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(LUND_CONTACTS);
    const [mail] = mails;
    expect(mail?.subject).toBe('Medlemstest 2026: svaren från Lund är öppnade igen');
    expect(mail?.text).toContain('räknas inte som inskickade förrän ni skickar in dem igen');
    expect(mail?.text).toContain('kansliet kan inte skicka in åt er');
    expect(mail?.text).toContain('Skicka in senast tisdag 12 maj 2026 kl. 23:59 (svensk tid).');
    expect(mail?.text).toContain('Fel i <b>transportsvaren</b>');
    expect(mail?.text).toContain('Gå till enkäten: http://localhost:3000/enkat');
    expect(mail?.text).toMatch(/In English: .*reopened.*no longer counts as submitted.*12 May 2026/);
    expect(mail?.html).toContain('Fel i &lt;b&gt;transportsvaren&lt;/b&gt;');
    expect(mail?.html).toContain('<p lang="en">In English:');
  });

  it("names the campaign's deadline when a reopen keeps it, and says so for an extension", async () => {
    const { ctx, admin } = await adminWorld({ now: '2026-04-20T08:00:00Z', campaign: true });
    await submitScoredResponse(ctx, 2026, '1280', completeKommunAnswers());
    // Act: Malmö is reopened without a date; Lund, not started, gets its own deadline
    const reopened = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/responses/1280/reopen', {
      reason: 'Vill komplettera',
    });
    const extended = await call(ctx, admin, 'POST', REOPEN, {
      closesAt: '2026-05-10T21:59:00Z',
      reason: 'Behöver mer tid',
      intent: 'extend',
    });
    // Assert
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    const mails = await reopenMails(ctx);
    const malmo = mails.find((m) => m.to.includes('politiker.1280@example.se'));
    expect(malmo?.text).toContain('Skicka in senast torsdag 30 april 2026 kl. 23:59 (svensk tid).');
    const lund = mails.filter((m) => m.to.some((to) => LUND_CONTACTS.includes(to)));
    expect(lund).toHaveLength(2);
    expect(lund[0]?.subject).toBe('Medlemstest 2026: Lund har fått längre svarstid');
    expect(lund[0]?.text).toContain('Ny sista svarsdag: söndag 10 maj 2026 kl. 23:59 (svensk tid).');
    expect(lund[0]?.text).toContain('Behöver mer tid');
  });

  it('reopens even when the email cannot be sent, and logs it without the address', async () => {
    // Arrange: every reopen email fails
    const lines: Record<string, unknown>[] = [];
    const { ctx, admin } = await adminWorld({
      now: '2026-04-20T08:00:00Z',
      campaign: true,
      log: (entry) => lines.push(entry),
      mail: (store, clock): Mail => {
        const outbox = new OutboxMail(store, clock);
        return {
          send: async (message) => {
            if (message.kind === 'reopened') throw new Error(`SES refused ${message.to[0]}`);
            return outbox.send(message);
          },
        };
      },
    });
    await submitScoredResponse(ctx, 2026, LUND, completeKommunAnswers());
    // Act
    const res = await call(ctx, admin, 'POST', REOPEN, { reason: 'Vill komplettera', intent: 'reopen' });
    // Assert
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft' });
    const warnings = lines.filter((line) => line.msg === 'reopen email not sent');
    expect(warnings).toHaveLength(2);
    expect(JSON.stringify(warnings)).not.toContain('@');
  });
});
