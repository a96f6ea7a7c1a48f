import { createHash } from 'node:crypto';
import type { SessionState } from '../../domain/session-state.js';
import { isVotableCard } from './gallery-model.js';

/**
 * A wall's cards as phones read them during the gallery walk: a page at a time, over plain
 * GETs (wall-pages-routes.ts), never the whole wall in the live stream. A district-sized
 * room puts 10,000 cards on a wall; sending every card to every phone with each change was
 * megabytes per phone. The stream carries only each wall's count and content tag.
 */

/** Cards per page: a phone screen's worth of reading, a few kilobytes however long the wall. */
export const WALL_PAGE_SIZE = 40;

export interface ListedCard {
  id: string;
  text: string;
}

/** The cards on show on a wall (not hidden, withdrawn or merged), in the order they were written. */
export function votableCardsOnWall(state: SessionState, wall: string): ListedCard[] {
  const listed: ListedCard[] = [];
  for (const card of state.cards.values()) if (card.wall === wall && isVotableCard(state, card)) listed.push({ id: card.id, text: card.text });
  return listed;
}

/**
 * A tag of the wall's listing: it changes when a card is added, hidden, merged or
 * reworded, and stays the same after a restart, so a phone knows whether the pages it
 * holds are still the wall's.
 */
export function listingTag(cards: readonly ListedCard[]): string {
  const hash = createHash('sha1');
  for (const card of cards) hash.update(card.id).update('\u0000').update(card.text).update('\u0001');
  return hash.digest('base64url').slice(0, 16);
}

export function pageCount(cards: number): number {
  return Math.max(1, Math.ceil(cards / WALL_PAGE_SIZE));
}
