import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { readStored, writeStored } from '../lib/browser-storage';
import type { MessageKey } from './sv';
import { svCommon } from './sv-common';

export type Lang = 'sv' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'kk.lang';

// Swedish ships with every page; English loads the first time it is needed. A lazily loaded page's
// own strings, in both languages, come with its chunk (addSwedish, addEnglish).
const swedish: Partial<Record<MessageKey, string>> = { ...svCommon };
let english: Partial<Record<MessageKey, string>> | null = null;
const pageEnglish: Partial<Record<MessageKey, string>> = {};
let loadingEnglish: Promise<void> | null = null;

/** Adds Swedish strings only one lazily loaded page shows; its module calls this before it renders. */
export function addSwedish(strings: Partial<Record<MessageKey, string>>): void {
  Object.assign(swedish, strings);
}

/** Adds that page's English strings, likewise; they are used once English is loaded. */
export function addEnglish(strings: Partial<Record<MessageKey, string>>): void {
  Object.assign(pageEnglish, strings);
}

/** Makes `lang`'s strings available; main.tsx waits for it before the first render. */
export function loadDictionary(lang: Lang): Promise<void> {
  if (lang === 'sv' || english) return Promise.resolve();
  loadingEnglish ??= import('./en-common').then(
    (module) => {
      english = module.enCommon;
    },
    (error: unknown) => {
      loadingEnglish = null;
      throw error;
    },
  );
  return loadingEnglish;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/**
 * The text of `key`, or of its singular form `<key>One` when `params.count` is one and that form
 * exists ("1 kontakt", not "1 kontakter"). Both dictionaries (the site's and the console's) use it.
 */
export function textForm(
  key: string,
  params: Record<string, string | number> | undefined,
  lookup: (key: string) => string | undefined,
): string | undefined {
  const singular = params !== undefined && String(params.count) === '1' ? lookup(`${key}One`) : undefined;
  return singular ?? lookup(key);
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const lookup = (k: string) =>
    (lang === 'en' && english ? (english[k as MessageKey] ?? pageEnglish[k as MessageKey]) : undefined) ??
    swedish[k as MessageKey];
  // A key whose page has not added its strings shows as itself rather than breaking the page.
  return format(textForm(key, params, lookup) ?? key, params);
}

function initialLang(): Lang {
  const stored = readStored('local', STORAGE_KEY);
  // Swedish is the default, also when storage is blocked.
  return stored === 'sv' || stored === 'en' ? stored : 'sv';
}

/** The current language, readable outside React (the API client sends it as accept-language). */
let currentLang: Lang = typeof window === 'undefined' ? 'sv' : initialLang();
/** A text in the page's language, and `lang: 'sv'` when it is the Swedish text shown on an English page. */
export interface Localised {
  text: string;
  lang: 'sv' | undefined;
}

/**
 * The English text on an English page when there is one; otherwise the Swedish text, marked `sv`
 * (reports published before English titles were stored have none, nor does a survey without them).
 */
export function localised(lang: Lang, sv: string, en: string | undefined): Localised {
  if (lang === 'sv') return { text: sv, lang: undefined };
  return en === undefined || en.trim() === '' ? { text: sv, lang: 'sv' } : { text: en, lang: undefined };
}

/** An area's, question's or requirement's title in the page's language (the report and the scorecard). */
export function titleOf(item: { title: string; titleEn?: string }, lang: Lang): Localised {
  return localised(lang, item.title, item.titleEn);
}

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
  // Until English has loaded (main.tsx normally waits for it), the page stays Swedish.
  const [lang, setLangState] = useState<Lang>(currentLang === 'en' && !english ? 'sv' : currentLang);
  useEffect(() => {
    if (currentLang === 'en' && !english) {
      loadDictionary('en').then(
        () => currentLang === 'en' && setLangState('en'),
        () => {},
      );
    }
  }, []);
  useEffect(() => {
    currentLang = lang;
    document.documentElement.lang = lang;
    writeStored('local', STORAGE_KEY, lang);
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    currentLang = next;
    loadDictionary(next).then(
      () => currentLang === next && setLangState(next),
      (error: unknown) => {
        console.warn('could not load the dictionary', error);
        currentLang = 'sv';
      },
    );
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
