import type { Deck } from '../../deck/deck-schema.js';
import type { DomainEvent, Role } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { staffProducers } from '../../features/views.js';
import { AdaptiveThrottle } from './adaptive-throttle.js';
import { changedParts, encodeFrame, joinParts, type SerialisedParts } from './frame-encoding.js';
import { MemoizedView } from './memoized-view.js';
import { StreamPool, type StreamConnection } from './stream-pool.js';

export interface StaffChannelOptions {
  /** The least time between two updates of the facilitators' screens. */
  intervalMs: number;
  /** An update waits at least this many times as long as the last one took. */
  costFactor: number;
  onDropped: (role: Role) => void;
}

/**
 * The facilitators' streams of one session (the deck and the notes view): everything in
 * the session, rebuilt part by part as events change it, and the same patch to all.
 */
export class StaffChannel {
  readonly pool: StreamPool;
  private readonly view = new MemoizedView(staffProducers);
  private readonly throttle: AdaptiveThrottle;
  private last: SerialisedParts | null = null;

  constructor(
    private readonly source: { readonly state: SessionState; readonly deck: Deck },
    options: StaffChannelOptions,
  ) {
    this.pool = new StreamPool(options.onDropped);
    this.throttle = new AdaptiveThrottle(() => this.update(), { minIntervalMs: options.intervalMs, costFactor: options.costFactor });
  }

  connect(connection: StreamConnection): () => void {
    // A screen that connects sees every event committed so far.
    if (this.throttle.pending) this.throttle.runNow();
    const view = this.last ?? (this.last = this.view.build(this.source.state, this.source.deck));
    return this.pool.add(connection, encodeFrame({ event: 'view', seq: this.source.state.seq }, [joinParts(view)]));
  }

  note(events: readonly DomainEvent[]): void {
    this.view.note(events);
    this.throttle.request();
  }

  closeAll(): void {
    this.throttle.cancel();
    this.pool.closeAll();
  }

  private update(): void {
    // With nobody watching, nothing is built; the next screen to connect builds it whole.
    if (this.pool.size === 0) {
      this.last = null;
      return;
    }
    const next = this.view.build(this.source.state, this.source.deck);
    const changed = changedParts(this.last, next);
    this.last = next;
    if (changed.size > 0) this.pool.broadcast(encodeFrame({ event: 'patch', seq: this.source.state.seq }, [joinParts(changed)]));
  }
}
