import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { format, textForm } from '../../web/src/i18n';
import type { AdminKey, AdminT } from '../../web/src/pages/admin/i18n';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import { AUDIT_ACTIONS, actionLabel, changes, summarise } from '../../web/src/pages/admin/lib/audit-changes';

const tIn =
  (dictionary: Record<AdminKey, string>): AdminT =>
  (key, params) =>
    // As adminTranslate: a count of one takes the singular form; a key the dictionary lacks reads as itself.
    format(textForm(key, params, (k) => dictionary[k as AdminKey]) ?? key, params);
const tSv = tIn(sv);
const tEn = tIn(en);

// As the API records a survey save (functions/features/campaigns/campaign.service.ts, describeChange).
const surveyEdit = {
  before: { 'surveys.kommun': { pages: 9, questions: 40 } },
  after: {
    'surveys.kommun': { pages: 9, questions: 41 },
    'surveys.kommun.added': ['M_NY', 'M_NY2'],
    'surveys.kommun.removed': ['M7'],
    'surveys.kommun.changed': ['M1'],
    'surveys.kommun.pagesChanged': ['styrning'],
    'surveys.kommun.settingsChanged': true,
  },
};

describe('the audit page: a survey edit', () => {
  it('reads each part of the change as a Swedish sentence', () => {
    expect(changes(surveyEdit.before, surveyEdit.after, tSv)).toEqual([
      'Enkäten för kommuner: 9 sidor, 40 frågor → 9 sidor, 41 frågor',
      'Nya frågor i enkäten för kommuner: M_NY, M_NY2',
      'Borttagna frågor i enkäten för kommuner: M7',
      'Ändrade frågor i enkäten för kommuner: M1',
      'Sidor som lagts till, tagits bort eller ändrats i enkäten för kommuner: styrning',
      'Inställningar för hela enkäten för kommuner ändrade (till exempel titeln eller poängnivåerna)',
    ]);
  });

  it('reads them in English when English is chosen, the region survey too', () => {
    const lines = changes(
      { 'surveys.region': { pages: 5, questions: 30 } },
      { 'surveys.region': { pages: 5, questions: 30 }, 'surveys.region.changed': ['R2'] },
      tEn,
    );
    // The size is the same, so it is not a change and has no line.
    expect(lines).toEqual(['Questions changed in the survey for regions: R2']);
  });

  it('says how many more names a capped list left out, in the reader’s language', () => {
    // As the API records a list longer than 50: the names it keeps, and the count of the rest as a number.
    const after = { 'surveys.kommun.removed': ['M1', 'M2'], 'surveys.kommun.removed.more': 12 };
    expect(changes({}, after, tEn)).toEqual([
      'Questions removed from the survey for municipalities: M1, M2, … and 12 more',
    ]);
    expect(changes({}, after, tSv)).toEqual(['Borttagna frågor i enkäten för kommuner: M1, M2, … och 12 till']);
    expect(changes({}, { ...after, 'surveys.kommun.removed.more': 1 }, tEn)).toEqual([
      'Questions removed from the survey for municipalities: M1, M2, … and 1 more',
    ]);
  });

  it('leaves other fields as they were: the field, before → after', () => {
    const lines = changes(
      { title: 'Medlemstest 2026', closesAt: '2026-10-30T16:00:00.000Z' },
      { title: 'Medlemstest 2026', closesAt: '2026-11-13T16:00:00.000Z', 'surveys.kommun.changed': ['M1'] },
      tSv,
    );
    expect(lines).toEqual([
      'Sista svarsdag: 2026-10-30 17:00 → 2026-11-13 17:00',
      'Ändrade frågor i enkäten för kommuner: M1',
    ]);
  });

  it('reads an unknown survey type as any other field rather than guessing', () => {
    expect(changes({}, { 'surveys.stad.added': ['X1'] }, tSv)).toEqual(['surveys.stad.added: ["X1"]']);
  });

  it('has nothing to compare without both a before and an after', () => {
    expect(changes(undefined, surveyEdit.after, tSv)).toBeNull();
  });

  it('has every survey sentence in both languages with the same placeholders', () => {
    const keys = (Object.keys(sv) as AdminKey[]).filter((key) => key.startsWith('audit.survey.'));
    expect(keys.length).toBeGreaterThanOrEqual(10);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });
});

/**
 * The actions the server writes: the `action:` of every audit call in functions/ (a ternary gives
 * both), and the action a campaign's status change passes to setStatus.
 */
