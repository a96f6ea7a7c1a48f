import type { Deck } from '../deck/deck-schema.js';
import type { Actor, DomainEvent, EventMap, EventType } from './events.js';
import type { SessionState } from './session-state.js';

/** What a reducer knows of an event besides its data, and the deck the session runs. */
export interface EventContext {
  seq: number;
  at: number;
  actor: Actor;
  /**
   * The session's deck: a reducer that keeps running sums reads its limits (stickers per
   * wall) from it. The projection is a function of the deck and the log, nothing else.
   */
  deck: Deck;
}

/**
 * A feature's reducers: how some event types change the projection. A feature may also
 * follow another feature's events (the round robin follows the line-up's groups); for one
 * event, reducers run in the order of the feature list (server/features/index.ts), so the
 * feature that owns an event is listed before those that follow it and they see its change.
 */
export type Reducers = {
  [K in EventType]?: (state: SessionState, data: EventMap[K], context: EventContext) => void;
};

type AnyReducer = (state: SessionState, data: unknown, context: EventContext) => void;

/**
 * One function that applies a committed event to the projection, from every feature's
 * reducers. The same function serves live updates and replay.
 */
export function reducerOf(tables: readonly (Reducers | undefined)[]): (state: SessionState, event: DomainEvent, deck: Deck) => void {
  const byType = new Map<string, AnyReducer[]>();
  for (const table of tables) {
    for (const [type, reducer] of Object.entries(table ?? {})) {
      const list = byType.get(type) ?? [];
      list.push(reducer as AnyReducer);
      byType.set(type, list);
    }
  }
  return (state, event, deck) => {
    if (event.type === 'session.started') {
      state.deckId = event.data.deckId;
      state.schoolName = event.data.schoolName;
      state.startedAt = event.at;
      state.startRequest = event.data.request ?? null;
    }
    const reducers = byType.get(event.type);
    if (reducers) {
      const context: EventContext = { seq: event.seq, at: event.at, actor: event.actor, deck };
      for (const reducer of reducers) reducer(state, event.data, context);
    }
    state.seq = event.seq;
  };
}
