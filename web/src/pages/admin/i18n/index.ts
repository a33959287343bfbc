import { useCallback, useEffect, useState } from 'react';
import { format, type Lang, textForm, useLang } from '../../../i18n';
import type { AdminKey } from './sv';
import { svConsole } from './sv-console';

export type { AdminKey };
export type AdminT = (key: AdminKey, params?: Record<string, string | number>) => string;

// The Swedish strings every console page shows ship with the console; English loads on first use.
// A page's own strings, in both languages, come with the page's chunk (addAdminStrings, called by
// the part files beside this one), so a page carries no other page's text.
const swedish: Partial<Record<AdminKey, string>> = { ...svConsole };
const pageEnglish: Partial<Record<AdminKey, string>> = {};
let en: Partial<Record<AdminKey, string>> | null = null;
let loadingEn: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  loadingEn ??= import('./en-console').then((module) => {
    en = module.enConsole;
  });
  return loadingEn;
}

/** Adds the strings of one part of the console; its module calls this when its chunk loads. */
export function addAdminStrings<K extends AdminKey>(sv: Record<K, string>, english: Record<K, string>): void {
  Object.assign(swedish, sv);
  Object.assign(pageEnglish, english);
}

export function adminTranslate(lang: Lang, key: AdminKey, params?: Record<string, string | number>): string {
  const lookup = (k: string) =>
    (lang === 'en' && en ? (en[k as AdminKey] ?? pageEnglish[k as AdminKey]) : undefined) ?? swedish[k as AdminKey];
  // A key whose part has not been added shows as itself rather than breaking the page.
  return format(textForm(key, params, lookup) ?? key, params);
}

/** The console's own strings, in the language the site's toggle chose. */
export function useAdminT(): AdminT {
  const [lang] = useLang();
  const [ready, setReady] = useState(lang === 'sv' || en !== null);
  useEffect(() => {
    if (lang !== 'en') return;
    // English may have loaded (for another component) between this render and its effect: a
    // component that rendered before then would otherwise stay Swedish for good.
    if (en) setReady(true);
    else {
      // From true (Swedish) to false and back: setting true again alone would not re-render.
      setReady(false);
      void loadEnglish().then(() => setReady(true));
    }
  }, [lang]);
  const effective: Lang = lang === 'en' && ready && en ? 'en' : 'sv';
  return useCallback<AdminT>((key, params) => adminTranslate(effective, key, params), [effective]);
}
