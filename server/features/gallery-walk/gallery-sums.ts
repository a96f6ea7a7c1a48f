import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import type { ActivityOf } from '../../deck/deck-schema.js';
import { isVotableCard, rootCardId, spendsBudget } from './gallery-model.js';
import type { GalleryState, PersonStickers, Sticker, VoiceGroup, WalkSums } from './gallery-state.js';

/**
 * How the gallery reducers keep their running sums. Each sum is corrected for just what an
 * event changed: a sticker corrects its placer's part of the walk's sums; the rare events
 * that change whose budget a sticker spends (a card withdrawn, merged or unmerged) correct
 * every person's part. A person's part is recomputed from their own stickers and swapped
 * for what they added before, so the sums always equal a count from scratch (the test
 * sticker-progress.test.ts replays the log to check that).
 */

/** The walk of a gallery slide, made empty on first use. */
export function walkOn(gallery: GalleryState, slide: number): WalkSums {
  let walk = gallery.walks.get(slide);
  if (!walk) {
    walk = { slide, people: new Map(), placed: 0, fullByWall: new Map(), peopleDone: 0, spentByGroup: new Map(), paper: new Map(), onCard: new Map(), budgets: null };
    gallery.walks.set(slide, walk);
  }
  return walk;
}

/** A person's record on a walk, made empty on first use. */
export function personOn(walk: WalkSums, participantId: string): PersonStickers {
  let person = walk.people.get(participantId);
  if (!person) walk.people.set(participantId, (person = { placed: new Map(), spending: [], byWall: new Map(), offShowByWall: new Map(), counted: null }));
  return person;
}

function add<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Recomputes one person's stickers on a walk and swaps their part of the walk's sums. */
export function recountPerson(state: SessionState, deck: Deck, walk: WalkSums, participantId: string): void {
  const person = walk.people.get(participantId);
  if (!person) return;
  person.spending = [...person.placed.values()].filter((sticker) => spendsBudget(state, sticker));
  person.byWall = new Map();
  person.offShowByWall = new Map();
  for (const sticker of person.spending) {
    add(person.byWall, sticker.wall, 1);
    if (state.cards.get(rootCardId(state, sticker.cardId))?.hidden) add(person.offShowByWall, sticker.wall, 1);
  }
  if (person.placed.size === 0) {
    uncount(walk, person);
    walk.people.delete(participantId);
    return;
  }
  recount(state, deck, walk, participantId, person);
}

/**
 * A sticker the person just placed (already in `placed`). It went on a card on show, as
 * placeSticker checks, so it spends and is not on a card taken off: it is added to the
 * person's stickers instead of their every sticker being looked at again (this runs for
 * each of a district walk's thousands of stickers a second). Anything else is recounted.
 */
export function addPlacedSticker(state: SessionState, deck: Deck, walk: WalkSums, participantId: string, sticker: Sticker): void {
  const person = walk.people.get(participantId);
  const card = state.cards.get(rootCardId(state, sticker.cardId));
  if (!person || !card || card.withdrawn || card.hidden) return recountPerson(state, deck, walk, participantId);
  person.spending.push(sticker);
  add(person.byWall, sticker.wall, 1);
  recount(state, deck, walk, participantId, person);
}

/** Takes the person's last counted part out of the walk's sums. */
function uncount(walk: WalkSums, person: PersonStickers): void {
  const before = person.counted;
  if (!before) return;
  walk.placed -= before.placed;
  add(walk.spentByGroup, before.group, -before.spent);
  for (const wall of before.fullWalls) add(walk.fullByWall, wall, -1);
  if (before.done) walk.peopleDone--;
  person.counted = null;
}

/** Counts the person's part from their stickers' sums (`spending`, `byWall`, `offShowByWall`) and swaps it into the walk's sums. */
function recount(state: SessionState, deck: Deck, walk: WalkSums, participantId: string, person: PersonStickers): void {
  uncount(walk, person);
  const activity = deck.slides[walk.slide - 1]?.activity;
  const walls = activity?.kind === 'gallery-walk' ? activity.walls : [];
  // Done on a wall is having spent what one can spend there: a short wall takes fewer.
  const fullWalls = activity?.kind === 'gallery-walk' ? walls.filter((wall) => (person.byWall.get(wall) ?? 0) >= personBudget(state, activity, walk, person, wall)) : [];
  const counted = {
    group: state.participants.get(participantId)?.group ?? ('paper'),
    placed: person.placed.size,
    spent: person.spending.length,
    fullWalls,
    done: fullWalls.length === walls.length,
  };
  walk.placed += counted.placed;
  add(walk.spentByGroup, counted.group, counted.spent);
  for (const wall of fullWalls) add(walk.fullByWall, wall, 1);
  if (counted.done) walk.peopleDone++;
  person.counted = counted;
}

