import type { ActivityOf, Deck } from '../../deck/deck-schema.js';
import { budgetsBeforeFirstSticker, personBudget, walkBudgets } from './gallery-sums.js';
import type { SessionState } from '../../domain/session-state.js';
import type { Card } from '../cards/card-state.js';
import { isActivityOpen } from '../presentation/activity-rules.js';
import type { PersonStickers, Sticker } from './gallery-state.js';

/**
 * Questions about the gallery walk, asked by commands, reducers and views alike. Nothing
 * here writes: what is summed, the reducers keep (gallery-sums.ts).
 */

export type GalleryWalk = ActivityOf<'gallery-walk'>;

/** The card a card's stickers count for: itself, or the card it was merged into (followed to the end). */
export function rootCardId(state: SessionState, cardId: string): string {
  return rootCardIdIn(state.gallery.mergedInto, cardId);
}

/** rootCardId over the given merges (the export's copy of them, taken when it began). */
export function rootCardIdIn(mergedInto: ReadonlyMap<string, string>, cardId: string): string {
  if (mergedInto.size === 0) return cardId;
  let id = cardId;
  for (let hops = 0; hops < 100; hops++) {
    const next = mergedInto.get(id);
    if (!next) return id;
    id = next;
  }
  return id;
}

/** Every card merged into `cardId`, directly or through another duplicate. */
export function mergedCardIds(state: SessionState, cardId: string): string[] {
  const ids: string[] = [];
  for (const id of state.gallery.mergedInto.keys()) if (id !== cardId && rootCardId(state, id) === cardId) ids.push(id);
  return ids;
}

/**
 * The gallery walk in play: the gallery-walk slide shown most recently, so a deck with two
 * walks votes on the one the room is doing. null until the deck reaches one.
 */
export function currentGallery(state: SessionState, deck: Deck): { slide: number; activity: GalleryWalk } | null {
  for (let i = state.slideHistory.length - 1; i >= 0; i--) {
    const slide = state.slideHistory[i].slide;
    const activity = deck.slides[slide - 1]?.activity;
    if (activity?.kind === 'gallery-walk') return { slide, activity };
  }
  return null;
}

/** The first gallery walk of the deck, shown or not: exports and the agreement use it before the walk starts. */
export function deckGallery(state: SessionState, deck: Deck): { slide: number; activity: GalleryWalk } | null {
  const current = currentGallery(state, deck);
  if (current) return current;
  const slide = deck.slides.find((s) => s.activity?.kind === 'gallery-walk');
  return slide ? { slide: slide.number, activity: slide.activity as GalleryWalk } : null;
}

/** Voting runs from the slide's first showing until the facilitator closes it or reveals the tallies. */
export function votingOpen(state: SessionState, slide: number): boolean {
  return isActivityOpen(state, slide) && !state.gallery.revealed.has(slide);
}

/** A sticker spends its owner's budget unless its card was withdrawn (then it is given back). */
export function spendsBudget(state: SessionState, sticker: Sticker): boolean {
  const card = state.cards.get(rootCardId(state, sticker.cardId));
  return !!card && !card.withdrawn;
}

/** One participant's stickers on a walk and their sums, as the reducers keep them (null: none yet). */
export function personOnWalk(state: SessionState, participantId: string, slide: number): PersonStickers | null {
  return state.gallery.walks.get(slide)?.people.get(participantId) ?? null;
}

/** One participant's stickers on a gallery slide that spend their budget, in the order placed. */
export function ownStickers(state: SessionState, participantId: string, slide: number): readonly Sticker[] {
  return personOnWalk(state, participantId, slide)?.spending ?? [];
}

/** Stickers left per wall for one participant. */
export function stickersLeft(state: SessionState, participantId: string, slide: number, activity: GalleryWalk): Record<string, number> {
  const walk = state.gallery.walks.get(slide);
  const person = walk?.people.get(participantId);
  const beforeAnySticker = walk ? undefined : budgetsBeforeFirstSticker(state, slide, activity);
  return Object.fromEntries(
    activity.walls.map((w) => {
      const budget = walk ? (person ? personBudget(state, activity, walk, person, w) : walkBudgets(state, activity, walk).get(w)!) : beforeAnySticker!.get(w)!;
      return [w, Math.max(0, budget - (person?.byWall.get(w) ?? 0))];
    }),
  );
}

/** A card on show on a wall during the walk: not withdrawn, not hidden, not merged into another. */
export function isVotableCard(state: SessionState, card: Card): boolean {
  return !card.withdrawn && !card.hidden && !state.gallery.mergedInto.has(card.id);
}

/** How many sticker slots the agreement takes per wall: the deck's agreement builder says. */
export function topPerWall(deck: Deck): number | null {
  const builder = deck.slides.find((s) => s.activity?.kind === 'agreement-builder')?.activity as ActivityOf<'agreement-builder'> | undefined;
  return builder ? builder.topPerWall : null;
}
