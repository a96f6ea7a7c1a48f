import { changedParts, encodeFrame, encodeParts, joinParts, type SerialisedParts } from './frame-encoding.js';
import type { StreamConnection, StreamPool } from './stream-pool.js';

/** A phone's stream, with what it was last sent of its own parts. */
export interface PhoneConnection extends StreamConnection {
  participantId: string;
  lastOwn: SerialisedParts;
}

export interface PhoneUpdate {
  seq: number;
  /** The shared parts that changed since the last update, serialised (maybe none). */
  shared: SerialisedParts;
  /** Their content tags. */
  sharedTags: Record<string, string>;
  /** Whose own parts may have changed, with the types of their own events that may have changed them. */
  dirty: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The types of the events since the last update that may touch every phone's own parts
   * (a facilitator's or the system's, like a slide change), or none. Only the own parts
   * these types can change are rebuilt for everyone: a slide change rebuilds a phone's
   * sticker budget (it depends on the slide), not its cards, answers and moves.
   */
  everyone: ReadonlySet<string> | null;
  /** A person's own parts that events of these types can change, serialised. */
  ownParts(participantId: string, eventTypes: ReadonlySet<string>): SerialisedParts;
}

/**
 * Sends one update to every phone. The shared parts are encoded to bytes once and the same
 * bytes are queued on every stream; a person's own parts are made once per person (they
 * may have several phones) and each phone is sent only what changed from what it holds.
 * A phone with nothing new gets nothing.
 */
export function fanOut(phones: StreamPool<PhoneConnection>, update: PhoneUpdate): void {
  const sharedBytes = update.shared.size > 0 ? encodeParts(update.shared) : null;
  const head = { event: 'patch' as const, seq: update.seq, ...(sharedBytes ? { tags: update.sharedTags } : {}) };
  const sharedOnly = sharedBytes ? encodeFrame(head, [sharedBytes]) : null;
  const ownOf = new Map<string, SerialisedParts>();
  for (const phone of phones) {
    const id = phone.participantId;
    const types = typesFor(update, id);
    let ownChanged: SerialisedParts | null = null;
    if (types !== undefined) {
      let own = ownOf.get(id);
      if (!own) ownOf.set(id, (own = update.ownParts(id, types)));
      // Each phone keeps its own record of what it was sent; parts not rebuilt stay as they were.
      ownChanged = changedParts(phone.lastOwn, own);
      for (const [key, json] of ownChanged) phone.lastOwn.set(key, json);
    }
    if (ownChanged && ownChanged.size > 0) phones.send(phone, encodeFrame(head, sharedBytes ? [sharedBytes, joinParts(ownChanged)] : [joinParts(ownChanged)]));
    else if (sharedOnly) phones.send(phone, sharedOnly);
  }
}

/** The event types that may have changed this person's own parts: everyone's, and their own. */
function typesFor(update: PhoneUpdate, participantId: string): ReadonlySet<string> | undefined {
  const own = update.dirty.get(participantId);
  if (!update.everyone) return own;
  if (!own) return update.everyone;
  return new Set([...update.everyone, ...own]);
}
