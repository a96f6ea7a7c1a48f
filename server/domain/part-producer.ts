import type { Deck } from '../deck/deck-schema.js';
import type { SessionState } from './session-state.js';

/**
 * Some of a view's parts, with the kinds of event that can change them. The stream
 * rebuilds a producer's parts only after such an event, so a burst of stickers does not
 * re-serialise the room's 6,000 cards many times a second.
 *
 * `Parts` is the slice of a role's part map (server/contract/parts.ts) the producer makes,
 * so a producer that returns another shape fails the typecheck. A producer only reads the
 * state: whatever it sums, the reducers keep (it never caches or counts on the side).
 */
export interface PartProducer<Parts extends object = object> {
  /** Event type prefixes ('card.', 'sticker.'…) that can change these parts, or 'any'. */
  readonly changesWith: readonly string[] | 'any';
  produce(state: SessionState, deck: Deck): Parts;
}

/** Some of one phone's own parts, with the kinds of event that can change them. */
export interface OwnPartProducer<Parts extends object = object> {
  readonly changesWith: readonly string[];
  produce(state: SessionState, deck: Deck, participantId: string): Parts;
  /**
   * The parts when, in this state, they come out the same for every person (the sticker
   * budget while no gallery walk is on screen: null for all), else undefined. A slide
   * change then makes them once for the room instead of once per phone. Whatever it
   * returns must equal what `produce` makes for anyone in that state.
   */
  alike?(state: SessionState, deck: Deck): Parts | undefined;
  /**
   * A name shared by everyone whose parts come out the same in this state (on the gallery
   * walk, everyone who has placed no sticker there yet has the same budget), else
   * undefined. A slide change then makes the parts once per name instead of once per
   * person. Whatever it names must be what `produce` makes for each of those people.
   */
  sameAs?(state: SessionState, deck: Deck, participantId: string): string | undefined;
}

/** Whether any of these event types can change parts that name `changesWith`. */
export function changedBy(changesWith: readonly string[] | 'any', eventTypes: Iterable<string>): boolean {
  if (changesWith === 'any') return true;
  for (const type of eventTypes) if (changesWith.some((prefix) => type.startsWith(prefix))) return true;
  return false;
}

/** All producers' parts as one view (for callers that want the whole view at once). */
export function combine<Parts extends object>(producers: readonly PartProducer<Partial<Parts>>[], state: SessionState, deck: Deck): Partial<Parts> {
  return Object.assign({}, ...producers.map((p) => p.produce(state, deck)));
}
