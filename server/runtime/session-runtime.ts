import type { Deck } from '../deck/deck-schema.js';
import type { Actor, DomainEvent, NewEvent } from '../domain/events.js';
import { applyEvent } from '../domain/reduce.js';
import { emptyState, type SessionState } from '../domain/session-state.js';
import type { SessionStore } from '../store/session-store.js';
import { DamagedLogError } from '../store/damaged-log.js';

export interface Decision<R> {
  events: NewEvent[];
  response: R;
}

export type EventListener = (events: DomainEvent[]) => void;

/**
 * One live session: its projection in memory and the log on disk. Node runs one command
 * at a time, and `execute` reads the projection, decides, commits and applies without
 * yielding, so two racing requests (two devices of one person, a retry) are decided one
 * after the other against the state the first one left.
 */
export class SessionRuntime {
  readonly state: SessionState;
  private readonly listeners = new Set<EventListener>();

  constructor(
    readonly id: string,
    readonly code: string,
    readonly deck: Deck,
    private readonly store: SessionStore,
    history: DomainEvent[] = [],
  ) {
    this.state = emptyState(id, code);
    for (const event of history) {
      try {
        applyEvent(this.state, event);
      } catch (error) {
        // Named by its position, so the operator learns which event stopped the replay.
        throw new DamagedLogError('event_rejected', event.seq, `(${event.type}) cannot be replayed: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Decides and commits one command. With an operation key, a command already applied
   * returns its first answer instead of applying again.
   */
  execute<R>(actor: Actor, opKey: string | undefined, decide: (state: SessionState) => Decision<R>): { response: R; replayed: boolean } {
    if (opKey !== undefined) {
      const earlier = this.store.findResponse(this.id, opKey);
      if (earlier !== undefined) return { response: earlier as R, replayed: true };
    }
    const { events, response } = decide(this.state);
    if (events.length === 0 && opKey === undefined) return { response, replayed: false };
    const committed = this.store.append(this.id, this.state.seq + 1, actor, events, Date.now(), opKey === undefined ? undefined : { key: opKey, response });
    for (const event of committed) applyEvent(this.state, event);
    if (committed.length > 0) for (const listener of this.listeners) listener(committed);
    return { response, replayed: false };
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
