import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { type MessageKey, sv } from './sv';

export type Lang = 'sv' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { sv, en };
const STORAGE_KEY = 'kk.lang';

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return format(DICTIONARIES[lang][key] ?? sv[key], params);
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'sv' || stored === 'en') return stored;
  } catch {
    // Storage may be blocked; Swedish is the default.
  }
  return 'sv';
}

/** The current language, readable outside React (the API client sends it as accept-language). */
let currentLang: Lang = typeof window === 'undefined' ? 'sv' : initialLang();
export function getLang(): Lang {
  return currentLang;
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  useEffect(() => {
    currentLang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not remembered; fine.
    }
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    currentLang = next;
    setLangState(next);
  }, []);
  const t = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
}
