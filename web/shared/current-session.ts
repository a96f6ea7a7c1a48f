import type { LiveSession } from './live-session.js';

/**
 * Each page runs exactly one session (the deck, the notes view, a phone), so elements
 * reach it here rather than threading it through every template.
 */
let current: LiveSession | null = null;
const waiting = new Set<(session: LiveSession) => void>();

export function setCurrentSession(session: LiveSession): void {
  current = session;
  for (const callback of waiting) callback(session);
  waiting.clear();
}

/** Calls back now if the page's session exists, or as soon as it does. Returns a cancel function. */
export function whenSession(callback: (session: LiveSession) => void): () => void {
  if (current) {
    callback(current);
    return () => {};
  }
  waiting.add(callback);
  return () => waiting.delete(callback);
}

export function currentSession(): LiveSession | null {
  return current;
}

import type { DeckInfo } from './view-types.js';

let deck: DeckInfo | null = null;

/** The deck the facilitators' screens show (read once from the server). */
export function setCurrentDeck(next: DeckInfo): void {
  deck = next;
}

export function currentDeck(): DeckInfo | null {
  return deck;
}
