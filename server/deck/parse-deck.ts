import type { Deck } from './deck-schema.js';
import { resolveDeck } from './deck-in-language.js';
import { DeckError, readDeckSource } from './read-deck.js';

export { DeckError };

/**
 * Parses one deck file into the deck in its first language (`deckIn` gives the others).
 * Throws DeckError naming the file, the slide and the field when its data is wrong.
 */
export function parseDeck(markdown: string, source = 'deck'): Deck {
  const deck = readDeckSource(markdown, source);
  return resolveDeck(deck, deck.languages[0]);
}
