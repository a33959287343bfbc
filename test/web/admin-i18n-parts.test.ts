import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/pages/admin/i18n/en';
import { enConsole } from '../../web/src/pages/admin/i18n/en-console';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import { svConsole } from '../../web/src/pages/admin/i18n/sv-console';

const ADMIN = path.resolve(__dirname, '../../web/src/pages/admin');
const I18N = path.join(ADMIN, 'i18n');
const NOT_PARTS = new Set(['index.ts', 'sv.ts', 'en.ts', 'sv-console.ts', 'en-console.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === I18N ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Each part file of the console's dictionary: its Swedish and English objects. */
async function parts(): Promise<Array<{ file: string; sv: Record<string, string>; en: Record<string, string> }>> {
  const files = readdirSync(I18N).filter((name) => name.endsWith('.ts') && !NOT_PARTS.has(name));
  return Promise.all(
    files.map(async (name) => {
      const module = (await import(path.join(I18N, name))) as Record<string, Record<string, string>>;
      const pick = (lang: string) => Object.entries(module).find(([exported]) => exported.startsWith(lang))?.[1] ?? {};
      return { file: name.replace(/\.ts$/, ''), sv: pick('sv'), en: pick('en') };
    }),
  );
}

/** The keys a source file may ask for: quoted whole, or by a prefix it completes at run time. */
function usesKey(text: string, prefixes: string[], key: string): boolean {
  const base = key.endsWith('One') ? key.slice(0, -3) : key;
  return (
    [`'${base}'`, `"${base}"`, `\`${base}\``, `\`${base}$`].some((quoted) => text.includes(quoted)) ||
    prefixes.some((prefix) => base.startsWith(prefix))
  );
}

function prefixesIn(text: string): string[] {
  // `status.${s}`, 'status.' + s, and audit-changes' known('status', value).
  const built = [...text.matchAll(/[`'"]([a-zA-Z]+(?:\.[a-zA-Z]+)*\.)(?:\$\{|['"]\s*\+)/g)].map((m) => m[1] as string);
  const known = [...text.matchAll(/known\('([a-zA-Z.]+)'/g)].map((m) => `${m[1]}.`);
  return [...built, ...known];
}

// A console page carries only its own part of the dictionary (see i18n/index.ts): a file that shows
// a part's string without importing that part would show the bare key on a page that lacks it.
describe("the console dictionary's parts", () => {
  it('are disjoint, and with the console-wide strings make up the whole dictionary in both languages', async () => {
    const all = await parts();
    expect(all.length).toBeGreaterThan(5);
    const keys = [...Object.keys(svConsole), ...all.flatMap((part) => Object.keys(part.sv))];
    expect(keys.length).toBe(new Set(keys).size);
    expect([...keys].sort()).toEqual(Object.keys(sv).sort());
    const enKeys = [...Object.keys(enConsole), ...all.flatMap((part) => Object.keys(part.en))];
    expect([...enKeys].sort()).toEqual(Object.keys(en).sort());
    for (const part of all) expect(Object.keys(part.en).sort(), part.file).toEqual(Object.keys(part.sv).sort());
  });

  it('are imported by every console file that shows one of their strings', async () => {
    const all = await parts();
    const missing = sourceFiles(ADMIN).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const prefixes = prefixesIn(text);
      const fromHere = path.relative(path.dirname(file), I18N).split(path.sep).join('/') || '.';
      const spec = (part: string) => `${fromHere.startsWith('.') ? fromHere : `./${fromHere}`}/${part}`;
      return all
        .filter((part) => !text.includes(`import '${spec(part.file)}';`))
        .flatMap((part) =>
          Object.keys(part.sv)
            .filter((key) => usesKey(text, prefixes, key))
            .map((key) => `${path.relative(ADMIN, file)} shows ${key} without importing ${spec(part.file)}`),
        );
    });
    expect(missing).toEqual([]);
  });
});
