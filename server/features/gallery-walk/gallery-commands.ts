import type { Deck } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { currentGallery, rootCardId } from './gallery-model.js';
import { tallyWalls } from './tally.js';

/** The facilitator shows the tallies (voting stops), or hides them again (voting resumes). */
export function setRevealed(state: SessionState, deck: Deck, revealed: boolean) {
  const gallery = currentGallery(state, deck);
  if (!gallery) throw new DomainError(409, 'no_gallery', 'The gallery walk has not started yet: show its slide first.');
  const same = state.gallery.revealed.has(gallery.slide) === revealed;
  return { events: same ? [] : [event('gallery.revealed', { slide: gallery.slide, revealed })], response: { slide: gallery.slide, revealed } };
}

/** At a tie on the cut, the facilitator decides which tied cards go on the agreement. */
export function chooseAtCut(state: SessionState, deck: Deck, wall: string, cardIds: string[]) {
  const gallery = currentGallery(state, deck);
  if (!gallery) throw new DomainError(409, 'no_gallery', 'The gallery walk has not started yet.');
  const tally = tallyWalls(state, deck, gallery.slide, gallery.activity).find((t) => t.wall === wall);
  if (!tally) throw new DomainError(404, 'unknown_wall', `The gallery walk has no wall "${wall}".`);
  if (!tally.tie) throw new DomainError(409, 'no_tie', 'There is no tie at the cut on this wall.');
  const tied = new Set(tally.tie.cardIds);
  const unique = [...new Set(cardIds)];
  if (unique.some((id) => !tied.has(id))) throw new DomainError(400, 'not_tied', 'Choose only among the cards tied at the cut.');
  if (unique.length > tally.tie.seats) throw new DomainError(400, 'too_many', `Only ${tally.tie.seats} of the tied cards fit.`);
  return { events: [event('tally.cut-chosen', { slide: gallery.slide, wall, cardIds: unique })], response: { wall, cardIds: unique } };
}

/**
 * Merging a duplicate into another card on the same wall: the merged card keeps every
 * author and every sticker, and the duplicate leaves the wall. A person who stickered
 * both keeps both stickers (each was a sticker they chose to spend on this idea), but
 * cannot add another beyond the per-card limit. Cards merged into the duplicate follow it.
 */
export function mergeCards(state: SessionState, cardId: string, intoId: string) {
  const card = state.cards.get(cardId);
  const into = state.cards.get(intoId);
  if (!card || card.withdrawn) throw new DomainError(404, 'unknown_card', 'There is no such card to merge.');
  if (!into || into.withdrawn) throw new DomainError(404, 'unknown_card', 'There is no such card to merge into.');
  if (card.wall !== into.wall) throw new DomainError(409, 'different_walls', 'Only cards on the same wall can be merged.');
  const target = rootCardId(state, intoId);
  if (target === cardId || rootCardId(state, cardId) === target) throw new DomainError(409, 'already_merged', 'These cards are already one.');
  return { events: [event('card.merged', { cardId, intoId: target })], response: { cardId, intoId: target } };
}

export function unmergeCard(state: SessionState, cardId: string) {
  if (!state.gallery.mergedInto.has(cardId)) throw new DomainError(404, 'not_merged', 'This card is not merged into another.');
  return { events: [event('card.unmerged', { cardId })], response: { cardId } };
}
