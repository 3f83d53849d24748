// svelte-i18n set-up: Simplified Chinese by default, English on request; the choice is remembered per browser.
import { addMessages, init, locale } from 'svelte-i18n';
import zhCN from './zh-CN.json';
import en from './en.json';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'changhu.language';

// Each catalogue must have exactly the other's keys: assigning both ways makes svelte-check catch drift.
type Catalogue = typeof zhCN;
const english: Catalogue = en;
const chinese: typeof en = zhCN;

function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(v as Language) ? (v as Language) : null;
  } catch {
    // Storage may be disabled (private mode, policies); the default language still works.
    return null;
  }
}

export function setupI18n(): void {
  addMessages('zh-CN', chinese);
  addMessages('en', english);
  const initial = storedLanguage() ?? DEFAULT_LANGUAGE;
  init({
    fallbackLocale: DEFAULT_LANGUAGE,
    initialLocale: initial,
    handleMissingMessage: ({ id, locale: l }) => {
      // Error keys are looked up speculatively (field + reason, then reason) and fall back on purpose.
      if (import.meta.env.DEV && !id.startsWith('errors.')) console.warn(`[i18n] missing "${id}" in ${l}`);
      return undefined;
    },
  });
  document.documentElement.lang = initial;
}

export function setLanguage(language: Language): void {
  locale.set(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but switched for this visit.
  }
}
