import type { Deck } from '../deck/deck-schema.js';
import type { DomainEvent } from '../domain/events.js';
import { reducerOf } from '../domain/reducer.js';
import { coreState, type SessionState } from '../domain/session-state.js';
import type { Feature } from './feature.js';
import { FEATURES } from './index.js';

/**
 * What the rest of the server needs from the list of features, put together once: the
 * session's empty state, the reducer, and which events a phone treats specially. The
 * views are in views.ts and the routes in routes.ts.
 */
export const features: readonly Feature[] = FEATURES;

/** A session's projection before its log's first event: the core and every feature's empty slice. */
export function emptyState(sessionId: string, code: string): SessionState {
  return Object.assign(coreState(sessionId, code), ...features.map((feature) => feature.emptyState?.() ?? {})) as SessionState;
}

const reduce = reducerOf(features.map((feature) => feature.reducers));

/** Applies one committed event to the projection. The same function serves live updates and replay. */
export function applyEvent(state: SessionState, event: DomainEvent, deck: Deck): void {
  reduce(state, event, deck);
}

/** Events a participant causes that change other participants' own parts (their group's turn, say). */
export const SEEN_BY_OTHERS: ReadonlySet<string> = new Set(features.flatMap((feature) => feature.seenByOthers ?? []));

/** Events a phone shows at once from its write's answer; their echo to the person's own phones is paced. */
export const SHOWN_AT_ONCE_BY_PHONE: ReadonlySet<string> = new Set(features.flatMap((feature) => feature.shownAtOnceByPhone ?? []));
