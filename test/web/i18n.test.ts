import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { addSwedish, format, translate } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The member pages' sources; the secretariat's console (pages/admin) has its own dictionaries. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full.endsWith(path.join('pages', 'admin'))) return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('UI strings', () => {
  it('every key has Swedish and English text, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv) as Array<keyof typeof sv>) {
      expect(sv[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it('every key the pages use exists', () => {
    const root = path.resolve(import.meta.dirname, '../../web/src');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((key) => !(key in sv));
    expect(missing).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Sparat {time}', { time: '14:32' })).toBe('Sparat 14:32');
    expect(format('Hej {name}', {})).toBe('Hej {name}');
  });
});

describe('singular forms', () => {
  it('takes <key>One for a count of one, in the site and in the console, and the plural otherwise', async () => {
    // Arrange: the console's English loads on first use
    const { adminTranslate } = await import('../../web/src/pages/admin/i18n/index');
    const { sv: adminSv } = await import('../../web/src/pages/admin/i18n/sv');
    // Act and assert
    expect(adminTranslate('sv', 'review.noteSent', { count: 1 })).toBe('Anteckningen är skickad till 1 kontakt.');
    expect(adminTranslate('sv', 'review.noteSent', { count: 2 })).toBe('Anteckningen är skickad till 2 kontakter.');
    expect(adminTranslate('sv', 'campaign.pages', { count: '1' })).toBe('1 sida');
    expect(adminSv['campaign.pages']).toBe('{count} sidor');
    // The site's dictionary: the survey's strings join it when its page loads
    addSwedish({
      'conflict.autoMerged': sv['conflict.autoMerged'],
      'conflict.autoMergedOne': sv['conflict.autoMergedOne'],
    });
    expect(translate('sv', 'conflict.autoMerged', { name: 'Eva', count: 1 })).toBe(
      format(sv['conflict.autoMergedOne'], { name: 'Eva', count: 1 }),
    );
    expect(translate('sv', 'conflict.autoMerged', { name: 'Eva', count: 2 })).toBe(
      format(sv['conflict.autoMerged'], { name: 'Eva', count: 2 }),
    );
  });

  it('has no placeholder in a singular form that its plural lacks', async () => {
    const { sv: adminSv } = await import('../../web/src/pages/admin/i18n/sv');
    for (const dictionary of [sv, adminSv] as Array<Record<string, string>>) {
      for (const key of Object.keys(dictionary).filter((k) => k.endsWith('One'))) {
        const plural = key.slice(0, -'One'.length);
        if (!(plural in dictionary)) continue; // a key that merely ends in "One"
        // "ett svar" may spell the count out, so the singular can have fewer
        const inPlural = placeholders(dictionary[plural]!);
        for (const name of placeholders(dictionary[key]!)) expect(inPlural, key).toContain(name);
      }
    }
  });
});
