/**
 * Every change to a session is one of these events, appended to the session's log with
 * a monotonic sequence number and committed before the request is answered. Feature
 * files add their own event types by merging into EventMap:
 *
 *   declare module './events.js' { interface EventMap { 'timer.started': { … } } }
 */
import type { StaffRole, StakeholderGroup } from '../contract/parts.js';

/** The groups are part of the wire contract: the pages list them too. */
export { STAKEHOLDER_GROUPS, type StakeholderGroup, type StaffRole } from '../contract/parts.js';

export type Role = StaffRole | 'participant';

export interface Actor {
  role: Role | 'system';
  participantId?: string;
}

export interface EventMap {
  'session.started': { deckId: string; schoolName: string };
  'participant.joined': { participantId: string; name: string; group: StakeholderGroup };
  'participant.updated': { participantId: string; name: string; group: StakeholderGroup };
  'slide.shown': { slide: number };
  /** The lead starts the workshop clock (or starts it again, from now): pacing counts from here. */
  'workshop.clock-started': Record<string, never>;
  'control.passed': { holder: StaffRole };
  'banner.set': { visible: boolean };
  'activity.closed': { slide: number };
  'activity.reopened': { slide: number };
  'answer.given': { answerId: string; participantId: string; slide: number; text: string };
  'answer.withdrawn': { answerId: string };
  'answer.hidden': { answerId: string; hidden: boolean };
  'card.written': {
    cardId: string;
    /** null for a paper card typed in by a facilitator. */
    participantId: string | null;
    wall: string;
    slide: number;
    text: string;
    /** Both sides of a two-sided card share a pair id. */
    pairId?: string;
    paper?: boolean;
  };
  'card.revised': { cardId: string; text: string; slide: number };
  'card.withdrawn': { cardId: string };
  'card.hidden': { cardId: string; hidden: boolean };
}

export type EventType = keyof EventMap;

export type NewEvent = { [K in EventType]: { type: K; data: EventMap[K] } }[EventType];

export type DomainEvent = NewEvent & { seq: number; at: number; actor: Actor };

export function event<K extends EventType>(type: K, data: EventMap[K]): NewEvent {
  return { type, data } as NewEvent;
}
