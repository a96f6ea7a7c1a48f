import type { Deck } from '../../deck/deck-schema.js';
import type { TextByLanguage } from '../../deck/render-slide.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';

export const TERM_MAX_LENGTH = 120;

/**
 * Sets some of the deck's terms for this district. Only terms and languages the deck
 * declares; an empty text puts the deck's own words back. Setting what is already set
 * commits nothing.
 */
export function setTerms(state: SessionState, deck: Deck, values: Record<string, TextByLanguage>) {
  const clean: Record<string, Record<string, string>> = {};
  let changes = false;
  for (const [id, byLanguage] of Object.entries(values)) {
    if (!deck.terms.some((t) => t.id === id)) throw new DomainError(400, 'unknown_term', `This deck has no term "${id.slice(0, 40)}".`);
    for (const [lang, words] of Object.entries(byLanguage)) {
      if (!deck.languages.includes(lang)) throw new DomainError(400, 'unknown_language', `This deck is not written in "${lang.slice(0, 12)}".`);
      const text = words === undefined || words.trim() === '' ? '' : cleanOrRefuse(cleanText(words, TERM_MAX_LENGTH)).replace(/\s+/g, ' ');
      if ((state.terms[id]?.[lang] ?? '') !== text) changes = true;
      (clean[id] ??= {})[lang] = text;
    }
  }
  return { events: changes ? [event('terms.set', { values: clean })] : [], response: { terms: { ...state.terms } } };
}
