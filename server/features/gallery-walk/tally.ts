import type { Deck } from '../../deck/deck-schema.js';
import type { TalliedCard, WallTally } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { isVotableCard, rootCardId, topPerWall, type GalleryWalk } from './gallery-model.js';

/**
 * The tally of a gallery walk, from the stickers per card the reducers keep.
 *
 * Ranking is standard competition ranking (1, 2, 2, 4). With a cut of N (the deck's
 * agreement builder's topPerWall), every card ranked above the N-th card's count is in;
 * the cards sharing the N-th card's count are in if they all fit, and otherwise they are
 * a tie at the cut: the facilitator picks which of them fill the seats left.
 */
export function tallyWalls(state: SessionState, deck: Deck, slide: number, activity: GalleryWalk): WallTally[] {
  const counts = state.gallery.walks.get(slide)?.onCard ?? new Map<string, { all: number; paper: number }>();
  const merged = new Map<string, string[]>();
  for (const id of state.gallery.mergedInto.keys()) {
    const root = rootCardId(state, id);
    merged.set(root, [...(merged.get(root) ?? []), id]);
  }
  const cut = topPerWall(deck);
  return activity.walls.map((wall) => {
    const cards = [...state.cards.values()]
      .filter((c) => c.wall === wall && isVotableCard(state, c))
      .map((c): TalliedCard & { at: number } => {
        const mergedIds = merged.get(c.id) ?? [];
        const authors = new Set([c, ...mergedIds.map((id) => state.cards.get(id)!)].filter(Boolean).map((x) => x.authorId ?? `paper:${x.id}`));
        return {
          id: c.id,
          text: c.text,
          stickers: counts.get(c.id)?.all ?? 0,
          paperStickers: counts.get(c.id)?.paper ?? 0,
          rank: 0,
          status: 'out',
          paper: c.paper,
          merged: mergedIds,
          authors: authors.size,
          at: c.at,
        };
      })
      // Equal counts keep the order the cards were written in, so the list does not jump around.
      .sort((a, b) => b.stickers - a.stickers || a.at - b.at);
    cards.forEach((card, i) => {
      card.rank = i > 0 && cards[i - 1].stickers === card.stickers ? cards[i - 1].rank : i + 1;
    });
    let tie: WallTally['tie'] = null;
    if (cut === null || cards.length <= cut) {
      for (const card of cards) card.status = cut === null ? 'out' : 'top';
    } else {
      const atCut = cards[cut - 1].stickers;
      const above = cards.filter((c) => c.stickers > atCut);
      const tied = cards.filter((c) => c.stickers === atCut);
      for (const card of above) card.status = 'top';
      if (above.length + tied.length <= cut) {
        for (const card of tied) card.status = 'top';
      } else {
        const seats = cut - above.length;
        const tiedIds = new Set(tied.map((c) => c.id));
        const chosen = (state.gallery.cutChoices.get(`${slide}:${wall}`) ?? []).filter((id) => tiedIds.has(id)).slice(0, seats);
        for (const card of tied) card.status = chosen.includes(card.id) ? 'tie-chosen' : 'tie';
        tie = { cardIds: tied.map((c) => c.id), seats, chosen };
      }
    }
    return { wall, cut, cards: cards.map(({ at: _at, ...card }) => card), tie };
  });
}

/** The statements that go on the agreement from one wall: the top cards and the tied cards the facilitator chose. */
export function selectedStatements(tally: WallTally): TalliedCard[] {
  return tally.cards.filter((c) => c.status === 'top' || c.status === 'tie-chosen');
}
