import type { Deck } from '../deck/deck-schema.js';
import { liveContext, type CommandContext, type Decision } from '../domain/command.js';
import { DomainError } from '../domain/domain-error.js';
import type { Actor, DomainEvent, NewEvent } from '../domain/events.js';
import type { SessionState } from '../domain/session-state.js';
import { applyEvent, emptyState } from '../features/registry.js';
import type { SessionStore } from '../store/session-store.js';
import { DamagedLogError } from '../store/damaged-log.js';
import { keyReused } from '../domain/start-request.js';

export type { Decision };

/**
 * A write's client-made key (scoped to its caller) and a digest of what it asks: route
 * and path parameters, caller, and body. A key comes back with its first answer only if
 * the digest matches; otherwise it is being reused for another request.
 */
export interface Operation {
  readonly key: string;
  readonly digest: string;
}

/**
 * What one session may store, counted over its whole log, so one room (or someone filling
 * it on purpose) cannot take the server's memory: a session at these caps holds at most
 * about 90 MB of it. A 2,000-person Module 1 in which everyone writes everything stores
 * less than half of either (README, "Limits"). Facilitators' own writes are never refused
 * by it, so a full session can still be moved on, closed and exported. (Not frozen: a
 * test lowers it to reach it.)
 */
export const SESSION_LIMITS: { events: number; dataChars: number } = { events: 250_000, dataChars: 32_000_000 };

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
  /** Characters of event data in the log (the JSON of every event's data), for SESSION_LIMITS. */
  private dataChars = 0;

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
        applyEvent(this.state, event, deck);
      } catch (error) {
        // Named by its position, so the operator learns which event stopped the replay.
        throw new DamagedLogError('event_rejected', event.seq, `(${event.type}) cannot be replayed: ${(error as Error).message}`);
      }
      this.dataChars += JSON.stringify(event.data).length;
    }
  }

  /**
   * Decides and commits one command. With an operation, a command already applied returns
   * its first answer instead of applying again, if it asks the same thing (422 if the key
   * was used for another request; 409 if the stored answer cannot be read). The command
   * gets the time, ids and chance it needs from `context` (by default the live ones), and
   * its events carry that time.
   */
  execute<R>(
    actor: Actor,
    op: Operation | undefined,
    decide: (state: SessionState, context: CommandContext) => Decision<R>,
    context: CommandContext = liveContext(),
  ): { response: R; replayed: boolean } {
    if (op !== undefined) {
      const earlier = this.store.findAnswer(this.id, op.key);
      if (earlier === 'lost') {
        throw new DomainError(
          409,
          'idempotency_answer_lost',
          'This request was applied before, but the answer stored for it is damaged and cannot be sent again. Nothing was applied twice; reload to see where things stand.',
        );
      }
      if (earlier !== undefined) {
        // Answers stored before digests were kept (digest null) are taken to match.
        if (earlier.digest !== null && earlier.digest !== op.digest) {
          throw keyReused();
        }
        return { response: earlier.response as R, replayed: true };
      }
    }
    const { events, response, afterCommit } = decide(this.state, context);
    if (events.length === 0 && op === undefined) {
      afterCommit?.();
      return { response, replayed: false };
    }
    const added = events.length === 0 ? 0 : this.checkRoom(actor, events);
    const committed = this.store.append(
      this.id,
      this.state.seq + 1,
      actor,
      events,
      context.now,
      op === undefined ? undefined : { key: op.key, digest: op.digest, response },
    );
    this.dataChars += added;
    for (const event of committed) applyEvent(this.state, event, this.deck);
    if (committed.length > 0) for (const listener of this.listeners) listener(committed);
    afterCommit?.();
    return { response, replayed: false };
  }

  /** Refuses a participant's (or a join's) events that would take the session past SESSION_LIMITS; returns their size. */
  private checkRoom(actor: Actor, events: NewEvent[]): number {
    let chars = 0;
    for (const event of events) chars += JSON.stringify(event.data).length;
    const staff = actor.role === 'lead' || actor.role === 'support';
    if (!staff && (this.state.seq + events.length > SESSION_LIMITS.events || this.dataChars + chars > SESSION_LIMITS.dataChars)) {
      throw new DomainError(
        409,
        'session_full',
        `This session has stored all it may (${SESSION_LIMITS.events.toLocaleString('en')} changes, or ${(SESSION_LIMITS.dataChars / 1e6).toLocaleString('en')} million characters of data). Nothing more can be added; the facilitators can still run and export it.`,
      );
    }
    return chars;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
