import type { StartRequest } from './start-request.js';

/**
 * Every change to a session is one of these events, appended to the session's log with
 * a monotonic sequence number and committed before the request is answered. Only the
 * session's own start is declared here; each feature declares its events in its folder
 * (server/features/<feature>/<feature>-events.ts) by merging into EventMap:
 *
 *   declare module '../../domain/events.js' { interface EventMap { 'timer.started': { … } } }
 *
 * An event type is `<kind>.<what happened>`; view producers name the kinds that change
 * them (server/domain/part-producer.ts), so the kind before the dot matters.
 */
import type { StaffRole } from '../contract/parts.js';

/** The groups are part of the wire contract: the pages name them too. */
export type { StakeholderGroup, StaffRole } from '../contract/parts.js';

/**
 * `coach`: follows a session read-only and marks its fidelity checklist (issue 15).
 * `coordinator`: the district coordinator, whose one key reads every school's programs.
 */
export type Role = StaffRole | 'participant' | 'coach' | 'coordinator';

export interface Actor {
  role: Role | 'system';
  participantId?: string;
}

export interface EventMap {
  /** `request`: the operator's Idempotency-Key and request digest, when the start was sent with one. */
  'session.started': { deckId: string; schoolName: string; request?: StartRequest };
}

export type EventType = keyof EventMap;

export type NewEvent = { [K in EventType]: { type: K; data: EventMap[K] } }[EventType];

export type DomainEvent = NewEvent & { seq: number; at: number; actor: Actor };

export function event<K extends EventType>(type: K, data: EventMap[K]): NewEvent {
  return { type, data } as NewEvent;
}
