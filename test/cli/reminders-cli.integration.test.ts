import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Level } from 'level';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignRepository } from '../../functions/features/campaigns/campaign.repository';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { startEmbeddedDynamoDb } from '../../functions/local/embedded-dynamodb';
import { LOCAL_TABLE_NAME } from '../../functions/local/local-platform';
import { localAwsLiteDriver } from '../../functions/store/dynamodb-client';
import { DynamoDbTableStore } from '../../functions/store/dynamodb-table-store';
import { isSwedishHoliday } from '../../shared/domain/swedish-holidays';
import { makeCampaign } from '../helpers/seed-fixtures';
import { runCli } from './run-cli';

const DAY = 86_400_000;
const stockholmDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
});

/**
 * `--at` for 10:00 Stockholm time on the latest day up to today that `accept`s (its weekday, and
 * whether it is a holiday). The demo seed opens its campaign 7 days before its first run, so any of
 * the last 6 days is inside it.
 */
function tenOClockOn(accept: (weekday: string, holiday: boolean) => boolean): string {
  for (let back = 0; back < 7; back++) {
    const parts = Object.fromEntries(
      stockholmDay.formatToParts(new Date(Date.now() - back * DAY)).map((p) => [p.type, p.value]),
    );
    const holiday = isSwedishHoliday({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) });
    if (accept(parts.weekday ?? '', holiday)) return `${parts.year}-${parts.month}-${parts.day}T10:00`;
  }
  throw new Error('no such day in the last week');
}
// The send window skips Swedish holidays as well as weekends.
const weekdayAt = tenOClockOn((day, holiday) => !['Sat', 'Sun'].includes(day) && !holiday);
const saturdayAt = tenOClockOn((day) => day === 'Sat');

/** The rows of the emails table whose last column, Resultat, says `result`. */
const rowsSaying = (output: string, result: string) =>
  output.split('\n').filter((line) => line.endsWith(`  ${result}`)).length;

