import { describe, expect, it } from 'vitest';
import { format } from '../../web/src/i18n';
import { en as enStrings } from '../../web/src/pages/admin/i18n/en';
import { sv as svStrings } from '../../web/src/pages/admin/i18n/sv';
import { reminderActions } from '../../web/src/pages/admin/RemindersPanel';

const dates = { opensAt: '2026-03-02T08:00:00.000Z', closesAt: '2026-04-01T15:00:00.000Z' };
const during = new Date('2026-03-18T08:00:00.000Z');

describe('what the reminders panel offers', () => {
  it('offers the real run only for an open campaign that takes answers now', () => {
    expect(reminderActions({ ...dates, status: 'open' }, during)).toMatchObject({ preview: true, run: true });
    expect(reminderActions({ ...dates, status: 'open' }, during).runBlocked).toBeUndefined();
    for (const status of ['draft', 'closed', 'published'] as const) {
      expect(reminderActions({ ...dates, status }, during).run, status).toBe(false);
    }
    expect(reminderActions({ ...dates, status: 'open' }, new Date('2026-04-02T08:00:00.000Z'))).toMatchObject({
      run: false,
      runBlocked: 'reminders.runBlocked.deadlinePassed',
    });
    expect(reminderActions({ ...dates, status: 'open' }, new Date('2026-03-01T08:00:00.000Z'))).toMatchObject({
      run: false,
      runBlocked: 'reminders.runBlocked.notYetOpen',
    });
  });

  it("says why instead, in both languages, and keeps a draft's preview, starting at its opening", () => {
    const draft = reminderActions({ ...dates, status: 'draft' }, new Date('2026-02-10T10:00:00.000Z'));
    const closed = reminderActions({ ...dates, status: 'closed' }, during);
    expect(draft).toMatchObject({
      preview: true,
      runBlocked: 'reminders.runBlocked.draft',
      previewFrom: dates.opensAt,
    });
    expect(closed).toMatchObject({ preview: false, runBlocked: 'reminders.closedLocked' });
    for (const key of [draft.runBlocked!, closed.runBlocked!, 'reminders.runBlocked.deadlinePassed' as const]) {
      expect(format(svStrings[key], { closesAt: '1 april 2026 17:00' }), key).not.toMatch(/[{}]/);
      expect(format(enStrings[key], { closesAt: '1 April 2026 17:00' }), key).not.toMatch(/[{}]/);
    }
    // A draft whose opening has passed previews from now.
    expect(reminderActions({ ...dates, status: 'draft' }, during).previewFrom).toBe(during.toISOString());
  });
});
