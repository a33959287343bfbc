/**
 * The language of the local command-line tools (`npm start`, `npm run import`, `npm run reminders`)
 * and every line they print themselves: Swedish first, English when the locale asks for it.
 *
 * The locale is the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty (the POSIX
 * order); English only when it starts with `en` (`en`, `en_GB.UTF-8`, `en_US@euro` …), Swedish for
 * anything else or nothing at all. So `LC_ALL=C` gives Swedish even when `LANG=en_US.UTF-8`.
 *
 * Messages from the domain (a DomainError) are Swedish as the API raises them, except `npm run import`'s:
 * an import's row errors and refusals in English too, as the API answers them (functions/cli/import.ts).
 */
import type { Layout } from '../../shared/emissions-import/detect-layout';
import type {
  ReminderEmailKind,
  ReminderSkipReason,
  ReminderVariant,
} from '../../shared/reminders/reminder-policy.schema';
import {
  REMINDER_RUN_REFUSAL_WORDS,
  type ReminderRunRefusal,
  type ReminderRunRefusalWords,
} from '../../shared/reminders/run-eligibility';
import { daysInMonth, type LocalDate, type WallClockField } from '../../shared/reminders/send-window';
import type { CampaignStatus } from '../../shared/schemas/campaign.schema';

export type CliLanguage = 'sv' | 'en';

/** A run `reminderRunBlock` refuses, as `npm run reminders` words it; times are Stockholm's `YYYY-MM-DD HH:MM`. */
interface RefusedRun extends ReminderRunRefusal {
  status: CampaignStatus;
}

/**
 * The refusal in the API's words (shared/reminders/run-eligibility.ts), naming the time asked for
 * (`--at`) and the answer period, with the CLI's own hint. The status is named only when the reason
 * does not already say it (an open campaign outside its dates).
 */
function refusedRun(r: RefusedRun, words: ReminderRunRefusalWords, status: string, hint: string): string {
  const facts = r.block === r.status ? words.period(r) : `${status}, ${words.period(r)}`;
  return `${words.reasonAt(r)} (${facts}). ${words.rule} ${words.outcome(r.dryRun)}${hint}`;
}

/** A reminders run's totals for its summary line: emails sent (or that would be), failed, contacts skipped. */
export interface ReminderRunCounts {
  dryRun: boolean;
  emails: number;
  failed: number;
  skipped: number;
}

/**
 * The `npm run reminders` run asked for while the server holds the data folder: the hint repeats it
 * as the API request, so a dry run stays a dry run. `year` is unknown without --year (the open
 * campaign is in the held data); `at` is left out without --at (the API plans for now).
 */
export interface HeldRun {
  port: number;
  dryRun: boolean;
  year?: number;
  at?: string;
}

function heldRunRequest(run: HeldRun, yearPlaceholder: string): string {
  const body = JSON.stringify(run.at === undefined ? { dryRun: run.dryRun } : { dryRun: run.dryRun, at: run.at });
  return `POST http://localhost:${run.port}/api/admin/campaigns/${run.year ?? yearPlaceholder}/reminders/run ${body}`;
}

/** A previewed import's totals for `npm run import`'s summary line. */
export interface ImportCounts {
  rows: number;
  organisations: number;
  unknown: number;
  new: number;
  changed: number;
  unchanged: number;
  errors: number;
  warnings: number;
}

const svContacts = (n: number) => `${n} ${n === 1 ? 'kontakt' : 'kontakter'}`;
const enContacts = (n: number) => `${n} ${n === 1 ? 'contact' : 'contacts'}`;

interface DemoSeedCounts {
  organisations: number;
  contacts: number;
  responses: number;
}

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** The tools' language for this environment; a plain function of it, so tests need no process. */
export function cliLanguage(env: NodeJS.ProcessEnv): CliLanguage {
  const locale = LOCALE_VARIABLES.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  return /^en(?:$|[_.@-])/i.test(locale ?? '') ? 'en' : 'sv';
}

/** The texts in the language of `env`. */
export function cliText(env: NodeJS.ProcessEnv): CliText {
  return cliLanguage(env) === 'en' ? en : sv;
}

const IMPORT_USAGE_SV = 'användning: npm run import -- <fil.xlsx|fil.csv> [--sheet BLAD] [--commit]';
const IMPORT_USAGE_EN = 'usage: npm run import -- <file.xlsx|file.csv> [--sheet NAME] [--commit]';
const REMINDERS_USAGE_SV = 'användning: npm run reminders -- [--at 2026-03-18T09:00] [--dry-run] [--year 2026]';
const REMINDERS_USAGE_EN = 'usage: npm run reminders -- [--at 2026-03-18T09:00] [--dry-run] [--year 2026]';

