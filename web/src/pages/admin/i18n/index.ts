import { useCallback, useEffect, useState } from 'react';
import { format, type Lang, textForm, useLang } from '../../../i18n';
import { type AdminKey, sv } from './sv';

export type { AdminKey };
export type AdminT = (key: AdminKey, params?: Record<string, string | number>) => string;

// Swedish ships with the console; English loads on first use, so the Swedish pages stay lighter.
let en: Record<AdminKey, string> | null = null;
let loadingEn: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  loadingEn ??= import('./en').then((module) => {
    en = module.en;
  });
  return loadingEn;
}

export function adminTranslate(lang: Lang, key: AdminKey, params?: Record<string, string | number>): string {
  const dictionary: Partial<Record<AdminKey, string>> = lang === 'en' && en ? en : sv;
  const lookup = (k: string) => dictionary[k as AdminKey] ?? sv[k as AdminKey];
  return format(textForm(key, params, lookup) ?? key, params);
}

/** The console's own strings, in the language the site's toggle chose. */
export function useAdminT(): AdminT {
  const [lang] = useLang();
  const [ready, setReady] = useState(lang === 'sv' || en !== null);
  useEffect(() => {
    if (lang === 'en' && !en) {
      setReady(false);
      void loadEnglish().then(() => setReady(true));
    }
  }, [lang]);
  const effective: Lang = lang === 'en' && ready && en ? 'en' : 'sv';
  return useCallback<AdminT>((key, params) => adminTranslate(effective, key, params), [effective]);
}
