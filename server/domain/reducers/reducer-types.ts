import type { Actor, EventMap, EventType } from '../events.js';
import type { SessionState } from '../session-state.js';

export interface EventContext {
  seq: number;
  at: number;
  actor: Actor;
}

/** A slice of the reducer: how some event types change the projection. */
export type Reducers = {
  [K in EventType]?: (state: SessionState, data: EventMap[K], context: EventContext) => void;
};