/** Campaign statuses as the web console names them (campaignStatus.* there), in lower case for a heading. */
const SV_STATUS: Record<CampaignStatus, string> = {
  draft: 'utkast',
  open: 'öppen',
  closed: 'stängd',
  published: 'publicerad',
};
const EN_STATUS: Record<CampaignStatus, string> = {
  draft: 'draft',
  open: 'open',
  closed: 'closed',
  published: 'published',
};

const SV_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const daysIn = (date: LocalDate) => daysInMonth(date.year, date.month);

const sv = {
  failed: 'något gick fel.',
  baseUrl: (port: number, value: string) =>
    `BASE_URL måste vara en absolut http(s)-adress, t.ex. http://localhost:${port}, inte "${value}".`,
  localData: {
    inUse: (dataDir: string, whileInUse: string) =>
      `datamappen ${dataDir} används av en annan process (körs \`npm start\`?). Stoppa den, eller ${whileInUse}`,
    cannotOpen: (dataDir: string, reason: string) => `datamappen ${dataDir} går inte att öppna: ${reason}.`,
  },
  start: {
    badPort: (value: string | undefined) => `PORT måste vara ett portnummer, inte "${value}".`,
    badRemindersInterval: (value: string) =>
      `REMINDERS_INTERVAL_MS måste vara ett antal millisekunder, t.ex. 60000 (0 stänger av påminnelsetimern), inte "${value}".`,
    notWritable: (dir: string) =>
      `DATA_DIR ${dir} går inte att skriva till. Välj en annan mapp med DATA_DIR=/sökväg/till/mapp.`,
    portInUse: (port: number) =>
      `port ${port} används redan. Stoppa det andra programmet, eller starta med PORT=3001 npm start.`,
    cannotListen: (port: number, reason: string) => `det går inte att lyssna på port ${port}: ${reason}.`,
    failed: 'kunde inte starta.',
    demoSeeded: (s: DemoSeedCounts) =>
      `Demodata: ${s.organisations} organisationer, ${s.contacts} kontaktpersoner, ${s.responses} svar.`,
    banner: (p: { url: string; admin: string; dataDir: string }) => `
Klimatkommunernas medlemstest körs på ${p.url}

Logga in: ange en e-postadress på ${p.url}/login och öppna länken i utkorgen ${p.url}/dev/outbox
  Kansliet (admin):  ${p.admin}
  Kontaktpersoner:   politiker.<kod>@example.se och tjansteperson.<kod>@example.se
                     t.ex. tjansteperson.1281@example.se (Lund), politiker.12@example.se (Region Skåne)
Data sparas i ${p.dataDir}. Stoppa med Ctrl+C.
`,
  },
  import: {
    usage: IMPORT_USAGE_SV,
    sheetNeedsName: '--sheet kräver ett bladnamn.',
    unknownOption: (arg: string) => `okänt alternativ ${arg}. ${IMPORT_USAGE_SV}`,
    oneFile: (first: string, second: string) => `ange en fil i taget (du angav "${first}" och "${second}").`,
    noFile: `ingen fil angiven. ${IMPORT_USAGE_SV}`,
    noSuchFile: (file: string) => `${file}: filen finns inte.`,
    notAFile: (file: string) => `${file} är inte en fil.`,
    tooLarge: (file: string, mb: number) => `${file} är större än ${mb} MB.`,
    whileInUse: 'importera via importsidan i konsolen.',
    reading: 'Läser',
    saving: 'Sparar',
    hasErrors: (errors: number) => `Filen har ${errors} fel; inget sparades. Rätta filen och kör igen.`,
    notSaved: (id: string) => `Inget sparades. Kör igen med --commit för att spara (import ${id}).`,
    saved: (r: { new: number; changed: number; unchanged: number }, id: string) =>
      `Sparad: ${r.new} nya, ${r.changed} ändrade, ${r.unchanged} oförändrade värden (import ${id}).`,
    layouts: {
      long: 'en rad per värde',
      'wide-years': 'år som kolumner',
      'wide-sectors': 'sektorer som kolumner',
    } satisfies Record<Layout, string>,
    unknownOrganisations: 'Okända organisationer (raderna lästes inte):',
    errorsHeading: 'Fel:',
    warningsHeading: 'Varningar:',
    summary: (c: ImportCounts) =>
      `Summa: ${c.rows} ${c.rows === 1 ? 'rad' : 'rader'} från ${c.organisations} ${c.organisations === 1 ? 'organisation' : 'organisationer'}${c.unknown > 0 ? ` (och ${c.unknown} ${c.unknown === 1 ? 'okänd' : 'okända'})` : ''}; ${c.new} nya, ${c.changed} ändrade och ${c.unchanged} oförändrade värden; ${c.errors} fel, ${c.warnings} ${c.warnings === 1 ? 'varning' : 'varningar'}.`,
    column: {
      file: 'Fil',
      layout: 'Layout',
      rows: 'Rader',
      organisations: 'Organisationer',
      years: 'År',
      sectors: 'Sektorer',
      new: 'Nya',
      changed: 'Ändrade',
      unchanged: 'Oförändrade',
      errors: 'Fel',
      warnings: 'Varningar',
      row: 'Rad',
      organisation: 'Organisation',
      column: 'Kolumn',
      error: 'Fel',
      warning: 'Varning',
    },
  },
  reminders: {
    usage: REMINDERS_USAGE_SV,
    badAt: (value: string) =>
      `--at "${value}" är inte ett datum med klockslag, t.ex. 2026-03-18T09:00 (Stockholmstid) eller 2026-03-18T08:00:00Z.`,
    needsValue: (name: string) => `${name} kräver ett värde. ${REMINDERS_USAGE_SV}`,
    impossibleAt: (value: string, field: WallClockField, date: LocalDate) =>
      `--at "${value}" finns inte i kalendern: ${
        field === 'day'
          ? `${SV_MONTHS[date.month - 1]} ${date.year} har ${daysIn(date)} dagar`
          : {
              month: 'månaden är 01–12',
              hour: 'timmen är 00–23',
              minute: 'minuten är 00–59',
              second: 'sekunden är 00–59',
            }[field]
      }.`,
    badYear: '--year måste vara ett årtal, t.ex. 2026.',
    unknownArgument: (arg: string) => `okänt argument ${arg}. ${REMINDERS_USAGE_SV}`,
    whileInUse: (run: HeldRun) =>
      `kör påminnelserna via serverns API: ${heldRunRequest(run, '<år>')} inloggad som kansliet` +
      (run.year === undefined ? ', där <år> är den öppna kampanjens år.' : '.'),
    noOpenCampaign: 'ingen kampanj är öppen. Öppna en i konsolen, eller ange --year.',
    noCampaign: (year: number) => `det finns ingen kampanj för ${year}.`,
    heading: (dryRun: boolean, title: string, status: CampaignStatus, at: string) =>
      `${dryRun ? 'Provkörning' : 'Påminnelser'} för ${title} (${SV_STATUS[status]}) vid ${at} (Stockholm)`,
    draftPreview: 'Utkastet provkörs som om kampanjen vore öppen vid den tiden.',
    refused: (r: RefusedRun) =>
      refusedRun(
        r,
        REMINDER_RUN_REFUSAL_WORDS.sv,
        `status ${SV_STATUS[r.status]}`,
        r.block === 'draft'
          ? ' Öppna kampanjen i konsolen först, eller provkör med --dry-run.'
          : r.block === 'not_yet_open' || r.block === 'deadline_passed'
            ? ' Provkör med --dry-run för att se planen vid den tiden.'
            : '',
      ),
    sending: 'Skickar',
    step: 'Steg',
    noStep: 'inget steg är aktuellt',
    wouldSend: 'skulle skickas',
    sent: 'skickat',
    failed: (error: string) => `misslyckades: ${error}`,
    // As the console's preview says it (web/src/pages/admin/i18n/reminders.ts).
    unsubscribedRecipient: 'Avregistrerad – får bara inbjudan',
    nobodyWouldGetMail: 'Ingen skulle få något e-postmeddelande.',
    noMailSent: 'Inget e-postmeddelande skickades.',
    skipped: 'Hoppades över:',
    summary: (c: ReminderRunCounts) =>
      c.dryRun
        ? `Summa (provkörning): ${c.emails} ${c.emails === 1 ? 'e-postmeddelande' : 'e-postmeddelanden'} skulle skickas, ${svContacts(c.skipped)} hoppas över. Inget skickades.`
        : `Summa: ${c.emails} skickade, ${c.failed} misslyckade, ${svContacts(c.skipped)} hoppades över. Se utkorgen på /dev/outbox.`,
    kinds: { invitation: 'inbjudan', reminder: 'påminnelse' } satisfies Record<ReminderEmailKind, string>,
    variants: {
      invitation: 'inbjudan',
      'no-response': 'inget svar',
      draft: 'utkast',
      'last-day': 'sista dagen',
    } satisfies Record<ReminderVariant, string>,
    column: {
      result: 'Resultat',
      reason: 'Orsak',
      contacts: 'Kontakter',
      organisation: 'Organisation',
      contact: 'Kontakt',
      email: 'E-post',
      step: 'Steg',
      variant: 'Typ',
      attempt: 'Försök',
      note: 'Anmärkning',
    },
    skipReasons: {
      campaign_not_open: 'kampanjen tar inte emot svar då',
      outside_send_window: 'utanför sändfönstret',
      submitted: 'har skickat in',
      excused: 'undantagen',
      unsubscribed: 'har avslutat påminnelser',
      bounced: 'studsar',
      complained: 'har klagat',
      invalid_email: 'ogiltig e-postadress',
      duplicate_contact: 'dubblett',
      already_sent: 'redan skickat',
      in_progress: 'skickas av en annan körning',
      attempts_exhausted: 'för många misslyckade försök',
      max_reminders: 'max antal påminnelser',
      min_days_between: 'för tätt inpå förra',
      deferred: 'skjuts till nästa körning',
    } satisfies Record<ReminderSkipReason, string>,
  },
};

