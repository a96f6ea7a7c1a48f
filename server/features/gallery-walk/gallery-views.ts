import type { Deck } from '../../deck/deck-schema.js';
import { budgetsBeforeFirstSticker, walkBudgets } from './gallery-sums.js';
import type { EquityPart, PhoneOwnParts, PhoneSharedParts, StaffParts, WallTally } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { currentGallery, ownStickers, personOnWalk, rootCardId, stickersLeft, votingOpen, type GalleryWalk } from './gallery-model.js';
import type { VoiceGroup, WalkSums } from './gallery-state.js';
import { voiceOf } from './gallery-sums.js';
import { selectedStatements, tallyWalls } from './tally.js';
import { listingTag, pageCount, votableCardsOnWall, WALL_PAGE_SIZE } from './wall-listing.js';

/**
 * The gallery walk's parts of each role's view. Progress, tallies, merges and equity are
 * separate parts, so a burst of stickers re-sends only what the stickers change; each reads
 * the sums the reducers keep. The tallies stay null until the facilitator reveals them, so
 * the deck cannot show them early.
 */

/** Progress without tallies: stickers placed, and per wall how many people have placed all of theirs. */
export function galleryProgress(state: SessionState, slide: number, activity: GalleryWalk) {
  const walk = state.gallery.walks.get(slide);
  return {
    slide,
    open: votingOpen(state, slide),
    revealed: state.gallery.revealed.has(slide),
    stickersPlaced: (walk?.placed ?? 0) + (walk?.paper.size ?? 0),
    people: Object.fromEntries(activity.walls.map((wall) => [wall, walk?.fullByWall.get(wall) ?? 0])),
    /** People who have placed every sticker on every wall. */
    peopleDone: walk?.peopleDone ?? 0,
    participants: state.participants.size,
    stickersPerWall: activity.stickersPerWall,
    maxPerCard: activity.maxPerCard,
    /** Per wall, what a person can spend there (fewer than stickersPerWall on a short wall). */
    budgets: Object.fromEntries(activity.walls.map((w) => [w, walk ? walkBudgets(state, activity, walk).get(w)! : activity.stickersPerWall])),
  };
}

/** The walk's progress and its paper stickers (facilitators). */
export function progressParts(state: SessionState, deck: Deck): Pick<StaffParts, 'galleryProgress' | 'paperStickers'> {
  const gallery = currentGallery(state, deck);
  const paper = gallery ? [...(state.gallery.walks.get(gallery.slide)?.paper.values() ?? [])] : [];
  return {
    galleryProgress: gallery ? galleryProgress(state, gallery.slide, gallery.activity) : null,
    paperStickers: paper.map(({ id, cardId, wall, group }) => ({ id, cardId, wall, group })),
  };
}

/** The tallies once revealed, and the equity of voice (whose cards made the cut shows after the reveal). */
export function talliesAndEquity(state: SessionState, deck: Deck): Pick<StaffParts, 'tallies' | 'equity'> {
  const gallery = currentGallery(state, deck);
  const revealed = !!gallery && state.gallery.revealed.has(gallery.slide);
  const tallies = gallery && revealed ? tallyWalls(state, deck, gallery.slide, gallery.activity) : null;
  const walk = gallery ? (state.gallery.walks.get(gallery.slide) ?? null) : null;
  return {
    tallies: tallies ? { slide: gallery!.slide, walls: tallies } : null,
    equity: equityOfVoice(state, deck, gallery ? walk : null, tallies),
  };
}

/** Merged card id → the card it joined. */
export function mergesPart(state: SessionState): Pick<StaffParts, 'merges'> {
  return { merges: Object.fromEntries(state.gallery.mergedInto) };
}

/**
 * The guide's "equity of voice": cards and stickers by stakeholder group, so the room sees
 * whether every group was heard. Paper without a group counts as "paper". After the
 * reveal it also shows whose cards made the cut.
 */