function serverAuditActions(): Set<string> {
  const dotted = /'([a-z][\w-]*(?:\.[\w-]+)+)'/g;
  const found = new Set<string>();
  const files = (readdirSync('functions', { recursive: true }) as string[]).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  for (const file of files) {
    const text = readFileSync(join('functions', file), 'utf8');
    for (const call of text.matchAll(/\baction:\s*([^,\n}]+)/g)) {
      for (const literal of (call[1] ?? '').matchAll(dotted)) found.add(literal[1] as string);
    }
    for (const call of text.matchAll(/setStatus\([^;]*?'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) found.add(call[1] as string);
  }
  return found;
}

describe('the audit page: which action an entry records', () => {
  it('knows every action the server writes to the log', () => {
    const written = serverAuditActions();
    // The scan finds the audit calls (a broken pattern would find nothing and prove nothing).
    expect(written.size).toBeGreaterThanOrEqual(25);
    expect(written).toContain('campaign.publish');
    expect(written).toContain('contact.move');
    expect([...written].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it('names every action in Swedish and English', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = `action.${action}` as AdminKey;
      expect(sv[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
    expect(actionLabel('campaign.publish', tSv)).toBe('Kampanj publicerad');
    expect(actionLabel('campaign.publish', tEn)).toBe('Campaign published');
    // An action from a newer server than this page still shows, as its code.
    expect(actionLabel('campaign.teleport', tSv)).toBe('campaign.teleport');
  });
});

describe('the audit page: values in words', () => {
  // As the reminders job records a run (functions/features/reminders/reminders.service.ts).
  const run = {
    at: '2026-03-18T08:00:00.000Z',
    step: null,
    due: 0,
    sent: 0,
    failed: 0,
    skipped: { campaign_not_open: 57, unsubscribed: 2 },
  };

  it('words a reminder run’s skip reasons and a run without a step, in Swedish and English', () => {
    expect(summarise(run, tSv, { action: 'reminders.run' })).toBe(
      'Tid: 2026-03-18 09:00, Steg: inget steg var aktuellt, Att skicka: 0, Skickade: 0, Misslyckade: 0, ' +
        'Hoppades över: Kampanjen är inte öppen: 57, Avregistrerad: 2',
    );
    expect(summarise({ ...run, step: 'd7', skipped: {} }, tEn, { action: 'reminders.run' })).toBe(
      'Time: 2026-03-18 09:00, Step: 7 days before, Due: 0, Sent: 0, Failed: 0, Skipped: none',
    );
  });

  it('labels the scoring rules’ versions as short hashes instead of showing JSON', () => {
    const publish = {
      revision: 2,
      respondents: 250,
      organisations: 290,
      rescored: 0,
      rules: { kommun: '4b4c7e1f0a9d8c7b6a5f4e3d2c1b0a99', region: '0123456789abcdef0123456789abcdef' },
    };
    const text = summarise(publish, tSv, { action: 'klimatlaget.publish' });
    expect(text).toBe(
      'Version: 2, Svarande: 250, Organisationer: 290, Omräknade svar: 0, ' +
        'Poängreglernas version: kommuner 4b4c7e1, regioner 0123456',
    );
    expect(text).not.toMatch(/[{}"]/);
  });

  it('words a campaign’s status, a response’s status, a contact’s role and the fields a change touched', () => {
    expect(
      changes({ status: 'closed' }, { status: 'published', revision: 3 }, tSv, { action: 'campaign.publish' }),
    ).toEqual(['Status: Stängd → Publicerad', 'Version: 3']);
    expect(changes({ status: 'submitted' }, { status: 'draft' }, tEn, { action: 'response.reopen' })).toEqual([
      'Status: Submitted → Draft',
    ]);
    expect(
      changes(
        { organisationId: '1281', role: 'politician', emailState: 'ok' },
        { organisationId: '1280', role: 'official', emailState: 'ok', changed: ['organisationId', 'role'] },
        tSv,
        { action: 'contact.move' },
      ),
    ).toEqual(['Organisation: 1281 → 1280', 'Roll: Politiker → Tjänsteperson', 'Ändrat: Organisation, Roll']);
  });

  it('counts the contacts a reminder went to rather than listing their ids', () => {
    const sent = { stepId: 'manual-2026-03-18', variant: 'draft', sentTo: ['c1', 'c2'], failed: ['c3'], skipped: {} };
    expect(summarise(sent, tSv, { action: 'reminder.send' })).toBe(
      'Steg: Påminnelse för hand 2026-03-18, Utskick: Påbörjat utkast, Skickat till: 2 kontakter, ' +
        'Misslyckade: 1 kontakt, Hoppades över: inga',
    );
  });

  it('words a review note: its message and how many it was emailed to, no raw keys', () => {
    // As the API records a note (functions/features/responses/response-review.service.ts).
    const after = { message: 'Hej! Fråga 3 saknar bilaga.', emailedTo: 2 };
    expect(summarise(after, tSv, { action: 'response.note' })).toBe(
      'Meddelande: ”Hej! Fråga 3 saknar bilaga.”, Mejlad till (antal): 2',
    );
    expect(summarise(after, tEn, { action: 'response.note' })).toBe(
      'Message: “Hej! Fråga 3 saknar bilaga.”, Emailed to (count): 2',
    );
  });

  it('words a point adjustment made after publishing, no raw keys', () => {
    // As the API records an override on a published campaign (response-review.service.ts).
    const after = { question: 'T1', points: 1, reason: 'Rättat', afterPublishing: true };
    expect(summarise(after, tSv, { action: 'response.override' })).toContain('Efter publicering: ja');
    expect(summarise(after, tEn, { action: 'response.override' })).toContain('After publishing: yes');
  });

  it('words a kept override: its own action, and the answer it was made on and the answer now', () => {
    // As the API records "Behåll justeringen" (response-review.service.ts): the same points and reason.
    const before = { question: 'S6', points: 1, answer: null };
    const after = { question: 'S6', points: 1, reason: 'Gott exempel', answer: 'Cykelstråk' };
    const context = { action: 'response.override.keep' };
    expect(actionLabel('response.override.keep', tSv)).toBe('Justering behållen på ändrat svar');
    expect(actionLabel('response.override.keep', tEn)).toBe('Override kept on a changed answer');
    expect(changes(before, after, tSv, context)).toEqual([
      'Svar: ej besvarad → Cykelstråk',
      'Motivering: Gott exempel',
    ]);
    expect(changes(before, after, tEn, context)).toEqual(['Answer: not answered → Cykelstråk', 'Reason: Gott exempel']);
  });

  it('has every field and value word in both languages with the same placeholders', () => {
    const keys = (Object.keys(sv) as AdminKey[]).filter(
      (key) => key.startsWith('audit.field.') || key.startsWith('audit.value.'),
    );
    expect(keys.length).toBeGreaterThanOrEqual(40);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });
});