/** `npm run reminders` end to end: its own process, dynalite on disk in DATA_DIR, the demo seed. */
describe('npm run reminders', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kk-reminders-cli-'));
    dataDir = path.join(dir, 'data');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plans with --dry-run, sends what it planned, and never sends the same step twice', async () => {
    const plan = await runCli('reminders', ['--dry-run', '--at', weekdayAt], dataDir);
    expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
    expect(plan.stdout).toMatch(/^Provkörning för .+ \(öppen\) vid /m);
    const planned = rowsSaying(plan.stdout, 'skulle skickas');
    expect(planned).toBeGreaterThan(0);

    const sent = await runCli('reminders', ['--at', weekdayAt], dataDir);
    expect({ code: sent.code, stderr: sent.stderr }).toEqual({ code: 0, stderr: '' });
    expect(rowsSaying(sent.stdout, 'skickat')).toBe(planned);
    expect(sent.stdout).toContain(`Summa: ${planned} skickade, 0 misslyckade,`);

    // Exactly once per step: the same instant again finds every one of them already sent.
    const again = await runCli('reminders', ['--at', weekdayAt], dataDir);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(again.stdout).toContain('Summa: 0 skickade, 0 misslyckade,');
    expect(again.stdout).toMatch(new RegExp(`^redan skickat +${planned}$`, 'm'));
  }, 120_000);

  it('marks an unsubscribed recipient in the dry run, who gets only the invitation, as the console does', async () => {
    const data = path.join(dir, 'unsubscribed');
    const before = await runCli('reminders', ['--dry-run', '--at', weekdayAt], data);
    expect({ code: before.code, stderr: before.stderr }).toEqual({ code: 0, stderr: '' });
    expect(before.stdout).not.toContain('Avregistrerad');
    // The demo seed invites nobody, so the run owes its contacts the invitation (the catch-up).
    const email = / (\S+@example\.se) +invitation +inbjudan /.exec(before.stdout)?.[1];
    expect(email).toBeDefined();

    const db = await startEmbeddedDynamoDb({ path: path.join(data, 'dynamodb') });
    try {
      const contacts = new ContactRepository(new DynamoDbTableStore(localAwsLiteDriver(db.endpoint), LOCAL_TABLE_NAME));
      const [contact] = await contacts.findByEmail(email!);
      await contacts.update(contact!, { ...contact!, emailState: 'unsubscribed' });
    } finally {
      await db.close();
    }
    const row = (mark: string, variant: string, result: string) =>
      new RegExp(` ${email!.replaceAll('.', '\\.')} +${mark}  invitation +${variant} +1  ${result}$`, 'm');

    const sv = await runCli('reminders', ['--dry-run', '--at', weekdayAt], data);
    expect({ code: sv.code, stderr: sv.stderr }).toEqual({ code: 0, stderr: '' });
    expect(sv.stdout).toMatch(row('Avregistrerad – får bara inbjudan', 'inbjudan', 'skulle skickas'));
    expect(sv.stdout.match(/Avregistrerad/g)).toHaveLength(1);

    const en = await runCli('reminders', ['--dry-run', '--at', weekdayAt], data, { LANG: 'en_US.UTF-8' });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(row('Unsubscribed – gets the invitation only', 'invitation', 'would be sent'));
  }, 120_000);

  it('sends nothing outside the send window', async () => {
    const run = await runCli('reminders', ['--dry-run', '--at', saturdayAt], path.join(dir, 'weekend'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ingen skulle få något e-postmeddelande.');
    expect(run.stdout).toMatch(/^utanför sändfönstret +\d+$/m);
    expect(run.stdout).toMatch(
      /^Summa \(provkörning\): 0 e-postmeddelanden skulle skickas, \d+ kontakter hoppas över\./m,
    );

    const english = await runCli('reminders', ['--dry-run', '--at', saturdayAt], path.join(dir, 'weekend'), {
      LANG: 'en_US.UTF-8',
    });
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^Dry run for .+ \(open\) at /m);
    expect(english.stdout).toContain('Nobody would get an email.');
    expect(english.stdout).toMatch(/^outside the send window +\d+$/m);
  }, 60_000);

  it('refuses a run the API refuses, in the language of the locale, with the status and dates, and exits 1', async () => {
    const data = path.join(dir, 'refused');
    const open = await runCli('reminders', ['--dry-run', '--at', weekdayAt], data);
    expect(open.code).toBe(0);
    const year = Number(/^Provkörning för .*?(\d{4}) \(öppen\)/m.exec(open.stdout)?.[1]);
    const period = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}–\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}';
    const rule = 'Påminnelser skickas bara medan kampanjen är öppen och tar emot svar\\.';

    // Last year's campaign is closed: a real run is refused before anything is planned or sent.
    const closed = await runCli('reminders', ['--year', String(year - 1)], data);
    expect({ code: closed.code, stdout: closed.stdout }).toEqual({ code: 1, stdout: '' });
    expect(closed.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^npm run reminders: kampanjen ${year - 1} är stängd \\(svarstid ${period} Stockholmstid\\)\\. ${rule} Inget skickades\\.$`,
        ),
      ),
    ]);
    const english = await runCli('reminders', ['--year', String(year - 1)], data, { LANG: 'en_US.UTF-8' });
    expect({ code: english.code, stdout: english.stdout }).toEqual({ code: 1, stdout: '' });
    expect(english.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^npm run reminders: campaign ${year - 1} is closed \\(answer period ${period} Stockholm time\\)\\. ` +
            'Reminders go out only while the campaign is open and taking answers\\. Nothing was sent\\.$',
        ),
      ),
    ]);
    // A closed campaign's dry run is refused too: it could show nothing.
    const preview = await runCli('reminders', ['--year', String(year - 1), '--dry-run'], data);
    expect(preview.code).toBe(1);
    expect(preview.stderr).toContain('Det finns inget att förhandsgranska.');

    // The open campaign after its deadline: open, but taking no answers then.
    const late = await runCli('reminders', ['--at', '2099-01-05T10:00'], data);
    expect({ code: late.code, stdout: late.stdout }).toEqual({ code: 1, stdout: '' });
    expect(late.stderr).toMatch(
      new RegExp(
        `^npm run reminders: kampanjen ${year} tar inte längre emot svar vid 2099-01-05 10:00 \\(status öppen, svarstid ${period} `,
      ),
    );

    // A draft: a real run is refused; its dry run previews as if the campaign were open.
    const db = await startEmbeddedDynamoDb({ path: path.join(data, 'dynamodb') });
    try {
      const store = new DynamoDbTableStore(localAwsLiteDriver(db.endpoint), LOCAL_TABLE_NAME);
      await new CampaignRepository(store).create(
        makeCampaign({
          year: 2090,
          title: 'Medlemstest 2090',
          status: 'draft',
          // Monday 6 March 2090 08:00 to Friday 28 April 23:59, Stockholm time
          opensAt: '2090-03-06T07:00:00.000Z',
          closesAt: '2090-04-28T21:59:00.000Z',
        }),
      );
    } finally {
      await db.close();
    }
    const draft = await runCli('reminders', ['--year', '2090', '--at', '2090-03-07T10:00'], data);
    expect({ code: draft.code, stdout: draft.stdout }).toEqual({ code: 1, stdout: '' });
    expect(draft.stderr.trim()).toBe(
      'npm run reminders: kampanjen 2090 är ett utkast och har inte öppnats (svarstid ' +
        '2090-03-06 08:00–2090-04-28 23:59 Stockholmstid). Påminnelser skickas bara medan kampanjen är öppen och ' +
        'tar emot svar. Inget skickades. Öppna kampanjen i konsolen först, eller provkör med --dry-run.',
    );
    const draftPreview = await runCli('reminders', ['--year', '2090', '--at', '2090-03-07T10:00', '--dry-run'], data);
    expect({ code: draftPreview.code, stderr: draftPreview.stderr }).toEqual({ code: 0, stderr: '' });
    expect(draftPreview.stdout).toContain('Provkörning för Medlemstest 2090 (utkast) vid 2090-03-07 10:00 (Stockholm)');
    expect(draftPreview.stdout).toContain('Utkastet provkörs som om kampanjen vore öppen vid den tiden.');
    expect(rowsSaying(draftPreview.stdout, 'skulle skickas')).toBeGreaterThan(0);
  }, 180_000);

  it('ends with one line and exit code 1 for a bad --at, without opening the data', async () => {
    const run = await runCli('reminders', ['--at', 'igår'], path.join(dir, 'unused'));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'npm run reminders: --at "igår" är inte ett datum med klockslag, ' +
        't.ex. 2026-03-18T09:00 (Stockholmstid) eller 2026-03-18T08:00:00Z.',
    ]);

    const english = await runCli('reminders', ['--at', 'igår'], path.join(dir, 'unused'), { LANG: 'en_US.UTF-8' });
    expect(english.code).toBe(1);
    expect(english.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^npm run reminders: --at "igår" is not a date and time/),
    ]);
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
  }, 60_000);

  it('refuses an --at that is not on the calendar instead of rolling it over, without opening the data', async () => {
    const unused = path.join(dir, 'unused');
    const cases: Array<[string, string]> = [
      ['2026-11-31T10:00', 'finns inte i kalendern: november 2026 har 30 dagar.'],
      ['2026-13-45', 'finns inte i kalendern: månaden är 01–12.'],
      ['2027-02-29T09:00', 'finns inte i kalendern: februari 2027 har 28 dagar.'],
      ['2026-03-18T24:00', 'finns inte i kalendern: timmen är 00–23.'],
      // With an offset too: Date would read it as 1 December.
      ['2026-11-31T10:00:00Z', 'finns inte i kalendern: november 2026 har 30 dagar.'],
    ];
    for (const [at, why] of cases) {
      const run = await runCli('reminders', ['--dry-run', '--at', at], unused);
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }, at).toEqual({
        code: 1,
        stdout: '',
        stderr: `npm run reminders: --at "${at}" ${why}\n`,
      });
    }
    const english = await runCli('reminders', ['--at=2026-11-31T10:00'], unused, { LANG: 'en_US.UTF-8' });
    expect(english.stderr).toBe(
      'npm run reminders: --at "2026-11-31T10:00" is not on the calendar: November 2026 has 30 days.\n',
    );
    expect(existsSync(unused)).toBe(false);
  }, 120_000);

  it('stops before sending anything when BASE_URL is not an address the links can start with', async () => {
    const run = await runCli('reminders', ['--at', weekdayAt], path.join(dir, 'unused'), {
      BASE_URL: '/',
      PORT: '3000',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'npm run reminders: BASE_URL måste vara en absolut http(s)-adress, t.ex. http://localhost:3000, inte "/".',
    ]);

    const english = await runCli('reminders', ['--at', weekdayAt], path.join(dir, 'unused'), {
      BASE_URL: '/',
      PORT: '3000',
      LANG: 'en_US.UTF-8',
    });
    expect(english.stderr.trim().split('\n')).toEqual([
      'npm run reminders: BASE_URL must be an absolute http(s) address such as http://localhost:3000, not "/".',
    ]);
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
  }, 60_000);

  it('names the run asked for, as the API request, when another process holds the data folder', async () => {
    const held = path.join(dir, 'held');
    // A first run creates the data; then this process holds its LevelDB lock like a running server.
    expect((await runCli('reminders', ['--dry-run', '--at', saturdayAt], held)).code).toBe(0);
    const lock = new Level(path.join(held, 'dynamodb'));
    await lock.open();
    try {
      // A dry run stays a dry run in the hint, for the year and instant given.
      const dry = await runCli('reminders', ['--year', '2030', '--dry-run', '--at', '2030-03-18T09:00'], held, {
        PORT: '3005',
      });
      expect({ code: dry.code, stdout: dry.stdout }).toEqual({ code: 1, stdout: '' });
      expect(dry.stderr.trim().split('\n')).toEqual([
        `npm run reminders: datamappen ${held} används av en annan process (körs \`npm start\`?). ` +
          'Stoppa den, eller kör påminnelserna via serverns API: ' +
          'POST http://localhost:3005/api/admin/campaigns/2030/reminders/run ' +
          '{"dryRun":true,"at":"2030-03-18T08:00:00.000Z"} inloggad som kansliet.',
      ]);
      // Without --year the open campaign's year is in the held data: the hint says which year to put in.
      const real = await runCli('reminders', [], held, { LANG: 'en_GB.UTF-8' });
      expect(real.code).toBe(1);
      expect(real.stderr).toContain(
        'run through its API: POST http://localhost:3000/api/admin/campaigns/<year>/reminders/run ' +
          '{"dryRun":false} as the kansli, where <year> is the open campaign\'s year.',
      );
      expect(`${dry.stderr}${real.stderr}`).not.toMatch(/\{year\}|\n\s+at /);
    } finally {
      await lock.close();
    }
  }, 120_000);

  it('refuses a PORT that is not a port number, as npm start does, rather than links to localhost:NaN', async () => {
    const run = await runCli('reminders', ['--dry-run', '--at', weekdayAt], path.join(dir, 'unused'), { PORT: 'abc' });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: 'npm run reminders: PORT måste vara ett portnummer, inte "abc".\n',
    });
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
  }, 60_000);
});
