import { describe, expect, it } from 'vitest';
import type { ReminderRunResult } from '../../web/src/pages/admin/api';
import { type AdminKey, adminTranslate } from '../../web/src/pages/admin/i18n';
import { enReminders } from '../../web/src/pages/admin/i18n/reminders';
import { outsideWindowText } from '../../web/src/pages/admin/RemindersPanel';

const sv = (key: AdminKey, params?: Record<string, string | number>) => adminTranslate('sv', key, params);
const contact = (id: string) => ({ id, organisationId: 'o1', organisationName: 'Malmö', name: 'N', email: 'n@x.se' });

// A Saturday's dry run: the invitation has been due since Monday 23 November, but the window is shut.
const saturday = {
  step: { id: 'invitation', kind: 'invitation' as const, dueAt: '2026-11-23T07:00:00.000Z' },
  due: [],
  skipped: [
    { contact: contact('c1'), reason: 'outside_send_window' as const },
    { contact: contact('c2'), reason: 'outside_send_window' as const },
  ],
  windowOpensAt: '2026-11-30T07:00:00.000Z',
} satisfies Pick<ReminderRunResult, 'due' | 'skipped' | 'step' | 'windowOpensAt'>;

describe('"Skicka påminnelser nu" outside the send window', () => {
  it('says the step waits for the window and when it goes out, not that nothing is due', () => {
    const text = outsideWindowText(saturday, undefined, sv, 'sv');
    expect(text).toBe(
      'Nu är det utanför sändfönstret (mån–fre 08:00–17:00), så inget skickas. Steget Inbjudan är aktuellt och går ut av sig självt när fönstret öppnar, 30 november 2026 kl. 08:00. Behöver en organisation påminnas redan nu, använd "Påminn nu" på dess rad i översikten.',
    );
    expect(enReminders['reminders.runOutsideWindow']).toContain('outside the send window ({window})');
    expect(enReminders['reminders.runOutsideWindow']).toContain('{date}');
  });

  it('follows the policy’s own window', () => {
    const policy = { sendWindow: { weekdays: ['mon', 'wed'], start: '09:00', end: '15:00' } };
    expect(outsideWindowText(saturday, policy, sv, 'sv')).toContain('(mån, ons 09:00–15:00)');
  });

  it('says nothing of the window when something is due, no step is due or another reason holds', () => {
    const due = [{ contact: contact('c1'), stepId: 'd14', kind: 'reminder', variant: 'draft', attempt: 1 }] as const;
    expect(outsideWindowText({ ...saturday, due: [...due] }, undefined, sv, 'sv')).toBeNull();
    expect(outsideWindowText({ ...saturday, step: null }, undefined, sv, 'sv')).toBeNull();
    const allSent = { ...saturday, skipped: [{ contact: contact('c1'), reason: 'already_sent' as const }] };
    expect(outsideWindowText(allSent, undefined, sv, 'sv')).toBeNull();
  });
});
