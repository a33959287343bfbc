import { beforeEach, describe, expect, it } from 'vitest';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { inputText } from '../../shared/i18n/input-messages';
import { auditEntries, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

const LUND = '/api/admin/organisations/1281';
const LUND_2026 = '/api/admin/campaigns/2026/responses/1281';
const NUL = '\u0000';
const CONTROL = inputText('textControlCharacter');

describe('free text with control characters or nothing visible', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    await submitScoredResponse(ctx, 2026, '1281', completeKommunAnswers());
  });

  async function expectRefused(method: string, path: string, body: unknown, field: string, expected = CONTROL) {
    const before = (await auditEntries(ctx)).length;
    const res = await call(ctx, admin, method, path, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.details).toContainEqual(
      expect.objectContaining({ path: [field], message: expected.message, messageEn: expected.messageEn }),
    );
    expect(await auditEntries(ctx)).toHaveLength(before);
  }

  it.each([
    [
      'a new organisation name',
      'POST',
      '/api/admin/organisations',
      { id: '0180', name: `Stock${NUL}holm`, type: 'kommun' },
    ],
    ['an organisation rename', 'PATCH', LUND, { name: `Lund${NUL}` }],
  ])('refuses NUL in %s and writes nothing', async (_case, method, path, body) => {
    await expectRefused(method, path, body, 'name');
    expect((await call(ctx, admin, 'GET', LUND)).body.name).toBe('Lund');
    expect((await call(ctx, admin, 'GET', '/api/admin/organisations/0180')).status).toBe(404);
  });

  it('refuses NUL and invisible-only contact names and writes nothing', async () => {
    const contacts = (await call(ctx, admin, 'GET', `${LUND}/contacts`)).body.contacts;
    await expectRefused('POST', `${LUND}/contacts`, { name: NUL, email: 'ny@lund.se', role: 'official' }, 'name');
    await expectRefused(
      'PATCH',
      `/api/admin/contacts/${contacts[0].id}`,
      { name: '\u200b\u2060\u00ad' },
      'name',
      inputText('textInvisibleOnly'),
    );
    expect((await call(ctx, admin, 'GET', `${LUND}/contacts`)).body.contacts).toEqual(contacts);
  });

  it('refuses NUL in a campaign title and writes nothing', async () => {
    const campaign = (await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body;
    await expectRefused('PATCH', '/api/admin/campaigns/2026', { title: `Medlemstest${NUL}` }, 'title');
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2026')).body.title).toBe(campaign.title);
  });

  it('refuses NUL in reasons and notes, and nothing is stored or emailed', async () => {
    const mailsBefore = (await readOutbox(ctx.store)).length;
    await expectRefused('POST', `${LUND_2026}/reopen`, { reason: `${NUL}${NUL}${NUL}` }, 'reason');
    await expectRefused('POST', `${LUND_2026}/excuse`, { reason: `Sjuk${NUL}` }, 'reason');
    await expectRefused('POST', `${LUND_2026}/note`, { message: NUL.repeat(10) }, 'message');
    const response = (await call(ctx, admin, 'GET', LUND_2026)).body.response;
    expect(response).toMatchObject({ status: 'submitted', notes: [], overrides: [] });
    expect(await readOutbox(ctx.store)).toHaveLength(mailsBefore);
  });

  it('keeps line breaks in a note', async () => {
    const res = await call(ctx, admin, 'POST', `${LUND_2026}/note`, { message: 'Hej!\n\nFråga 3 saknar källa.' });
    expect(res.status).toBe(201);
    expect(res.body.note.message).toBe('Hej!\n\nFråga 3 saknar källa.');
  });
});
