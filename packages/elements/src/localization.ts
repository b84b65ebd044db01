import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

/** German is the source language and the default; English is the one translation. */
export type BhLocale = typeof sourceLocale | (typeof targetLocales)[number];

// A static map (not a template path) so bundlers see every locale module.
const loaders = {
  en: () => import('./generated/locales/en.js'),
} as const;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
});

/** `en`, `en-GB` → `en`; everything else → German. */
export function resolveLocale(lang: string | null | undefined): BhLocale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** Switches the language of every element on the page; runtime localization is page-wide by design. */
export function applyLocale(lang: string | null | undefined): Promise<void> {
  const locale = resolveLocale(lang);
  return getLocale() === locale ? Promise.resolve() : setLocale(locale);
}

export { getLocale };
