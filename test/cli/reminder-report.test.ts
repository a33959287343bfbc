import { describe, expect, it } from 'vitest';
import { reminderReportLines } from '../../functions/cli/reminder-report';
import { textTable } from '../../functions/cli/text-table';
import { cliText } from '../../functions/local/cli-language';
import type { ReminderRunResult } from '../../shared/reminders/reminder-run.schema';

const contact = (organisationId: string, organisationName: string, name: string) => ({
  id: `tjansteperson-${organisationId}`,
  organisationId,
  organisationName,
  name,
  email: `tjansteperson.${organisationId}@example.se`,
});
const LUND = contact('1281', 'Lund', 'Åsa Öberg');
const SKANE = contact('12', 'Region Skåne', 'Erik Nilsson');
const MALMO = contact('1280', 'Malmö', 'Ida Ek');
const SENT_AT = '2026-03-18T08:00:01.000Z';

const run: ReminderRunResult = {
  year: 2026,
  at: '2026-03-18T08:00:00.000Z',
  dryRun: false,
  step: { id: 'r1', kind: 'reminder', dueAt: '2026-03-18T08:00:00.000Z' },
  due: [],
  sent: [
    { contact: LUND, stepId: 'r1', kind: 'reminder', variant: 'draft', attempt: 1, at: SENT_AT, messageId: 'm1' },
    {
      contact: SKANE,
      stepId: 'r1',
      kind: 'reminder',
      variant: 'no-response',
      attempt: 12,
      at: SENT_AT,
      messageId: 'm2',
    },
  ],
  failed: [],
  skipped: [
    { contact: MALMO, reason: 'submitted' },
    { contact: { ...MALMO, id: 'politiker-1280' }, reason: 'submitted' },
    { contact: { ...LUND, id: 'politiker-1281' }, reason: 'unsubscribed' },
  ],
};

describe('textTable', () => {
  it('aligns every column to its widest cell, numbers to the right, and counts å as one character', () => {
    expect(
      textTable(
        [{ header: 'Organisation' }, { header: 'Försök' }, { header: 'Kontakt' }],
        [
          ['Region Skåne (12)', 12, 'Åsa'],
          ['Lund', 1, 'Erik Nilsson'],
        ],
      ),
    ).toEqual([
      'Organisation       Försök  Kontakt',
      '-----------------  ------  ------------',
      'Region Skåne (12)      12  Åsa',
      'Lund                    1  Erik Nilsson',
    ]);
  });
});

describe('what npm run reminders prints after a run', () => {
  it('in Swedish: a table of the emails and of the skipped, and a summary line', () => {
    expect(reminderReportLines(run, cliText({ LANG: 'sv_SE.UTF-8' }).reminders)).toEqual([
      '',
      'Steg: r1 (påminnelse)',
      '',
      'Organisation       Kontakt       E-post                         Steg  Typ         Försök  Resultat',
      '-----------------  ------------  -----------------------------  ----  ----------  ------  --------',
      'Lund (1281)        Åsa Öberg     tjansteperson.1281@example.se  r1    utkast           1  skickat',
      'Region Skåne (12)  Erik Nilsson  tjansteperson.12@example.se    r1    inget svar      12  skickat',
      '',
      'Hoppades över:',
      'Orsak                     Kontakter',
      '------------------------  ---------',
      'har skickat in                    2',
      'har avslutat påminnelser          1',
      '',
      'Summa: 2 skickade, 0 misslyckade, 3 kontakter hoppades över. Se utkorgen på /dev/outbox.',
    ]);
  });

  it('in English under an English locale, and says a dry run sent nothing', () => {
    const dry: ReminderRunResult = { ...run, dryRun: true, due: [run.sent[0]!], sent: [], skipped: [run.skipped[0]!] };
    expect(reminderReportLines(dry, cliText({ LANG: 'en_GB.UTF-8' }).reminders)).toEqual([
      '',
      'Step: r1 (reminder)',
      '',
      'Organisation  Contact    Email                          Step  Type   Attempt  Result',
      '------------  ---------  -----------------------------  ----  -----  -------  -------------',
      'Lund (1281)   Åsa Öberg  tjansteperson.1281@example.se  r1    draft        1  would be sent',
      '',
      'Skipped:',
      'Reason         Contacts',
      '-------------  --------',
      'has submitted         1',
      '',
      'Total (dry run): 1 email would be sent, 1 contact skipped. Nothing was sent.',
    ]);
  });

  it("marks an unsubscribed recipient, who is due only for the invitation, as the console's preview does", () => {
    // The run's contact carries emailState, as the console's preview reads it.
    const unsubscribed = { ...MALMO, emailState: 'unsubscribed' as const };
    const dry: ReminderRunResult = {
      ...run,
      dryRun: true,
      due: [
        { contact: LUND, stepId: 'r1', kind: 'reminder', variant: 'draft', attempt: 1 },
        { contact: unsubscribed, stepId: 'invitation', kind: 'invitation', variant: 'invitation', attempt: 1 },
      ],
      sent: [],
      skipped: [],
    };
    expect(reminderReportLines(dry, cliText({ LANG: 'sv_SE.UTF-8' }).reminders).slice(3, 7)).toEqual([
      'Organisation  Kontakt    E-post                         Anmärkning                         Steg        Typ       Försök  Resultat',
      '------------  ---------  -----------------------------  ---------------------------------  ----------  --------  ------  --------------',
      'Lund (1281)   Åsa Öberg  tjansteperson.1281@example.se                                     r1          utkast         1  skulle skickas',
      'Malmö (1280)  Ida Ek     tjansteperson.1280@example.se  Avregistrerad – får bara inbjudan  invitation  inbjudan       1  skulle skickas',
    ]);
    expect(reminderReportLines(dry, cliText({ LANG: 'en_GB.UTF-8' }).reminders).slice(3, 7)).toEqual([
      'Organisation  Contact    Email                          Note                                     Step        Type        Attempt  Result',
      '------------  ---------  -----------------------------  ---------------------------------------  ----------  ----------  -------  -------------',
      'Lund (1281)   Åsa Öberg  tjansteperson.1281@example.se                                           r1          draft             1  would be sent',
      'Malmö (1280)  Ida Ek     tjansteperson.1280@example.se  Unsubscribed – gets the invitation only  invitation  invitation        1  would be sent',
    ]);

    // A real run's table says it too, of the email that went.
    const sent: ReminderRunResult = {
      ...run,
      sent: [{ ...dry.due[1]!, at: SENT_AT, messageId: 'm3' }],
      skipped: [],
    };
    expect(reminderReportLines(sent, cliText({}).reminders)[5]).toBe(
      'Malmö (1280)  Ida Ek   tjansteperson.1280@example.se  Avregistrerad – får bara inbjudan  invitation  inbjudan       1  skickat',
    );
  });

  it('says so when nobody gets an email', () => {
    const none: ReminderRunResult = { ...run, step: null, sent: [], skipped: [] };
    expect(reminderReportLines(none, cliText({}).reminders)).toEqual([
      '',
      'Steg: inget steg är aktuellt',
      'Inget e-postmeddelande skickades.',
      '',
      'Summa: 0 skickade, 0 misslyckade, 0 kontakter hoppades över. Se utkorgen på /dev/outbox.',
    ]);
  });
});
