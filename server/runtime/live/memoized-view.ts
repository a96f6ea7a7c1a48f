import type { Deck } from '../../deck/deck-schema.js';
import type { DomainEvent } from '../../domain/events.js';
import { changedBy, type PartProducer } from '../../domain/part-producer.js';
import type { SessionState } from '../../domain/session-state.js';

/**
 * A view built from producers, each re-run only when an event it depends on arrived since
 * the last build. Unchanged parts keep the very same serialised string, so comparing
 * them with what was last sent costs nothing.
 */
export class MemoizedView {
  private readonly cache = new Map<PartProducer, Map<string, string>>();
  private readonly arrived = new Set<string>();

  constructor(private readonly producers: readonly PartProducer[]) {}

  note(events: readonly DomainEvent[]): void {
    for (const event of events) this.arrived.add(event.type);
  }

  build(state: SessionState, deck: Deck): Map<string, string> {
    const view = new Map<string, string>();
    for (const producer of this.producers) {
      let parts = this.cache.get(producer);
      if (!parts || changedBy(producer.changesWith, this.arrived)) {
        parts = new Map(Object.entries(producer.produce(state, deck)).map(([key, value]) => [key, JSON.stringify(value)]));
        this.cache.set(producer, parts);
      }
      for (const [key, json] of parts) view.set(key, json);
    }
    this.arrived.clear();
    return view;
  }
}
