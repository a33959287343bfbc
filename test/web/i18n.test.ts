import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { format } from '../../web/src/i18n/index';
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
