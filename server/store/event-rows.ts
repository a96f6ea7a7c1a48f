import type { DomainEvent } from '../domain/events.js';
import { EventTooNew, upcast, type EventVersions } from '../domain/event-versions.js';
import { DamagedLogError } from './damaged-log.js';

/** An event as both stores keep it: JSON text in columns, and the version of its data's shape. */
export interface EventRow {
  seq: number;
  type: string;
  actor: string;
  data: string;
  at: number;
  v: number;
}

/**
 * A session's rows, in order, as events in their current shape (older ones upcast). The
 * same rules for both stores: a gap in the numbering, a row whose JSON does not parse or an
 * event that cannot be brought to the current shape throws DamagedLogError naming it.
 */
export function eventsFromRows(rows: EventRow[], versions: EventVersions): DomainEvent[] {
  const current = versions.current;
  return rows.map((r, i) => {
    if (r.seq !== i + 1) throw new DamagedLogError('event_missing', i + 1, 'is missing from the log');
    let event: DomainEvent;
    try {
      event = { seq: r.seq, type: r.type, actor: JSON.parse(r.actor), data: JSON.parse(r.data), at: r.at } as DomainEvent;
    } catch {
      throw new DamagedLogError('event_unreadable', r.seq, `(${String(r.type).slice(0, 40)}) cannot be read: its stored data is not valid JSON`);
    }
    if (r.v !== current) event.data = upcastRow(r, event.data, versions) as never;
    return event;
  });
}

function upcastRow(row: EventRow, data: unknown, versions: EventVersions): unknown {
  const type = String(row.type).slice(0, 40);
  try {
    return upcast(row.type, row.v, data, versions);
  } catch (error) {
    if (error instanceof EventTooNew) throw new DamagedLogError('event_rejected', row.seq, `(${type}) ${error.message}`);
    // The upcaster's message may quote the data; only its kind is kept.
    throw new DamagedLogError('event_rejected', row.seq, `(${type}) cannot be brought from event version ${row.v} to ${versions.current} (${(error as Error).name})`);
  }
}