/** The walk's budget per wall (see WalkSums.budgets), counted from the cards on show when first asked after a change. */
export function walkBudgets(state: SessionState, activity: ActivityOf<'gallery-walk'>, walk: WalkSums): Map<string, number> {
  walk.budgets ??= budgetsFromCards(state, activity);
  return walk.budgets;
}

/**
 * The walls' budgets before the walk's first sticker (there are no sums to keep them yet),
 * counted once per log position: when the slide changes to the walk, every phone whose own
 * parts are made in that update asks for them (in a district's room, hundreds of people
 * whose last card was still on its way, each count reading all 30,000 cards). Every change
 * to the cards is an event, so the same position means the same cards.
 */
const countedBeforeFirstSticker = new WeakMap<SessionState, { seq: number; slide: number; budgets: Map<string, number> }>();

export function budgetsBeforeFirstSticker(state: SessionState, slide: number, activity: ActivityOf<'gallery-walk'>): Map<string, number> {
  const counted = countedBeforeFirstSticker.get(state);
  if (counted && counted.seq === state.seq && counted.slide === slide) return counted.budgets;
  const budgets = budgetsFromCards(state, activity);
  countedBeforeFirstSticker.set(state, { seq: state.seq, slide, budgets });
  return budgets;
}

/**
 * Per wall, what anyone can spend there: the deck's number, or less on a wall with too few
 * cards on show to take it. Also what a phone shows before the first sticker of the walk
 * (when there are no sums yet), so its count does not drop when someone else places one.
 */
export function budgetsFromCards(state: SessionState, activity: ActivityOf<'gallery-walk'>): Map<string, number> {
  const onShow = new Map<string, number>(activity.walls.map((w) => [w, 0]));
  for (const card of state.cards.values()) if (onShow.has(card.wall) && isVotableCard(state, card)) add(onShow, card.wall, 1);
  return new Map(activity.walls.map((w) => [w, Math.min(activity.stickersPerWall, onShow.get(w)! * activity.maxPerCard)]));
}

/**
 * What one person can spend on a wall: the wall's budget, plus their stickers still on a
 * card taken off it (hidden), which spend until they take them back. (Hiding, merging or
 * withdrawing a card recounts every person, so `offShowByWall` is always current.)
 */
export function personBudget(state: SessionState, activity: ActivityOf<'gallery-walk'>, walk: WalkSums, person: PersonStickers, wall: string): number {
  return Math.min(activity.stickersPerWall, walkBudgets(state, activity, walk).get(wall)! + (person.offShowByWall.get(wall) ?? 0));
}

/** After a card was written, hidden, withdrawn, merged or unmerged: budgets, and which card each sticker counts for, may have changed. */
export function recountWalks(state: SessionState, deck: Deck): void {
  for (const walk of state.gallery.walks.values()) {
    walk.budgets = null;
    for (const participantId of [...walk.people.keys()]) recountPerson(state, deck, walk, participantId);
    walk.onCard = new Map();
    for (const person of walk.people.values()) for (const sticker of person.placed.values()) countOnCard(state, walk, sticker.cardId, false, 1);
    for (const sticker of walk.paper.values()) countOnCard(state, walk, sticker.cardId, true, 1);
  }
}

/** Adds (1) or takes back (−1) a sticker on the card it counts for. */
export function countOnCard(state: SessionState, walk: WalkSums, cardId: string, paper: boolean, by: 1 | -1): void {
  const root = rootCardId(state, cardId);
  const entry = walk.onCard.get(root) ?? { all: 0, paper: 0 };
  entry.all += by;
  if (paper) entry.paper += by;
  walk.onCard.set(root, entry);
}

/**
 * Recounts one card for the equity of voice: a card on show counts for its author's
 * stakeholder group (a paper card for the group the facilitator gave, else "paper").
 */
export function recountCardVoice(state: SessionState, cardId: string): void {
  const { gallery } = state;
  const card = state.cards.get(cardId);
  const group = card && !card.withdrawn && !card.hidden ? voiceOf(state, cardId) : null;
  const before = gallery.cardGroups.get(cardId) ?? null;
  if (before === group) return;
  if (before) add(gallery.cardsByGroup, before, -1);
  if (group) {
    add(gallery.cardsByGroup, group, 1);
    gallery.cardGroups.set(cardId, group);
  } else {
    gallery.cardGroups.delete(cardId);
  }
}

/** The group a card speaks for: its author's, a paper card's given group, or "paper". */
export function voiceOf(state: SessionState, cardId: string): VoiceGroup {
  const card = state.cards.get(cardId);
  if (!card) return 'paper';
  if (card.authorId) return state.participants.get(card.authorId)?.group ?? 'paper';
  return state.gallery.paperGroups.get(card.id) ?? 'paper';
}
