import type { DomainEvent } from './events.js';
import type { SessionState } from './session-state.js';
import type { Reducers } from './reducers/reducer-types.js';
import { sessionReducers } from './reducers/session-reducers.js';
import { participantReducers } from './reducers/participant-reducers.js';
import { cardReducers } from './reducers/card-reducers.js';
import { answerReducers } from './reducers/answer-reducers.js';
import { galleryReducers } from './reducers/gallery-reducers.js';
import { movesReducers } from './reducers/moves-reducers.js';
import { preparationReducers } from '../features/preparation/preparation-reducers.js';

/** Every slice's reducers in one table; a feature adds its slice here. */
const allReducers: Reducers = {
  ...sessionReducers,
  ...participantReducers,
  ...cardReducers,
  ...answerReducers,
  ...galleryReducers,
  ...movesReducers,
  ...preparationReducers,
};

/** Applies one committed event to the projection. The same function serves live updates and replay. */
export function applyEvent(state: SessionState, event: DomainEvent): void {
  const reducer = allReducers[event.type] as ((s: SessionState, d: unknown, c: object) => void) | undefined;
  reducer?.(state, event.data, { seq: event.seq, at: event.at, actor: event.actor });
  const kind = event.type.slice(0, event.type.indexOf('.'));
  state.versions.set(kind, (state.versions.get(kind) ?? 0) + 1);
  state.seq = event.seq;
}
