import { type ComponentType, createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { I18nProvider } from '../../web/src/i18n';
import type { CampaignSummary, ReminderRunResult, RemindNowResult } from '../../web/src/pages/admin/api';
import { type AdminKey, type AdminT, adminTranslate } from '../../web/src/pages/admin/i18n';
import { enConsole } from '../../web/src/pages/admin/i18n/en-console';
import { enReminders } from '../../web/src/pages/admin/i18n/reminders';
import { RunResult, remindNowMessage, remindNowPlan } from '../../web/src/pages/admin/RemindersPanel';

const sv: AdminT = (key, params) => adminTranslate('sv', key, params);
/** The console's English, as the page has it once loaded: singular forms and {placeholders} too. */
const englishStrings: Record<string, string> = { ...enConsole, ...enReminders };
const en: AdminT = (key: AdminKey, params?: Record<string, string | number>) => {
  const text = (params && String(params.count) === '1' && englishStrings[`${key}One`]) || englishStrings[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
};

const contact = (id: string, name: string, emailState?: 'unsubscribed') => ({
  id,
  organisationId: '0486',
  organisationName: 'Strängnäs',
  name,
  email: `${id}@strangnas.se`,
  ...(emailState ? { emailState } : {}),
});
const lisa = contact('lisa', 'Lisa Berg');
const per = contact('per', 'Per Holm');
const anna = contact('anna', 'Anna Ek', 'unsubscribed');

describe('"Påminn nu" says who gets the invitation and who a reminder', () => {
  it('in the confirmation, from the dry run, in both languages', () => {
    const preview = {
      due: [
        { contact: lisa, kind: 'invitation' as const },
        { contact: per, kind: 'reminder' as const },
      ],
    };
    expect(remindNowPlan(preview, sv, 'sv')).toBe('Lisa Berg får inbjudan, Per Holm får en påminnelse.');
    expect(remindNowPlan(preview, en, 'en')).toBe('Lisa Berg gets the invitation, Per Holm gets a reminder.');
    const both = { due: [lisa, per].map((c) => ({ contact: c, kind: 'invitation' as const })) };
    expect(remindNowPlan(both, sv, 'sv')).toBe('Lisa Berg och Per Holm får inbjudan.');
    expect(remindNowPlan(both, en, 'en')).toBe('Lisa Berg and Per Holm get the invitation.');
    expect(remindNowPlan({ due: [] }, sv, 'sv')).toBe('Ingen får något mejl nu.');
  });

  it('marks an unsubscribed contact, who gets the invitation only', () => {
    const preview = { due: [{ contact: anna, kind: 'invitation' as const }] };
    expect(remindNowPlan(preview, sv, 'sv')).toBe('Anna Ek (avregistrerad – får bara inbjudan) får inbjudan.');
    expect(remindNowPlan(preview, en, 'en')).toBe(
      'Anna Ek (unsubscribed – gets the invitation only) gets the invitation.',
    );
  });

  it('in the result, and why a contact got nothing today', () => {
    const result = {
      sent: [
        { contact: lisa, kind: 'invitation', at: '2026-03-18T20:30:00Z', messageId: 'm1' },
        { contact: per, kind: 'reminder', at: '2026-03-18T20:30:00Z', messageId: 'm2' },
      ],
      failed: [],
      skipped: [{ contact: anna, reason: 'min_days_between' }],
    } as unknown as RemindNowResult;
    expect(remindNowMessage(result, sv, 'sv').message).toBe(
      'Inbjudan skickad till Lisa Berg (lisa@strangnas.se). Påminnelse skickad till Per Holm (per@strangnas.se). Inget mejl till Anna Ek (anna@strangnas.se): fick inbjudan i dag.',
    );
    expect(remindNowMessage(result, en, 'en').message).toBe(
      'Invitation sent to Lisa Berg (lisa@strangnas.se). Reminder sent to Per Holm (per@strangnas.se). No email to Anna Ek (anna@strangnas.se): had the invitation today.',
    );
  });
});

// wouter's Router, typed as createElement takes it: its children as the third argument.
const SsrRouter = Router as ComponentType<{ ssrPath: string; children?: ReactNode }>;
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the reminders preview marks an unsubscribed recipient', () => {
  const campaign = {
    year: 2026,
    status: 'open',
    opensAt: '2026-03-02T08:00:00Z',
    closesAt: '2026-04-01T15:00:00Z',
  } as CampaignSummary;
  const due = (c: ReturnType<typeof contact>, stepId: string) => ({
    contact: c,
    stepId,
    kind: stepId === 'invitation' ? ('invitation' as const) : ('reminder' as const),
    variant: stepId === 'invitation' ? ('invitation' as const) : ('no-response' as const),
    attempt: 1,
  });
  const result: ReminderRunResult = {
    year: 2026,
    at: '2026-03-18T09:00:00Z',
    dryRun: true,
    step: { id: 'd14', kind: 'reminder', dueAt: '2026-03-18T07:00:00Z' },
    due: [due(anna, 'invitation'), due(per, 'd14')],
    sent: [],
    failed: [],
    skipped: [],
  };
  const rows = () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nProvider,
        null,
        createElement(SsrRouter, { ssrPath: '/' }, createElement(RunResult, { result, campaign })),
      ),
    );
    return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => text(m[1] as string)).slice(1);
  };

  it('says in words that the contact is unsubscribed and gets the invitation only; the others carry no mark', () => {
    const [annaRow, perRow] = rows();
    expect(annaRow).toContain('Anna Ekanna@strangnas.se! Avregistrerad – får bara inbjudan');
    expect(perRow).not.toContain('Avregistrerad');
    expect(enReminders['reminders.unsubscribedRecipient']).toBe('Unsubscribed – gets the invitation only');
  });
});