/** Every text, in Swedish: the English below must have the same keys, or the type-check fails. */
export type CliText = typeof sv;

const en: CliText = {
  failed: 'something went wrong.',
  baseUrl: (port, value) =>
    `BASE_URL must be an absolute http(s) address such as http://localhost:${port}, not "${value}".`,
  localData: {
    inUse: (dataDir, whileInUse) =>
      `the local data in ${dataDir} is in use by another process (is \`npm start\` running?). Stop it, or ${whileInUse}`,
    cannotOpen: (dataDir, reason) => `cannot open the local data in ${dataDir}: ${reason}.`,
  },
  start: {
    badPort: (value) => `PORT must be a port number, not "${value}".`,
    badRemindersInterval: (value) =>
      `REMINDERS_INTERVAL_MS must be a number of milliseconds such as 60000 (0 turns the reminders timer off), not "${value}".`,
    notWritable: (dir) => `DATA_DIR ${dir} is not writable. Choose another folder with DATA_DIR=/path/to/folder.`,
    portInUse: (port) => `Port ${port} is already in use. Stop the other program or start with PORT=3001 npm start.`,
    cannotListen: (port, reason) => `Cannot listen on port ${port}: ${reason}.`,
    failed: 'failed to start.',
    demoSeeded: (s) => `Demo data: ${s.organisations} organisations, ${s.contacts} contacts, ${s.responses} responses.`,
    banner: (p) => `
Klimatkommunerna's member test is running at ${p.url}

Sign in: enter an email address at ${p.url}/login and open the link in the outbox ${p.url}/dev/outbox
  The kansli (admin):  ${p.admin}
  Contacts:            politiker.<code>@example.se and tjansteperson.<code>@example.se
                       e.g. tjansteperson.1281@example.se (Lund), politiker.12@example.se (Region Skåne)
Data is kept in ${p.dataDir}. Stop with Ctrl+C.
`,
  },
  import: {
    usage: IMPORT_USAGE_EN,
    sheetNeedsName: '--sheet needs a sheet name.',
    unknownOption: (arg) => `unknown option ${arg}. ${IMPORT_USAGE_EN}`,
    oneFile: (first, second) => `one file at a time (got "${first}" and "${second}").`,
    noFile: `no file given. ${IMPORT_USAGE_EN}`,
    noSuchFile: (file) => `${file}: no such file.`,
    notAFile: (file) => `${file} is not a file.`,
    tooLarge: (file, mb) => `${file} is larger than ${mb} MB.`,
    whileInUse: 'import through the admin page.',
    reading: 'Reading',
    saving: 'Saving',
    hasErrors: (errors) =>
      `The file has ${errors} ${errors === 1 ? 'error' : 'errors'}; nothing was saved. Fix the file and run again.`,
    notSaved: (id) => `Nothing was saved. Run again with --commit to save (import ${id}).`,
    saved: (r, id) => `Saved: ${r.new} new, ${r.changed} changed, ${r.unchanged} unchanged values (import ${id}).`,
    layouts: {
      long: 'one row per value',
      'wide-years': 'years as columns',
      'wide-sectors': 'sectors as columns',
    },
    unknownOrganisations: 'Unknown organisations (their rows were not read):',
    errorsHeading: 'Errors:',
    warningsHeading: 'Warnings:',
    summary: (c) =>
      `Total: ${c.rows} ${c.rows === 1 ? 'row' : 'rows'} from ${c.organisations} ${c.organisations === 1 ? 'organisation' : 'organisations'}${c.unknown > 0 ? ` (and ${c.unknown} unknown)` : ''}; ${c.new} new, ${c.changed} changed and ${c.unchanged} unchanged values; ${c.errors} ${c.errors === 1 ? 'error' : 'errors'}, ${c.warnings} ${c.warnings === 1 ? 'warning' : 'warnings'}.`,
    column: {
      file: 'File',
      layout: 'Layout',
      rows: 'Rows',
      organisations: 'Organisations',
      years: 'Years',
      sectors: 'Sectors',
      new: 'New',
      changed: 'Changed',
      unchanged: 'Unchanged',
      errors: 'Errors',
      warnings: 'Warnings',
      row: 'Row',
      organisation: 'Organisation',
      column: 'Column',
      error: 'Error',
      warning: 'Warning',
    },
  },
  reminders: {
    usage: REMINDERS_USAGE_EN,
    badAt: (value) =>
      `--at "${value}" is not a date and time, e.g. 2026-03-18T09:00 (Stockholm) or 2026-03-18T08:00:00Z.`,
    needsValue: (name) => `${name} needs a value. ${REMINDERS_USAGE_EN}`,
    impossibleAt: (value, field, date) =>
      `--at "${value}" is not on the calendar: ${
        field === 'day'
          ? `${EN_MONTHS[date.month - 1]} ${date.year} has ${daysIn(date)} days`
          : {
              month: 'the month is 01–12',
              hour: 'the hour is 00–23',
              minute: 'the minute is 00–59',
              second: 'the second is 00–59',
            }[field]
      }.`,
    badYear: '--year must be a year such as 2026.',
    unknownArgument: (arg) => `unknown argument ${arg}. ${REMINDERS_USAGE_EN}`,
    whileInUse: (run) =>
      `run through its API: ${heldRunRequest(run, '<year>')} as the kansli` +
      (run.year === undefined ? ", where <year> is the open campaign's year." : '.'),
    noOpenCampaign: 'no campaign is open. Open one in the console, or pass --year.',
    noCampaign: (year) => `there is no campaign for ${year}.`,
    heading: (dryRun, title, status, at) =>
      `${dryRun ? 'Dry run' : 'Reminders'} for ${title} (${EN_STATUS[status]}) at ${at} (Stockholm)`,
    draftPreview: 'The draft is previewed as if the campaign were open at that time.',
    refused: (r) =>
      refusedRun(
        r,
        REMINDER_RUN_REFUSAL_WORDS.en,
        `status ${EN_STATUS[r.status]}`,
        r.block === 'draft'
          ? ' Open it in the console first, or preview with --dry-run.'
          : r.block === 'not_yet_open' || r.block === 'deadline_passed'
            ? ' Preview with --dry-run to see the plan at that time.'
            : '',
      ),
    sending: 'Sending',
    step: 'Step',
    noStep: 'no step is due',
    wouldSend: 'would be sent',
    sent: 'sent',
    failed: (error) => `failed: ${error}`,
    unsubscribedRecipient: 'Unsubscribed – gets the invitation only',
    nobodyWouldGetMail: 'Nobody would get an email.',
    noMailSent: 'No email was sent.',
    skipped: 'Skipped:',
    summary: (c) =>
      c.dryRun
        ? `Total (dry run): ${c.emails} ${c.emails === 1 ? 'email' : 'emails'} would be sent, ${enContacts(c.skipped)} skipped. Nothing was sent.`
        : `Total: ${c.emails} sent, ${c.failed} failed, ${enContacts(c.skipped)} skipped. See the outbox at /dev/outbox.`,
    kinds: { invitation: 'invitation', reminder: 'reminder' },
    variants: { invitation: 'invitation', 'no-response': 'no response', draft: 'draft', 'last-day': 'last day' },
    column: {
      result: 'Result',
      reason: 'Reason',
      contacts: 'Contacts',
      organisation: 'Organisation',
      contact: 'Contact',
      email: 'Email',
      step: 'Step',
      variant: 'Type',
      attempt: 'Attempt',
      note: 'Note',
    },
    skipReasons: {
      campaign_not_open: 'the campaign takes no answers then',
      outside_send_window: 'outside the send window',
      submitted: 'has submitted',
      excused: 'excused',
      unsubscribed: 'unsubscribed',
      bounced: 'email bounces',
      complained: 'marked as spam',
      invalid_email: 'invalid email address',
      duplicate_contact: 'duplicate',
      already_sent: 'already sent',
      in_progress: 'being sent by another run',
      attempts_exhausted: 'too many failed attempts',
      max_reminders: 'maximum reminders reached',
      min_days_between: 'too soon after the last email',
      deferred: 'deferred to the next run',
    },
  },
};
