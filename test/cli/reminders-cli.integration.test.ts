import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSwedishHoliday } from '../../shared/domain/swedish-holidays';
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

const rowsSaying = (output: string, result: string) =>
  output.split('\n').filter((line) => line.includes(`'${result}'`)).length;

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
    expect(plan.stdout).toMatch(/^Provkörning för .+ \(open\) vid /m);
    const planned = rowsSaying(plan.stdout, 'skulle skickas');
    expect(planned).toBeGreaterThan(0);

    const sent = await runCli('reminders', ['--at', weekdayAt], dataDir);
    expect({ code: sent.code, stderr: sent.stderr }).toEqual({ code: 0, stderr: '' });
    expect(rowsSaying(sent.stdout, 'skickat')).toBe(planned);
    expect(sent.stdout).toContain(`${planned} skickade, 0 misslyckade.`);

    // Exactly once per step: the same instant again finds every one of them already sent.
    const again = await runCli('reminders', ['--at', weekdayAt], dataDir);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(again.stdout).toContain('0 skickade, 0 misslyckade.');
    expect(again.stdout).toMatch(new RegExp(`'redan skickat'\\s*│\\s*${planned}\\s`));
  }, 120_000);

  it('sends nothing outside the send window', async () => {
    const run = await runCli('reminders', ['--dry-run', '--at', saturdayAt], path.join(dir, 'weekend'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ingen skulle få något e-postmeddelande.');
    expect(run.stdout).toContain("'utanför sändfönstret'");

    const english = await runCli('reminders', ['--dry-run', '--at', saturdayAt], path.join(dir, 'weekend'), {
      LANG: 'en_US.UTF-8',
    });
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^Dry run for .+ \(open\) at /m);
    expect(english.stdout).toContain('Nobody would get an email.');
    expect(english.stdout).toContain("'outside the send window'");
  }, 60_000);

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
});
