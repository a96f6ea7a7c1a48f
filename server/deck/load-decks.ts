import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeckError, parseDeck } from './parse-deck.js';
import type { Deck } from './deck-schema.js';

/**
 * The slides folder's files ending in `ending`, as paths relative to it, in its subfolders
 * too (a series keeps its decks in a folder of its own), sorted.
 */
export function slideFiles(slidesDir: string, ending: string): string[] {
  return readdirSync(slidesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ending))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/**
 * Every `*.md` in the slides folder (or a subfolder) is a deck, keyed by the id its `<!-- deck -->` block
 * declares, in its first language (`deckIn` from deck-in-language.ts gives the others).
 */
export function loadDecks(slidesDir: string): Map<string, Deck> {
  const decks = new Map<string, Deck>();
  for (const file of slideFiles(slidesDir, '.md')) {
    const deck = parseDeck(readFileSync(join(slidesDir, file), 'utf8'), file);
    const earlier = [...decks.values()].find((d) => d.id === deck.id);
    if (earlier) throw new DeckError(`${file}: deck id "${deck.id}" is already used by another deck in ${slidesDir}`);
    const otherDefault = deck.default ? [...decks.values()].find((d) => d.default) : undefined;
    if (otherDefault)
      throw new DeckError(`${file}: deck "${deck.id}" says \`default: true\`, and so does deck "${otherDefault.id}"; only one deck in ${slidesDir} may`);
    decks.set(deck.id, deck);
  }
  return decks;
}

/** The deck a session runs when none is named: the one whose header says `default: true`, else the first by file name. */
export function defaultDeck(decks: Map<string, Deck>): Deck | undefined {
  return [...decks.values()].find((deck) => deck.default) ?? decks.values().next().value;
}
