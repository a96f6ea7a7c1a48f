import type { ActivityOf, Deck } from '../deck/deck-schema.js';
import { isActivityOpen } from './commands/activity-rules.js';
import type { StakeholderGroup } from './events.js';
import type { Sticker } from './gallery-state.js';
import type { Card, SessionState } from './session-state.js';

/**
 * Pure questions about the gallery walk, asked by commands and views alike. Nothing here
 * is stored: budgets, progress and tallies are always counted from the stickers themselves.
 */

export type GalleryWalk = ActivityOf<'gallery-walk'>;

/** The card a card's stickers count for: itself, or the card it was merged into (followed to the end). */
export function rootCardId(state: SessionState, cardId: string): string {
  if (state.gallery.mergedInto.size === 0) return cardId;
  let id = cardId;
  for (let hops = 0; hops < 100; hops++) {
    const next = state.gallery.mergedInto.get(id);
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

/** A sticker counts in a tally when its card (after merges) is on show. */
export function countsInTally(state: SessionState, sticker: Sticker): boolean {
  const card = state.cards.get(rootCardId(state, sticker.cardId));
  return !!card && !card.withdrawn && !card.hidden;
}

/** One participant's stickers on a gallery slide that spend their budget. */
export function ownStickers(state: SessionState, participantId: string, slide: number): readonly Sticker[] {
  return personSummary(state, participantId, slide).stickers;
}

/** Stickers left per wall for one participant: of what they can actually spend there (see wallBudgets). */
export function stickersLeft(state: SessionState, participantId: string, slide: number, activity: GalleryWalk): Record<string, number> {
  const person = personSummary(state, participantId, slide);
  return Object.fromEntries(activity.walls.map((w) => [w, Math.max(0, personBudget(state, activity, person, w) - (person.byWall.get(w) ?? 0))]));
}

/** What this person can spend on a wall: the wall's budget, plus their stickers still on cards taken off it (hidden), which they can take back. */
function personBudget(state: SessionState, activity: GalleryWalk, person: PersonSummary, wall: string): number {
  return Math.min(activity.stickersPerWall, wallBudgets(state, activity).get(wall)! + (person.offShow.get(wall) ?? 0));
}

const budgetCaches = new WeakMap<SessionState, { cardVersion: number; activity: GalleryWalk; budgets: Map<string, number> }>();

/**
 * What one person can actually spend on each wall: the deck's stickers per wall, or fewer
 * when hiding and merging left fewer cards than that (each card takes at most maxPerCard
 * of one person's stickers). A person who has placed this many is done on that wall.
 */
export function wallBudgets(state: SessionState, activity: GalleryWalk): Map<string, number> {
  const cardVersion = state.versions.get('card') ?? 0;
  const cached = budgetCaches.get(state);
  if (cached && cached.cardVersion === cardVersion && cached.activity === activity) return cached.budgets;
  const cards = new Map<string, number>(activity.walls.map((w) => [w, 0]));
  for (const card of state.cards.values()) if (cards.has(card.wall) && isVotableCard(state, card)) cards.set(card.wall, cards.get(card.wall)! + 1);
  const budgets = new Map(activity.walls.map((w) => [w, Math.min(activity.stickersPerWall, cards.get(w)! * activity.maxPerCard)]));
  budgetCaches.set(state, { cardVersion, activity, budgets });
  return budgets;
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

/**
 * The room's stickers summed for the progress part and the equity of voice. The deck asks
 * for this many times a second during the walk, so the sums are kept and corrected for
 * just the people whose stickers changed since the last time (the reducers list them in
 * `changedParticipants`); any change of cards, people or slide sums everyone again.
 */
export function stickerSummary(state: SessionState, slide: number, activity: GalleryWalk) {
  const key = `${slide}:${state.versions.get('card') ?? 0}:${state.versions.get('participant') ?? 0}`;
  const changes = state.gallery.changedParticipants;
  let sums = roomSums.get(state);
  let visit: Iterable<string>;
  if (!sums || sums.key !== key) {
    sums = { key, seen: 0, counted: new Map(), stickersPlaced: 0, people: Object.fromEntries(activity.walls.map((w) => [w, 0])), peopleDone: 0, spentByGroup: new Map() };
    roomSums.set(state, sums);
    visit = [...state.gallery.stickersByParticipant.keys()];
  } else {
    visit = new Set(changes.slice(sums.seen));
  }
  sums.seen = changes.length;
  for (const participantId of visit) {
    const before = sums.counted.get(participantId);
    if (before) addPerson(state, sums, participantId, before, activity, -1);
    const after = personSummary(state, participantId, slide);
    if (after.placed > 0) {
      addPerson(state, sums, participantId, after, activity, 1);
      sums.counted.set(participantId, after);
    } else {
      sums.counted.delete(participantId);
    }
  }
  const paper: Sticker[] = [];
  for (const id of state.gallery.paperStickerIds) {
    const sticker = state.gallery.stickers.get(id);
    if (sticker && sticker.slide === slide) paper.push(sticker);
  }
  return {
    stickersPlaced: sums.stickersPlaced + paper.length,
    people: { ...sums.people },
    peopleDone: sums.peopleDone,
    /** Stickers spent by participants, by their stakeholder group. */
    spentByGroup: new Map(sums.spentByGroup),
    paper,
  };
}

interface RoomSums {
  key: string;
  /** How much of `changedParticipants` is already in the sums. */
  seen: number;
  /** Each person's summary as it was added in. */
  counted: Map<string, PersonSummary>;
  stickersPlaced: number;
  people: Record<string, number>;
  peopleDone: number;
  spentByGroup: Map<StakeholderGroup | 'paper', number>;
}

const roomSums = new WeakMap<SessionState, RoomSums>();

/** Adds (sign 1) or takes away (sign -1) one person's part of the room's sums. */
function addPerson(state: SessionState, sums: RoomSums, participantId: string, person: PersonSummary, activity: GalleryWalk, sign: 1 | -1): void {
  sums.stickersPlaced += sign * person.placed;
  let all = true;
  for (const wall of activity.walls) {
    if ((person.byWall.get(wall) ?? 0) >= personBudget(state, activity, person, wall)) sums.people[wall] += sign;
    else all = false;
  }
  if (all) sums.peopleDone += sign;
  const group = state.participants.get(participantId)?.group ?? 'paper';
  sums.spentByGroup.set(group, (sums.spentByGroup.get(group) ?? 0) + sign * person.spent);
}

interface PersonSummary {
  version: number;
  /** Stickers placed on the slide, spending or not. */
  placed: number;
  /** The stickers that spend the budget (their card was not withdrawn), and how many per wall. */
  stickers: Sticker[];
  spent: number;
  byWall: Map<string, number>;
  /** Per wall, spending stickers on cards no longer on show (hidden or merged away). */
  offShow: Map<string, number>;
}

/**
 * One person's stickers on a slide, summed once and cached until their stickers or any
 * card change (a withdrawn or merged card changes whose budget a sticker spends). The
 * budget check, the phone's own part and the deck's progress all ask this many times a
 * second in a burst; each asks the same cached answer.
 */
const summaryCaches = new WeakMap<SessionState, { slide: number; cardVersion: number; people: Map<string, PersonSummary> }>();

export function personSummary(state: SessionState, participantId: string, slide: number): PersonSummary {
  const cardVersion = state.versions.get('card') ?? 0;
  let cache = summaryCaches.get(state);
  if (!cache || cache.slide !== slide || cache.cardVersion !== cardVersion) {
    cache = { slide, cardVersion, people: new Map() };
    summaryCaches.set(state, cache);
  }
  const version = state.gallery.participantVersions.get(participantId) ?? 0;
  let person = cache.people.get(participantId);
  if (!person || person.version !== version) {
    person = summarisePerson(state, state.gallery.stickersByParticipant.get(participantId)?.values() ?? [], slide, version);
    cache.people.set(participantId, person);
  }
  return person;
}

function summarisePerson(state: SessionState, stickers: Iterable<Sticker>, slide: number, version: number): PersonSummary {
  const byWall = new Map<string, number>();
  const offShow = new Map<string, number>();
  const spending: Sticker[] = [];
  let placed = 0;
  for (const sticker of stickers) {
    if (sticker.slide !== slide) continue;
    placed++;
    if (!spendsBudget(state, sticker)) continue;
    spending.push(sticker);
    byWall.set(sticker.wall, (byWall.get(sticker.wall) ?? 0) + 1);
    const card = state.cards.get(sticker.cardId);
    if (card && !isVotableCard(state, card) && !state.gallery.mergedInto.has(card.id)) offShow.set(sticker.wall, (offShow.get(sticker.wall) ?? 0) + 1);
  }
  return { version, placed, stickers: spending, spent: spending.length, byWall, offShow };
}

/** Progress without tallies: stickers placed, and per wall how many people have placed all of theirs. */
export function galleryProgress(state: SessionState, slide: number, activity: GalleryWalk, summary = stickerSummary(state, slide, activity)) {
  return {
    slide,
    open: votingOpen(state, slide),
    revealed: state.gallery.revealed.has(slide),
    stickersPlaced: summary.stickersPlaced,
    people: summary.people,
    /** People who have placed every sticker on every wall. */
    peopleDone: summary.peopleDone,
    participants: state.participants.size,
    stickersPerWall: activity.stickersPerWall,
    maxPerCard: activity.maxPerCard,
    /** Per wall, what a person can spend there (fewer than stickersPerWall on a short wall). */
    budgets: Object.fromEntries(wallBudgets(state, activity)),
  };
}
