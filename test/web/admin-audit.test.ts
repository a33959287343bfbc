import { describe, expect, it } from 'vitest';
import { format } from '../../web/src/i18n';
import type { AdminKey, AdminT } from '../../web/src/pages/admin/i18n';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import { changes } from '../../web/src/pages/admin/lib/audit-changes';

const tIn =
  (dictionary: Record<AdminKey, string>): AdminT =>
  (key, params) =>
    format(dictionary[key], params);
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
    const after = { 'surveys.kommun.removed': ['M1', '… och 12 till'] };
    expect(changes({}, after, tEn)).toEqual([
      'Questions removed from the survey for municipalities: M1, … and 12 more',
    ]);
    expect(changes({}, after, tSv)).toEqual(['Borttagna frågor i enkäten för kommuner: M1, … och 12 till']);
  });

  it('leaves other fields as they were: the field, before → after', () => {
    const lines = changes(
      { title: 'Medlemstest 2026', closesAt: '2026-10-30T16:00:00.000Z' },
      { title: 'Medlemstest 2026', closesAt: '2026-11-13T16:00:00.000Z', 'surveys.kommun.changed': ['M1'] },
      tSv,
    );
    expect(lines).toEqual([
      'closesAt: 2026-10-30 17:00 → 2026-11-13 17:00',
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
