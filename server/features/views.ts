import type { ActivityKind, ActivityOf, Deck } from '../deck/deck-schema.js';
import type { MyMovesPart, PhoneOwnParts, PhoneSharedParts, StaffParts } from '../contract/parts.js';
import { changedBy, combine, type OwnPartProducer, type PartProducer } from '../domain/part-producer.js';
import type { SessionState } from '../domain/session-state.js';
import { features } from './registry.js';

/**
 * Each role's live view, from every feature's producers (server/contract/parts.ts names
 * the parts). Two phone parts are made by several features together: `move`, the
 * room-wide state of the current slide's activity (made by the feature that runs its kind),
 * and `myMoves`, a person's own line-up, group, votes, reflections and feedback (each
 * feature fills its fields).
 */

/** The facilitators' view in producers; each names the events that change its parts. */
export const staffProducers: readonly PartProducer<Partial<StaffParts>>[] = features.flatMap((feature) => feature.staffProducers ?? []);

const moveOfKind = new Map(
  features.flatMap((feature) => (feature.phoneMove ? (feature.deckKinds ?? []).map((kind) => [kind, feature.phoneMove!] as const) : [])),
);

/** The current slide's `move`, from the feature that runs its activity's kind. */
const moveProducer: PartProducer<Pick<PhoneSharedParts, 'move'>> = {
  changesWith: 'any',
  produce(state: SessionState, deck: Deck) {
    const activity = deck.slides[state.slide - 1]?.activity;
    const move = activity ? moveOfKind.get(activity.kind) : undefined;
    return { move: move ? move(state, deck, state.slide, activity as ActivityOf<ActivityKind>) : null };
  },
};

/**
 * What every phone sees alike, in producers. The walls' cards (hundreds of KB in a
 * district-sized room) change only with cards, the walk's own events, the slide or an
 * activity opening; the hub makes these once per update for every phone.
 */
export const phoneSharedProducers: readonly PartProducer<Partial<PhoneSharedParts>>[] = [
  ...features.flatMap((feature) => feature.phoneSharedProducers ?? []),
  moveProducer,
];

const myMovesFillers = features.flatMap((feature) => (feature.myMoves ? [feature.myMoves] : []));

/** A phone's `myMoves`, filled by each feature that keeps something of the person's own. */
const myMovesProducer: OwnPartProducer<Pick<PhoneOwnParts, 'myMoves'>> = {
  changesWith: [...new Set(['session.', ...myMovesFillers.flatMap((filler) => filler.changesWith)])],
  produce(state, deck, participantId) {
    const mine: MyMovesPart = { lineupAnswered: false, group: null, votes: {}, reflections: {}, feedback: {} };
    for (const filler of myMovesFillers) filler.fill(state, deck, participantId, mine);
    return { myMoves: mine };
  },
};

/**
 * A phone's own parts in producers. When only the phone's own person acted (a sticker, a
 * card, a vote), the hub rebuilds just the producers those events can change: in a burst
 * of stickers that is the phone's sticker budget, not its cards and groups. A facilitator's
 * or the system's events do the same for every phone: a slide change rebuilds only the
 * producers that name 'slide.'. So each producer must name every event prefix it reads.
 */
export const phoneOwnProducers: readonly OwnPartProducer<Partial<PhoneOwnParts>>[] = [
  ...features.flatMap((feature) => feature.phoneOwnProducers ?? []),
  myMovesProducer,
];

/** The lead's and the support facilitator's whole view. */
export function staffView(state: SessionState, deck: Deck): Partial<StaffParts> {
  return combine<StaffParts>(staffProducers, state, deck);
}

/** What every phone sees alike, whole. */
export function participantSharedView(state: SessionState, deck: Deck): Partial<PhoneSharedParts> {
  return combine<PhoneSharedParts>(phoneSharedProducers, state, deck);
}

/** What only this participant sees, whole. */
export function participantOwnView(state: SessionState, deck: Deck, participantId: string): Partial<PhoneOwnParts> {
  return ownParts(state, deck, participantId, phoneOwnProducers);
}

/** The own producers that events of these types can change. */
function ownProducersChangedBy(eventTypes: ReadonlySet<string>): OwnPartProducer<Partial<PhoneOwnParts>>[] {
  return phoneOwnProducers.filter((p) => changedBy(p.changesWith, eventTypes));
}

/**
 * What events that touch every phone (a facilitator's or the system's, like a slide change)
 * change in the phones' own parts: the parts that come out alike for everyone in this state,
 * made once for the room, and the producers that must still run once per person. A slide
 * change off the gallery walk is all alike: no phone's own parts are made at all.
 */
export function everyonesOwnParts(
  state: SessionState,
  deck: Deck,
  eventTypes: ReadonlySet<string>,
): { alike: Partial<PhoneOwnParts>; perPerson: readonly OwnPartProducer<Partial<PhoneOwnParts>>[] } {
  const alike: Partial<PhoneOwnParts> = {};
  const perPerson: OwnPartProducer<Partial<PhoneOwnParts>>[] = [];
  for (const producer of ownProducersChangedBy(eventTypes)) {
    const same = producer.alike?.(state, deck);
    if (same) Object.assign(alike, same);
    else perPerson.push(producer);
  }
  return { alike, perPerson };
}

/**
 * A name for this person's parts from these producers that everyone with the same name
 * shares (see OwnPartProducer.sameAs), or undefined when any of them is the person's own.
 */
export function sameOwnPartsAs(
  state: SessionState,
  deck: Deck,
  participantId: string,
  producers: readonly OwnPartProducer<Partial<PhoneOwnParts>>[],
): string | undefined {
  if (!state.participants.has(participantId)) return undefined;
  let name = '';
  for (const producer of producers) {
    const same = producer.sameAs?.(state, deck, participantId);
    if (same === undefined) return undefined;
    name += `${same};`;
  }
  return name;
}

/** A person's own parts from these producers, and those that their own events of `ownTypes` can change. */
export function participantOwnParts(
  state: SessionState,
  deck: Deck,
  participantId: string,
  producers: readonly OwnPartProducer<Partial<PhoneOwnParts>>[],
  ownTypes?: ReadonlySet<string>,
): Partial<PhoneOwnParts> {
  const mine = ownTypes ? ownProducersChangedBy(ownTypes) : [];
  return ownParts(state, deck, participantId, producers.length === 0 ? mine : [...new Set([...producers, ...mine])]);
}

function ownParts(
  state: SessionState,
  deck: Deck,
  participantId: string,
  producers: readonly OwnPartProducer<Partial<PhoneOwnParts>>[],
): Partial<PhoneOwnParts> {
  if (!state.participants.has(participantId)) return { me: null, myStickers: null };
  return Object.assign({}, ...producers.map((p) => p.produce(state, deck, participantId)));
}
