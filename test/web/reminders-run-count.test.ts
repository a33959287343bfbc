import { describe, expect, it } from 'vitest';
import type { ReminderRunResult } from '../../web/src/pages/admin/api';
import { adminTranslate } from '../../web/src/pages/admin/i18n';
import { enReminders, svReminders } from '../../web/src/pages/admin/i18n/reminders';
import { runCount } from '../../web/src/pages/admin/RemindersPanel';

const due = (id: string, organisationId: string, stepId: string) =>
  ({ contact: { id, organisationId }, stepId }) as unknown as ReminderRunResult['due'][number];

describe('"Skicka påminnelser nu" says first how many it will reach', () => {
  it('counts distinct contacts and their organisations, not e-mails', () => {
    const result = {
      due: [due('c1', 'o1', 'r1'), due('c2', 'o1', 'r1'), due('c3', 'o2', 'r1'), due('c1', 'o1', 'r2')],
    };
    expect(runCount(result)).toEqual({ contacts: 3, organisations: 2 });
    expect(runCount({ due: [] })).toEqual({ contacts: 0, organisations: 0 });
  });

  it('words the count in both languages, singular too', () => {
    for (const key of ['reminders.runCount', 'reminders.runCountOne', 'reminders.runCountNone'] as const) {
      expect(svReminders[key], key).toBeTruthy();
      expect(enReminders[key], key).toBeTruthy();
    }
    expect(adminTranslate('sv', 'reminders.runCount', { count: 1, organisations: 1 })).toBe(
      '1 kontaktperson får en påminnelse nu (antal organisationer: 1).',
    );
    expect(adminTranslate('sv', 'reminders.runCount', { count: 3, organisations: 2 })).toBe(
      '3 kontaktpersoner får en påminnelse nu (antal organisationer: 2).',
    );
  });
});
