import { afterEach, describe, expect, it, vi } from 'vitest';

type IntlConstructor = 'DateTimeFormat' | 'NumberFormat' | 'Collator' | 'PluralRules';
const WATCHED: IntlConstructor[] = ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules'];

const originals = new Map(WATCHED.map((name) => [name, Intl[name]]));

/** Counts the Intl objects constructed until restore(), by constructor. */
function watchIntl(): Record<string, number> {
  const made: Record<string, number> = {};
  for (const name of WATCHED) {
    const original = originals.get(name) as (typeof Intl)[IntlConstructor];
    (Intl as Record<string, unknown>)[name] = new Proxy(original, {
      construct(target, args, newTarget) {
        made[name] = (made[name] ?? 0) + 1;
        return Reflect.construct(target, args, newTarget);
      },
      apply(target, thisArg, args) {
        made[name] = (made[name] ?? 0) + 1;
        return Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, args);
      },
    });
  }
  return made;
}

afterEach(() => {
  for (const [name, original] of originals) (Intl as Record<string, unknown>)[name] = original;
});

/**
 * Module initialisation is part of every Lambda cold start. The first Intl formatter with a time
 * zone loads ICU's zone data, which cost 14–21 ms when send-window.ts made one at import
 * (docs/performance.md); formatters are made on first use instead.
 */
describe('the API modules construct no Intl formatter at import', () => {
  it.each([
    ['the member API', '../../functions/member-app'],
    ['the report API', '../../functions/report-app'],
    ['the whole API', '../../functions/app'],
  ])('%s', async (_name, modulePath) => {
    vi.resetModules();
    const made = watchIntl();
    await import(modulePath);
    expect(made).toEqual({});
  });

  it('the watch counts a formatter it sees (so an empty count means none was made)', async () => {
    vi.resetModules();
    const made = watchIntl();
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
    expect(made).toEqual({ DateTimeFormat: 1 });
  });
});
