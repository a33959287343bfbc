import { describe, expect, it } from 'vitest';
import { cliLanguage, cliText } from '../../functions/local/cli-language';

describe('cliLanguage', () => {
  it('is Swedish without a locale, or with an empty one', () => {
    expect(cliLanguage({})).toBe('sv');
    expect(cliLanguage({ LC_ALL: '', LC_MESSAGES: '', LANG: '' })).toBe('sv');
  });

  it('is English only for a locale that starts with en', () => {
    for (const LANG of ['en', 'en_US.UTF-8', 'en_GB', 'EN_us.utf8', 'en.UTF-8', 'en@euro']) {
      expect(cliLanguage({ LANG }), LANG).toBe('en');
    }
    for (const LANG of ['sv_SE.UTF-8', 'C', 'C.UTF-8', 'POSIX', 'de_DE.UTF-8', 'fi_FI', 'enx']) {
      expect(cliLanguage({ LANG }), LANG).toBe('sv');
    }
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, as POSIX does', () => {
    expect(cliLanguage({ LC_ALL: 'sv_SE.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toBe('sv');
    expect(cliLanguage({ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'sv_SE.UTF-8', LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe('sv');
    expect(cliLanguage({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_MESSAGES: 'sv_SE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('sv');
    // An empty variable counts as unset.
    expect(cliLanguage({ LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' })).toBe('en');
  });

  it('gives the texts in that language', () => {
    expect(cliText({}).import.noSuchFile('x.csv')).toBe('x.csv: filen finns inte.');
    expect(cliText({ LANG: 'en_US.UTF-8' }).import.noSuchFile('x.csv')).toBe('x.csv: no such file.');
    const seeded = { organisations: 3, contacts: 6, responses: 2 };
    expect(cliText({}).start.demoSeeded(seeded)).toBe('Demodata: 3 organisationer, 6 kontaktpersoner, 2 svar.');
    expect(cliText({ LANG: 'en' }).start.demoSeeded(seeded)).toBe(
      'Demo data: 3 organisations, 6 contacts, 2 responses.',
    );
  });
});

describe('the reminders refusal (reminderRunBlock) in either language', () => {
  const run = { year: 2027, at: '2027-02-10 10:00', opensAt: '2027-03-01 08:00', closesAt: '2027-04-30 23:59' };

  it('says why, with the status and the answer period, and that nothing was sent', () => {
    expect(cliText({}).reminders.refused({ ...run, block: 'not_yet_open', status: 'open', dryRun: false })).toBe(
      'kampanjen 2027 tar inte emot svar ännu vid 2027-02-10 10:00 (status öppen, svarstid 2027-03-01 08:00–2027-04-30 ' +
        '23:59 Stockholmstid). Påminnelser skickas bara medan kampanjen är öppen och tar emot svar. Inget skickades. ' +
        'Provkör med --dry-run för att se planen vid den tiden.',
    );
    expect(
      cliText({ LANG: 'en_GB.UTF-8' }).reminders.refused({
        ...run,
        block: 'not_yet_open',
        status: 'open',
        dryRun: false,
      }),
    ).toBe(
      'campaign 2027 does not take answers yet at 2027-02-10 10:00 (status open, answer period 2027-03-01 08:00–' +
        '2027-04-30 23:59 Stockholm time). Reminders go out only while the campaign is open and taking answers. ' +
        'Nothing was sent. Preview with --dry-run to see the plan at that time.',
    );
  });

  it('names no status the reason already says, and no raw status word in Swedish', () => {
    const closed = { ...run, block: 'closed', status: 'closed', dryRun: false } as const;
    expect(cliText({}).reminders.refused(closed)).toMatch(
      /^kampanjen 2027 är stängd \(svarstid 2027-03-01 08:00–2027-04-30 23:59 Stockholmstid\)\. /,
    );
    expect(cliText({ LANG: 'en' }).reminders.refused(closed)).toMatch(
      /^campaign 2027 is closed \(answer period 2027-03-01 08:00–2027-04-30 23:59 Stockholm time\)\. /,
    );
    const late = { ...run, block: 'deadline_passed', status: 'open', dryRun: false } as const;
    expect(cliText({}).reminders.refused(late)).toContain('(status öppen, svarstid');
  });

  it('words every reason in both languages, a dry run with nothing to preview', () => {
    for (const block of ['draft', 'closed', 'published', 'not_yet_open', 'deadline_passed'] as const) {
      const sv = cliText({}).reminders.refused({ ...run, block, status: 'closed', dryRun: true });
      const en = cliText({ LANG: 'en' }).reminders.refused({ ...run, block, status: 'closed', dryRun: true });
      expect(sv, block).toContain('Det finns inget att förhandsgranska.');
      expect(en, block).toContain('There is nothing to preview.');
      expect(en, block).not.toMatch(/[åäö]/);
      for (const text of [sv, en]) expect(text, block).toContain('2027-03-01 08:00–2027-04-30 23:59');
    }
  });
});

describe('the reminders heading and the import preview in either language', () => {
  it('names the campaign status as the console does, not its stored word', () => {
    const sv = cliText({}).reminders;
    const en = cliText({ LANG: 'en_US.UTF-8' }).reminders;
    expect(sv.heading(true, 'Medlemstest 2026', 'open', '2026-03-18 10:00')).toBe(
      'Provkörning för Medlemstest 2026 (öppen) vid 2026-03-18 10:00 (Stockholm)',
    );
    expect(sv.heading(false, 'Medlemstest 2090', 'draft', '2090-03-07 10:00')).toBe(
      'Påminnelser för Medlemstest 2090 (utkast) vid 2090-03-07 10:00 (Stockholm)',
    );
    expect(sv.heading(true, 'M', 'closed', 'x')).toContain('(stängd)');
    expect(sv.heading(true, 'M', 'published', 'x')).toContain('(publicerad)');
    expect(en.heading(true, 'Medlemstest 2026', 'open', '2026-03-18 10:00')).toBe(
      'Dry run for Medlemstest 2026 (open) at 2026-03-18 10:00 (Stockholm)',
    );
  });

  it('names the import layout in words', () => {
    expect(cliText({}).import.layouts).toEqual({
      long: 'en rad per värde',
      'wide-years': 'år som kolumner',
      'wide-sectors': 'sektorer som kolumner',
    });
    expect(cliText({ LANG: 'en' }).import.layouts.long).toBe('one row per value');
  });
});

describe('an --at that is not on the calendar', () => {
  it('says which part does not exist, in either language', () => {
    const sv = cliText({}).reminders;
    const en = cliText({ LANG: 'en' }).reminders;
    const date = { year: 2026, month: 11, day: 31 };
    expect(sv.impossibleAt('2026-11-31T10:00', 'day', date)).toBe(
      '--at "2026-11-31T10:00" finns inte i kalendern: november 2026 har 30 dagar.',
    );
    expect(en.impossibleAt('2026-11-31T10:00', 'day', date)).toBe(
      '--at "2026-11-31T10:00" is not on the calendar: November 2026 has 30 days.',
    );
    expect(sv.impossibleAt('2027-02-29', 'day', { year: 2027, month: 2, day: 29 })).toContain(
      'februari 2027 har 28 dagar',
    );
    expect(sv.impossibleAt('2026-13-45', 'month', { year: 2026, month: 13, day: 45 })).toBe(
      '--at "2026-13-45" finns inte i kalendern: månaden är 01–12.',
    );
    expect(en.impossibleAt('2026-03-18T24:00', 'hour', { year: 2026, month: 3, day: 18 })).toBe(
      '--at "2026-03-18T24:00" is not on the calendar: the hour is 00–23.',
    );
  });
});
