import { describe, expect, it } from 'vitest';
import { localBaseUrl, localRemindersInterval } from '../../functions/local/local-settings';

describe('localBaseUrl', () => {
  it('drops trailing slashes, so the emailed links end in /login and not //login', () => {
    expect(localBaseUrl({ BASE_URL: 'http://host:3000/' }, 3000)).toBe('http://host:3000');
    expect(localBaseUrl({ BASE_URL: 'https://medlemstest.example.se//' }, 3000)).toBe('https://medlemstest.example.se');
    expect(`${localBaseUrl({ BASE_URL: 'http://host:3000/' }, 3000)}/login`).toBe('http://host:3000/login');
  });

  it('keeps an address without one, and defaults to this machine on the port', () => {
    expect(localBaseUrl({ BASE_URL: 'http://host:3000' }, 3000)).toBe('http://host:3000');
    expect(localBaseUrl({}, 3100)).toBe('http://localhost:3100');
  });

  it('still refuses an address that is not absolute http(s)', () => {
    expect(() => localBaseUrl({ BASE_URL: '/' }, 3000)).toThrow(
      'BASE_URL måste vara en absolut http(s)-adress, t.ex. http://localhost:3000, inte "/".',
    );
  });
});

describe('localRemindersInterval', () => {
  it('is 15 minutes when unset, and whole milliseconds when set; 0 turns the timer off', () => {
    expect(localRemindersInterval({})).toBe(900_000);
    expect(localRemindersInterval({ REMINDERS_INTERVAL_MS: '60000' })).toBe(60_000);
    expect(localRemindersInterval({ REMINDERS_INTERVAL_MS: '0' })).toBe(0);
  });

  it('refuses anything else in one line, in the language of the locale, instead of turning the timer off', () => {
    for (const value of ['15m', 'abc', '-1', '1.5', '', '1e3']) {
      expect(() => localRemindersInterval({ REMINDERS_INTERVAL_MS: value }), value).toThrow(
        `REMINDERS_INTERVAL_MS måste vara ett antal millisekunder, t.ex. 60000 (0 stänger av påminnelsetimern), inte "${value}".`,
      );
    }
    expect(() => localRemindersInterval({ REMINDERS_INTERVAL_MS: '15m', LANG: 'en_US.UTF-8' })).toThrow(
      'REMINDERS_INTERVAL_MS must be a number of milliseconds such as 60000 (0 turns the reminders timer off), not "15m".',
    );
  });
});
