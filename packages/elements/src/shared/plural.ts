import { getLocale } from '../localization.js';

/**
 * The plural categories (CLDR, as `Intl.PluralRules` names them) that counts in the supported languages fall into.
 * German and English need `one` and `other`; a language with more (`few`, `many`, …) extends this list, and
 * `npm run i18n:check` fails until it does.
 */
export const PLURAL_CATEGORIES = ['one', 'other'] as const;

export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/**
 * One message per plural category, each given the count already formatted for the language. Each form is a
 * separate `msg()`, so every language translates every form and the category is decided in the language shown.
 */
export type PluralForms = Record<PluralCategory, (count: string) => string>;

const isOffered = (category: string): category is PluralCategory =>
  (PLURAL_CATEGORIES as readonly string[]).includes(category);

/**
 * The form of `forms` that `count` takes in the active language: `Intl.PluralRules` decides, not `count === 1`,
 * because languages draw the line elsewhere (French counts 0 as singular, Russian 21).
 */
export function plural(count: number, forms: PluralForms): string {
  const locale = getLocale();
  const category = new Intl.PluralRules(locale).select(count);
  const form = isOffered(category) ? forms[category] : forms.other;
  return form(new Intl.NumberFormat(locale).format(count));
}