function equityOfVoice(state: SessionState, deck: Deck, walk: WalkSums | null, tallies: WallTally[] | null): EquityPart {
  type Row = { people: number; cards: number; stickers: number; topCards: number };
  const rows = {} as Record<VoiceGroup, Row>;
  const row = (group: VoiceGroup) => (rows[group] ??= { people: 0, cards: 0, stickers: 0, topCards: 0 });
  for (const { id } of deck.groups) row(id).people = state.peopleByGroup.get(id) ?? 0;
  for (const [group, cards] of state.gallery.cardsByGroup) if (cards > 0) row(group).cards = cards;
  if (walk) {
    for (const [group, spent] of walk.spentByGroup) if (spent > 0) row(group).stickers += spent;
    for (const sticker of walk.paper.values()) row(sticker.group ?? 'paper').stickers++;
  }
  for (const tally of tallies ?? []) {
    for (const card of selectedStatements(tally)) {
      // A merged card speaks for all its authors' groups.
      const groups = new Set([card.id, ...card.merged].map((id) => voiceOf(state, id)));
      for (const group of groups) row(group).topCards++;
    }
  }
  return { revealed: tallies !== null, groups: Object.entries<Row>(rows).map(([group, r]) => ({ group, ...r })) };
}

/**
 * What every phone sees of the walk: per wall, how many cards it lists and a tag of its
 * listing. The cards themselves are read a page at a time (wall-pages-routes.ts), so the
 * stream carries a few hundred bytes however many cards the room wrote, and a phone
 * fetches pages again only when a wall's tag changes.
 */
export function phoneGalleryPart(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'gallery'> {
  const gallery = currentGallery(state, deck);
  if (!gallery || gallery.slide !== state.slide) return { gallery: null };
  return {
    gallery: {
      slide: gallery.slide,
      open: votingOpen(state, gallery.slide),
      revealed: state.gallery.revealed.has(gallery.slide),
      pageSize: WALL_PAGE_SIZE,
      walls: gallery.activity.walls.map((wall) => {
        const cards = votableCardsOnWall(state, wall);
        return { id: wall, cards: cards.length, pages: pageCount(cards.length), tag: listingTag(cards) };
      }),
    },
  };
}

/** One phone's own stickers and how many it has left per wall, while the walk is on screen. */
export function myStickersPart(state: SessionState, deck: Deck, participantId: string): Pick<PhoneOwnParts, 'myStickers'> {
  const gallery = currentGallery(state, deck);
  if (!gallery || gallery.slide !== state.slide) return { myStickers: null };
  return {
    myStickers: {
      slide: gallery.slide,
      left: stickersLeft(state, participantId, gallery.slide, gallery.activity),
      budgets: wallBudgetsOn(state, gallery.slide, gallery.activity),
      stickers: ownStickers(state, participantId, gallery.slide).map((s) => {
        const card = state.cards.get(rootCardId(state, s.cardId));
        return { id: s.id, cardId: card?.id ?? s.cardId, wall: s.wall, hidden: !!card?.hidden };
      }),
    },
  };
}

/** On the walk, everyone who has placed no sticker on it has the same `myStickers` (the walls' budgets, none placed). */
export function myStickersSameAs(state: SessionState, deck: Deck, participantId: string): string | undefined {
  const gallery = currentGallery(state, deck);
  if (!gallery || gallery.slide !== state.slide) return 'off-walk';
  return personOnWalk(state, participantId, gallery.slide) ? undefined : 'none-placed';
}

/** Every phone's `myStickers` while no gallery walk is on screen (null for all); undefined while one is, when each person's differs. */
export function myStickersAlike(state: SessionState, deck: Deck): Pick<PhoneOwnParts, 'myStickers'> | undefined {
  const gallery = currentGallery(state, deck);
  return !gallery || gallery.slide !== state.slide ? { myStickers: null } : undefined;
}

/** Per wall, what a person can spend there. */
function wallBudgetsOn(state: SessionState, slide: number, activity: GalleryWalk): Record<string, number> {
  const walk = state.gallery.walks.get(slide);
  return Object.fromEntries(walk ? walkBudgets(state, activity, walk) : budgetsBeforeFirstSticker(state, slide, activity));
}
