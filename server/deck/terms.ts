import type { Deck } from './deck-schema.js';
import { PLACEHOLDER } from './slide-text.js';
import type { TextByLanguage } from './render-slide.js';

/** The terms a district prepared for a session: term id → its words per language. */
export type PreparedTerms = Readonly<Record<string, TextByLanguage>>;

/**
 * A deck text (in `deck`'s language) with every `{{term}}` written out: as the district
 * prepared it in that language, else the deck's own words. The reader checks that deck
 * texts name only declared terms, so nothing else is replaced.
 */
export function fillTerms(text: string, deck: Pick<Deck, 'lang' | 'terms'>, prepared: PreparedTerms = {}): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (written, name: string) => {
    const term = deck.terms.find((t) => t.id === name);
    if (!term) return written;
    return prepared[name]?.[deck.lang]?.trim() || term.default;
  });
}

/** Every string inside `value` with its terms written out (for a whole block of deck data). */
export function fillTermsDeep<T>(value: T, deck: Pick<Deck, 'lang' | 'terms'>, prepared: PreparedTerms = {}): T {
  if (typeof value === 'string') return fillTerms(value, deck, prepared) as T;
  if (Array.isArray(value)) return value.map((item) => fillTermsDeep(item, deck, prepared)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillTermsDeep(item, deck, prepared)])) as T;
  }
  return value;
}
