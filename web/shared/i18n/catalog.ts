import type { LanguageInfo, Message, ServedCatalog } from '../../../server/contract/i18n.js';

export type { LanguageInfo, ServedCatalog };

/** A value put into a message: numbers are written the language's way. */
export type MessageValues = Record<string, string | number>;

/**
 * One page family's words in one language (a catalog from `locales/`, as the server serves
 * it). Pure, so it is tested under node: the browser glue is in page-catalog.ts.
 *
 * - `t(key, values)` fills `{name}` values; where the message has plural forms, the form
 *   is chosen by `values.n` through Intl.PluralRules of the catalog's language.
 * - `langOf(key)` is the language a message is really in when this catalog left it out
 *   (the page marks such a text with `lang`), or undefined.
 * - `date`, `number` and `list` write values through Intl, in the catalog's language.
 */
export class Catalog<K extends string = string> {
  private readonly plurals: Intl.PluralRules;
  private readonly fallbackPlurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly missing: ReadonlySet<string>;

  constructor(readonly served: ServedCatalog) {
    this.plurals = new Intl.PluralRules(served.language.code);
    this.fallbackPlurals = new Intl.PluralRules(served.fallback);
    this.numbers = new Intl.NumberFormat(served.language.code);
    this.missing = new Set(served.missing);
  }

  get lang(): string {
    return this.served.language.code;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.served.language.dir;
  }

  get family(): string {
    return this.served.family;
  }

  /** Every language this family of pages is written in. */
  get languages(): LanguageInfo[] {
    return this.served.languages;
  }

  t(key: K, values: MessageValues = {}): string {
    const message: Message | undefined = this.served.messages[key];
    if (message === undefined) return key;
    const text = typeof message === 'string' ? message : this.pluralForm(key, message, values.n);
    return text.replace(/\{(\w+)\}/g, (all, name: string) => {
      const value = values[name];
      if (value === undefined) return '';
      return typeof value === 'number' ? this.numbers.format(value) : value;
    });
  }

  langOf(key: K): string | undefined {
    return this.missing.has(key) ? this.served.fallback : undefined;
  }

  /** A date (an ISO `2025-03-12`, or a time) written out in this language; text that is no date stays as it is. */
  date(value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const date = toDate(value);
    if (!date) return String(value);
    // A bare ISO date is a day, not a moment: read and written in UTC so no time zone moves it.
    const bareDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
    return new Intl.DateTimeFormat(this.lang, bareDay ? { ...options, timeZone: 'UTC' } : options).format(date);
  }

  number(value: number): string {
    return this.numbers.format(value);
  }

  /** "parents, teachers and students", the language's way. */
  list(items: string[]): string {
    return new Intl.ListFormat(this.lang, { style: 'long', type: 'conjunction' }).format(items);
  }

  private pluralForm(key: K, forms: Exclude<Message, string>, n: string | number | undefined): string {
    const count = typeof n === 'number' ? n : Number(n);
    const rules = this.missing.has(key) ? this.fallbackPlurals : this.plurals;
    const category = Number.isFinite(count) ? rules.select(count) : 'other';
    return forms[category] ?? forms.other;
  }
}

function toDate(value: string | number | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return new Date(value);
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?/.test(text)) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}
